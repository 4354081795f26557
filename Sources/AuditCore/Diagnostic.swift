/// A problem found in an input file, as a value: what went wrong and where.
///
/// Every phase (YAML loading, report validation, rule parsing and checking) reports problems
/// as diagnostics rather than throwing at the first one, so a user sees all of them at once.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case error, warning, note

        private var rank: Int {
            switch self {
            case .error: 0
            case .warning: 1
            case .note: 2
            }
        }

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }

    public var severity: Severity
    /// What went wrong, in both languages.
    public var wording: Message
    public var location: SourceLocation
    /// A second place the message refers to (the first of two duplicate keys, the start of a
    /// deadline whose completion comes before it).
    public var related: [Related]

    /// The message in English (`wording.text(language)` for another language).
    public var message: String { wording.en }

    public struct Related: Hashable, Sendable {
        public var wording: Message
        public var location: SourceLocation

        public var message: String { wording.en }

        public init(_ wording: Message, location: SourceLocation) {
            self.wording = wording
            self.location = location
        }
    }

    public init(_ severity: Severity = .error, _ wording: Message, at location: SourceLocation, related: [Related] = []) {
        self.severity = severity
        self.wording = wording
        self.location = location
        self.related = related
    }

    public static func error(_ wording: Message, at location: SourceLocation, related: [Related] = []) -> Diagnostic {
        Diagnostic(.error, wording, at: location, related: related)
    }

    /// The severity's word in `language`.
    public static func label(_ severity: Severity, _ language: Language) -> String {
        switch (severity, language) {
        case (.error, .zh): "错误"
        case (.warning, .zh): "警告"
        case (.note, .zh): "注"
        default: severity.rawValue
        }
    }

    /// `file:line:col: error: message`, one line per related location below it.
    public var description: String {
        var text = "\(location): \(severity.rawValue): \(message)"
        for note in related {
            text += "\n\(note.location): note: \(note.message)"
        }
        return text
    }
}

/// Several diagnostics thrown together, sorted by file, line and column, capped so a
/// pathological file cannot flood the terminal.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    public static let cap = 100
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var dropped = 0

    public init(_ diagnostics: [Diagnostic] = []) {
        for diagnostic in diagnostics { append(diagnostic) }
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        if diagnostics.count < Self.cap {
            diagnostics.append(diagnostic)
        } else {
            dropped += 1
        }
    }

    public mutating func append(contentsOf other: DiagnosticList) {
        for diagnostic in other.diagnostics { append(diagnostic) }
        dropped += other.dropped
    }

    public var isEmpty: Bool { diagnostics.isEmpty }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Sorted by location; stable for equal locations so output is deterministic.
    public var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            if a.element.location != b.element.location { return a.element.location < b.element.location }
            return a.offset < b.offset
        }.map(\.element)
    }

    public var description: String {
        var lines = sorted.map(\.description)
        if dropped > 0 { lines.append("… and \(dropped) more") }
        return lines.joined(separator: "\n")
    }
}
