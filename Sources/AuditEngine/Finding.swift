import AuditCore
import AuditReport
import AuditRules

/// The status of one rule for one subject (`scoring.md`, "Rule results").
public enum Status: String, Sendable, CaseIterable, Comparable {
    // Declared in output order: what needs attention first.
    case fail, error, notAssessed = "not_assessed", notDue = "not_due", waived, pass, notApplicable = "not_applicable"

    var rank: Int { Status.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: Status, rhs: Status) -> Bool { lhs.rank < rhs.rank }

    public var label: Label {
        switch self {
        case .fail: Label(zh: "不符合", en: "fail")
        case .error: Label(zh: "无法评估", en: "error")
        case .notAssessed: Label(zh: "未检查", en: "not assessed")
        case .notDue: Label(zh: "未到期", en: "not due")
        case .waived: Label(zh: "已豁免", en: "waived")
        case .pass: Label(zh: "符合", en: "pass")
        case .notApplicable: Label(zh: "不适用", en: "not applicable")
        }
    }
}

/// One rule's result for one subject (the report, or one staff member, call or case), with
/// the clause it cites and where in the report its evidence is.
public struct Finding: Sendable {
    public let rule: RuleDefinition
    public internal(set) var status: Status
    /// The staff, call or case id, or nil when the subject is the report.
    public let item: String?
    public internal(set) var message: String
    /// The evidence: the field the rule read (or the mapping that lacks it).
    public let location: SourceLocation
    /// `cases[2].feedback_at`
    public var path: String? { CompiledRule.Outcome.join(pathPrefix, pathSuffix) }
    let pathPrefix: String?
    let pathSuffix: String?
    /// Evidence the report lacks (for `not_assessed`).
    public let missing: [String]
    /// Other places involved (an `error` names both timestamps).
    public let related: [SourceLocation]
    /// Points this finding costs the outlet (0 unless `fail`); set by scoring.
    public internal(set) var pointsLost: Double
    /// The waiver that turned a `fail` into `waived`.
    public internal(set) var waiver: Waiver?
}

/// Every result of auditing one report.
public struct AuditResult: Sendable {
    public let report: InspectionReport
    /// Every scored result. Flagship rules of an outlet that does not claim flagship are
    /// not here: they count only towards `tier`.
    public let findings: [Finding]
    public let score: Score
    public let tier: TierResult
    /// Expired waivers that would have matched, and similar notices.
    public let warnings: [Diagnostic]
    /// Results per status, counted once.
    private let counts: [Int]

    public init(report: InspectionReport, findings: [Finding], score: Score, tier: TierResult, warnings: [Diagnostic]) {
        self.report = report
        self.findings = findings
        self.score = score
        self.tier = tier
        self.warnings = warnings
        var counts = [Int](repeating: 0, count: Status.allCases.count)
        for finding in findings { counts[finding.status.rank] += 1 }
        self.counts = counts
    }

    public func count(_ status: Status) -> Int { counts[status.rank] }

    /// Whether any `fail` is at or above `threshold`.
    public func fails(atOrAbove threshold: Severity) -> Bool {
        findings.contains { $0.status == .fail && $0.rule.severity >= threshold }
    }

    public var hasErrors: Bool { findings.contains { $0.status == .error } }

    /// A string field of the report, for headers (`outlet.name`).
    public func text(_ path: String) -> String? {
        if case .string(let s)? = report.value(at: path)?.value { return s }
        return nil
    }
}
