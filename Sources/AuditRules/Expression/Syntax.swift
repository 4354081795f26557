import AuditCore

/// The syntax tree of a rule expression. Every node keeps the offset (in Unicode scalars)
/// of its first character in the expression text, so the checker can point at it.
public indirect enum Expr: Sendable, CustomStringConvertible {
    case literal(Literal, at: Int)
    case identifier(String, at: Int)
    case list([Expr], at: Int)
    case member(Expr, name: String, at: Int)
    /// `f(args)` when `receiver` is nil, `receiver.f(args)` otherwise.
    case call(receiver: Expr?, name: String, args: [Argument], at: Int)
    case unary(UnaryOperator, Expr, at: Int)
    case binary(BinaryOperator, Expr, Expr, at: Int)
    case conditional(Expr, Expr, Expr, at: Int)

    public enum Literal: Sendable, Equatable {
        case bool(Bool), int(Int64), number(Double), string(String), null
    }

    public struct Argument: Sendable {
        public var label: String?
        public var value: Expr
        public var at: Int
    }

    public var offset: Int {
        switch self {
        case .literal(_, let at), .identifier(_, let at), .list(_, let at), .member(_, _, let at),
             .call(_, _, _, let at), .unary(_, _, let at), .binary(_, _, _, let at), .conditional(_, _, _, let at):
            at
        }
    }

    public var description: String {
        switch self {
        case .literal(let l, _):
            switch l {
            case .bool(let b): "\(b)"
            case .int(let i): "\(i)"
            case .number(let d): "\(d)"
            case .string(let s): "\"\(s)\""
            case .null: "null"
            }
        case .identifier(let name, _): name
        case .list(let items, _): "[" + items.map(\.description).joined(separator: ", ") + "]"
        case .member(let base, let name, _): "\(base).\(name)"
        case .call(let receiver, let name, let args, _):
            (receiver.map { "\($0)." } ?? "") + name + "("
                + args.map { ($0.label.map { "\($0): " } ?? "") + $0.value.description }.joined(separator: ", ") + ")"
        case .unary(let op, let e, _): "\(op.rawValue) \(e)"
        case .binary(let op, let l, let r, _): "(\(l) \(op.rawValue) \(r))"
        case .conditional(let c, let a, let b, _): "(\(c) ? \(a) : \(b))"
        }
    }

    /// The dotted field path this expression reads (`it.badge`, `premises.postings`), if it is one.
    public var path: [String]? {
        switch self {
        case .identifier(let name, _): [name]
        case .member(let base, let name, _): base.path.map { $0 + [name] }
        default: nil
        }
    }
}

public enum UnaryOperator: String, Sendable {
    case not
    case negate = "-"
}

public enum BinaryOperator: String, Sendable {
    case or, and
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case `in`, notIn = "not in"
    case add = "+", subtract = "-", multiply = "*", divide = "/"
    case coalesce = "??"

    /// `==`, `!=`.
    var isEquality: Bool { self == .equal || self == .notEqual }
    /// `in`, `not in`.
    var isMembership: Bool { self == .in || self == .notIn }
}

/// A syntax error: where, and what was expected, in both languages (ExpressionWording.swift).
public struct SyntaxError: Error, Sendable, Equatable {
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
