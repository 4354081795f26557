import AuditCalendar
import AuditCore
import AuditReport

/// What an evaluation may consult besides the report: nothing else — no clock, no files.
public struct EvaluationContext: Sendable {
    public var calendar: BusinessCalendar
    /// `--as-of`; when nil, each report's `inspection.inspected_at`.
    public var asOf: Timestamp?

    public init(calendar: BusinessCalendar, asOf: Timestamp? = nil) {
        self.calendar = calendar
        self.asOf = asOf
    }
}

/// The mutable state of one evaluation: the report, the current `it`, and the slots that
/// hold `let` values and the variables of `all`/`any`/`count`/`filter`.
final class Frame {
    let report: InspectionReport
    let context: EvaluationContext
    /// The evaluation time for open cases (`--as-of`, else `inspection.inspected_at`).
    let asOf: Timestamp?
    var item: Value = .none
    /// `let` values and macro variables; grown to each rule's needs (`ensureSlots`).
    var slots: [Value] = []
    /// The first phase's outcome, for the rule being evaluated when it judges other rules'
    /// results: read by `tier_supported()`, `tier_blocking()`, `tier_eligible()`.
    var tierStanding: TierStanding?
    /// Elements visited by list quantifiers for the rule being evaluated: a rule that nests
    /// them over long lists (`cases.all(a, cases.all(b, …))`) grows as length^depth, and is
    /// stopped at `stepBudget` with an `error` naming it rather than running for minutes.
    var steps = 0
    static let stepBudget = 2_000_000

    /// The report field that is the evaluation time when `--as-of` is not given.
    static let asOfPath = "inspection.inspected_at"

    init(report: InspectionReport, context: EvaluationContext) {
        self.report = report
        self.context = context
        if let asOf = context.asOf {
            self.asOf = asOf
        } else if case .timestamp(let t)? = report.value(at: Self.asOfPath)?.value {
            self.asOf = t
        } else {
            self.asOf = nil
        }
    }

    func ensureSlots(_ count: Int) {
        if slots.count < count { slots.append(contentsOf: repeatElement(.none, count: count - slots.count)) }
    }
}

/// A compiled expression: evaluates against a frame, never re-parsed.
typealias Evaluator = @Sendable (Frame) -> Value

/// The outcome of tier qualification, for rules that judge the claim itself (TIER-CLAIM).
public struct TierStanding: Sendable {
    public var supported: Bool
    /// Ids of the rules that keep the outlet from its claimed tier.
    public var blocking: [String]
    /// Whether the outlet's type can hold a tier at all (CS 2.1.1: centres and halls).
    public var eligible: Bool

    public init(supported: Bool, blocking: [String], eligible: Bool = true) {
        self.supported = supported
        self.blocking = blocking
        self.eligible = eligible
    }
}
