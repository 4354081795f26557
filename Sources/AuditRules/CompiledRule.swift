import AuditCalendar
import AuditCore
import AuditReport

/// A rule ready to run: every expression parsed, checked and planned, parameters bound.
public struct CompiledRule: Sendable {
    public let definition: RuleDefinition
    /// Effective parameter values (defaults, then `--param` overrides).
    public let parameters: [String: Value]
    let sources: [Source]
    let slotCount: Int
    /// Judges other rules' results (reads the tier standing): the engine runs it last.
    public let isDerived: Bool
    /// The report fields the rule reads anywhere (applies, lets, check, messages).
    public let fieldsRead: Set<FieldReference>
    /// What `audit lint` should mention without refusing the rule (a deprecated field read).
    public var warnings: [Diagnostic] = []

    public var id: String { definition.id }

    /// What a rule iterates: one list (`cases`), or the report itself when `list` is nil.
    struct Source: Sendable {
        var list: Evaluator?
        var listPath: String?
        var lets: [(slot: Int, eval: Evaluator)]
        var applies: Evaluator?
        var due: Evaluator?
        var check: Evaluator
        var messages: [Language: MessageTemplate]
        var evidence: (path: [String], suffix: String, locate: @Sendable (Frame) -> Mark?)?
    }

    /// The result for one subject: its status, what decided it, and (for a fail) the rule's
    /// message, in both languages, as data: the output chooses the language.
    public struct Outcome: Sendable {
        /// The item's id (`E1077`) or nil for the report itself.
        public var item: String?
        /// `cases[2]`, or nil for the report.
        public var itemPath: String?
        public var status: Status
        /// The value the status was decided from: the check's, or, when the check did not
        /// run, the applicability's (missing evidence, an error, a deadline result).
        public var value: Value
        /// The rule's message with its holes filled, for a `fail`.
        public var message: RuleMessage?
        public var evidenceMark: Mark?
        /// The evidence's path in two parts (`cases[2]` and `feedback_at`), joined only when
        /// someone reads it: most results are passes nobody prints.
        public var evidencePathPrefix: String?
        public var evidencePathSuffix: String?

        public var evidencePath: String? { Self.join(evidencePathPrefix, evidencePathSuffix) }

        public static func join(_ prefix: String?, _ suffix: String?) -> String? {
            switch (prefix, suffix) {
            case let (p?, s?): p.isEmpty ? s : (s.isEmpty ? p : p + "." + s)
            case let (p?, nil): p
            case let (nil, s?): s
            case (nil, nil): nil
            }
        }
    }

    /// Evaluates the rule for every subject of one report. A rule that judges other rules'
    /// results (`isDerived`: TIER-CLAIM) takes them as `standing`, the outcome of the first
    /// phase; without it, its tier functions are an `error`.
    public func outcomes(in evaluation: ReportEvaluation, standing: TierStanding? = nil) -> [Outcome] {
        let frame = evaluation.frame
        frame.ensureSlots(slotCount)
        frame.steps = 0
        frame.tierStanding = standing
        defer { frame.tierStanding = nil }
        var results: [Outcome] = []
        for source in sources {
            if let list = source.list {
                let items = list(frame)
                guard case .list(let values) = items else {
                    // The list itself is absent: one result stands for all its items. It is
                    // not applicable if `applies` says so without the items (a service-hall
                    // rule at a centre), else not assessed.
                    frame.item = items
                    for (slot, eval) in source.lets { frame.slots[slot] = eval(frame) }
                    let applies = source.applies?(frame) ?? .bool(true)
                    let value: Value = ExpressionCompiler.truth(applies) == false ? applies : items
                    results.append(Outcome(
                        item: nil, itemPath: source.listPath, status: Self.status(applies: value, check: nil), value: value, message: nil,
                        evidenceMark: Self.missingMark(items) ?? frame.report.root.mark, evidencePathPrefix: source.listPath))
                    continue
                }
                for (index, item) in values.enumerated() {
                    frame.item = item
                    var id: String?
                    let path: String
                    if case .object(let object) = item {
                        id = object.identifier
                        path = object.path
                    } else {
                        path = "\(source.listPath ?? "")[\(index)]"
                    }
                    results.append(evaluate(source, frame, item: id, itemPath: path))
                }
            } else {
                frame.item = .none
                results.append(evaluate(source, frame, item: nil, itemPath: nil))
            }
        }
        return results
    }

    private func evaluate(_ source: Source, _ frame: Frame, item: String?, itemPath: String?) -> Outcome {
        for (slot, eval) in source.lets { frame.slots[slot] = eval(frame) }
        let applies = source.applies?(frame) ?? .bool(true)
        var outcome = Outcome(item: item, itemPath: itemPath, status: .notApplicable, value: applies, message: nil)
        if case .object(let object) = frame.item { outcome.evidenceMark = object.mark }
        outcome.evidencePathPrefix = itemPath
        if let evidence = source.evidence {
            // `it.feedback_at` is relative to the item (`cases[2]`); `premises.x` stands alone.
            outcome.evidencePathPrefix = evidence.path.first == "it" ? itemPath : nil
            outcome.evidencePathSuffix = evidence.suffix
            outcome.evidenceMark = evidence.locate(frame) ?? outcome.evidenceMark
        }
        guard ExpressionCompiler.truth(applies) == true else {
            outcome.status = Self.status(applies: applies, check: nil)
            return outcome
        }
        if let due = source.due {
            let value = due(frame)
            switch ExpressionCompiler.truth(value) {
            case true?: break
            case false?:
                outcome.status = .notDue
                outcome.value = value
                return outcome
            case nil:
                // Missing evidence (or an error) decides the status.
                outcome.status = Self.status(applies: applies, check: value)
                outcome.value = value
                return outcome
            }
        }
        let check = source.check(frame)
        outcome.value = check
        outcome.status = Self.status(applies: applies, check: check)
        if outcome.status == .fail, let zh = source.messages[.zh], let en = source.messages[.en] {
            outcome.message = RuleMessage(zh: zh, en: en, values: (zh.evaluate(frame), en.evaluate(frame)),
                                          offsetSeconds: frame.report.utcOffsetSeconds)
        }
        return outcome
    }

    /// The one place a result becomes a status (`scoring.md`, "Rule results"; docs/rules.md,
    /// "Statuses").
    static func status(applies: Value, check: Value?) -> Status {
        guard let check else {
            switch applies {
            case .unknown: return .notAssessed
            case .failure: return .error
            default: return .notApplicable
            }
        }
        switch check {
        case .bool(true): return .pass
        case .bool(false): return .fail
        // The check read something that has not happened (a surname never learnt, no
        // agreement yet): the clause has nothing to judge.
        case .none: return .notApplicable
        case .timeliness(let t):
            switch t.outcome {
            case .onTime: return .pass
            case .late, .overdue: return .fail
            case .notDue: return .notDue
            }
        case .failure: return .error
        default: return .notAssessed
        }
    }

    static func missingMark(_ value: Value) -> Mark? {
        if case .unknown(let missing) = value { return missing.mark }
        return nil
    }
}

extension CompiledRule {
    /// Whether the rule runs per item of a list (its points are then shared by the items).
    public var sourcesIterate: Bool { sources.contains { $0.list != nil } }
}

/// The evaluation of one report: what every rule reads (the report, the evaluation time)
/// and the working space their expressions share, made once per report.
public final class ReportEvaluation {
    let frame: Frame

    public init(report: InspectionReport, context: EvaluationContext) {
        frame = Frame(report: report, context: context)
    }

    public var report: InspectionReport { frame.report }
    /// `--as-of`, else the report's `inspection.inspected_at`.
    public var asOf: Timestamp? { frame.asOf }
}

/// A rule's failure message with its holes filled, in both languages; rendered when output
/// is written, in the output's language.
public struct RuleMessage: Sendable {
    let zh: MessageTemplate
    let en: MessageTemplate
    let values: (zh: [Value], en: [Value])
    let offsetSeconds: Int

    public func text(_ language: Language) -> String {
        language == .zh ? zh.render(values.zh, offsetSeconds: offsetSeconds) : en.render(values.en, offsetSeconds: offsetSeconds)
    }
}
