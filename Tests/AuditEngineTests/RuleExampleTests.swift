import AuditEngine
import AuditRules
import Testing

/// Every rule documents and tests itself: its `examples.pass` must pass and its
/// `examples.fail` must fail. A failure names the example's line in the rule file.
@Suite struct RuleExampleTests {
    @Test func everyShippedExampleBehaves() {
        let outcomes = ExampleRunner(ruleSet: shippedRules, rules: shippedCompiled).run()
        #expect(outcomes.count >= 16)
        for outcome in outcomes where !outcome.passed {
            Issue.record("\(outcome.example.location): \(outcome.rule): \(outcome.problem ?? "")")
        }
    }

    @Test func everyRuleHasPassingAndFailingExamplesAndAQuote() {
        for rule in shippedRules.definitions {
            #expect(rule.examples.contains { $0.expectation == .pass }, "\(rule.id) has no passing example")
            #expect(rule.examples.contains { $0.expectation == .fail }, "\(rule.id) has no failing example")
            #expect(!rule.cite.quote.isEmpty, "\(rule.id) quotes nothing")
        }
    }

    /// The runner itself must be able to fail: a rule whose fail example passes is caught.
    @Test func aWrongExampleIsReported() throws {
        let yaml = """
            pack: t
            version: "1"
            rules:
              - id: T-AREA
                title: {zh: t, en: t}
                section: build
                severity: minor
                cite: {source: X, document: X, clause: "1", quote: q}
                check: premises.reception_area_m2 >= 80
                message: {zh: m, en: m}
                examples:
                  pass: [{premises: {reception_area_m2: 90}}]
                  fail: [{premises: {reception_area_m2: 90}}]
            """
        let set = try RuleSet.load([.init(path: "t.yaml", bytes: Array(yaml.utf8))])
        let outcomes = ExampleRunner(ruleSet: set, rules: try set.compile()).run()
        #expect(outcomes.map(\.passed) == [true, false])
        #expect(outcomes[1].problem == "expected fail, got pass")
        #expect(outcomes[1].example.location.description == "t.yaml:13:14")
    }

    /// The catalog ids this stage encodes (catalog.md); the full catalog comes with issue 3.
    @Test func firstCatalogIdsExist() {
        let ids = Set(shippedRules.definitions.map(\.id))
        for id in ["BLD-AREA-CENTER", "BLD-NAMING", "BLD-POSTINGS", "ETQ-BADGE", "ETQ-FORBIDDEN-PHRASES",
                   "ETQ-PHONE-OPENING", "TML-FEEDBACK-2WD", "TML-LAW23-DECIDE-30D"] {
            #expect(ids.contains(id), "catalog id \(id) is missing from rules/")
        }
    }
}
