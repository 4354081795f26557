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
    public var description: String { text(.en) }

    /// `file:line:col: 错误: …` in `language`, one line per related location below it.
    public func text(_ language: Language) -> String {
        var text = "\(location): \(Self.label(severity, language)): \(wording.text(language))"
        for note in related {
            text += "\n\(note.location): \(Self.label(.note, language)): \(note.wording.text(language))"
        }
        return text
    }
}

/// Several diagnostics thrown together, sorted by file, line and column, capped per file so
/// a pathological file cannot flood the terminal (nor make rendering slow): past `cap`
/// diagnostics of one file the rest are only counted, per file.
public struct DiagnosticList: Error, Sendable, CustomStringConvertible {
    /// Most diagnostics kept for one file.
    public static let cap = 100
    public private(set) var diagnostics: [Diagnostic] = []
    /// How many were left out, over all files.
    public private(set) var dropped = 0
    private var kept: [String: Int] = [:]
    private var droppedByFile: [String: Int] = [:]
    /// Files where something other than an error was left out (so "errors" would be wrong).
    private var droppedOther: Set<String> = []
    /// Files whose checking stopped once they were full (see `stopChecking`).
    private var stopped: Set<String> = []

    public init(_ diagnostics: [Diagnostic] = []) {
        for diagnostic in diagnostics { append(diagnostic) }
    }

    public mutating func append(_ diagnostic: Diagnostic) {
        let file = diagnostic.location.file
        let count = kept[file, default: 0]
        if count < Self.cap {
            diagnostics.append(diagnostic)
            kept[file] = count + 1
        } else {
            drop(1, in: file, allErrors: diagnostic.severity == .error)
        }
    }

    public mutating func append(contentsOf other: DiagnosticList) {
        for diagnostic in other.diagnostics { append(diagnostic) }
        for (file, count) in other.droppedByFile {
            drop(count, in: file, allErrors: !other.droppedOther.contains(file))
        }
        stopped.formUnion(other.stopped)
    }

    /// Records that a phase stopped checking `file` because it is full (`isFull`), so the
    /// output says there may be more errors than it shows.
    public mutating func stopChecking(_ file: String) { stopped.insert(file) }

    private mutating func drop(_ count: Int, in file: String, allErrors: Bool) {
        dropped += count
        droppedByFile[file, default: 0] += count
        if !allErrors { droppedOther.insert(file) }
    }

    /// How many diagnostics of `file` were left out.
    public func dropped(in file: String) -> Int { droppedByFile[file] ?? 0 }

    /// Whether `file` holds as many diagnostics as are kept for one file: a phase that finds
    /// problems one by one can stop looking there.
    public func isFull(_ file: String) -> Bool { kept[file, default: 0] >= Self.cap }

    /// `… and 30 more errors in a.yaml`, or `nil` when nothing of `file` was left out.
    public func moreLine(_ file: String, _ language: Language = .en) -> String? {
        let count = dropped(in: file)
        if count == 0, stopped.contains(file) {
            return language == .zh
                ? "……\(file) 已有 \(Self.cap) 条错误，其余部分未再检查，可能还有更多错误"
                : "… and possibly more errors in \(file) (checking stopped after \(Self.cap))"
        }
        guard count > 0 else { return nil }
        let errors = !droppedOther.contains(file)
        if language == .zh { return "……\(file) 中另有 \(count) 条\(errors ? "错误" : "问题")" }
        let noun = errors ? (count == 1 ? "error" : "errors") : (count == 1 ? "problem" : "problems")
        return "… and \(count) more \(noun) in \(file)"
    }

    /// Files with diagnostics left out but none kept (only possible when merging lists).
    var filesOnlyDropped: [String] { Set(droppedByFile.keys).union(stopped).filter { kept[$0] == nil }.sorted() }

    public var isEmpty: Bool { diagnostics.isEmpty }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Sorted by location; stable for equal locations so output is deterministic.
    public var sorted: [Diagnostic] {
        diagnostics.enumerated().sorted { a, b in
            if a.element.location != b.element.location { return a.element.location < b.element.location }
            return a.offset < b.offset
        }.map(\.element)
    }

    /// The sorted diagnostics in runs of one file each.
    public var byFile: [(file: String, diagnostics: ArraySlice<Diagnostic>)] {
        let all = sorted
        var runs: [(file: String, diagnostics: ArraySlice<Diagnostic>)] = []
        var start = 0
        while start < all.count {
            let file = all[start].location.file
            var end = start + 1
            while end < all.count, all[end].location.file == file { end += 1 }
            runs.append((file, all[start..<end]))
            start = end
        }
        return runs
    }

    public var description: String { text(.en) }

    /// Every diagnostic on its line (no snippets), in `language`.
    public func text(_ language: Language) -> String {
        var lines: [String] = []
        for run in byFile {
            lines += run.diagnostics.map { $0.text(language) }
            if let more = moreLine(run.file, language) { lines.append(more) }
        }
        lines += filesOnlyDropped.compactMap { moreLine($0, language) }
        return lines.joined(separator: "\n")
    }
}
