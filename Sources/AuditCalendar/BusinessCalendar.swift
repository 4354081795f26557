/// A computation needed a day in a year the business calendar does not list. The auditor
/// never guesses working days from weekdays alone.
public struct CalendarError: Error, Sendable, Equatable, CustomStringConvertible {
    public let year: Int

    public init(year: Int) {
        self.year = year
    }

    /// `calendar does not cover 2027`.
    public var description: String { "calendar does not cover \(year)" }
}

/// Something wrong in one year of calendar data, as a value the loader maps to a file
/// location (`date` names the day concerned, when there is one).
public enum CalendarProblem: Sendable, Hashable, CustomStringConvertible {
    /// The year has no (or only a blank) source notice.
    case emptySource(year: Int)
    /// The year number cannot hold any date (outside 1...9999).
    case yearOutOfRange(year: Int)
    /// A date listed under a year it does not belong to; it is ignored by the calendar.
    case wrongYear(LocalDate, filedUnder: Int)
    /// A date listed both as a holiday and as an adjusted working day.
    case holidayAndWorkingDay(LocalDate)
    /// An adjusted working day on Monday–Friday, which is a working day anyway.
    case workingDayNotOnWeekend(LocalDate)

    public var date: LocalDate? {
        switch self {
        case .emptySource, .yearOutOfRange: nil
        case .wrongYear(let date, _), .holidayAndWorkingDay(let date), .workingDayNotOnWeekend(let date): date
        }
    }

    public var description: String {
        switch self {
        case .emptySource(let year):
            return "year \(year) needs the source notice"
        case .yearOutOfRange(let year):
            return "year \(year) is outside 1...9999"
        case .wrongYear(let date, let year):
            return "\(date) is filed under \(year)"
        case .holidayAndWorkingDay(let date):
            return "\(date) is both a holiday and a working day"
        case .workingDayNotOnWeekend(let date):
            let names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
            return "\(date) is a \(names[date.weekday - 1]): adjusted working days fall on weekends"
        }
    }
}

/// Working days per the State Council notices (国务院办公厅关于YYYY年部分节假日安排的通知):
/// Monday–Friday except the listed holidays, plus the listed adjusted working days
/// (调休上班日) on weekends. Only listed years are covered; asking about any other year
/// throws `CalendarError`.
///
/// Rules for odd data (which `problems(in:)` reports): a date listed as both holiday and
/// working day in the same layer counts as a holiday; a date filed under another year is
/// ignored; a weekday listed as a working day stays a working day.
public struct BusinessCalendar: Sendable {
    /// One year of calendar data as written in the file.
    public struct Year: Sendable, Equatable {
        public var year: Int
        /// The notice the dates come from.
        public var source: String
        /// Every day off of each holiday period, weekend days inside a period included.
        public var holidays: Set<LocalDate>
        /// Adjusted working days (weekend days that are working days).
        public var workingDays: Set<LocalDate>

        public init(year: Int, source: String, holidays: Set<LocalDate> = [], workingDays: Set<LocalDate> = []) {
            self.year = year
            self.source = source
            self.holidays = holidays
            self.workingDays = workingDays
        }
    }

    /// The covered years, after merging layers.
    public let years: [Int: Year]
    /// Per covered year, the days that differ from the plain Monday–Friday rule.
    private let index: [Int: YearIndex]

    /// Builds a calendar from year entries in order. Several entries for the same year are
    /// layered, later over earlier: holidays and working days are each united, and a date
    /// that one layer makes a holiday and a later layer a working day (or the reverse)
    /// takes the later layer's word. Sources are joined with "; ".
    public init(years entries: [Year]) {
        var years: [Int: Year] = [:]
        for entry in entries {
            guard var merged = years[entry.year] else {
                years[entry.year] = entry
                continue
            }
            merged.holidays.subtract(entry.workingDays)
            merged.workingDays.subtract(entry.holidays)
            merged.holidays.formUnion(entry.holidays)
            merged.workingDays.formUnion(entry.workingDays)
            let source = entry.source
            if merged.source.isEmpty || merged.source == source {
                merged.source = source
            } else if !source.isEmpty {
                merged.source += "; " + source
            }
            years[entry.year] = merged
        }
        self.years = years
        var index: [Int: YearIndex] = [:]
        for (number, year) in years where (1...9999).contains(number) {
            index[number] = YearIndex(year)
        }
        self.index = index
    }

    /// This calendar with `other` laid on top (a province's extra days over the national
    /// calendar): the same merge as `init(years:)` with `other`'s entries last.
    public func layered(with other: BusinessCalendar) -> BusinessCalendar {
        let mine = years.keys.sorted().compactMap { years[$0] }
        let theirs = other.years.keys.sorted().compactMap { other.years[$0] }
        return BusinessCalendar(years: mine + theirs)
    }

    /// Whether `date` is a working day; throws when its year is not covered.
    public func isWorkingDay(_ date: LocalDate) throws(CalendarError) -> Bool {
        guard let year = index[date.year] else { throw CalendarError(year: date.year) }
        return year.isWorking(date.dayNumber, weekday: date.weekday)
    }

    /// Sanity problems in one year of data, sorted: an empty source, a year outside
    /// 1...9999, then per date (in date order) a date filed under the wrong year, a date
    /// listed both as holiday and as working day, an adjusted working day not on a weekend.
    public static func problems(in year: Year) -> [CalendarProblem] {
        var problems: [CalendarProblem] = []
        if year.source.allSatisfy({ $0.isWhitespace }) {
            problems.append(.emptySource(year: year.year))
        }
        if !(1...9999).contains(year.year) {
            problems.append(.yearOutOfRange(year: year.year))
        }
        for date in year.holidays.union(year.workingDays).sorted() {
            if date.year != year.year {
                problems.append(.wrongYear(date, filedUnder: year.year))
            }
            let working = year.workingDays.contains(date)
            if working, year.holidays.contains(date) {
                problems.append(.holidayAndWorkingDay(date))
            }
            if working, !date.isWeekend {
                problems.append(.workingDayNotOnWeekend(date))
            }
        }
        return problems
    }

    // MARK: - Counting (internal, used by deadlines)

    /// The year data for the day number `day`, or the error naming its year.
    func year(containing day: Int) throws(CalendarError) -> YearIndex {
        guard day >= CivilCalendar.minDay, day <= CivilCalendar.maxDay else {
            throw CalendarError(year: CivilCalendar.year(ofDay: day))
        }
        let number = CivilCalendar.year(ofDay: day)
        guard let year = index[number] else { throw CalendarError(year: number) }
        return year
    }

    /// The day number of the `count`-th working day on or after day `first` (`count` ≥ 1).
    /// Skips whole years by their working-day counts, so the cost is bounded by the number
    /// of years crossed (each must be covered) plus one year walked day by day.
    func nthWorkingDay(_ count: Int, onOrAfter first: Int) throws(CalendarError) -> Int {
        var remaining = max(1, count)
        var cursor = first
        // At most one pass per representable year; each pass leaves a year or returns.
        for _ in 0...10_000 {
            let year = try year(containing: cursor)
            let available = year.workingCount(cursor, year.lastDay)
            if available < remaining {
                remaining -= available
                cursor = year.lastDay + 1
                continue
            }
            var day = cursor
            while day <= year.lastDay {
                if year.isWorking(day, weekday: CivilCalendar.weekday(ofDay: day)) {
                    remaining -= 1
                    if remaining == 0 { return day }
                }
                day += 1
            }
            cursor = year.lastDay + 1
        }
        throw CalendarError(year: CivilCalendar.year(ofDay: cursor))
    }

    /// The number of working days in `first...last` (0 when empty); every year touched must
    /// be covered. Cost is bounded by the number of years, not days.
    func workingDayCount(_ first: Int, through last: Int) throws(CalendarError) -> Int {
        guard last >= first else { return 0 }
        var total = 0
        var cursor = first
        for _ in 0...10_000 {
            guard cursor <= last else { return total }
            let year = try year(containing: cursor)
            total += year.workingCount(cursor, min(last, year.lastDay))
            cursor = year.lastDay + 1
        }
        return total
    }
}

/// One covered year, reduced to the days that break the Monday–Friday rule.
struct YearIndex: Sendable {
    let firstDay: Int
    let lastDay: Int
    let holidays: Set<Int>
    let workingDays: Set<Int>
    /// Sorted day numbers of holidays on Monday–Friday (days taken off).
    let weekdayHolidays: [Int]
    /// Sorted day numbers of working days on weekends that are not also holidays.
    let weekendWorkingDays: [Int]

    init(_ year: BusinessCalendar.Year) {
        firstDay = CivilCalendar.days(year: year.year, month: 1, day: 1)
        lastDay = CivilCalendar.days(year: year.year, month: 12, day: 31)
        let holidays = Set(year.holidays.filter { $0.year == year.year }.map(\.dayNumber))
        let working = Set(year.workingDays.filter { $0.year == year.year }.map(\.dayNumber))
        self.holidays = holidays
        self.workingDays = working
        weekdayHolidays = holidays.filter { CivilCalendar.weekday(ofDay: $0) <= 5 }.sorted()
        weekendWorkingDays = working.filter { CivilCalendar.weekday(ofDay: $0) >= 6 && !holidays.contains($0) }.sorted()
    }

    func isWorking(_ day: Int, weekday: Int) -> Bool {
        if holidays.contains(day) { return false }
        if workingDays.contains(day) { return true }
        return weekday <= 5
    }

    /// Working days in `first...last`, both inside this year.
    func workingCount(_ first: Int, _ last: Int) -> Int {
        guard last >= first else { return 0 }
        let off = weekdayHolidays.lazy.filter { $0 >= first && $0 <= last }.count
        let on = weekendWorkingDays.lazy.filter { $0 >= first && $0 <= last }.count
        return CivilCalendar.weekdayCount(first, last) - off + on
    }
}
