import AuditCore
import AuditEngine
import AuditReport
import AuditRules

/// What every formatter needs besides the results.
public struct OutputOptions: Sendable {
    public var language: Language
    /// Include `pass` and `not_applicable` results.
    public var showPassed: Bool
    /// The packs used, for provenance in machine-readable output.
    public var packs: [RulePack]
    /// SHA-256 over the rule files' bytes, in path order.
    public var rulesDigest: String
    public var color: Bool

    public init(language: Language, showPassed: Bool = false, packs: [RulePack] = [], rulesDigest: String = "", color: Bool = false) {
        self.language = language
        self.showPassed = showPassed
        self.packs = packs
        self.rulesDigest = rulesDigest
        self.color = color
    }

    func shows(_ finding: Finding) -> Bool {
        showPassed || (finding.status != .pass && finding.status != .notApplicable)
    }

    func text(_ label: Label) -> String { language == .zh ? label.zh : label.en }
}

/// Findings in output order: by section, then status (fail first), severity, rule id, item
/// and location — a total order, so output never depends on evaluation order.
func ordered(_ findings: [Finding]) -> [Finding] {
    findings.enumerated().sorted { a, b in
        let x = a.element, y = b.element
        let sx = Section.allCases.firstIndex(of: x.rule.section) ?? 0, sy = Section.allCases.firstIndex(of: y.rule.section) ?? 0
        if sx != sy { return sx < sy }
        if x.status != y.status { return x.status < y.status }
        if x.rule.severity != y.rule.severity { return x.rule.severity > y.rule.severity }
        if x.rule.id != y.rule.id { return x.rule.id < y.rule.id }
        if x.location != y.location { return x.location < y.location }
        return a.offset < b.offset
    }.map(\.element)
}
