import AuditCalendar
import AuditCore
import AuditReport

/// A checked, planned expression.
struct Compiled: Sendable {
    var type: ExprType
    var eval: Evaluator
    /// Known when the pack loads (literals, parameters): folded once, e.g. normalised phrases.
    var constant: Value?
    /// For field paths: where the value is written in the report (or the mapping that lacks
    /// it). Used to point findings at their evidence.
    var locate: (@Sendable (Frame) -> Mark?)?
}

/// A field of an object type of the report schema.
public struct FieldReference: Hashable, Sendable, Comparable {
    public var object: String
    public var field: String

    public init(object: String, field: String) {
        self.object = object
        self.field = field
    }

    public static func < (a: FieldReference, b: FieldReference) -> Bool { (a.object, a.field) < (b.object, b.field) }
}

/// A type error or unknown name, at an offset in the expression text, in both languages
/// (ExpressionWording.swift).
public struct CheckError: Sendable, Equatable {
    public var offset: Int
    /// The whole diagnostic, with its code.
    public var wording: Message
    /// The English text.
    public var message: String { wording.en }

    public init(offset: Int, _ wording: Message) {
        self.offset = offset
        self.wording = wording
    }
}

/// Type-checks an expression against the report schema and plans it into closures in one
/// walk. Names, fields, functions and parameters are all resolved here, once per pack load,
/// so evaluation does no lookups by name. On an error the node gets the `error` type and the
/// walk goes on, so one mistake yields one message.
public struct ExpressionCompiler {
    public enum Binding {
        case slot(Int, ExprType)
        case item(ExprType)
    }

    let schema: ReportSchema
    let params: [String: (value: Value, type: ExprType)]
    var scope: [String: Binding] = [:]
    public private(set) var errors: [CheckError] = []
    /// Reads of deprecated fields: allowed, but the rule should move to the replacement.
    public private(set) var warnings: [CheckError] = []
    public private(set) var slotCount = 0
    /// Whether the expression reads the tier standing, so the rule must run after all others.
    public internal(set) var readsTierStanding = false
    /// Every report field the compiled expressions read, as `object.field` of the schema
    /// (`premises.reception_area_m2`, `case.feedback_at`): the inspector's checklist. Fields
    /// read on the way are included (`implicitReads`): the time zone a local timestamp is read
    /// in, the inspection time a deadline is judged at.
    public private(set) var fieldsRead: Set<FieldReference> = []
    /// List quantifiers (`all`, `any`, `count`, `filter`) open around the expression being
    /// compiled, and the most ever open at once: the exponent of the rule's cost.
    var quantifierDepth = 0
    public internal(set) var deepestQuantifier = 0

    public init(schema: ReportSchema, params: [String: (value: Value, type: ExprType)]) {
        self.schema = schema
        self.params = params
    }

    /// Binds `it` to the items of a `for_each` list.
    public mutating func bindItem(_ type: ExprType) {
        scope["it"] = .item(type)
    }

    /// Reserves a slot for a `let` name; returns it so the caller can store the value.
    public mutating func bind(_ name: String, _ type: ExprType) -> Int {
        let slot = slotCount
        slotCount += 1
        scope[name] = .slot(slot, type)
        return slot
    }

    public func isBound(_ name: String) -> Bool { scope[name] != nil }

    /// Records an error; the node gets the `error` type, which absorbs further errors.
    mutating func error(_ offset: Int, _ wording: Message) -> Compiled {
        errors.append(CheckError(offset: offset, wording))
        return Compiled(type: .error, eval: { _ in .failure(EvaluationError(wording)) })
    }

    static func constant(_ value: Value, _ type: ExprType) -> Compiled {
        Compiled(type: type, eval: { _ in value }, constant: value)
    }

    // MARK: - Expressions

    mutating func compile(_ expr: Expr) -> Compiled {
        switch expr {
        case .literal(let literal, _):
            switch literal {
            case .bool(let b): return Self.constant(.bool(b), .bool)
            case .int(let i): return Self.constant(.int(i), .int)
            case .number(let d): return Self.constant(.number(d), .number)
            case .string(let s): return Self.constant(.string(s), .string)
            case .null: return Self.constant(.none, .null)
            }
        case .identifier(let name, let at):
            return identifier(name, at)
        case .list(let items, let at):
            return list(items, at)
        case .member(let base, let name, let at):
            return member(base, name, at)
        case .call(let receiver, let name, let args, let at):
            if let receiver { return method(receiver, name, args, at) }
            return function(name, args, at)
        case .unary(let op, let operand, let at):
            return unary(op, operand, at)
        case .binary(let op, let left, let right, let at):
            return binary(op, left, right, at)
        case .conditional(let condition, let then, let otherwise, let at):
            return conditional(condition, then, otherwise, at)
        }
    }

    /// Compiles and requires a type (`bool` for `applies`).
    mutating func compile(_ expr: Expr, expecting expected: ExprType, role: Label) -> Compiled {
        let compiled = compile(expr)
        if compiled.type != .error, ExprType.unify(compiled.type, expected) != expected {
            return error(expr.offset, .mustBe(role, expected, found: compiled.type))
        }
        return compiled
    }

    /// `textExpected`: the name stands where text would (`outlet.branch == 黑龙江分公司`,
    /// `outlet.type in [hall, …]`), so an unknown one is most likely text without quotes.
    private mutating func identifier(_ name: String, _ at: Int, textExpected: Bool = false) -> Compiled {
        switch scope[name] {
        case .slot(let slot, let type)?:
            return Compiled(type: type, eval: { frame in frame.slots[slot] })
        case .item(let type)?:
            return Compiled(type: type, eval: { frame in frame.item }, locate: { frame in
                if case .object(let o) = frame.item { return o.mark }
                return nil
            })
        case nil:
            break
        }
        if name == "params" {
            return error(at, .paramsNeedsName)
        }
        if let field = schema.root.field(named: name) {
            recordRead(schema.root, field)
            return fieldAccess(
                Compiled(type: .object(schema.root), eval: { frame in .object(frame.report.root) }), field)
        }
        var candidates = schema.root.fields.map(\.name) + Array(scope.keys) + ["params"]
        if name == "it" {
            return error(at, .itOutsideForEach)
        }
        candidates.sort()
        // A near miss of a known name is a typo; otherwise a word that is not ASCII (黑龙江分公司),
        // or any word where text belongs, is text that lacks its quotes.
        if Suggestion.closest(to: name, among: candidates) == nil,
           textExpected || name.unicodeScalars.contains(where: { !$0.isASCII }) {
            return error(at, .unquotedText(name))
        }
        return error(at, .unknownName(name, hint: Suggestion.hint(for: name, among: candidates)))
    }

    /// Whether `expr` is a bare name that names nothing (no `let`, `it`, section or `params`).
    private func isUnknownName(_ expr: Expr) -> Bool {
        guard case .identifier(let name, _) = expr else { return false }
        return scope[name] == nil && name != "params" && name != "it" && schema.root.field(named: name) == nil
    }

    /// Compiles the right operand of `==`, `!=`, `in`, `not in` whose left side has type
    /// `left`: a bare unknown name where text belongs (or such a name in the list literal
    /// after `in`) is reported as text that lacks its quotes.
    private mutating func operand(_ expr: Expr, after left: ExprType, _ op: BinaryOperator) -> Compiled {
        switch expr {
        case .identifier(let name, let at):
            return identifier(name, at, textExpected: op.isMembership ? false : left.isStringLike)
        case .list(let items, let at) where op.isMembership && left.isStringLike:
            return list(items, at, textExpected: true)
        default:
            return compile(expr)
        }
    }

    private mutating func list(_ items: [Expr], _ at: Int, textExpected: Bool = false) -> Compiled {
        var element = ExprType.any
        var compiled: [Compiled] = []
        for item in items {
            let c: Compiled
            if textExpected, case .identifier(let name, let offset) = item {
                c = identifier(name, offset, textExpected: true)
            } else {
                c = compile(item)
            }
            guard let unified = ExprType.unify(element, c.type) else {
                return error(item.offset, .listElementTypes(element, c.type))
            }
            element = unified
            compiled.append(c)
        }
        if compiled.allSatisfy({ $0.constant != nil }) {
            return Self.constant(.list(compiled.compactMap(\.constant)), .list(element))
        }
        let evals = compiled.map(\.eval)
        return Compiled(type: .list(element), eval: { frame in
            // Missing elements stay in the list as unknown; every list function then answers
            // by Kleene logic (a hit among the known elements decides, else unknown), so a
            // list with a hole is never read as a shorter list.
            var values: [Value] = []
            values.reserveCapacity(evals.count)
            for eval in evals {
                let v = eval(frame)
                if case .failure = v { return v }
                values.append(v)
            }
            return .list(values)
        })
    }

    private mutating func member(_ baseExpr: Expr, _ name: String, _ at: Int) -> Compiled {
        if case .identifier("params", _) = baseExpr, scope["params"] == nil {
            guard let param = params[name] else {
                // A near miss, or a declared name that this one begins (min_area for min_area_m2).
                let declared = params.keys.sorted()
                let similar = Suggestion.closest(to: name, among: declared) ?? declared.first { $0.hasPrefix(name) }
                return error(at, .undeclaredParameter(name, similar: similar))
            }
            return Self.constant(param.value, param.type)
        }
        let base = compile(baseExpr)
        switch base.type {
        case .error:
            return base
        case .object(let object):
            guard let field = object.field(named: name) else {
                let hint = Suggestion.hint(for: name, among: object.fields.map(\.name))
                return error(at, .unknownField(name, of: object.name, hint: hint))
            }
            recordRead(object, field)
            if let deprecation = field.deprecation {
                warnings.append(CheckError(offset: at, .deprecatedField(name, replacement: deprecation.replacement)))
            }
            return fieldAccess(base, field)
        case .timeliness:
            let baseEval = base.eval
            switch name {
            case "late":
                return Compiled(type: .int, eval: { frame in
                    let v = baseEval(frame)
                    guard case .timeliness(let t) = v else { return v }
                    return .int(Int64(t.daysLate))
                })
            case "last_day":
                return Compiled(type: .date, eval: { frame in
                    let v = baseEval(frame)
                    guard case .timeliness(let t) = v else { return v }
                    return .date(t.deadline.lastDay)
                })
            case "limit", "deducted":
                // The N of the period, and the days deducted for excluded periods.
                let limit = name == "limit"
                return Compiled(type: .int, eval: { frame in
                    let v = baseEval(frame)
                    guard case .timeliness(let t) = v else { return v }
                    return .int(Int64(limit ? t.limit : t.deducted))
                })
            default:
                return error(at, .unknownDeadlineMember(name))
            }
        default:
            return error(at, .noField(name, on: base.type))
        }
    }

    /// Records a read of `object.field`, with what reading it implies: a timestamp written
    /// without an offset means nothing without the zone it is read in, so every field of the
    /// schema that holds that zone is read too (`outlet.timezone`).
    mutating func recordRead(_ object: ObjectSchema, _ field: FieldSchema) {
        fieldsRead.insert(FieldReference(object: object.name, field: field.name))
        if field.type == .timestamp { fieldsRead.formUnion(Self.timeZoneFields(of: schema)) }
    }

    /// Records a read the evaluation makes by a path of the report rather than through an
    /// expression (`inspection.inspected_at`, the evaluation time of an open deadline).
    mutating func recordRead(path: String) {
        var object = schema.root
        for name in path.split(separator: ".") {
            guard let field = object.field(named: String(name)) else { return }
            recordRead(object, field)
            switch field.type {
            case .object(let nested), .list(.object(let nested)): object = nested
            default: return
            }
        }
    }

    /// The fields of type `timezone`: the zone local timestamps are read in.
    static func timeZoneFields(of schema: ReportSchema) -> [FieldReference] {
        schema.objects.values.flatMap { object in
            object.fields.filter { $0.format == .timezone }.map { FieldReference(object: object.name, field: $0.name) }
        }
    }

    private func fieldAccess(_ base: Compiled, _ field: FieldSchema) -> Compiled {
        let baseEval = base.eval
        let index = field.index
        let name = field.name
        let none = field.absentMeansNone
        return Compiled(
            type: ExprType(field.type),
            eval: { frame in
                let value = baseEval(frame)
                guard case .object(let object) = value else { return value }
                if let present = object.fields[index] { return Value(present.value) }
                return none ? .none : .unknown(Missing(path: object.countedIn ?? object.path(of: name), mark: object.mark))
            },
            locate: { frame in
                guard case .object(let object) = baseEval(frame) else { return nil }
                return object.fields[index]?.mark ?? object.mark
            })
    }

    private mutating func conditional(_ c: Expr, _ a: Expr, _ b: Expr, _ at: Int) -> Compiled {
        let condition = compile(c, expecting: .bool, role: .conditionOfConditional)
        let then = compile(a), otherwise = compile(b)
        guard let type = ExprType.unify(then.type, otherwise.type) else {
            return error(at, .branchTypes(then.type, otherwise.type))
        }
        let ce = condition.eval, te = then.eval, oe = otherwise.eval
        return Compiled(type: type, eval: { frame in
            switch ce(frame) {
            case .bool(true): return te(frame)
            case .bool(false), .none: return oe(frame)
            case .failure(let e): return .failure(e)
            case let unknown:
                // Missing evidence in the condition matters only if the branches disagree
                // (a complaint decided on day 8 is on time whether or not it was extended).
                let a = te(frame), b = oe(frame)
                return Self.agreement(a, b) ?? unknown
            }
        })
    }

    private mutating func unary(_ op: UnaryOperator, _ operandExpr: Expr, _ at: Int) -> Compiled {
        let operand = compile(operandExpr)
        let oe = operand.eval
        switch op {
        case .not:
            guard operand.type == .bool || operand.type == .error else {
                return error(at, .notNeedsBool(found: operand.type))
            }
            return Compiled(type: .bool, eval: { frame in
                switch oe(frame) {
                case .bool(let b): .bool(!b)
                case .none: .bool(true)
                case let other: other
                }
            })
        case .negate:
            guard operand.type.isNumeric || operand.type == .error else {
                return error(at, .negateNeedsNumber(found: operand.type))
            }
            return Compiled(type: operand.type, eval: { frame in
                switch oe(frame) {
                case .int(let i): i == .min ? .failure(.integerOverflow) : .int(-i)
                case .number(let d): .number(-d)
                case let other: other
                }
            })
        }
    }

    // MARK: - Binary operators

    private mutating func binary(_ op: BinaryOperator, _ l: Expr, _ r: Expr, _ at: Int) -> Compiled {
        let left: Compiled, right: Compiled
        if op.isEquality || op.isMembership, case .identifier(let name, let offset) = l, isUnknownName(l) {
            // `黑龙江分公司 == outlet.branch`, `cash in outlet.services`: the right side tells
            // whether the unknown word on the left stands where text belongs.
            right = compile(r)
            var text = right.type.isStringLike
            if op.isMembership { if case .list(let element) = right.type { text = element.isStringLike } else { text = false } }
            left = identifier(name, offset, textExpected: text)
        } else {
            left = compile(l)
            right = op.isEquality || op.isMembership ? operand(r, after: left.type, op) : compile(r)
        }
        if left.type == .error || right.type == .error {
            return Compiled(type: .error, eval: { _ in .failure(EvaluationError(.illTyped)) })
        }
        switch op {
        case .and, .or:
            return logical(op, left, right, l, r, at)
        case .equal, .notEqual:
            return equality(op, left, right, l, r, at)
        case .less, .lessEqual, .greater, .greaterEqual:
            return ordering(op, left, right, l, r, at)
        case .in, .notIn:
            return membership(op, left, right, l, r, at)
        case .coalesce:
            return coalesce(op, left, right, l, r, at)
        case .add where left.type.isStringLike && right.type.isStringLike:
            return concatenation(op, left, right, l, r, at)
        case .add where { if case .list = left.type { return true }; return false }():
            return listJoin(op, left, right, l, r, at)
        case .add, .subtract, .multiply, .divide:
            return arithmetic(op, left, right, l, r, at)
        }
    }

    /// `and`, `or`: Kleene logic, so a decisive operand wins over missing evidence.
    private mutating func logical(_ op: BinaryOperator, _ left: Compiled, _ right: Compiled, _ l: Expr, _ r: Expr, _ at: Int) -> Compiled {
        let le = left.eval, re = right.eval
        guard left.type == .bool else { return error(l.offset, .logicalNeedsBool(op.rawValue, found: left.type)) }
        guard right.type == .bool else { return error(r.offset, .logicalNeedsBool(op.rawValue, found: right.type)) }
        let isAnd = op == .and
        return Compiled(type: .bool, eval: { frame in
            // Kleene logic: a decisive operand wins over missing evidence on the other side.
            let a = le(frame)
            if case .failure = a { return a }
            if Self.truth(a) == !isAnd { return .bool(!isAnd) }
            let b = re(frame)
            if case .failure = b { return b }
            if Self.truth(b) == !isAnd { return .bool(!isAnd) }
            if let blocking = Value.blocking(a, b) { return blocking }
            return .bool(isAnd)
        })
    }

    /// `==`, `!=` (a token compared with a literal must name a token of its set).
    private mutating func equality(_ op: BinaryOperator, _ left: Compiled, _ right: Compiled, _ l: Expr, _ r: Expr, _ at: Int) -> Compiled {
        let le = left.eval, re = right.eval
        guard ExprType.unify(left.type, right.type) != nil else {
            return error(at, .cannotCompare(left.type, right.type))
        }
        checkTokenLiteral(left.type, right, r)
        checkTokenLiteral(right.type, left, l)
        let negate = op == .notEqual
        return Compiled(type: .bool, eval: { frame in
            let a = le(frame), b = re(frame)
            if let blocking = Value.blocking(a, b) { return blocking }
            return .bool(Self.equal(a, b) != negate)
        })
    }

    /// `<`, `<=`, `>`, `>=` on numbers, strings, timestamps, dates and times.
    private mutating func ordering(_ op: BinaryOperator, _ left: Compiled, _ right: Compiled, _ l: Expr, _ r: Expr, _ at: Int) -> Compiled {
        let le = left.eval, re = right.eval
        guard let unified = ExprType.unify(left.type, right.type),
              unified.isNumeric || unified.isStringLike || [.timestamp, .date, .time].contains(unified)
        else {
            return error(at, .cannotOrder(left.type, right.type))
        }
        let text = "\(l) \(op.rawValue) \(r)"
        return Compiled(type: .bool, eval: { frame in
            let a = le(frame), b = re(frame)
            if let blocking = Value.blocking(a, b) { return blocking }
            guard let order = Self.compare(a, b) else {
                // `done <= deadline(…)` with `done` not happened yet: neither a pass nor a
                // fail (it may be not due). Rules use on_time() for that.
                return .unknown(Missing(path: text, mark: frame.report.root.mark))
            }
            switch op {
            case .less: return .bool(order < 0)
            case .lessEqual: return .bool(order <= 0)
            case .greater: return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        })
    }

    /// `in`, `not in` a list.
    private mutating func membership(_ op: BinaryOperator, _ left: Compiled, _ right: Compiled, _ l: Expr, _ r: Expr, _ at: Int) -> Compiled {
        let le = left.eval, re = right.eval
        guard case .list(let element) = right.type else {
            return error(r.offset, .membershipNeedsList(op.rawValue, found: right.type))
        }
        guard ExprType.unify(left.type, element) != nil else {
            return error(at, .cannotLookFor(left.type, in: right.type))
        }
        if case .list(let items, _) = r {
            for item in items { checkTokenLiteral(left.type, compile(item), item) }
        }
        let negate = op == .notIn
        return Compiled(type: .bool, eval: { frame in
            let a = le(frame)
            if let blocking = Value.blocking(a) { return blocking }
            let b = re(frame)
            guard case .list(let items) = b else { return b }
            if case .none = a { return .bool(negate) }
            if items.contains(where: { Self.equal(a, $0) }) { return .bool(!negate) }
            if let hole = Value.firstUnknown(items) { return hole }
            return .bool(negate)
        })
    }

    /// `a ?? b`: `b` where `a` is unknown or none.
    private mutating func coalesce(_ op: BinaryOperator, _ left: Compiled, _ right: Compiled, _ l: Expr, _ r: Expr, _ at: Int) -> Compiled {
        let le = left.eval, re = right.eval
        guard let type = ExprType.unify(left.type, right.type) else {
            return error(at, .coalesceTypes(left.type, right.type))
        }
        return Compiled(type: type, eval: { frame in
            switch le(frame) {
            case .unknown, .none: re(frame)
            case let other: other
            }
        })
    }

    /// `+` of two strings.
    private mutating func concatenation(_ op: BinaryOperator, _ left: Compiled, _ right: Compiled, _ l: Expr, _ r: Expr, _ at: Int) -> Compiled {
        let le = left.eval, re = right.eval
        return Compiled(type: .string, eval: { frame in
            let a = le(frame), b = re(frame)
            if let blocking = Value.blocking(a, b) { return blocking }
            guard case .string(let x) = a, case .string(let y) = b else { return .none }
            return .string(x + y)
        })
    }

    /// `+` of two lists; a missing side stays a hole.
    private mutating func listJoin(_ op: BinaryOperator, _ left: Compiled, _ right: Compiled, _ l: Expr, _ r: Expr, _ at: Int) -> Compiled {
        let le = left.eval, re = right.eval
        guard let type = ExprType.unify(left.type, right.type) else {
            return error(at, .cannotJoin(left.type, right.type))
        }
        return Compiled(type: type, eval: { frame in
            // A missing side stays in the result as a hole (an unknown element), so a
            // phrase heard in the known part still counts and nothing reads as complete.
            func items(_ v: Value) -> [Value]? {
                switch v {
                case .list(let list): list
                case .unknown: [v]
                case .none: []
                default: nil
                }
            }
            let a = le(frame), b = re(frame)
            if case .failure = a { return a }
            if case .failure = b { return b }
            guard let x = items(a), let y = items(b) else { return .none }
            return .list(x + y)
        })
    }

    /// `+`, `-`, `*`, `/` of numbers, folded when both are known at load.
    private mutating func arithmetic(_ op: BinaryOperator, _ left: Compiled, _ right: Compiled, _ l: Expr, _ r: Expr, _ at: Int) -> Compiled {
        let le = left.eval, re = right.eval
        guard left.type.isNumeric, right.type.isNumeric else {
            return error(at, .arithmeticNeedsNumbers(op.rawValue, left.type, right.type))
        }
        let type: ExprType = (left.type == .int && right.type == .int && op != .divide) ? .int : .number
        // Folded when both sides are known at load (`params.days + params.extra_days`), so
        // the sum can be a deadline's N.
        if let a = left.constant, let b = right.constant {
            let folded = Self.arithmetic(op, a, b)
            // Known at load and always wrong (`params.n * 9223372036854775807`, `1 / 0`): the
            // rule could only ever give an error, so it does not load.
            if case .failure(let failure) = folded {
                return error(at, .alwaysFails(op.rawValue, Label(zh: failure.zh ?? failure.message, en: failure.message)))
            }
            return Self.constant(folded, type)
        }
        if op == .divide, let divisor = right.constant, Self.equal(divisor, .int(0)) {
            return error(at, .dividesByZero)
        }
        return Compiled(type: type, eval: { frame in
            let a = le(frame), b = re(frame)
            if let blocking = Value.blocking(a, b) { return blocking }
            return Self.arithmetic(op, a, b)
        })
    }

    /// `outlet.type == "service_centre"` is a typo the checker can see: the literal is not a token.
    mutating func checkTokenLiteral(_ type: ExprType, _ other: Compiled, _ expr: Expr) {
        guard case .token(let e) = type, case .literal(.string(let text), let at) = expr, !e.contains(text) else { return }
        errors.append(CheckError(offset: at, .notAToken(text, of: e.name, hint: Suggestion.hint(for: text, among: e.values))))
    }

    /// The common verdict of two branches, if they have one.
    static func agreement(_ a: Value, _ b: Value) -> Value? {
        switch (a, b) {
        case let (.bool(x), .bool(y)) where x == y:
            return a
        case let (.timeliness(x), .timeliness(y)):
            switch (x.outcome, y.outcome) {
            case (.onTime, .onTime), (.notDue, .notDue):
                return x.deadline.lastDay >= y.deadline.lastDay ? a : b
            case (.late(let m), .late(let n)), (.overdue(let m), .overdue(let n)):
                // Late either way; report the smaller lateness (the lenient reading).
                return m <= n ? a : b
            default:
                return nil
            }
        default:
            return nil
        }
    }

    static func truth(_ value: Value) -> Bool? {
        switch value {
        case .bool(let b): b
        case .none: false
        default: nil
        }
    }

    static func equal(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.none, .none): true
        case let (.bool(x), .bool(y)): x == y
        case let (.int(x), .int(y)): x == y
        case let (.string(x), .string(y)): x == y
        case let (.timestamp(x), .timestamp(y)): x == y
        case let (.date(x), .date(y)): x == y
        case let (.time(x), .time(y)): x == y
        case let (.list(x), .list(y)): x.count == y.count && zip(x, y).allSatisfy { equal($0, $1) }
        case (.int, .number), (.number, .int), (.number, .number): compare(a, b) == 0
        default: false
        }
    }

    static func compare(_ a: Value, _ b: Value) -> Int? {
        func order<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x == y ? 0 : 1) }
        switch (a, b) {
        case let (.int(x), .int(y)): return order(x, y)
        case let (.int(x), .number(y)): return order(Double(x), y)
        case let (.number(x), .int(y)): return order(x, Double(y))
        case let (.number(x), .number(y)): return order(x, y)
        case let (.string(x), .string(y)): return order(x, y)
        case let (.timestamp(x), .timestamp(y)): return order(x, y)
        case let (.date(x), .date(y)): return order(x, y)
        case let (.time(x), .time(y)): return order(x, y)
        default: return nil
        }
    }

    static func arithmetic(_ op: BinaryOperator, _ a: Value, _ b: Value) -> Value {
        if case .int(let x) = a, case .int(let y) = b, op != .divide {
            let (result, overflow): (Int64, Bool) = switch op {
            case .add: x.addingReportingOverflow(y)
            case .subtract: x.subtractingReportingOverflow(y)
            default: x.multipliedReportingOverflow(by: y)
            }
            return overflow ? .failure(.integerOverflow) : .int(result)
        }
        func double(_ v: Value) -> Double? {
            switch v {
            case .int(let i): Double(i)
            case .number(let d): d
            default: nil
            }
        }
        guard let x = double(a), let y = double(b) else { return .none }
        switch op {
        case .add: return .number(x + y)
        case .subtract: return .number(x - y)
        case .multiply: return .number(x * y)
        default:
            return y == 0 ? .failure(.divisionByZero) : .number(x / y)
        }
    }
}
