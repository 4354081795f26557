import AuditCore
import AuditEngine
import AuditReport
import AuditRules

/// One scored report, reduced to what the batch outputs need (the full result is written
/// to results.jsonl and then dropped, so memory does not grow with the number of reports).
public struct OutletRow: Sendable {
    public var path: String
    public var branch: String
    public var outletId: String
    public var name: String
    public var type: String
    public var tierClaimed: String
    public var tierQualified: String
    /// Rounded to one decimal, as shown; nil when nothing was assessed.
    public var score: Double?
    public var grade: String?
    public var gradeLabel: Label?
    public var provisional: Bool
    public var redLine: String?
    /// Fails per severity, critical first.
    public var fails: FailCounts
    public var coverage: Double?
    /// Rule ids with at least one `fail`, for the branch's top failing clauses.
    public var failingRules: [String]
    /// `inspection.id`, `inspection.inspector` ("" when absent).
    public var inspectionId = ""
    public var inspector = ""
    /// `inspection.inspected_at` as shown (`2026-04-14 10:30`, the outlet's local time) and as
    /// an instant (which of two inspections of one outlet is the later); nil when absent.
    public var inspectedAt = ""
    public var inspectedAtSeconds: Int64?
    /// The schema's label of `outlet.type` (nil when it has none).
    public var typeLabel: Label?

    public init(
        path: String, branch: String, outletId: String, name: String, type: String, tierClaimed: String, tierQualified: String,
        score: Double?, grade: String?, gradeLabel: Label?, provisional: Bool, redLine: String?, fails: FailCounts,
        coverage: Double?, failingRules: [String]
    ) {
        self.path = path
        self.branch = branch
        self.outletId = outletId
        self.name = name
        self.type = type
        self.tierClaimed = tierClaimed
        self.tierQualified = tierQualified
        self.score = score
        self.grade = grade
        self.gradeLabel = gradeLabel
        self.provisional = provisional
        self.redLine = redLine
        self.fails = fails
        self.coverage = coverage
        self.failingRules = failingRules
    }
}

/// Fails per severity: four numbers, not a dictionary, since a batch keeps one per report.
public struct FailCounts: Sendable, ExpressibleByDictionaryLiteral {
    private var counts: (Int32, Int32, Int32, Int32) = (0, 0, 0, 0)

    public init(dictionaryLiteral elements: (Severity, Int)...) {
        for (severity, count) in elements { self[severity] = count }
    }

    /// The count (0 when none), optional so `fails[s] ?? 0` reads like a dictionary.
    public subscript(_ severity: Severity) -> Int? {
        get {
            switch severity {
            case .critical: Int(counts.0)
            case .major: Int(counts.1)
            case .minor: Int(counts.2)
            case .advisory: Int(counts.3)
            }
        }
        set {
            let value = Int32(clamping: newValue ?? 0)
            switch severity {
            case .critical: counts.0 = value
            case .major: counts.1 = value
            case .minor: counts.2 = value
            case .advisory: counts.3 = value
            }
        }
    }
}

/// Per-rule counts over all reports.
public struct RuleTally: Sendable {
    public var rule: String
    public var section: Section
    public var severity: Severity
    public var title: Label
    /// Results that were not `not_applicable`.
    public var applicable = 0
    public var pass = 0
    public var fail = 0
    public var notAssessed = 0
    public var waived = 0
    public var notDue = 0
    public var error = 0

    public init(rule: String, section: Section, severity: Severity, title: Label) {
        self.rule = rule
        self.section = section
        self.severity = severity
        self.title = title
    }

    /// fail / (pass + fail + waived); nil when nothing was assessed.
    public var failRate: Double? {
        let assessed = pass + fail + waived
        return assessed > 0 ? Double(fail) / Double(assessed) : nil
    }
}

/// Per-branch figures, computed from the outlet rows of that branch.
public struct BranchSummary: Sendable {
    public var branch: String
    public var reports: Int
    public var scored: Int
    public var mean: Double?
    public var median: Double?
    public var min: Double?
    /// Count per grade id, in the scoring file's band order; reports without a grade under "".
    public var grades: [(grade: String, count: Int)]
    public var redLines: Int
    /// The most failed rules: (rule id, number of reports where it failed), top 3.
    public var topFailing: [(rule: String, reports: Int)]

    public init(
        branch: String, reports: Int, scored: Int, mean: Double?, median: Double?, min: Double?,
        grades: [(grade: String, count: Int)], redLines: Int, topFailing: [(rule: String, reports: Int)]
    ) {
        self.branch = branch
        self.reports = reports
        self.scored = scored
        self.mean = mean
        self.median = median
        self.min = min
        self.grades = grades
        self.redLines = redLines
        self.topFailing = topFailing
    }
}

/// Everything the dashboard shows, already sorted.
public struct BatchSummary: Sendable {
    public var scored: Int
    public var errors: Int
    public var total: Int
    public var outlets: [OutletRow]
    public var branches: [BranchSummary]
    public var rules: [RuleTally]
    public var grades: [ScoringSettings.Grade]
    public var rulesDigest: String
    /// `branches` follow an order given by `--branches` (else they are ranked by mean score,
    /// and the dashboard ranks them so too).
    public var branchOrderGiven = false

    public init(
        scored: Int, errors: Int, total: Int, outlets: [OutletRow], branches: [BranchSummary], rules: [RuleTally],
        grades: [ScoringSettings.Grade], rulesDigest: String
    ) {
        self.scored = scored
        self.errors = errors
        self.total = total
        self.outlets = outlets
        self.branches = branches
        self.rules = rules
        self.grades = grades
        self.rulesDigest = rulesDigest
    }
}
