import AuditCore
import AuditReport

/// Compiles rule definitions against the report schema: parse, check, plan.
public struct RuleCompiler: Sendable {
    public let schema: ReportSchema

    public init(schema: ReportSchema) {
        self.schema = schema
    }

    /// Compiles one rule with its parameters (declared defaults, replaced by `overrides` of
    /// the same names). Every expression error is a diagnostic at its file position.
    public func compile(_ rule: RuleDefinition, overrides: [String: Value] = [:]) throws(DiagnosticList) -> CompiledRule {
        var compilation = RuleCompilation(rule: rule, schema: schema, overrides: overrides)
        // One source per list the rule walks (one, without a list, for a rule on the report).
        let lists: [RuleDefinition.ListSource?] = rule.forEach.isEmpty ? [nil] : rule.forEach.map { $0 }
        let sources = lists.compactMap { compilation.source(for: $0) }
        if compilation.diagnostics.hasErrors { throw compilation.diagnostics }
        return CompiledRule(
            definition: rule, parameters: compilation.params.mapValues(\.value), sources: sources,
            slotCount: compilation.slotCount, isDerived: compilation.derived, fieldsRead: compilation.fieldsRead,
            warnings: compilation.warnings)
    }

    /// The first report field a check reads (looking through `let` names): where a finding
    /// points when the rule does not name its evidence.
    static func firstPath(_ expr: Expr, lets: [String: Expr], compiler: ExpressionCompiler) -> Expr? {
        switch expr {
        case .identifier(let name, _):
            if let bound = lets[name] { return firstPath(bound, lets: [:], compiler: compiler) }
            return nil
        case .member(let base, _, _):
            if let path = expr.path, path.first != "params", lets[path[0]] == nil, path.count >= 2 { return expr }
            return firstPath(base, lets: lets, compiler: compiler)
        case .literal: return nil
        case .list(let items, _):
            return items.lazy.compactMap { firstPath($0, lets: lets, compiler: compiler) }.first
        case .call(let receiver, _, let args, _):
            if let receiver, let found = firstPath(receiver, lets: lets, compiler: compiler) { return found }
            return args.lazy.compactMap { firstPath($0.value, lets: lets, compiler: compiler) }.first
        case .unary(_, let e, _): return firstPath(e, lets: lets, compiler: compiler)
        case .binary(_, let l, let r, _):
            return firstPath(l, lets: lets, compiler: compiler) ?? firstPath(r, lets: lets, compiler: compiler)
        case .conditional(let c, let a, let b, _):
            return firstPath(a, lets: lets, compiler: compiler) ?? firstPath(b, lets: lets, compiler: compiler)
                ?? firstPath(c, lets: lets, compiler: compiler)
        }
    }
}

/// The compilation of one rule: each of its expressions parsed, type-checked and planned,
/// its problems collected as diagnostics at their file positions.
private struct RuleCompilation {
    let rule: RuleDefinition
    let schema: ReportSchema
    var params: [String: (value: Value, type: ExprType)] = [:]
    var diagnostics = DiagnosticList()
    var warnings: [Diagnostic] = []
    var slotCount = 0
    var derived = false
    var fieldsRead: Set<FieldReference> = []

    init(rule: RuleDefinition, schema: ReportSchema, overrides: [String: Value]) {
        self.rule = rule
        self.schema = schema
        for param in rule.params {
            // A fixed value stays what the clause says, whatever is passed (parseOverrides
            // refuses it first; this keeps it so for any other caller).
            params[param.name] = ((param.fixed ? nil : overrides[param.name]) ?? param.value, param.type)
        }
    }

    /// The rule's expressions compiled for one list (or for the report when `list` is nil).
    mutating func source(for list: RuleDefinition.ListSource?) -> CompiledRule.Source? {
        var compiler = ExpressionCompiler(schema: schema, params: params)
        var listEval: Evaluator?, listPath: String?
        var letExprs: [String: Expr] = [:]
        var lets: [(slot: Int, eval: Evaluator)] = []
        if let list {
            guard let (compiled, expr) = compile(list.list, &compiler) else { return nil }
            guard case .list(let element) = compiled.type, case .object = element else {
                if compiled.type != .error {
                    diagnostics.append(.error(.forEachNeedsItems(found: "\(compiled.type)"), at: list.list.location(at: 0)))
                }
                return nil
            }
            listEval = compiled.eval
            listPath = expr.path?.joined(separator: ".")
            compiler.bindItem(element)
            bind(list.lets, &compiler, into: &lets, &letExprs, checkingRedefinition: false)
        }
        bind(rule.lets, &compiler, into: &lets, &letExprs, checkingRedefinition: true)
        let applies = rule.applies.flatMap { compile($0, &compiler, expecting: (.bool, .ruleKey("applies")))?.0.eval }
        let due = rule.due.flatMap { compile($0, &compiler, expecting: (.bool, .ruleKey("due")))?.0.eval }
        guard let (check, checkExpr) = compile(rule.check, &compiler) else { return nil }
        if check.type != .bool, check.type != .timeliness, check.type != .error {
            diagnostics.append(.error(.checkType(found: "\(check.type)"), at: rule.check.location(at: 0)))
        }
        var messages: [Language: MessageTemplate] = [:]
        for (language, source) in [(Language.zh, rule.message.zh), (.en, rule.message.en)] {
            let (template, errors) = MessageTemplate.compile(source, language: language, &compiler)
            report(errors, in: source)
            messages[language] = template
        }
        let evidence = self.evidence(checkExpr, letExprs, &compiler)
        // The cost of one report grows as (list length)^depth, the `for_each` list counting
        // as one level: from depth 3 on, lint says what that means (the runtime budget stops
        // a rule that goes over it, as an error).
        let depth = compiler.deepestQuantifier + (list == nil ? 0 : 1)
        if depth >= 3 {
            warnings.append(Diagnostic(.warning, .costlyRule(depth: depth, budget: Frame.stepBudget), at: rule.check.location(at: 0)))
        }
        slotCount = max(slotCount, compiler.slotCount)
        derived = derived || compiler.readsTierStanding
        fieldsRead.formUnion(compiler.fieldsRead)
        return CompiledRule.Source(
            list: listEval, listPath: listPath, lets: lets, applies: applies, due: due, check: check.eval,
            messages: messages, evidence: evidence)
    }

    /// Binds `let` names in order; a name may not hide a built-in or a report section, nor
    /// (for the rule's own names) one its list already bound.
    private mutating func bind(
        _ names: [(name: String, source: ExpressionSource)], _ compiler: inout ExpressionCompiler,
        into lets: inout [(slot: Int, eval: Evaluator)], _ letExprs: inout [String: Expr], checkingRedefinition: Bool
    ) {
        for (name, source) in names {
            if let clash = reserved(name) {
                diagnostics.append(.error(clash, at: source.location(at: 0)))
                continue
            }
            if checkingRedefinition, compiler.isBound(name) {
                diagnostics.append(.error(.alreadyDefined(name), at: source.location(at: 0)))
                continue
            }
            guard let (c, e) = compile(source, &compiler) else { continue }
            lets.append((compiler.bind(name, c.type), c.eval))
            letExprs[name] = e
        }
    }

    /// Why a `let` name would hide something, if it would.
    private func reserved(_ name: String) -> Message? {
        if name == "it" || name == "params" { return .letIsBuiltIn(name) }
        if schema.root.field(named: name) != nil { return .letIsSection(name) }
        return nil
    }

    /// Where a finding points: the rule's `evidence`, else the first field its check reads.
    private mutating func evidence(
        _ checkExpr: Expr, _ letExprs: [String: Expr], _ compiler: inout ExpressionCompiler
    ) -> (path: [String], suffix: String, locate: @Sendable (Frame) -> Mark?)? {
        let evidenceExpr: Expr?
        if let source = rule.evidence {
            evidenceExpr = parse(source)
            if let e = evidenceExpr, e.path == nil {
                diagnostics.append(.error(.evidenceMustBePath, at: source.location(at: 0)))
            }
        } else {
            evidenceExpr = RuleCompiler.firstPath(checkExpr, lets: letExprs, compiler: compiler)
        }
        guard let e = evidenceExpr, let path = e.path else { return nil }
        let before = compiler.errors.count
        let located = compiler.compile(e)
        if compiler.errors.count == before, let locate = located.locate {
            return (path, (path.first == "it" ? Array(path.dropFirst()) : path).joined(separator: "."), locate)
        }
        if let source = rule.evidence { report(Array(compiler.errors[before...]), in: source) }
        return nil
    }

    private mutating func report(_ errors: [CheckError], in source: ExpressionSource) {
        for e in errors {
            diagnostics.append(.error(e.wording, at: source.location(at: e.offset)))
        }
    }

    private mutating func parse(_ source: ExpressionSource) -> Expr? {
        do throws(SyntaxError) {
            return try ExpressionParser.parse(source.text)
        } catch {
            diagnostics.append(.error(error.wording, at: source.location(at: error.offset)))
            return nil
        }
    }

    /// Compiles `source` and reports its errors and warnings at their positions.
    private mutating func compile(
        _ source: ExpressionSource, _ compiler: inout ExpressionCompiler, expecting: (type: ExprType, role: Label)? = nil
    ) -> (Compiled, Expr)? {
        guard let expr = parse(source) else { return nil }
        let before = compiler.errors.count, warned = compiler.warnings.count
        let compiled = expecting.map { compiler.compile(expr, expecting: $0.type, role: $0.role) } ?? compiler.compile(expr)
        report(Array(compiler.errors[before...]), in: source)
        for w in compiler.warnings[warned...] {
            warnings.append(Diagnostic(.warning, w.wording, at: source.location(at: w.offset)))
        }
        return (compiled, expr)
    }
}
