import AuditCore
import AuditEngine
import AuditReport
import AuditRules
import AuditYAML

/// Runs a rule's embedded examples: every `pass` fragment must give at least one `pass`
/// and nothing else but `not_applicable`; every `fail` fragment at least one `fail`. A
/// problem names what the rule got, the evidence a `not_assessed` lacked and the message of
/// a `fail`.
public struct ExampleRunner: Sendable {
    public struct Outcome: Sendable {
        public var rule: String
        public var example: RuleExample
        public var statuses: [Status]
        /// Why the example did not come out as expected, in both languages.
        public var failure: Message?

        /// The failure in English.
        public var problem: String? { failure?.en }
        public var passed: Bool { failure == nil }
    }

    public let ruleSet: RuleSet
    public let rules: [CompiledRule]

    public init(ruleSet: RuleSet, rules: [CompiledRule]) {
        self.ruleSet = ruleSet
        self.rules = rules
    }

    public func run() -> [Outcome] {
        let validator = ReportValidator(schema: ruleSet.schema)
        let auditor = Auditor(rules: rules, context: EvaluationContext(calendar: ruleSet.calendar), scoring: ruleSet.scoring)
        var outcomes: [Outcome] = []
        for rule in rules {
            for example in rule.definition.examples {
                let document = YAMLDocument(file: example.location.file, root: example.fragment, text: "")
                let report: InspectionReport
                do throws(DiagnosticList) {
                    report = try validator.validate(document, mode: .fragment)
                } catch {
                    outcomes.append(Outcome(rule: rule.id, example: example, statuses: [], failure: .invalidExample(error)))
                    continue
                }
                let findings: [Finding]
                if rule.isDerived {
                    // A rule that judges other rules' results needs them all.
                    findings = auditor.audit(report).findings.filter { $0.rule.id == rule.id }
                } else {
                    findings = auditor.findings(of: rule, in: report)
                }
                let statuses = findings.map(\.status)
                var failure: Message?
                // Why, after what: the fail's own message, the evidence a not_assessed lacked.
                switch example.expectation {
                case .pass:
                    if !statuses.contains(.pass) || statuses.contains(where: { $0 != .pass && $0 != .notApplicable }) {
                        let missing = FailureDetail.missing(findings), messages = FailureDetail.failMessages(findings)
                        failure = .exampleGot(expected: "pass", got: describe(statuses),
                                              detail: Label(zh: missing.zh + messages.zh, en: missing.en + messages.en))
                    }
                case .fail:
                    if !statuses.contains(.fail) {
                        failure = .exampleGot(expected: "fail", got: describe(statuses), detail: FailureDetail.missing(findings))
                    }
                }
                outcomes.append(Outcome(rule: rule.id, example: example, statuses: statuses, failure: failure))
            }
        }
        return outcomes
    }

    private func describe(_ statuses: [Status]) -> Label { .statuses(statuses.map(\.rawValue)) }
}
