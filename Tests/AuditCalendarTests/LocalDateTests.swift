import AuditCalendar
import Testing

@Suite("LocalDate")
struct LocalDateTests {
    @Test func impossibleDatesAreRejected() {
        #expect(LocalDate(year: 2026, month: 2, day: 30) == nil)
        #expect(LocalDate(year: 2025, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 1900, month: 2, day: 29) == nil)
        #expect(LocalDate(year: 2026, month: 13, day: 1) == nil)
        #expect(LocalDate(year: 2026, month: 0, day: 1) == nil)
        #expect(LocalDate(year: 2026, month: 4, day: 31) == nil)
        #expect(LocalDate(year: 2026, month: 4, day: 0) == nil)
        #expect(LocalDate(year: 0, month: 1, day: 1) == nil)
        #expect(LocalDate(year: 10000, month: 1, day: 1) == nil)
        #expect(LocalDate(year: 99_999_999, month: 1, day: 1) == nil)
        #expect(LocalDate(year: .max, month: .max, day: .max) == nil)
        #expect(LocalDate(year: .min, month: 1, day: 1) == nil)
        #expect(LocalDate(iso: "2026-02-30") == nil)
        #expect(LocalDate(iso: "2025-02-29") == nil)
    }

    @Test func leapDaysAreAccepted() {
        #expect(LocalDate(year: 2024, month: 2, day: 29)?.description == "2024-02-29")
        #expect(LocalDate(year: 2000, month: 2, day: 29) != nil)
        #expect(LocalDate(iso: "2024-02-29") == LocalDate(year: 2024, month: 2, day: 29))
    }

    @Test func isoParsingIsStrict() {
        #expect(LocalDate(iso: "2026-04-07")?.description == "2026-04-07")
        #expect(LocalDate(iso: "0001-01-01") == .earliest)
        #expect(LocalDate(iso: "9999-12-31") == .latest)
        for bad in ["2026-4-07", "2026-04-7", "2026-04-07 ", " 2026-04-07", "2026/04/07", "20260407",
                    "0000-01-01", "+026-04-07", "２０２６-04-07", "2026-04-07T00:00", "", "99999999-01-01",
                    "2026-0a-07", "2026-04-07x"] {
            #expect(LocalDate(iso: bad) == nil, "\(bad)")
        }
        #expect(LocalDate(iso: "x2026-04-07".dropFirst()) != nil)
    }

    @Test func knownWeekdays() {
        #expect(date("1970-01-01").weekday == 4)
        #expect(date("2000-01-01").weekday == 6)
        #expect(date("2026-04-02").weekday == 4)
        #expect(date("2026-02-13").weekday == 5)
        #expect(date("2026-02-14").weekday == 6)
        #expect(date("2026-03-15").weekday == 7)
        #expect(date("2026-03-16").weekday == 1)
        #expect(date("2024-02-29").weekday == 4)
        #expect(date("0001-01-01").weekday == 1)
        #expect(date("9999-12-31").weekday == 5)
        #expect(date("1969-12-31").weekday == 3)
        #expect(date("2026-01-04").isWeekend)
        #expect(date("2026-02-14").isWeekend)
        #expect(!date("2026-02-13").isWeekend)
    }

    @Test func knownDayNumbers() {
        #expect(date("1970-01-01").dayNumber == 0)
        #expect(date("1969-12-31").dayNumber == -1)
        #expect(date("2000-01-01").dayNumber == 10_957)
        #expect(date("0001-01-01").dayNumber == -719_162)
        #expect(date("9999-12-31").dayNumber == 2_932_896)
        #expect(LocalDate(dayNumber: 20_545).description == "2026-04-02")
    }

    @Test func dayNumbersRoundTripFrom1900To2100() {
        var expected = date("1900-01-01").dayNumber
        var failures = 0
        for year in 1900...2100 {
            for month in 1...12 {
                for day in 1...31 {
                    guard let value = LocalDate(year: year, month: month, day: day) else { continue }
                    if value.dayNumber != expected || LocalDate(dayNumber: expected) != value
                        || LocalDate(iso: value.description) != value
                        || value.weekday != ((expected % 7 + 7 + 3) % 7) + 1 {
                        failures += 1
                    }
                    expected += 1
                }
            }
        }
        #expect(failures == 0)
        #expect(expected == date("2101-01-01").dayNumber)
    }

    @Test func orderingFollowsTheCalendar() {
        #expect(date("2025-12-31") < date("2026-01-01"))
        #expect(date("2026-01-31") < date("2026-02-01"))
        #expect(date("2026-02-01") < date("2026-02-02"))
        #expect(!(date("2026-02-02") < date("2026-02-02")))
    }

    @Test func addingDays() {
        #expect(date("2026-02-13").adding(days: 30) == date("2026-03-15"))
        #expect(date("2024-02-28").adding(days: 1) == date("2024-02-29"))
        #expect(date("2025-12-31").adding(days: 1) == date("2026-01-01"))
        #expect(date("2026-01-01").adding(days: -1) == date("2025-12-31"))
        #expect(date("2026-01-01").adding(days: 0) == date("2026-01-01"))
    }

    @Test func hostileArithmeticClampsInsteadOfTrapping() {
        #expect(date("2026-01-01").adding(days: .max) == .latest)
        #expect(date("2026-01-01").adding(days: .min) == .earliest)
        #expect(LocalDate.latest.adding(days: 1) == .latest)
        #expect(LocalDate(dayNumber: .max) == .latest)
        #expect(LocalDate(dayNumber: .min) == .earliest)
    }

    @Test func datesAndRanges() {
        #expect(LocalDate.parseDateOrRange("2026-01-01") == [date("2026-01-01")])
        #expect(LocalDate.parseDateOrRange("2026-01-01..2026-01-03")
            == [date("2026-01-01"), date("2026-01-02"), date("2026-01-03")])
        #expect(LocalDate.parseDateOrRange("2026-01-01 .. 2026-01-02") == [date("2026-01-01"), date("2026-01-02")])
        #expect(LocalDate.parseDateOrRange("2026-01-03..2026-01-03") == [date("2026-01-03")])
        #expect(LocalDate.parseDateOrRange("2025-12-31..2026-01-01")?.count == 2)
        #expect(LocalDate.parseDateOrRange("2026-02-15..2026-02-23")?.count == 9)
        #expect(LocalDate.parseDateOrRange("2024-01-01..2024-12-31")?.count == 366)
        for bad in ["2026-01-03..2026-01-01", "2026-01-01..", "..2026-01-01", "2026-01-01...2026-01-03",
                    "2026-02-28..2026-02-30", "2026-01-01..2027-01-02", "0001-01-01..9999-12-31",
                    "2026-01-01,2026-01-02", "", "..", "2026-02-30"] {
            #expect(LocalDate.parseDateOrRange(bad) == nil, "\(bad)")
        }
        #expect(LocalDate.parseDateOrRange(String(repeating: "2026-01-01", count: 1000)) == nil)
    }
}
