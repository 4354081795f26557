import AuditCalendar
import Testing

/// IL 第二十三条's 30 days with the supplementing periods deducted (SPC2 第十五条).
@Suite("Deadlines with suspensions")
struct SuspensionTests {
    let calendar: BusinessCalendar

    init() throws {
        calendar = try ShippedCalendar.calendar()
    }

    private func result(_ received: String, _ periods: [(String, String?)]) throws -> SuspendedDeadline {
        let suspensions = periods.map { Suspension(from: date($0.0), to: $0.1.map { date($0) }) }
        return try calendar.deadline(from: date(received), days: 30, suspending: suspensions)
    }

    private func due(_ received: String, _ periods: [(String, String?)]) throws -> (String, Int)? {
        guard case .due(let deadline, let deducted) = try result(received, periods) else { return nil }
        return (deadline.lastDay.description, deducted)
    }

    @Test func withoutSuspensionsItIsThePlainCalendarDeadline() throws {
        // 02-10 + 30 = 03-12, a Thursday.
        let plain = try #require(try due("2026-02-10", []))
        #expect(plain == ("2026-03-12", 0))
    }

    @Test func bothDaysOfAPeriodAreDeducted() throws {
        // Notice reached 02-20, documents arrived 02-24: 5 days → 02-10 + 35 = 03-17 (Tue).
        let r = try #require(try due("2026-02-10", [("2026-02-20", "2026-02-24")]))
        #expect(r == ("2026-03-17", 5))
    }

    @Test func overlappingPeriodsAreDeductedOnce() throws {
        // 02-20..02-24 and 02-23..02-26 cover 02-20..02-26: 7 days → 03-19 (Thu).
        let r = try #require(try due("2026-02-10", [("2026-02-23", "2026-02-26"), ("2026-02-20", "2026-02-24")]))
        #expect(r == ("2026-03-19", 7))
        // A period inside another adds nothing.
        let nested = try #require(try due("2026-02-10", [("2026-02-20", "2026-02-26"), ("2026-02-21", "2026-02-22")]))
        #expect(nested == ("2026-03-19", 7))
    }

    @Test func theStartDayIsNotDeductedSinceItIsNotCounted() throws {
        // Notice on the day of receipt, documents 02-12: only 02-11 and 02-12 were running days.
        // 02-10 + 32 = 03-14, a Saturday → Monday 03-16.
        let r = try #require(try due("2026-02-10", [("2026-02-10", "2026-02-12")]))
        #expect(r == ("2026-03-16", 2))
    }

    @Test func aNoticeAfterTheTimeRanOutDoesNotReviveIt() throws {
        let r = try #require(try due("2026-02-10", [("2026-03-13", "2026-03-20")]))
        #expect(r == ("2026-03-12", 0))
        // On the last day it still counts: 03-12..03-13 → 32 days → Saturday 03-14 → 03-16.
        let lastDay = try #require(try due("2026-02-10", [("2026-03-12", "2026-03-13")]))
        #expect(lastDay == ("2026-03-16", 2))
    }

    @Test func aNoticeOnTheDayTheDeadlineMovedToCounts() throws {
        // 02-13 + 30 = 03-15 (Sunday) → the last day is Monday 03-16; a notice that day counts,
        // and the day it took is given back after the documents arrive.
        // (Deducted: how far the 30th day, 03-15, moved: 02-13 + 33 = 03-18.)
        #expect(try due("2026-02-13", [("2026-03-16", "2026-03-17")])! == ("2026-03-18", 3))
        #expect(try due("2026-02-13", [("2026-03-16", "2026-03-16")])! == ("2026-03-17", 2))
        // The day after is too late.
        #expect(try due("2026-02-13", [("2026-03-17", "2026-03-18")])! == ("2026-03-16", 0))
    }

    /// The 30th day fell in the Spring Festival and the deadline moved to 02-24; a request on
    /// 02-23, answered 03-02, must not leave a deadline before the documents came. It is taken
    /// as a notice on the 30th day would be: the day after the documents, 03-03 (Tue).
    @Test func aNoticeInTheDaysTheDeadlineMovedOnEndsTheDayAfterTheDocuments() throws {
        let plain = try #require(try due("2026-01-17", []))
        #expect(plain == ("2026-02-24", 0))
        let r = try #require(try due("2026-01-17", [("2026-02-23", "2026-03-02")]))
        #expect(r == ("2026-03-03", 15))
        #expect(try due("2026-01-17", [("2026-02-16", "2026-03-02")])! == ("2026-03-03", 15), "the same as on the 30th day")
        // 02-12: the 30th day is Saturday 03-14, the deadline Monday 03-16; a request that day,
        // answered the next, ends the day after it: 03-18.
        let weekend = try #require(try due("2026-02-12", [("2026-03-16", "2026-03-17")]))
        #expect(weekend == ("2026-03-18", 4))
        // Before the 30th day the deduction adds days to the count as ever: 02-12 + 35 = 03-19.
        let early = try #require(try due("2026-02-12", [("2026-02-20", "2026-02-24")]))
        #expect(early == ("2026-03-19", 5))
    }

    /// A later notice never gives more time than an earlier one with the same documents date,
    /// and the deadline is never before the day after the documents came.
    @Test func laterNoticesNeverGiveMoreTime() throws {
        for received in ["2026-01-17", "2026-02-12", "2026-09-20", "2026-04-20"] {
            let start = date(received)
            let plain = try calendar.deadline(from: start, .calendarDays(30)).lastDay
            for supplied in stride(from: 20, through: 60, by: 5) {
                let to = start.adding(days: supplied)
                var previous: Int?
                for notice in 1...supplied {
                    guard case .due(let d, _) = try calendar.deadline(from: start, days: 30, suspending: [Suspension(from: start.adding(days: notice), to: to)])
                    else { continue }
                    if start.adding(days: notice) <= plain {
                        #expect(d.lastDay > to, "\(received) notice +\(notice) documents +\(supplied): \(d.lastDay)")
                    } else {
                        #expect(d.lastDay == plain, "a notice after the time ran out")
                    }
                    if let previous { #expect(d.lastDay.dayNumber <= previous, "\(received) notice +\(notice) documents +\(supplied)") }
                    previous = d.lastDay.dayNumber
                }
            }
        }
    }

    @Test func anEarlierPeriodCanBringALaterOneIntoTime() throws {
        // The first period (10 days) moves the deadline to 03-22 (Sun) → 03-23; a notice on 03-20
        // then still counts.
        let r = try #require(try due("2026-02-10", [("2026-02-20", "2026-03-01"), ("2026-03-20", "2026-03-21")]))
        #expect(r == ("2026-03-24", 12))
    }

    @Test func anOpenPeriodStopsTheClock() throws {
        let r = try result("2026-02-10", [("2026-02-20", "2026-02-24"), ("2026-03-01", nil)])
        guard case .stopped(let since, let running) = r else {
            Issue.record("expected the clock to stop, got \(r)")
            return
        }
        #expect(since == date("2026-03-01"))
        #expect(running.lastDay == date("2026-03-17"))
        // An open notice that came too late stops nothing.
        #expect(try due("2026-02-10", [("2026-03-13", nil)])! == ("2026-03-12", 0))
    }

    @Test func uncoveredYearsAreStillErrors() {
        #expect(throws: CalendarError(year: 2027)) {
            try calendar.deadline(from: date("2026-12-01"), days: 30, suspending: [Suspension(from: date("2026-12-05"), to: date("2026-12-10"))])
        }
    }
}
