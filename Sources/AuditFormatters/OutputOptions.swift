import AuditCore
import AuditEngine
import AuditReport
import AuditRules

/// What every formatter needs besides the results.
public struct OutputOptions: Sendable {
    public var language: Language
    /// Include `pass` and `not_applicable` results.
    public var showPassed: Bool
    /// The run's rules digest (each result's provenance has its own record of packs,
    /// profiles and parameters).
    public var rulesDigest: String
    public var color: Bool

    public init(language: Language, showPassed: Bool = false, rulesDigest: String = "", color: Bool = false) {
        self.language = language
        self.showPassed = showPassed
        self.rulesDigest = rulesDigest
        self.color = color
    }

    func shows(_ status: Status) -> Bool {
        showPassed || (status != .pass && status != .notApplicable)
    }

    func text(_ label: Label) -> String { language == .zh ? label.zh : label.en }
}

/// Findings in output order: by section, then status (fail first), severity, rule id, item
/// and location — a total order, so output never depends on evaluation order. Sorts on
/// integer keys computed once per finding; rule ids are compared only between different rules.
func ordered(_ findings: [Finding], where included: (Status) -> Bool = { _ in true }) -> [Finding] {
    orderedIndices(findings, where: included).map { findings[$0] }
}

/// The positions of `findings` (those `included`) in output order (`ordered`), for a caller
/// that need not copy the findings.
func orderedIndices(_ findings: [Finding], where included: (Status) -> Bool = { _ in true }) -> [Int] {
    struct Key {
        var major: Int  // section, status, severity packed
        var rule: RuleDefinition
        var line: Int
        var column: Int
        var offset: Int
    }
    let sections = Section.allCases, statuses = Status.allCases, severities = Severity.allCases
    var keys: [Key] = []
    keys.reserveCapacity(findings.count)
    // Through a buffer, field by field: binding each `Finding` would copy it (a report has
    // hundreds, most of them passes that `included` leaves out); `included` sees the status
    // alone, as passing a finding to a closure copies it too.
    findings.withUnsafeBufferPointer { all in
        for i in all.indices where included(all[i].status) {
            let rule = all[i].rule
            let section = sections.firstIndex(of: rule.section) ?? 0
            let status = statuses.firstIndex(of: all[i].status) ?? 0
            let severity = severities.firstIndex(of: rule.severity) ?? 0  // critical first
            let location = all[i].location
            keys.append(Key(major: (section << 16) | (status << 8) | severity, rule: rule,
                            line: location.line ?? 0, column: location.column ?? 0, offset: i))
        }
    }
    keys.sort { a, b in
        if a.major != b.major { return a.major < b.major }
        if a.rule !== b.rule, a.rule.id != b.rule.id { return a.rule.id < b.rule.id }
        if a.line != b.line { return a.line < b.line }
        if a.column != b.column { return a.column < b.column }
        return a.offset < b.offset
    }
    return keys.map(\.offset)
}
