import AuditCalendar
import AuditReport

/// The static type of an expression, checked when a pack loads.
public indirect enum ExprType: Sendable, Equatable, CustomStringConvertible {
    case bool, int, number, string, timestamp, date, time
    /// A string restricted to an enum's tokens; literals compared with it are checked.
    case token(EnumSchema)
    case list(ExprType)
    case object(ObjectSchema)
    case timeliness
    /// A span of time (`periods()`), for `on_time(…, excluding:)`.
    case period
    /// The `null` literal.
    case null
    /// Element type of an empty list literal: fits any list.
    case any
    /// A subexpression that already failed to check; absorbs further errors.
    case error

    init(_ type: ValueType) {
        switch type {
        case .bool: self = .bool
        case .int: self = .int
        case .number: self = .number
        case .string: self = .string
        case .timestamp: self = .timestamp
        case .date: self = .date
        case .time: self = .time
        case .token(let e): self = .token(e)
        case .list(let element): self = .list(ExprType(element))
        case .object(let o): self = .object(o)
        }
    }

    public var description: String {
        switch self {
        case .bool: "bool"
        case .int: "int"
        case .number: "number"
        case .string: "string"
        case .timestamp: "timestamp"
        case .date: "date"
        case .time: "time"
        case .token(let e): "token(\(e.name))"
        case .list(let element): "list<\(element)>"
        case .object(let o): "object(\(o.name))"
        case .timeliness: "timeliness"
        case .period: "period"
        case .null: "null"
        case .any: "any"
        case .error: "error"
        }
    }

    var isNumeric: Bool { self == .int || self == .number }
    var isStringLike: Bool {
        if case .token = self { return true }
        return self == .string
    }

    /// The type both sides can be read as, for `==`, `??`, `?:` and list literals.
    static func unify(_ a: ExprType, _ b: ExprType) -> ExprType? {
        if a == b { return a }
        switch (a, b) {
        case (.error, _), (_, .error): return .error
        case (.any, let t), (let t, .any): return t
        case (.null, let t), (let t, .null): return t
        case (.int, .number), (.number, .int): return .number
        case (.token, .string), (.string, .token): return .string
        case (.token, .token): return .string
        case (.list(let x), .list(let y)): return unify(x, y).map { .list($0) }
        default: return nil
        }
    }
}
