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
        var diagnostics = DiagnosticList()
        var warnings: [Diagnostic] = []
        var params: [String: (value: Value, type: ExprType)] = [:]
        for param in rule.params {
            // A fixed value stays what the clause says, whatever is passed (parseOverrides
            // refuses it first; this keeps it so for any other caller).
            params[param.name] = ((param.fixed ? nil : overrides[param.name]) ?? param.value, param.type)
        }

        func report(_ errors: [CheckError], in source: ExpressionSource) {
            for e in errors {
                diagnostics.append(.error(.expressionError(e.message), at: source.location(at: e.offset)))
            }
        }
        func parse(_ source: ExpressionSource) -> Expr? {
            do throws(SyntaxError) {
                return try ExpressionParser.parse(source.text)
            } catch {
                diagnostics.append(.error(.expressionSyntax(error.message), at: source.location(at: error.offset)))
                return nil
            }
        }
        /// Compiles `source` and reports its errors at their positions.
        func compile(_ source: ExpressionSource, _ compiler: inout ExpressionCompiler, expecting: ExprType? = nil, role: String = "") -> (Compiled, Expr)? {
            guard let expr = parse(source) else { return nil }
            let before = compiler.errors.count, warned = compiler.warnings.count
            let compiled = expecting.map { compiler.compile(expr, expecting: $0, role: role) } ?? compiler.compile(expr)
            report(Array(compiler.errors[before...]), in: source)
            for w in compiler.warnings[warned...] {
                warnings.append(Diagnostic(.warning, .expressionWarning(w.message), at: source.location(at: w.offset)))
            }
            return (compiled, expr)
        }

        /// Why a `let` name would hide something, if it would.
        func reserved(_ name: String) -> Message? {
            if name == "it" || name == "params" { return .letIsBuiltIn(name) }
            if schema.root.field(named: name) != nil { return .letIsSection(name) }
            return nil
        }
        var sources: [CompiledRule.Source] = []
        var slotCount = 0
        var derived = false
        var fieldsRead: Set<FieldReference> = []
        let lists: [RuleDefinition.ListSource?] = rule.forEach.isEmpty ? [nil] : rule.forEach.map { $0 }
        for list in lists {
            var compiler = ExpressionCompiler(schema: schema, params: params)
            var listEval: Evaluator?
            var listPath: String?
            var letExprs: [String: Expr] = [:]
            var lets: [(slot: Int, eval: Evaluator)] = []
            if let list {
                guard let (compiled, expr) = compile(list.list, &compiler) else { continue }
                guard case .list(let element) = compiled.type, case .object = element else {
                    if compiled.type != .error {
                        diagnostics.append(.error(.forEachNeedsItems(found: "\(compiled.type)"),
                                                  at: list.list.location(at: 0)))
                    }
                    continue
                }
                listEval = compiled.eval
                listPath = expr.path?.joined(separator: ".")
                compiler.bindItem(element)
                for (name, source) in list.lets {
                    if let clash = reserved(name) {
                        diagnostics.append(.error(clash, at: source.location(at: 0)))
                        continue
                    }
                    guard let (c, e) = compile(source, &compiler) else { continue }
                    lets.append((compiler.bind(name, c.type), c.eval))
                    letExprs[name] = e
                }
            }
            for (name, source) in rule.lets {
                if let clash = reserved(name) {
                    diagnostics.append(.error(clash, at: source.location(at: 0)))
                    continue
                }
                if compiler.isBound(name) {
                    diagnostics.append(.error(.alreadyDefined(name), at: source.location(at: 0)))
                    continue
                }
                guard let (c, e) = compile(source, &compiler) else { continue }
                lets.append((compiler.bind(name, c.type), c.eval))
                letExprs[name] = e
            }
            var applies: Evaluator?
            if let source = rule.applies {
                applies = compile(source, &compiler, expecting: .bool, role: "applies")?.0.eval
            }
            var due: Evaluator?
            if let source = rule.due {
                due = compile(source, &compiler, expecting: .bool, role: "due")?.0.eval
            }
            guard let (check, checkExpr) = compile(rule.check, &compiler) else { continue }
            if check.type != .bool, check.type != .timeliness, check.type != .error {
                diagnostics.append(.error(.checkType(found: "\(check.type)"), at: rule.check.location(at: 0)))
            }
            var messages: [Language: MessageTemplate] = [:]
            for (language, source) in [(Language.zh, rule.message.zh), (.en, rule.message.en)] {
                let (template, errors) = MessageTemplate.compile(source, language: language, &compiler)
                report(errors, in: source)
                messages[language] = template
            }
            var evidence: (path: [String], suffix: String, locate: @Sendable (Frame) -> Mark?)?
            let evidenceExpr: Expr?
            if let source = rule.evidence {
                evidenceExpr = parse(source)
                if let e = evidenceExpr, e.path == nil {
                    diagnostics.append(.error(.evidenceMustBePath, at: source.location(at: 0)))
                }
            } else {
                evidenceExpr = Self.firstPath(checkExpr, lets: letExprs, compiler: compiler)
            }
            if let e = evidenceExpr, let path = e.path {
                let before = compiler.errors.count
                let located = compiler.compile(e)
                if compiler.errors.count == before, let locate = located.locate {
                    evidence = (path, (path.first == "it" ? Array(path.dropFirst()) : path).joined(separator: "."), locate)
                } else if let source = rule.evidence {
                    report(Array(compiler.errors[before...]), in: source)
                }
            }
            slotCount = max(slotCount, compiler.slotCount)
            derived = derived || compiler.readsTierStanding
            fieldsRead.formUnion(compiler.fieldsRead)
            sources.append(CompiledRule.Source(
                list: listEval, listPath: listPath, lets: lets, applies: applies, due: due, check: check.eval,
                messages: messages, evidence: evidence))
        }
        if diagnostics.hasErrors { throw diagnostics }
        return CompiledRule(
            definition: rule, parameters: params.mapValues(\.value), sources: sources, slotCount: slotCount, isDerived: derived,
            fieldsRead: fieldsRead, warnings: warnings)
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
