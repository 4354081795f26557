import AuditCalendar
import AuditCore
import AuditReport

/// A value while a rule is evaluated.
///
/// Missing evidence is a value too (`unknown`), so it flows through every operator and
/// ends as `not_assessed` — it can never turn into a pass. `none` is different: a fact that
/// something has not happened (no `paid_at` yet), which rules may test and compare.
public enum Value: Sendable {
    case unknown(Missing)
    case none
    case bool(Bool)
    case int(Int64)
    case number(Double)
    case string(String)
    case timestamp(Timestamp)
    case date(LocalDate)
    case time(TimeOfDay)
    case list([Value])
    case object(ReportObject)
    indirect case timeliness(Timeliness)
    /// A span of time in which a deadline's clock stops (`periods()`).
    indirect case period(Period)
    /// The expression could not be evaluated (calendar gap, inconsistent data).
    case failure(EvaluationError)

    init(_ value: ReportValue) {
        switch value {
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .number(let d): self = .number(d)
        case .string(let s): self = .string(s)
        case .timestamp(let t): self = .timestamp(t)
        case .date(let d): self = .date(d)
        case .time(let t): self = .time(t)
        case .object(let o): self = .object(o)
        case .list(let items): self = .list(items.map { Value($0.value) })
        }
    }

    /// The first unknown or failed element of a list, if any.
    static func firstUnknown(_ items: [Value]) -> Value? {
        for item in items {
            switch item {
            case .unknown, .failure: return item
            default: continue
            }
        }
        return nil
    }

    /// Unknown and failure values pass through operators unchanged; this finds the one
    /// that should win (a failure beats missing evidence).
    static func blocking(_ values: Value...) -> Value? {
        var unknown: Value?
        for value in values {
            switch value {
            case .failure: return value
            case .unknown: if unknown == nil { unknown = value }
            default: break
            }
        }
        return unknown
    }
}

/// Evidence a rule needed and the report does not have.
public struct Missing: Sendable, Hashable {
    /// `premises.reception_area_m2`, `cases[3].documents_complete_at`.
    public var path: String
    /// Where it should have been: the mapping that lacks the key.
    public var mark: Mark

    public init(path: String, mark: Mark) {
        self.path = path
        self.mark = mark
    }
}

/// Why an evaluation failed, with the places involved.
public struct EvaluationError: Error, Sendable, Hashable {
    public var message: String
    /// The message in Chinese (optional only for callers' sake: every error the expression
    /// language makes has one, see ExpressionWording.swift).
    public var zh: String?
    public var marks: [Mark]

    public init(message: String, zh: String?, marks: [Mark] = []) {
        self.message = message
        self.zh = zh
        self.marks = marks
    }
}

/// A span between two timestamps, the end absent while it is still open; with where each
/// end is written, for errors.
public struct Period: Sendable, Hashable {
    public var from: Timestamp
    public var to: Timestamp?
    public var fromMark: Mark?
    public var toMark: Mark?
}

/// The outcome of a deadline check (`timeliness.md`, "Outcomes per case").
public struct Timeliness: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        case onTime
        /// Completed after the deadline, by this many working or calendar days.
        case late(Int)
        /// Not completed, and the deadline passed before the evaluation time.
        case overdue(Int)
        /// Not completed, deadline not passed yet.
        case notDue
    }

    public var outcome: Outcome
    public var deadline: Deadline
    /// Where the completion was written (or, when overdue, the start).
    public var mark: Mark?
    /// The N of `days: N` (or working days, hours).
    public var limit: Int = 0
    /// Days deducted for periods in which the clock stopped (`excluding:`).
    public var deducted: Int = 0
    /// How sure the deadline is: `exact`; `atLeast` when part of what is deducted is unknown
    /// (the deadline can only be later); `stopped` when an open period stopped the clock.
    public var certainty: Certainty = .exact

    public enum Certainty: Sendable, Hashable {
        case exact, atLeast, stopped
    }

    /// Days late (0 unless late or overdue), for messages.
    public var daysLate: Int {
        switch outcome {
        case .late(let n), .overdue(let n): n
        case .onTime, .notDue: 0
        }
    }
}
