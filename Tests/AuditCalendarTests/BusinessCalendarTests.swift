import AuditCalendar
import Testing

@Suite("BusinessCalendar")
struct BusinessCalendarTests {
    let national: BusinessCalendar

    init() throws {
        national = try ShippedCalendar.calendar()
    }

    @Test func workingDayRule() throws {
        #expect(try national.isWorkingDay(date("2026-04-03")))        // Friday
        #expect(try !national.isWorkingDay(date("2026-04-06")))       // Monday, Qingming
        #expect(try !national.isWorkingDay(date("2026-04-11")))       // plain Saturday
        #expect(try !national.isWorkingDay(date("2026-04-04")))       // Saturday inside the holiday
        #expect(try national.isWorkingDay(date("2026-01-04")))        // adjusted Sunday
        #expect(try national.isWorkingDay(date("2026-02-28")))        // adjusted Saturday
        #expect(try !national.isWorkingDay(date("2025-10-08")))       // Wednesday, National Day
    }

    @Test func aProvinceAddsALocalHoliday() throws {
        let province = BusinessCalendar(years: [
            .init(year: 2026, source: "某省人民政府通知", holidays: [date("2026-04-07")]),
        ])
        let layered = national.layered(with: province)
        #expect(try !layered.isWorkingDay(date("2026-04-07")))
        #expect(try layered.deadline(from: date("2026-04-02"), .workingDays(2)).lastDay == date("2026-04-08"))
        // The national days are all still there.
        #expect(try !layered.isWorkingDay(date("2026-04-06")))
        #expect(try layered.isWorkingDay(date("2026-02-14")))
        #expect(layered.years[2026]?.source == "国务院办公厅关于2026年部分节假日安排的通知; 某省人民政府通知")
        #expect(layered.years[2025] == national.years[2025])
        // The base is unchanged.
        #expect(try national.isWorkingDay(date("2026-04-07")))
    }

    @Test func theLaterLayerWins() throws {
        let province = BusinessCalendar(years: [
            .init(year: 2026, source: "某省", holidays: [date("2026-02-14")], workingDays: [date("2026-04-06")]),
        ])
        let layered = national.layered(with: province)
        #expect(try layered.isWorkingDay(date("2026-04-06")))     // national holiday, provincial working day
        #expect(try !layered.isWorkingDay(date("2026-02-14")))    // national working day, provincial holiday
        #expect(layered.years[2026]?.holidays.contains(date("2026-04-06")) == false)
        #expect(layered.years[2026]?.workingDays.contains(date("2026-02-14")) == false)
        #expect(try layered.deadline(from: date("2026-04-02"), .workingDays(2)).lastDay == date("2026-04-06"))
        // And the reverse order gives the national word.
        let reversed = province.layered(with: national)
        #expect(try !reversed.isWorkingDay(date("2026-04-06")))
        #expect(try reversed.isWorkingDay(date("2026-02-14")))
    }

    @Test func layeringEqualsEntriesInOrder() throws {
        let extra = BusinessCalendar.Year(year: 2026, source: "x", holidays: [date("2026-03-02")])
        let viaInit = BusinessCalendar(years: try ShippedCalendar.years() + [extra])
        let viaLayer = national.layered(with: BusinessCalendar(years: [extra]))
        #expect(viaInit.years == viaLayer.years)
    }

    @Test func aLayerCanAddAYear() throws {
        let next = BusinessCalendar(years: [.init(year: 2027, source: "国务院办公厅关于2027年部分节假日安排的通知",
                                                  holidays: [date("2027-01-01")])])
        let layered = national.layered(with: next)
        #expect(Set(layered.years.keys) == [2024, 2025, 2026, 2027])
        // 2026-12-31 (Thu) + 1 working day: 2027-01-01 is a holiday, so Monday 2027-01-04.
        #expect(try layered.deadline(from: date("2026-12-31"), .workingDays(1)).lastDay == date("2027-01-04"))
    }

    @Test func sameSourceIsNotRepeated() {
        let a = BusinessCalendar.Year(year: 2026, source: "s", holidays: [date("2026-03-02")])
        let b = BusinessCalendar.Year(year: 2026, source: "s", holidays: [date("2026-03-03")])
        let c = BusinessCalendar.Year(year: 2026, source: "", holidays: [date("2026-03-04")])
        let merged = BusinessCalendar(years: [a, b, c])
        #expect(merged.years[2026]?.source == "s")
        #expect(merged.years[2026]?.holidays.count == 3)
    }

    // MARK: problems(in:)

    @Test func aSaneYearHasNoProblems() {
        let year = BusinessCalendar.Year(year: 2026, source: "notice", holidays: [date("2026-01-01")],
                                         workingDays: [date("2026-01-04")])
        #expect(BusinessCalendar.problems(in: year).isEmpty)
    }

    @Test func aDateInBothLists() throws {
        let year = BusinessCalendar.Year(year: 2026, source: "notice", holidays: [date("2026-01-04")],
                                         workingDays: [date("2026-01-04")])
        let problems = BusinessCalendar.problems(in: year)
        #expect(problems == [.holidayAndWorkingDay(date("2026-01-04"))])
        #expect(problems.first?.date == date("2026-01-04"))
        #expect(problems.first?.description == "2026-01-04 is both a holiday and a working day")
        // Such a date counts as a holiday.
        #expect(try !BusinessCalendar(years: [year]).isWorkingDay(date("2026-01-04")))
    }

    @Test func aWeekdayWorkingDay() {
        let year = BusinessCalendar.Year(year: 2026, source: "notice", workingDays: [date("2026-01-05")])
        let problems = BusinessCalendar.problems(in: year)
        #expect(problems == [.workingDayNotOnWeekend(date("2026-01-05"))])
        #expect(problems.first?.description == "2026-01-05 is a Monday: adjusted working days fall on weekends")
    }

    @Test func aDateFiledUnderTheWrongYear() throws {
        let year = BusinessCalendar.Year(year: 2026, source: "notice", holidays: [date("2025-12-31")])
        let problems = BusinessCalendar.problems(in: year)
        #expect(problems == [.wrongYear(date("2025-12-31"), filedUnder: 2026)])
        #expect(problems.first?.description == "2025-12-31 is filed under 2026")
        // It is ignored, and 2025 stays uncovered.
        let calendar = BusinessCalendar(years: [year])
        #expect(throws: CalendarError(year: 2025)) { try calendar.isWorkingDay(date("2025-12-31")) }
    }

    @Test func anEmptySourceAndABadYear() {
        #expect(BusinessCalendar.problems(in: .init(year: 2026, source: "  ")) == [.emptySource(year: 2026)])
        #expect(BusinessCalendar.problems(in: .init(year: 2026, source: "")).first?.description
            == "year 2026 needs the source notice")
        #expect(BusinessCalendar.problems(in: .init(year: 99_999_999, source: "x")) == [.yearOutOfRange(year: 99_999_999)])
        let calendar = BusinessCalendar(years: [.init(year: 99_999_999, source: "x")])
        #expect(throws: CalendarError(year: 9999)) { try calendar.isWorkingDay(.latest) }
    }

    @Test func problemsAreSortedAndAllReported() {
        let year = BusinessCalendar.Year(
            year: 2026, source: "",
            holidays: [date("2026-03-03"), date("2027-01-01")],
            workingDays: [date("2026-03-03"), date("2026-02-02")])
        #expect(BusinessCalendar.problems(in: year) == [
            .emptySource(year: 2026),
            .workingDayNotOnWeekend(date("2026-02-02")),
            .holidayAndWorkingDay(date("2026-03-03")),
            .workingDayNotOnWeekend(date("2026-03-03")),
            .wrongYear(date("2027-01-01"), filedUnder: 2026),
        ])
    }
}
