import AuditCalendar
import Testing

@Suite("Deadlines")
struct DeadlineTests {
    let calendar: BusinessCalendar

    init() throws {
        calendar = try ShippedCalendar.calendar()
    }

    private func lastDay(_ start: String, _ rule: DeadlineRule) throws -> String {
        try calendar.deadline(from: date(start), rule).lastDay.description
    }

    // MARK: Examples from timeliness.md

    @Test func receivedThursdayTwoWorkingDays() throws {
        // 04-03 (1), 04-04..04-06 Qingming, 04-07 (2).
        #expect(try lastDay("2026-04-02", .workingDays(2)) == "2026-04-07")
    }

    @Test func documentsCompleteFridayThreeWorkingDays() throws {
        // 02-14 adjusted working Saturday (1), 02-15..02-23 Spring Festival, 02-24 (2), 02-25 (3).
        #expect(try lastDay("2026-02-13", .workingDays(3)) == "2026-02-25")
    }

    @Test func thirtyCalendarDaysEndingOnASunday() throws {
        // 02-13 + 30 = 03-15, a Sunday → Monday 03-16.
        let deadline = try calendar.deadline(from: date("2026-02-13"), .calendarDays(30))
        #expect(deadline.lastDay == date("2026-03-16"))
        #expect(deadline.rule == .calendarDays(30))
    }

    @Test func theDeadlineIsTheEndOfTheLastDay() throws {
        let deadline = try calendar.deadline(from: date("2026-04-02"), .workingDays(2))
        let due = deadline.instant(offsetSeconds: shanghai)
        #expect(due == timestamp("2026-04-07 24:00"))
        #expect(due == timestamp("2026-04-07T16:00:00Z"))
        #expect(due.formatted(offsetSeconds: shanghai) == "2026-04-08 00:00")
        #expect(timestamp("2026-04-07 23:59") < due)        // on time
        #expect(timestamp("2026-04-07 23:59:59") < due)     // on time
        #expect(!(timestamp("2026-04-08 00:00") < due))     // late
        #expect(deadline.instant(offsetSeconds: 0) == timestamp("2026-04-08T00:00:00Z"))
        _ = Deadline(lastDay: .latest, rule: .calendarDays(0)).instant(offsetSeconds: .min)
        _ = Deadline(lastDay: .earliest, rule: .calendarDays(0)).instant(offsetSeconds: .max)
    }

    // MARK: Year boundaries

    @Test func acrossNewYear2026() throws {
        // 01-01, 01-02 holidays, 01-03 Saturday holiday, 01-04 Sunday working (1), 01-05 (2), 01-06 (3).
        #expect(try lastDay("2025-12-31", .workingDays(3)) == "2026-01-06")
        #expect(try lastDay("2025-12-31", .workingDays(1)) == "2026-01-04")
    }

    @Test func acrossNewYear2025() throws {
        #expect(try lastDay("2024-12-31", .workingDays(1)) == "2025-01-02")
    }

    @Test func theStartDayItselfIsNotConsulted() throws {
        // 2023 is not covered, but only 2024 days are counted.
        #expect(try lastDay("2023-12-31", .workingDays(1)) == "2024-01-02")
        #expect(try lastDay("2023-12-31", .calendarDays(1)) == "2024-01-02")
    }

    @Test func uncoveredYearsAreErrors() {
        #expect(throws: CalendarError(year: 2027)) {
            try calendar.deadline(from: date("2026-12-20"), .calendarDays(30))
        }
        #expect(throws: CalendarError(year: 2027)) {
            try calendar.deadline(from: date("2026-12-28"), .workingDays(5))
        }
        #expect(throws: CalendarError(year: 2023)) {
            try calendar.deadline(from: date("2023-12-31"), .workingDays(0))
        }
        #expect(throws: CalendarError(year: 2023)) {
            try calendar.isWorkingDay(date("2023-06-01"))
        }
        #expect(CalendarError(year: 2027).description == "calendar does not cover 2027")
        do {
            _ = try calendar.deadline(from: date("2026-12-20"), .calendarDays(30))
        } catch {
            #expect(error.description == "calendar does not cover 2027")
        }
    }

    @Test func lastWorkingDaysOfACoveredYear() throws {
        // 2026-12-31 is a Thursday: reachable; one more working day is not.
        #expect(try lastDay("2026-12-29", .workingDays(2)) == "2026-12-31")
        #expect(try lastDay("2026-12-31", .calendarDays(0)) == "2026-12-31")
    }

    // MARK: Counting rules

    @Test func adjustedSaturdayWorkingDaysCount() throws {
        #expect(try calendar.isWorkingDay(date("2026-05-09")))
        #expect(try lastDay("2026-05-08", .workingDays(1)) == "2026-05-09")
        #expect(try lastDay("2026-02-13", .workingDays(1)) == "2026-02-14")
        #expect(try lastDay("2024-10-11", .workingDays(1)) == "2024-10-12")
        // A calendar-day deadline landing on an adjusted working Saturday stays there.
        #expect(try lastDay("2026-05-02", .calendarDays(7)) == "2026-05-09")
    }

    @Test func zeroCounts() throws {
        #expect(try lastDay("2026-04-03", .workingDays(0)) == "2026-04-03")
        #expect(try lastDay("2026-04-04", .workingDays(0)) == "2026-04-07")
        #expect(try lastDay("2026-04-04", .calendarDays(0)) == "2026-04-07")
        #expect(try lastDay("2026-04-04", .workingDays(-3)) == "2026-04-07")
        #expect(try lastDay("2026-04-04", .calendarDays(-3)) == "2026-04-07")
    }

    @Test func calendarDaysOverAHoliday() throws {
        // 2026-09-24 + 3 = 09-27 (Sunday, Mid-Autumn) → Monday 09-28.
        #expect(try lastDay("2026-09-24", .calendarDays(3)) == "2026-09-28")
        // 2025-09-27 + 5 = 10-02 (National Day) → 10-09.
        #expect(try lastDay("2025-09-27", .calendarDays(5)) == "2025-10-09")
        // Plain weekday: no move.
        #expect(try lastDay("2026-03-02", .calendarDays(3)) == "2026-03-05")
    }

    /// The fast year-skipping search agrees with walking day by day.
    @Test func agreesWithANaiveWalk() throws {
        var mismatches: [String] = []
        for start in stride(from: date("2023-12-25").dayNumber, through: date("2026-12-31").dayNumber, by: 3) {
            for n in [0, 1, 2, 3, 5, 7, 10, 15, 20, 30, 60, 90, 250, 400] {
                for rule in [DeadlineRule.workingDays(n), .calendarDays(n)] {
                    let fast = try? calendar.deadline(from: LocalDate(dayNumber: start), rule).lastDay
                    let slow = naive(start, rule)
                    if fast != slow { mismatches.append("\(LocalDate(dayNumber: start)) \(rule)") }
                }
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }

    private func naive(_ start: Int, _ rule: DeadlineRule) -> LocalDate? {
        func working(_ day: Int) -> Bool? { try? calendar.isWorkingDay(LocalDate(dayNumber: day)) }
        switch rule {
        case .workingDays(let n):
            var day = n == 0 ? start : start + 1
            var counted = 0
            while true {
                guard let isWorking = working(day) else { return nil }
                if isWorking {
                    counted += 1
                    if counted >= max(1, n) { return LocalDate(dayNumber: day) }
                }
                day += 1
            }
        case .calendarDays(let n):
            var day = start + n
            while true {
                guard let isWorking = working(day) else { return nil }
                if isWorking { return LocalDate(dayNumber: day) }
                day += 1
            }
        }
    }

    // MARK: Lateness

    @Test func oneWorkingDayLate() throws {
        let deadline = try calendar.deadline(from: date("2026-04-02"), .workingDays(2))
        #expect(try calendar.lateness(of: date("2026-04-08"), against: deadline) == 1)
        #expect(try calendar.lateness(of: date("2026-04-07"), against: deadline) == 0)
        #expect(try calendar.lateness(of: date("2026-04-03"), against: deadline) == 0)
        #expect(try calendar.lateness(of: date("2026-04-10"), against: deadline) == 3)
    }

    @Test func latenessOverAWeekend() throws {
        let friday = Deadline(lastDay: date("2026-03-13"), rule: .workingDays(2))
        #expect(try calendar.lateness(of: date("2026-03-14"), against: friday) == 1)  // Saturday: at least 1
        #expect(try calendar.lateness(of: date("2026-03-15"), against: friday) == 1)
        #expect(try calendar.lateness(of: date("2026-03-16"), against: friday) == 1)  // Monday
        #expect(try calendar.lateness(of: date("2026-03-17"), against: friday) == 2)
        #expect(try calendar.lateness(of: date("2026-03-21"), against: friday) == 5)  // next Saturday
    }

    @Test func latenessOverHolidaysAndYears() throws {
        // Deadline Friday 2026-04-03; Qingming 04-04..04-06; 04-07 is 1 working day late.
        let beforeQingming = Deadline(lastDay: date("2026-04-03"), rule: .workingDays(1))
        #expect(try calendar.lateness(of: date("2026-04-07"), against: beforeQingming) == 1)
        // Deadline 2025-12-31; 2026-01-04 (adjusted Sunday) is 1, 01-06 is 3.
        let endOf2025 = Deadline(lastDay: date("2025-12-31"), rule: .workingDays(1))
        #expect(try calendar.lateness(of: date("2026-01-06"), against: endOf2025) == 3)
        // A whole year's working days.
        let endOf2024 = Deadline(lastDay: date("2024-12-31"), rule: .workingDays(1))
        #expect(try calendar.lateness(of: date("2025-12-31"), against: endOf2024) == 248)
        #expect(throws: CalendarError(year: 2027)) {
            try calendar.lateness(of: date("2027-01-04"), against: endOf2024)
        }
    }

    @Test func calendarDayLateness() throws {
        let deadline = try calendar.deadline(from: date("2026-02-13"), .calendarDays(30))
        #expect(try calendar.lateness(of: date("2026-03-16"), against: deadline) == 0)
        #expect(try calendar.lateness(of: date("2026-03-18"), against: deadline) == 2)
        // Calendar days need no coverage.
        #expect(try calendar.lateness(of: date("2027-03-16"), against: deadline) == 365)
    }

    @Test func latenessIsTheInverseOfTheDeadline() throws {
        for start in stride(from: date("2024-01-01").dayNumber, through: date("2026-10-31").dayNumber, by: 5) {
            let from = LocalDate(dayNumber: start)
            for n in [1, 2, 3, 10, 40] {
                let deadline = try calendar.deadline(from: from, .workingDays(n))
                let asIfDueOnStart = Deadline(lastDay: from, rule: .workingDays(n))
                #expect(try calendar.lateness(of: deadline.lastDay, against: asIfDueOnStart) == n)
            }
        }
    }

    // MARK: Bounded work on hostile input

    @Test func hugeCountsAreBoundedErrors() {
        #expect(throws: CalendarError(year: 2027)) {
            try calendar.deadline(from: date("2026-01-01"), .workingDays(.max))
        }
        #expect(throws: CalendarError.self) {
            try calendar.deadline(from: date("2026-01-01"), .calendarDays(.max))
        }
        // 99 999 999 days after 1970-01-01 falls in the year 275760; the error names it.
        #expect(throws: CalendarError(year: 275_760)) {
            try calendar.deadline(from: date("1970-01-01"), .calendarDays(99_999_999))
        }
    }

    @Test func everyYearCoveredStillTerminates() throws {
        let all = BusinessCalendar(years: (1...9999).map { BusinessCalendar.Year(year: $0, source: "test") })
        #expect(throws: CalendarError(year: 10000)) {
            try all.deadline(from: .earliest, .workingDays(.max))
        }
        #expect(throws: CalendarError(year: 10000)) {
            try all.deadline(from: .latest, .calendarDays(1))
        }
        let far = try all.deadline(from: date("2000-01-01"), .workingDays(1_000_000))
        #expect(try all.lateness(of: far.lastDay, against: Deadline(lastDay: date("2000-01-01"), rule: .workingDays(1)))
            == 1_000_000)
        let everything = try all.lateness(of: .latest, against: Deadline(lastDay: .earliest, rule: .workingDays(1)))
        #expect(everything == (LocalDate.latest.dayNumber - LocalDate.earliest.dayNumber) / 7 * 5 + 4)
    }
}
