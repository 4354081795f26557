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
    /// The report's place among the batch inputs: its detail in the dashboard is `#o<anchor>`
    /// (positions of superseded or unreadable inputs are skipped, so anchors are stable).
    public var anchor = 0
    /// The same outlet (`outlet.id`) in the previous round (`audit batch --previous`); nil
    /// without `--previous` or when the outlet is new.
    public var previous: OutletTrend?

    /// This score minus the previous round's, as shown (one decimal each); nil when either is missing.
    public var scoreChange: Double? { ResultDiff.change(previous?.score, score) }

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

/// An outlet's previous inspection (the previous round's results.jsonl) and how its results
/// moved since, matched by rule id and item as `audit diff` does (`ResultDiff`).
public struct OutletTrend: Sendable {
    public var inspectionId: String
    /// As shown in outlets.csv (`2026-04-14 10:30`); "" when unknown.
    public var inspectedAt: String
    public var score: Double?
    public var grade: String?
    public var redLine: String?
    /// Results failing now that did not before.
    public var newFailures = 0
    /// Results failing before that do not now.
    public var fixedFailures = 0
    /// Results that changed status without a fail on either side (`not_assessed` → `not_due`).
    public var flipped = 0

    public init(inspectionId: String, inspectedAt: String, score: Double?, grade: String?, redLine: String?) {
        self.inspectionId = inspectionId
        self.inspectedAt = inspectedAt
        self.score = score
        self.grade = grade
        self.redLine = redLine
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
    /// Reports in which the rule failed at least once (a rule failing for three staff of one
    /// outlet counts once), and the points those fails cost in all.
    public var outlets = 0
    public var pointsLost = 0.0
    /// Reports in which it failed in the previous round (`--previous`); nil without it.
    public var previousOutlets: Int?

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
    /// Reports graded the red-line grade (`scoring.red_line_grade`, 不合格), whatever the cause.
    public var failGrade = 0
    /// The previous round (`--previous`): its reports of this branch, their mean and red lines;
    /// nil/0 without it or when the branch is new.
    public var previousReports = 0
    public var previousMean: Double?
    public var previousRedLines = 0

    /// Mean minus the previous mean, as shown; nil when either is missing.
    public var meanChange: Double? { ResultDiff.change(previousMean, mean) }

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
    /// The grade a red line gives (`scoring.red_line_grade`).
    public var redLineGrade = "fail"
    /// The inputs that could not be scored, in input order, with their message in the run's
    /// language and where (the first `shownErrors`; `unreadableCount` in all).
    public var unreadable: [UnreadableInput] = []
    public var unreadableCount = 0
    /// Reports left out because a later inspection of the same outlet counts.
    public var superseded: [(path: String, by: String)] = []
    /// The comparison with the previous round (`--previous`); nil without it.
    public var round: RoundComparison?

    /// How many unreadable inputs the summary keeps (errors.jsonl has them all).
    public static let shownErrors = 200

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

/// An input that could not be scored, as errors.jsonl lists it.
public struct UnreadableInput: Sendable {
    public var path: String
    public var message: String
    public var line: Int?
    public var column: Int?

    public init(path: String, message: String, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.message = message
        self.line = line
        self.column = column
    }
}

/// This round against the previous one (`audit batch --previous DIR`): outlets are matched by
/// `outlet.id`; those only in this round are new, those only in the previous one are gone.
public struct RoundComparison: Sendable {
    /// An outlet of one round only.
    public struct Outlet: Sendable {
        public var outletId: String
        public var branch: String
        public var name: String
        public var score: Double?
        public var grade: String?

        public init(outletId: String, branch: String, name: String, score: Double?, grade: String?) {
            self.outletId = outletId
            self.branch = branch
            self.name = name
            self.score = score
            self.grade = grade
        }
    }

    /// The previous output folder, as given.
    public var folder: String
    /// Reports scored in the previous round.
    public var previousScored: Int
    /// Outlets in both rounds.
    public var matched: Int
    /// In this round only / in the previous round only (by outlet id).
    public var new: [Outlet]
    public var gone: [Outlet]
    /// The previous round's mean score over all its reports.
    public var previousMean: Double?

    public init(folder: String, previousScored: Int, matched: Int, new: [Outlet], gone: [Outlet], previousMean: Double?) {
        self.folder = folder
        self.previousScored = previousScored
        self.matched = matched
        self.new = new
        self.gone = gone
        self.previousMean = previousMean
    }
}
