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

/// Clause shapes beyond the shipped rules, run through their own examples: the language
/// evaluates them as the catalog means, not only type-checks them.
@Suite struct CatalogShapeTests {
    func run(_ rule: String) throws -> [ExampleRunner.Outcome] {
        let yaml = "pack: t\nversion: \"1\"\nrules:\n" + rule
        let set = try RuleSet.load([.init(path: "t.yaml", bytes: Array(yaml.utf8))])
        return ExampleRunner(ruleSet: set, rules: try set.compile()).run()
    }

    @Test func openingOnTimeWithGrace() throws {
        let outcomes = try run("""
              - id: T-ON-TIME
                title: {zh: t, en: t}
                section: etiquette
                severity: major
                cite: {source: X, document: X, clause: "8.3", quote: 准时满点}
                applies: has(outlet.posted_hours) and has(premises.opened_at)
                check: minutes(premises.opened_at) <= minutes(to_time(outlet.posted_hours.before("-"))) + params.grace
                params: {grace: 5}
                message: {zh: m, en: m}
                examples:
                  pass:
                    - {outlet: {posted_hours: "08:30-17:00"}, premises: {opened_at: "08:35"}}
                  fail:
                    - {outlet: {posted_hours: "08:30-17:00"}, premises: {opened_at: "08:36"}}
            """)
        #expect(outcomes.count == 2)
        #expect(outcomes.filter { !$0.passed }.map { $0.problem ?? "" } == [])
    }

    @Test func complaintDecisionWithExtension() throws {
        // Received Thu 2026-04-02: 15 days → 04-17 (Fri); extended, 30 days → 05-02, a
        // holiday (劳动节 05-01..05-05), so the next working day 05-06.
        let outcomes = try run("""
              - id: T-15D
                title: {zh: t, en: t}
                section: timeliness
                severity: critical
                cite: {source: CH, document: X, clause: "x", quote: 15日内作出处理决定}
                for_each: cases
                check: 'it.extended ? on_time(it.decided_at, it.received_at, days: 30) : on_time(it.decided_at, it.received_at, days: 15)'
                message: {zh: m, en: m}
                examples:
                  pass:
                    - cases: [{id: A, kind: complaint, received_at: "2026-04-02 15:00", decided_at: "2026-04-17 23:00"}]
                    - cases: [{id: A, kind: complaint, extended: false, received_at: "2026-04-02 15:00", decided_at: "2026-04-17 23:00"}]
                    - cases: [{id: A, kind: complaint, extended: true, received_at: "2026-04-02 15:00", decided_at: "2026-05-06 18:00"}]
                  fail:
                    - cases: [{id: A, kind: complaint, extended: false, received_at: "2026-04-02 15:00", decided_at: "2026-04-18 09:00"}]
                    - cases: [{id: A, kind: complaint, received_at: "2026-04-02 15:00", decided_at: "2026-05-07 09:00"}]
                    - cases: [{id: A, kind: complaint, extended: true, received_at: "2026-04-02 15:00", decided_at: "2026-05-07 09:00"}]
            """)
        #expect(outcomes.count == 6)
        #expect(outcomes.filter { !$0.passed }.map { $0.problem ?? "" } == [])
    }

    /// Decided on day 16 with no word on an extension: on time if extended, late if not —
    /// the report must say, so the case is not assessed rather than guessed.
    @Test func unknownExtensionBetweenTheDeadlinesIsNotAssessed() throws {
        let yaml = minimalReport("cases:\n  - {id: A, kind: complaint, received_at: 2026-04-02 15:00, decided_at: 2026-04-18 09:00}")
        let finding = auditor().audit(try report(yaml)).findings.first { $0.rule.id == "TML-COMPLAINT-15D" }
        #expect(finding?.status == .notAssessed)
        #expect(finding?.missing == ["cases[0].extended"])
    }

    @Test func advancePaymentOrDecisionWithinSixtyDays() throws {
        // Documents complete 2026-02-13 + 60 days = 04-14 (Tue, working day).
        let outcomes = try run("""
              - id: T-60D
                title: {zh: t, en: t}
                section: timeliness
                severity: major
                cite: {source: IL, document: X, clause: "25", quote: 六十日内}
                for_each: cases
                check: 'on_time(earliest(it.decided_at, it.advance_paid_at), it.documents_complete_at, days: 60)'
                message: {zh: m, en: m}
                examples:
                  pass:
                    - cases: [{id: A, kind: claim, received_at: "2026-02-10 09:00", documents_complete_at: "2026-02-13 16:00", advance_paid_at: "2026-04-14 10:00", decided_at: "2026-05-20 10:00"}]
                  fail:
                    - cases: [{id: A, kind: claim, received_at: "2026-02-10 09:00", documents_complete_at: "2026-02-13 16:00", decided_at: "2026-04-15 10:00"}]
                    - inspection: {inspected_at: "2026-04-20 10:00"}
                      cases: [{id: A, kind: claim, received_at: "2026-02-10 09:00", documents_complete_at: "2026-02-13 16:00"}]
            """)
        #expect(outcomes.count == 3)
        #expect(outcomes.filter { !$0.passed }.map { $0.problem ?? "" } == [])
    }
}
