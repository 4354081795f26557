import AuditCore

/// Parses rule expressions. The grammar, loosest binding first:
///
///     expr        = or ("?" expr ":" expr)?
///     or          = and ("or" and)*
///     and         = not ("and" not)*
///     not         = "not" not | comparison
///     comparison  = coalesce (("=="|"!="|"<"|"<="|">"|">="|"in"|"not" "in") coalesce)?
///     coalesce    = additive ("??" additive)*
///     additive    = term (("+"|"-") term)*
///     term        = unary (("*"|"/") unary)*
///     unary       = "-" unary | postfix
///     postfix     = primary ("." name ("(" args ")")?)*
///     primary     = number | string | true | false | null | name ("(" args ")")? | "[" exprs "]" | "(" expr ")"
///     args        = (name ":")? expr ("," (name ":")? expr)*
///
/// Nesting is bounded (`maxDepth`) so a hostile rule file cannot exhaust the stack.
public struct ExpressionParser {
    public static let maxDepth = 48
    /// Operators and calls in one expression. Chains (`a + b + c …`) build a tree as deep as
    /// they are long, and checking, evaluating and freeing it recurse that deep.
    public static let maxNodes = 400

    private let scalars: [Unicode.Scalar]
    private var tokens: [Token] = []
    private var position = 0
    private var depth = 0
    private var nodes = 0

    private enum Kind: Equatable {
        case name(String), int(Int64), number(Double), string(String), symbol(String), end
    }

    private struct Token {
        var kind: Kind
        var offset: Int
    }

    public static func parse(_ text: String) throws(SyntaxError) -> Expr {
        var parser = ExpressionParser(text: text)
        try parser.tokenize()
        let expr = try parser.expression()
        guard case .end = parser.current.kind else {
            throw SyntaxError(offset: parser.current.offset, .unexpectedAfterExpression(parser.describe(parser.current.kind)))
        }
        return expr
    }

    private init(text: String) {
        scalars = Array(text.unicodeScalars)
    }

    // MARK: - Lexer

    /// Two-character operators, and the characters that can end one (the second is looked at
    /// before a string is made of the pair).
    private static let pairs: Set<String> = ["==", "!=", "<=", ">=", "??", "&&", "||"]
    private static let pairSecond: Set<Unicode.Scalar> = ["=", "?", "&", "|"]

    /// A letter or `_` (ASCII without the Unicode property tables).
    private static func isLetter(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_" }
        return c.properties.isAlphabetic
    }

    private mutating func tokenize() throws(SyntaxError) {
        var i = 0
        let n = scalars.count
        while i < n {
            let c = scalars[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            let start = i
            if Self.isLetter(c) {
                while i < n, Self.isLetter(scalars[i]) || isDigit(scalars[i]) { i += 1 }
                tokens.append(Token(kind: .name(String(scalars: scalars[start..<i])), offset: start))
                continue
            }
            if isDigit(c) {
                while i < n, isDigit(scalars[i]) { i += 1 }
                var isFloat = false
                if i + 1 < n, scalars[i] == ".", isDigit(scalars[i + 1]) {
                    isFloat = true
                    i += 1
                    while i < n, isDigit(scalars[i]) { i += 1 }
                }
                let text = String(scalars: scalars[start..<i])
                if isFloat {
                    guard let value = Double(text), value.isFinite else {
                        throw SyntaxError(offset: start, .invalidNumber(text))
                    }
                    tokens.append(Token(kind: .number(value), offset: start))
                } else {
                    guard let value = Int64(text) else {
                        throw SyntaxError(offset: start, .integerTooLarge(text))
                    }
                    tokens.append(Token(kind: .int(value), offset: start))
                }
                continue
            }
            if c == "\"" || c == "'" {
                i += 1
                var value: [Unicode.Scalar] = []
                var closed = false
                while i < n {
                    let d = scalars[i]
                    if d == c { closed = true; i += 1; break }
                    if d == "\\", i + 1 < n {
                        let e = scalars[i + 1]
                        switch e {
                        case "n": value.append("\n")
                        case "t": value.append("\t")
                        case "\\", "\"", "'": value.append(e)
                        default: throw SyntaxError(offset: i, .unknownEscape("\\\(e)"))
                        }
                        i += 2
                        continue
                    }
                    value.append(d)
                    i += 1
                }
                guard closed else { throw SyntaxError(offset: start, .unterminatedString) }
                tokens.append(Token(kind: .string(String(scalars: value)), offset: start))
                continue
            }
            let two = i + 1 < n && Self.pairSecond.contains(scalars[i + 1]) ? String(scalars: [c, scalars[i + 1]]) : ""
            if Self.pairs.contains(two) {
                if two == "&&" || two == "||" {
                    throw SyntaxError(offset: start, .useWord(two == "&&" ? "and" : "or", insteadOf: two))
                }
                tokens.append(Token(kind: .symbol(two), offset: start))
                i += 2
                continue
            }
            if "()[],.:?<>+-*/!=".unicodeScalars.contains(c) {
                if c == "!" { throw SyntaxError(offset: start, .useWord("not", insteadOf: "!")) }
                if c == "=" { throw SyntaxError(offset: start, .useDoubleEquals) }
                tokens.append(Token(kind: .symbol(String(c)), offset: start))
                i += 1
                continue
            }
            if let ascii = Self.asciiForm(of: c) {
                throw SyntaxError(offset: start, .fullWidthCharacter(String(c), ascii: ascii))
            }
            throw SyntaxError(offset: start, .unexpectedCharacter(String(c)))
        }
        tokens.append(Token(kind: .end, offset: n))
    }

    private func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }

    // MARK: - Grammar

    private var current: Token { tokens[position] }

    private mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }
    private func isName(_ name: String) -> Bool { current.kind == .name(name) }

    private mutating func expect(_ symbol: String, _ purpose: Label) throws(SyntaxError) {
        guard isSymbol(symbol) else {
            throw SyntaxError(offset: current.offset, .expected(symbol, purpose, found: describe(current.kind)))
        }
        _ = advance()
    }

    private func describe(_ kind: Kind) -> Label {
        switch kind {
        case .name(let n): .token(n)
        case .int(let i): .token("\(i)")
        case .number(let d): .token("\(d)")
        case .string: .aString
        case .symbol(let s): .token(s)
        case .end: .endOfExpression
        }
    }

    /// The ASCII character a full-width one (typed with a Chinese input method) stands for:
    /// `（` for `(`, `，` for `,`, `＝` for `=`, the ideographic space, curly quotes.
    private static func asciiForm(of c: Unicode.Scalar) -> String? {
        switch c.value {
        case 0xFF01...0xFF5E: Unicode.Scalar(c.value - 0xFEE0).map { String($0) }
        case 0x3000: " "
        case 0x201C, 0x201D: "\""
        case 0x2018, 0x2019: "'"
        case 0x3001: ","
        case 0x3002: "."
        default: nil
        }
    }

    /// Counts an operator or call node against `maxNodes`.
    private mutating func count() throws(SyntaxError) {
        nodes += 1
        if nodes > Self.maxNodes {
            throw SyntaxError(offset: current.offset, .expressionTooLong(Self.maxNodes))
        }
    }

    private mutating func nest() throws(SyntaxError) {
        try count()
        depth += 1
        if depth > Self.maxDepth {
            throw SyntaxError(offset: current.offset, .expressionTooDeep(Self.maxDepth))
        }
    }

    private mutating func expression() throws(SyntaxError) -> Expr {
        try nest()
        defer { depth -= 1 }
        let condition = try or()
        guard isSymbol("?") else { return condition }
        let at = advance().offset
        let then = try expression()
        try expect(":", .inAConditional)
        let otherwise = try expression()
        return .conditional(condition, then, otherwise, at: at)
    }

    private mutating func or() throws(SyntaxError) -> Expr {
        var left = try and()
        while isName("or") {
            let at = advance().offset
            try count()
            left = .binary(.or, left, try and(), at: at)
        }
        return left
    }

    private mutating func and() throws(SyntaxError) -> Expr {
        var left = try not()
        while isName("and") {
            let at = advance().offset
            try count()
            left = .binary(.and, left, try not(), at: at)
        }
        return left
    }

    private mutating func not() throws(SyntaxError) -> Expr {
        if isName("not") {
            let at = advance().offset
            try nest()
            defer { depth -= 1 }
            return .unary(.not, try not(), at: at)
        }
        return try comparison()
    }

    private mutating func comparison() throws(SyntaxError) -> Expr {
        let start = current.offset
        let left = try coalesce()
        try rejectContainsOperator(after: left, from: start)
        let op: BinaryOperator?
        switch current.kind {
        case .symbol("=="): op = .equal
        case .symbol("!="): op = .notEqual
        case .symbol("<"): op = .less
        case .symbol("<="): op = .lessEqual
        case .symbol(">"): op = .greater
        case .symbol(">="): op = .greaterEqual
        case .name("in"): op = .in
        case .name("not"):
            guard position + 1 < tokens.count, tokens[position + 1].kind == .name("in") else { return left }
            _ = advance()
            op = .notIn
        default: op = nil
        }
        guard let op else { return left }
        let at = advance().offset
        let right = try coalesce()
        if case .symbol(let s) = current.kind, ["==", "!=", "<", "<=", ">", ">="].contains(s) {
            throw SyntaxError(offset: current.offset, .chainedComparison)
        }
        return .binary(op, left, right, at: at)
    }

    /// `a contains b` (or `a not contains b`) reads like English but `contains` is a method:
    /// the error spells out `a.contains(b)` and `b in a` with the operands as written.
    private mutating func rejectContainsOperator(after left: Expr, from start: Int) throws(SyntaxError) {
        let negated = isName("not") && position + 1 < tokens.count && tokens[position + 1].kind == .name("contains")
        guard negated || isName("contains") else { return }
        let at = current.offset
        if negated { _ = advance() }
        _ = advance()
        var container = text(start..<at)
        switch left {
        case .binary, .unary: container = "(\(container))"
        default: break
        }
        let elementStart = current.offset
        var element = "…"
        do throws(SyntaxError) {
            _ = try coalesce()
            if current.offset > elementStart { element = text(elementStart..<current.offset) }
        } catch {}
        let call = "\(negated ? "not " : "")\(container).contains(\(element))"
        throw SyntaxError(offset: at, .containsIsAMethod(call: call, membership: "\(element) \(negated ? "not in" : "in") \(text(start..<at))"))
    }

    /// The expression text of `range` (scalar offsets), without surrounding whitespace.
    private func text(_ range: Range<Int>) -> String {
        var slice = scalars[range]
        while let first = slice.first, first.properties.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.properties.isWhitespace { slice.removeLast() }
        return String(String.UnicodeScalarView(slice))
    }

    private mutating func coalesce() throws(SyntaxError) -> Expr {
        var left = try additive()
        while isSymbol("??") {
            let at = advance().offset
            try count()
            left = .binary(.coalesce, left, try additive(), at: at)
        }
        return left
    }

    private mutating func additive() throws(SyntaxError) -> Expr {
        var left = try term()
        while isSymbol("+") || isSymbol("-") {
            let token = advance()
            try count()
            left = .binary(token.kind == .symbol("+") ? .add : .subtract, left, try term(), at: token.offset)
        }
        return left
    }

    private mutating func term() throws(SyntaxError) -> Expr {
        var left = try unary()
        while isSymbol("*") || isSymbol("/") {
            let token = advance()
            try count()
            left = .binary(token.kind == .symbol("*") ? .multiply : .divide, left, try unary(), at: token.offset)
        }
        return left
    }

    private mutating func unary() throws(SyntaxError) -> Expr {
        if isSymbol("-") {
            let at = advance().offset
            try nest()
            defer { depth -= 1 }
            return .unary(.negate, try unary(), at: at)
        }
        return try postfix()
    }

    private mutating func postfix() throws(SyntaxError) -> Expr {
        var expr = try primary()
        while isSymbol(".") {
            _ = advance()
            try count()
            guard case .name(let name) = current.kind else {
                throw SyntaxError(offset: current.offset, .expectedName(found: describe(current.kind)))
            }
            let at = advance().offset
            if isSymbol("(") {
                expr = .call(receiver: expr, name: name, args: try arguments(), at: at)
            } else {
                expr = .member(expr, name: name, at: at)
            }
        }
        return expr
    }

    private mutating func arguments() throws(SyntaxError) -> [Expr.Argument] {
        try expect("(", .toStartTheArguments)
        var args: [Expr.Argument] = []
        if isSymbol(")") { _ = advance(); return args }
        while true {
            let at = current.offset
            var label: String?
            if case .name(let name) = current.kind, position + 1 < tokens.count, tokens[position + 1].kind == .symbol(":") {
                label = name
                _ = advance()
                _ = advance()
            }
            args.append(Expr.Argument(label: label, value: try expression(), at: at))
            if isSymbol(",") { _ = advance(); continue }
            try expect(")", .toCloseTheArguments)
            return args
        }
    }

    private mutating func primary() throws(SyntaxError) -> Expr {
        let token = advance()
        switch token.kind {
        case .int(let i): return .literal(.int(i), at: token.offset)
        case .number(let d): return .literal(.number(d), at: token.offset)
        case .string(let s): return .literal(.string(s), at: token.offset)
        case .name("true"): return .literal(.bool(true), at: token.offset)
        case .name("false"): return .literal(.bool(false), at: token.offset)
        case .name("null"): return .literal(.null, at: token.offset)
        case .name(let name) where ["and", "or", "not", "in"].contains(name):
            throw SyntaxError(offset: token.offset, .expectedValue(found: .token(name)))
        case .name(let name):
            if isSymbol("(") {
                return .call(receiver: nil, name: name, args: try arguments(), at: token.offset)
            }
            return .identifier(name, at: token.offset)
        case .symbol("["):
            try nest()
            defer { depth -= 1 }
            var items: [Expr] = []
            if isSymbol("]") { _ = advance(); return .list(items, at: token.offset) }
            while true {
                items.append(try expression())
                if isSymbol(",") { _ = advance(); continue }
                try expect("]", .toCloseTheList)
                return .list(items, at: token.offset)
            }
        case .symbol("("):
            let inner = try expression()
            try expect(")", .toCloseAParenthesis)
            return inner
        default:
            throw SyntaxError(offset: token.offset, .expectedValue(found: describe(token.kind)))
        }
    }
}
