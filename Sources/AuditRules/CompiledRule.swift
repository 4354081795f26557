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

    /// The raw result for one subject: the values of `applies` and `check`, before they
    /// become a status (that is the engine's job).
    public struct Outcome: Sendable {
        /// The item's id (`E1077`) or nil for the report itself.
        public var item: String?
        /// `cases[2]`, or nil for the report.
        public var itemPath: String?
        public var applies: Value
        /// The clause applies but has not come due (`due:` false): `not_due`.
        public var pending = false
        public var check: Value?
        public var message: String?
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

    /// Evaluates the rule for every subject. Messages are rendered only for results that
    /// need one (`wantMessage` decides from the check value), in one language.
    public func outcomes(
        in frame: Frame, language: Language, wantMessage: (Value) -> Bool
    ) -> [Outcome] {
        frame.ensureSlots(slotCount)
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
                    let verdict: Value = ExpressionCompiler.truth(applies) == false ? applies : items
                    results.append(Outcome(
                        item: nil, itemPath: source.listPath, applies: verdict, check: nil, message: nil,
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
                    results.append(evaluate(source, frame, language, wantMessage, item: id, itemPath: path))
                }
            } else {
                frame.item = .none
                results.append(evaluate(source, frame, language, wantMessage, item: nil, itemPath: nil))
            }
        }
        return results
    }

    private func evaluate(
        _ source: Source, _ frame: Frame, _ language: Language, _ wantMessage: (Value) -> Bool,
        item: String?, itemPath: String?
    ) -> Outcome {
        for (slot, eval) in source.lets { frame.slots[slot] = eval(frame) }
        let applies = source.applies?(frame) ?? .bool(true)
        var outcome = Outcome(item: item, itemPath: itemPath, applies: applies, check: nil, message: nil)
        if case .object(let object) = frame.item { outcome.evidenceMark = object.mark }
        outcome.evidencePathPrefix = itemPath
        if let evidence = source.evidence {
            // `it.feedback_at` is relative to the item (`cases[2]`); `premises.x` stands alone.
            outcome.evidencePathPrefix = evidence.path.first == "it" ? itemPath : nil
            outcome.evidencePathSuffix = evidence.suffix
            outcome.evidenceMark = evidence.locate(frame) ?? outcome.evidenceMark
        }
        guard ExpressionCompiler.truth(applies) == true else { return outcome }
        if let due = source.due {
            let value = due(frame)
            switch ExpressionCompiler.truth(value) {
            case true?: break
            case false?:
                outcome.pending = true
                return outcome
            case nil:
                outcome.check = value  // missing evidence (or an error) decides the status
                return outcome
            }
        }
        let check = source.check(frame)
        outcome.check = check
        if wantMessage(check) { outcome.message = source.messages[language]?.render(frame) }
        return outcome
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
