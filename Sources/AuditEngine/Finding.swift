import AuditCalendar
import AuditCore
import AuditReport
import AuditRules

/// One rule's result for one subject (the report, or one staff member, call or case), with
/// the clause it cites and where in the report its evidence is. Language-neutral: what the
/// result says is data (`message`), worded in the output's language by the formatters.
public struct Finding: Sendable {
    public let rule: RuleDefinition
    public internal(set) var status: Status
    /// The staff, call or case id, or nil when the subject is the report.
    public let item: String?
    public internal(set) var message: FindingMessage
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
    public internal(set) var waiver: Waiver? {
        get { waiverBox?.waiver }
        set { waiverBox = newValue.map(WaiverBox.init) }
    }
    /// Boxed: few findings have one, and inline it would more than double every finding's
    /// size (findings are copied and moved by the hundred per report).
    private var waiverBox: WaiverBox?

    init(
        rule: RuleDefinition, status: Status, item: String?, message: FindingMessage, location: SourceLocation,
        pathPrefix: String?, pathSuffix: String?, missing: [String], related: [SourceLocation], pointsLost: Double, waiver: Waiver?
    ) {
        self.rule = rule
        self.status = status
        self.item = item
        self.message = message
        self.location = location
        self.pathPrefix = pathPrefix
        self.pathSuffix = pathSuffix
        self.missing = missing
        self.related = related
        self.pointsLost = pointsLost
        self.waiverBox = waiver.map(WaiverBox.init)
    }
}

private final class WaiverBox: Sendable {
    let waiver: Waiver
    init(_ waiver: Waiver) { self.waiver = waiver }
}

/// What a finding says, before it is worded.
public enum FindingMessage: Sendable {
    /// A `fail` (or the fail a waiver covers): the rule's own message.
    case rule(RuleMessage)
    /// A `pass`: the rule's title.
    case title
    case notApplicable
    /// A `not_assessed`: the evidence the report lacks (also in `Finding.missing`).
    case missingEvidence([String])
    /// A `not_due`: a deadline not passed yet (how sure its last day is), or a clause that
    /// has not come due (`due:`).
    case notDue(lastDay: LocalDate?, certainty: Timeliness.Certainty)
    /// An `error`: why the rule could not be evaluated.
    case error(EvaluationError)
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
    /// The rules, parameters and profiles that produced it.
    public let provenance: RuleProvenance?
    /// Results per status, counted once.
    private let counts: [Int]

    public init(report: InspectionReport, findings: [Finding], score: Score, tier: TierResult, warnings: [Diagnostic], provenance: RuleProvenance? = nil) {
        self.report = report
        self.provenance = provenance
        self.findings = findings
        self.score = score
        self.tier = tier
        self.warnings = warnings
        var counts = [Int](repeating: 0, count: Status.allCases.count)
        // Field by field through a buffer: `for finding in` would copy each of the hundreds.
        findings.withUnsafeBufferPointer { all in
            for i in all.indices { counts[all[i].status.rank] += 1 }
        }
        self.counts = counts
    }

    public func count(_ status: Status) -> Int { counts[status.rank] }

    /// Whether any `fail` is at or above `threshold`.
    public func fails(atOrAbove threshold: Severity) -> Bool {
        findings.withUnsafeBufferPointer { all in
            all.indices.contains { all[$0].status == .fail && all[$0].rule.severity >= threshold }
        }
    }

    public var hasErrors: Bool { count(.error) > 0 }

    /// A string field of the report, for headers (`outlet.name`).
    public func text(_ path: String) -> String? {
        if case .string(let s)? = report.value(at: path)?.value { return s }
        return nil
    }
}
