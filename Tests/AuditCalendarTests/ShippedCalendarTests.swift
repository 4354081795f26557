import AuditCalendar
import AuditCore
import AuditYAML
import Testing

/// `rules/calendar.yaml` against the table in timeliness.md.
@Suite("rules/calendar.yaml")
struct ShippedCalendarTests {
    /// Weekday holidays per year, exactly as the spec's table lists them.
    static let weekdayHolidays: [Int: [String]] = [
        2024: ["2024-01-01", "2024-02-12..2024-02-16", "2024-04-04", "2024-04-05", "2024-05-01..2024-05-03",
               "2024-06-10", "2024-09-16", "2024-09-17", "2024-10-01..2024-10-04", "2024-10-07"],
        2025: ["2025-01-01", "2025-01-28..2025-01-31", "2025-02-03", "2025-02-04", "2025-04-04", "2025-05-01",
               "2025-05-02", "2025-05-05", "2025-06-02", "2025-10-01..2025-10-03", "2025-10-06..2025-10-08"],
        2026: ["2026-01-01", "2026-01-02", "2026-02-16..2026-02-20", "2026-02-23", "2026-04-06", "2026-05-01",
               "2026-05-04", "2026-05-05", "2026-06-19", "2026-09-25", "2026-10-01", "2026-10-02",
               "2026-10-05..2026-10-07"],
    ]

    /// Adjusted working days on weekends, from the same table.
    static let weekendWorkingDays: [Int: [String]] = [
        2024: ["2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29",
               "2024-10-12"],
        2025: ["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"],
        2026: ["2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"],
    ]

    @Test func coversExactly2024To2026() throws {
        let years = try ShippedCalendar.years()
        #expect(years.map(\.year) == [2024, 2025, 2026])
        #expect(Set(try ShippedCalendar.calendar().years.keys) == [2024, 2025, 2026])
    }

    @Test(arguments: [2024, 2025, 2026])
    func weekdayHolidaysMatchTheSpec(year: Int) throws {
        let entry = try #require(try ShippedCalendar.years().first { $0.year == year })
        let weekday = entry.holidays.filter { !$0.isWeekend }
        let expected = dates(Self.weekdayHolidays[year] ?? [])
        #expect(weekday.sorted() == expected.sorted())
    }

    @Test(arguments: [2024, 2025, 2026])
    func workingDaysMatchTheSpec(year: Int) throws {
        let entry = try #require(try ShippedCalendar.years().first { $0.year == year })
        #expect(entry.workingDays.sorted() == dates(Self.weekendWorkingDays[year] ?? []).sorted())
        #expect(entry.workingDays.allSatisfy { $0.isWeekend })
    }

    @Test(arguments: [2024, 2025, 2026])
    func dataIsSane(year: Int) throws {
        let entry = try #require(try ShippedCalendar.years().first { $0.year == year })
        #expect(BusinessCalendar.problems(in: entry) == [])
        #expect(entry.source.contains("国务院办公厅关于\(year)年部分节假日安排的通知"))
    }

    /// Working-day counts per year follow from the table: weekdays − weekday holidays + weekend working days.
    @Test func workingDaysPerYear() throws {
        let calendar = try ShippedCalendar.calendar()
        var counts: [Int: Int] = [:]
        for day in date("2024-01-01").dayNumber...date("2026-12-31").dayNumber {
            let value = LocalDate(dayNumber: day)
            if try calendar.isWorkingDay(value) { counts[value.year, default: 0] += 1 }
        }
        // 2024: 262 weekdays − 19 + 8; 2025: 261 − 18 + 5; 2026: 261 − 19 + 6.
        #expect(counts == [2024: 251, 2025: 248, 2026: 248])
    }
}

@Suite struct CalendarFileTests {
    /// `9999:` is a number: the message said "a year must be a number such as 2026, found 9999".
    @Test func aYearOutOfRangeIsNamedAsSuch() {
        let text = "calendar: business-days/1\nyears:\n  9999: {source: x, holidays: [], working_days: []}\n"
        do throws(DiagnosticList) {
            _ = try CalendarFile.load(try YAMLLoader.load(bytes: Array(text.utf8), file: "c.yaml"))
            Issue.record("accepted")
        } catch {
            #expect(error.diagnostics.map(\.message) == ["a year must be a number from 1900 to 2200, such as 2026, found integer 9999"])
        }
    }
}
