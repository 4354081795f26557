/// How a time limit is counted (中华人民共和国民法典 第二百零一条、第二百零三条).
public enum DeadlineRule: Sendable, Hashable {
    /// "N个工作日": the N-th working day after the start day.
    case workingDays(Int)
    /// "N日": the N-th calendar day after the start day, moved to the next working day when
    /// it is not one.
    case calendarDays(Int)
}

/// A computed deadline: the last day on which completion is on time, and how it was counted
/// (which decides how lateness is measured).
public struct Deadline: Sendable, Hashable {
    /// The last day on which completion is on time.
    public let lastDay: LocalDate
    public let rule: DeadlineRule

    public init(lastDay: LocalDate, rule: DeadlineRule) {
        self.lastDay = lastDay
        self.rule = rule
    }

    /// The instant the deadline expires: the end of `lastDay` (24:00 local), which is the
    /// start of the next day at `offsetSeconds` east of UTC. A completion strictly before this
    /// instant is on time; 23:59 on the last day is on time, 00:00 the next day is late.
    public func instant(offsetSeconds: Int) -> Timestamp {
        let midnight = Int64(lastDay.dayNumber + 1) * 86_400
        let (seconds, overflow) = midnight.subtractingReportingOverflow(Int64(offsetSeconds))
        if overflow { return Timestamp(seconds: offsetSeconds > 0 ? .min : .max) }
        return Timestamp(seconds: seconds)
    }
}

extension BusinessCalendar {
    /// The deadline for an event on `start` (a local date). The start day is not counted.
    ///
    /// - `.workingDays(n)`: the n-th working day after `start`. With n = 0: `start` itself
    ///   when it is a working day, else the next working day.
    /// - `.calendarDays(n)`: the day `start + n`; when that is not a working day (weekend or
    ///   holiday), the next working day. With n = 0 that is `start` or the next working day.
    /// - Negative counts are treated as 0.
    ///
    /// Throws `CalendarError` naming the first year the count needs that the calendar does not
    /// cover (the start day itself is only consulted when n = 0). Cost is bounded by the
    /// number of years crossed, whatever n is.
    public func deadline(from start: LocalDate, _ rule: DeadlineRule) throws(CalendarError) -> Deadline {
        let day: Int
        switch rule {
        case .workingDays(let n):
            day = n <= 0
                ? try nthWorkingDay(1, onOrAfter: start.dayNumber)
                : try nthWorkingDay(n, onOrAfter: start.dayNumber + 1)
        case .calendarDays(let n):
            let (target, overflow) = start.dayNumber.addingReportingOverflow(max(0, n))
            if overflow { throw CalendarError(year: CivilCalendar.year(ofDay: .max)) }
            day = try nthWorkingDay(1, onOrAfter: target)
        }
        return Deadline(lastDay: LocalDate(dayNumber: day), rule: rule)
    }

    /// How late completion on `done` is against `deadline`; 0 when `done` is on or before
    /// `deadline.lastDay`.
    ///
    /// - Working-day rules: the number of working days after `lastDay` up to and including
    ///   `done` (done on the next working day = 1), but at least 1 when `done` is after
    ///   `lastDay` (completing on the weekend right after a Friday deadline is 1 working day
    ///   late). Throws `CalendarError` when a year in between is not covered.
    /// - Calendar-day rules: the number of calendar days after `lastDay`; never throws.
    public func lateness(of done: LocalDate, against deadline: Deadline) throws(CalendarError) -> Int {
        let last = deadline.lastDay.dayNumber, day = done.dayNumber
        guard day > last else { return 0 }
        switch deadline.rule {
        case .calendarDays:
            return day - last
        case .workingDays:
            return max(1, try workingDayCount(last + 1, through: day))
        }
    }
}

/// A period in which a deadline's clock does not run: from the day a notice reached the
/// customer to the day what it asked for reached the company, both days counted
/// (最高人民法院关于适用《保险法》若干问题的解释(二) 第十五条). `to` is nil while the period is open.
public struct Suspension: Sendable, Hashable {
    public var from: LocalDate
    public var to: LocalDate?

    public init(from: LocalDate, to: LocalDate?) {
        self.from = from
        self.to = to
    }
}

/// A calendar-day deadline with suspensions deducted.
public enum SuspendedDeadline: Sendable, Hashable {
    /// The deadline, and how many days were deducted to reach it.
    case due(Deadline, deducted: Int)
    /// A suspension that is still open stopped the clock before it ran out: no deadline yet.
    /// `running` is the deadline as it stood when the clock stopped.
    case stopped(since: LocalDate, running: Deadline)
}

extension BusinessCalendar {
    /// `n` calendar days from `start` (the start day not counted), not counting the days of
    /// the suspensions, each day once however the suspensions overlap; the last day moves to
    /// the next working day as for any calendar-day deadline.
    ///
    /// A suspension counts only when it began on or before the deadline as it stood then:
    /// once the time has run out, a later notice does not revive it. One that began after the
    /// n-th day, within the days the deadline had moved on to reach a working day, is treated as
    /// if it had begun on the n-th day: the deadline becomes the day after it ends (then the
    /// next working day), never earlier, and never later than an earlier notice would give.
    /// An open suspension that counts stops the clock (`.stopped`). `deducted` is how many days
    /// the n-th day moved: `start + n + deducted` is the deadline before the working-day move.
    public func deadline(from start: LocalDate, days n: Int, suspending suspensions: [Suspension]) throws(CalendarError) -> SuspendedDeadline {
        var last = start.dayNumber + max(0, n)  // the n-th counted day, before moving to a working day
        var deducted = 0
        var covered = start.dayNumber  // days up to here are deducted already, or not counted at all
        func moved(_ day: Int) throws(CalendarError) -> Deadline {
            Deadline(lastDay: try deadline(from: LocalDate(dayNumber: day), .calendarDays(0)).lastDay, rule: .calendarDays(n + deducted))
        }
        // Sorted on both ends, so the same suspensions in any order give the same result.
        let ordered = suspensions.sorted { ($0.from, $0.to ?? .latest) < ($1.from, $1.to ?? .latest) }
        for suspension in ordered {
            let running = try moved(last)
            guard suspension.from <= running.lastDay else { break }
            guard let to = suspension.to else { return .stopped(since: suspension.from, running: running) }
            let first = max(suspension.from.dayNumber, covered + 1)
            guard to.dayNumber >= first else { continue }
            if first <= last {
                last += to.dayNumber - first + 1
            } else {
                // The n days had passed and only the move to a working day kept the time open:
                // as for a notice on the n-th day itself, the time ends the day after `to`.
                last = to.dayNumber + 1
            }
            deducted = last - (start.dayNumber + max(0, n))
            covered = to.dayNumber
        }
        return .due(try moved(last), deducted: deducted)
    }
}
