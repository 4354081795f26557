import AuditTestSupport
import AuditCore
@testable import AuditRules
import Testing

/// Type checking happens when a pack loads; errors carry the rule file's line and column
/// and a caret under the offending part of the expression.
@Suite struct CheckerTests {
    func errors(_ yaml: String) -> String { compileErrors(yaml) }

    @Test func unknownFieldHasAHintAndACaret() {
        let out = errors(rulePack(check: "premises.recepton_area_m2 >= 80"))
        #expect(out == """
            test.yaml:9:22: error: unknown field 'recepton_area_m2' of premises (did you mean 'reception_area_m2'?)
                  check: 'premises.recepton_area_m2 >= 80'
                                   ^

            """)
    }

    @Test func typeMismatch() {
        let out = errors(rulePack(check: "premises.clean >= 3"))
        #expect(out.hasPrefix("test.yaml:9:28: error: cannot order bool and int\n"))
    }

    @Test func tokenLiteralTypo() {
        let out = errors(rulePack(check: "outlet.type == \"service_centre\""))
        #expect(out.hasPrefix("test.yaml:9:28: error: 'service_centre' is not a token of outlet_type (did you mean 'service_center'?)\n"))
    }

    @Test func checkMustBeBool() {
        #expect(errors(rulePack(check: "premises.reception_area_m2")).hasPrefix(
            "test.yaml:9:13: error: check must be a bool or a deadline result (on_time), found number\n"))
    }

    @Test func unknownParameterAndFunction() {
        #expect(errors(rulePack(check: "premises.reception_area_m2 >= params.min_aera", params: "min_area: 80")).hasPrefix(
            "test.yaml:9:50: error: unknown parameter 'min_aera' (did you mean 'min_area'?); or declare it under the rule's params: (params: {min_aera: …})\n"))
        #expect(errors(rulePack(check: "ontime(inspection.inspected_at, inspection.inspected_at, days: 1)")).hasPrefix(
            "test.yaml:9:13: error: unknown function 'ontime' (did you mean 'on_time'?)\n"))
    }

    /// Issue 10: an undeclared parameter is told where to declare it; a declared name it
    /// begins (or a near miss) is offered first.
    @Test func anUndeclaredParameterIsToldWhereToGo() {
        #expect(errors(rulePack(check: "it.rings <= params.max_rings", forEach: "calls")).hasPrefix(
            "test.yaml:9:32: error: unknown parameter 'max_rings': declare it under the rule's params: (params: {max_rings: …})\n"))
        #expect(errors(rulePack(check: "premises.reception_area_m2 >= params.min_area", params: "min_area_m2: 80")).hasPrefix(
            "test.yaml:9:50: error: unknown parameter 'min_area' (did you mean 'min_area_m2'?); or declare it under the rule's params: (params: {min_area: …})\n"))
        #expect(errors(rulePack(check: "premises.reception_area_m2 >= params.min_area_m2", params: "min_area_m2: 80")) == "")
    }

    /// Issue 10: a bare word where text belongs is text that lacks its quotes; a near miss
    /// of a known name stays a typo, and an unknown name elsewhere says only that.
    @Test func unquotedTextIsToldToTakeQuotes() {
        let quote = { (word: String) in "unknown name '\(word)': put text in quotes: \"\(word)\"" }
        #expect(errors(rulePack(check: "outlet.branch == 黑龙江分公司")).hasPrefix("test.yaml:9:30: error: \(quote("黑龙江分公司"))\n"))
        #expect(errors(rulePack(check: "黑龙江分公司 != outlet.branch")).hasPrefix("test.yaml:9:13: error: \(quote("黑龙江分公司"))\n"))
        // Not ASCII, so text wherever it stands.
        #expect(errors(rulePack(check: "outlet.name.contains(客户服务中心)")).hasPrefix("test.yaml:9:34: error: \(quote("客户服务中心"))\n"))
        // ASCII words compared with text, or looked for in a list of text.
        #expect(errors(rulePack(check: "outlet.type == hall")).hasPrefix("test.yaml:9:28: error: \(quote("hall"))\n"))
        let inList = errors(rulePack(check: "outlet.type in [hall, \"service_center\", lac]"))
        #expect(inList.contains("test.yaml:9:29: error: \(quote("hall"))\n"))
        #expect(inList.contains("test.yaml:9:53: error: \(quote("lac"))\n"))
        #expect(errors(rulePack(check: "cash in outlet.services")).hasPrefix("test.yaml:9:13: error: \(quote("cash"))\n"))
        // A typo of a known name is a typo; an unknown name that is not compared with text is just unknown.
        #expect(errors(rulePack(check: "outlet.branch == outlett.branch")).hasPrefix(
            "test.yaml:9:30: error: unknown name 'outlett' (did you mean 'outlet'?)\n"))
        #expect(errors(rulePack(check: "premises.reception_area_m2 >= minimum")).hasPrefix(
            "test.yaml:9:43: error: unknown name 'minimum'\n"))
        #expect(errors(rulePack(check: "premises.reception_area_m2 == minimum")).hasPrefix(
            "test.yaml:9:43: error: unknown name 'minimum'\n"))
        #expect(errors(rulePack(check: "outlet.branch == \"黑龙江分公司\"")) == "")
    }

    @Test func itOnlyInsideForEach() {
        #expect(errors(rulePack(check: "it.badge")).hasPrefix("test.yaml:9:13: error: 'it' is only defined in rules with for_each\n"))
        #expect(errors(rulePack(check: "it.badge", forEach: "staff")) == "")
        #expect(errors(rulePack(check: "it.bagde", forEach: "staff")).hasPrefix(
            "test.yaml:9:16: error: unknown field 'bagde' of staff_member (did you mean 'badge'?)\n"))
    }

    @Test func deadlinePeriodMustBeKnownAtLoad() {
        #expect(errors(rulePack(check: "on_time(it.feedback_at, it.received_at, workdays: it.document_requests)", forEach: "cases"))
            .contains("workdays: needs a whole number from 0 to 3650 known when the rule loads"))
        #expect(errors(rulePack(check: "on_time(it.feedback_at, it.received_at, weeks: 2)", forEach: "cases"))
            .contains("give exactly one of workdays: N, days: N, hours: N"))
    }

    @Test func messageHolesAreChecked() {
        let out = errors(rulePack(check: "premises.clean", message: "area {premises.area}"))
        #expect(out.contains("test.yaml:10:35: error: unknown field 'area' of premises"))
    }

    @Test func severalErrorsAreAllReported() {
        let yaml = rulePack(check: "premises.cleen and outlet.typ == 1")
        let out = errors(yaml)
        #expect(out.contains("unknown field 'cleen' of premises (did you mean 'clean'?)"))
        #expect(out.contains("unknown field 'typ' of outlet (did you mean 'type'?)"))
    }

    @Test func syntaxErrorLocation() {
        #expect(errors(rulePack(check: "premises.clean and")).hasPrefix(
            "test.yaml:9:31: error: syntax error: expected a value, found the end of the expression\n"))
    }
}

/// Rows of the catalog that need the harder functions compile (and so are expressible).
@Suite struct ExpressivenessTests {
    @Test(arguments: [
        ("minutes(premises.opened_at) <= minutes(to_time(outlet.posted_hours.before(\"-\"))) + params.grace", nil, "grace: 0"),
        ("premises.plaque.is_empty() ? premises.hours_posted_inside : premises.plaque.contains_all([\"hours\", \"hotline\", \"name\"])", nil, ""),
        ("premises.zones.contains_all([\"business_acceptance\", \"cashier\", \"rest_area\"]) and premises.zones.contains_any([\"vip_area\", \"vip_room\"])", nil, ""),
        ("it.extended ? on_time(it.decided_at, it.received_at, days: 30) : on_time(it.decided_at, it.received_at, days: 15)", "cases", ""),
        ("on_time(earliest(it.decided_at, it.advance_paid_at), it.documents_complete_at, days: 60)", "cases", ""),
        ("on_time(it.first_contact_at, it.received_at, hours: params.first_contact_hours)", "cases", "first_contact_hours: 24"),
        ("on_time(it.callback_at, it.resolved_at, workdays: params.callback_wd)", "cases", "callback_wd: 5"),
        ("it.sign_shown and it.same_service_elsewhere", "premises.suspended_counters", ""),
        ("staff.filter(s, s.role in [\"counter\", \"cashier\"]).all(s, s.workspace_tidy)", nil, ""),
        ("calls.count(c, c.rings > params.max_rings) == 0", nil, "max_rings: 3"),
    ] as [(String, String?, String)])
    func catalogShapesCompile(check: String, forEach: String?, params: String) {
        let yaml = rulePack(check: check.replacingOccurrences(of: "'", with: "''"), forEach: forEach, params: params)
        if case .failure(let list) = compilePack(yaml) {
            Issue.record(Comment(rawValue: render(list, source: yaml)))
        }
    }
}
