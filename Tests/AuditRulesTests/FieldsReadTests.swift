import AuditTestSupport
import AuditCore
import AuditRules
import Testing

/// What a compiled rule records as read (`CompiledRule.fieldsRead`), which `audit template`
/// lists: fields named anywhere in the rule, and fields its reading implies.
@Suite struct FieldsReadTests {
    func fields(_ pack: String) throws -> Set<String> {
        let rules = try compilePack(pack).get()
        return Set(try #require(rules.first).fieldsRead.map { "\($0.object).\($0.field)" })
    }

    /// Through a `let` and a function (ETQ-ON-TIME's shape), and in the message alone.
    @Test func fieldsReadThroughLetsFunctionsAndMessages() throws {
        let read = try fields(rulePack(
            check: "minutes(premises.opened_at) <= minutes(start)", lets: ["start": "to_time(outlet.posted_hours.before(\"-\"))"],
            message: "{outlet.name}"))
        #expect(read == ["outlet.posted_hours", "premises.opened_at", "outlet.name", "report.outlet", "report.premises"])
    }

    /// A timestamp written without an offset is read in outlet.timezone: reading one reads the
    /// zone too. A time of day (`opened_at`) is not a timestamp.
    @Test func aTimestampReadsTheTimeZone() throws {
        let cases = try fields(rulePack(check: "has(it.feedback_at)", forEach: "cases"))
        #expect(cases.contains("outlet.timezone"))
        #expect(cases.contains("case.feedback_at"))
        let clock = try fields(rulePack(check: "minutes(premises.opened_at) < 600"))
        #expect(!clock.contains("outlet.timezone"))
    }

    /// An open deadline is judged at the evaluation time: inspection.inspected_at.
    @Test func aDeadlineReadsTheInspectionTime() throws {
        let read = try fields(rulePack(check: "on_time(it.feedback_at, it.received_at, workdays: 2)", forEach: "cases"))
        #expect(read.isSuperset(of: ["report.inspection", "inspection.inspected_at", "outlet.timezone"]))
        let plain = try fields(rulePack(check: "it.feedback_at <= it.received_at", forEach: "cases"))
        #expect(!plain.contains("inspection.inspected_at"))
    }
}
