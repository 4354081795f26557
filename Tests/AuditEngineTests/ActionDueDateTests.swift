import AuditCalendar
import AuditFormatters
import AuditRules
import AuditTestSupport
import Testing

/// Corrective actions' due dates: working days of the shipped calendar after the inspection day.
@Suite struct ActionDueDateTests {
    func day(_ text: String) throws -> LocalDate { try #require(LocalDate(iso: text)) }

    @Test func theShippedScoringFileGivesTheDueDays() {
        #expect(shippedRules.scoring.actionDueWorkingDays == [.critical: 5, .major: 10, .minor: 20, .advisory: 20])
    }

    @Test func aWeekendIsNotCounted() throws {
        // Thursday 2025-03-13: Fri 14, Mon 17, Tue 18, Wed 19, Thu 20.
        let due = ActionList.dueDate(from: try day("2025-03-13"), workingDays: 5, calendar: shippedRules.calendar)
        #expect(due == (try day("2025-03-20")))
    }

    @Test func aHolidayIsNotCountedAndAMakeUpSaturdayIs() throws {
        // Friday 2025-09-26: Sun 28 (a make-up working day), Mon 29, Tue 30, then 国庆节 1–8
        // October, Thu 9, Fri 10 = 5; Sat 11 (make-up), 13, 14, 15, 16 = 10; 17, 20–24, 27–30 = 20.
        let calendar = shippedRules.calendar, start = try day("2025-09-26")
        #expect(ActionList.dueDate(from: start, workingDays: 5, calendar: calendar) == (try day("2025-10-10")))
        #expect(ActionList.dueDate(from: start, workingDays: 10, calendar: calendar) == (try day("2025-10-16")))
        #expect(ActionList.dueDate(from: start, workingDays: 20, calendar: calendar) == (try day("2025-10-30")))
    }

    @Test func aYearTheCalendarDoesNotCoverGivesNoDate() throws {
        #expect(ActionList.dueDate(from: try day("2090-06-01"), workingDays: 5, calendar: shippedRules.calendar) == nil)
    }
}
