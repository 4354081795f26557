import AuditCore

/// Loads YAML into `YAMLNode` trees. The only entry point to libyaml.
///
/// Contract, for every function here:
/// - Every problem found is reported, as a `Diagnostic` in the thrown `DiagnosticList`,
///   located at `file` plus a 1-based `line:col` wherever one exists (file-level problems
///   such as an unreadable or too large file carry no position).
/// - Scalars resolve per the YAML 1.2 core schema (see `YAMLValue`); only the core tags are
///   accepted; numbers that do not fit (`99999999999999999999`, `1e400`, `.inf`) are errors.
/// - Input is bounded by `YAMLLimits`: size (checked before reading), nesting depth and alias
///   expansion (in nodes and in bytes of text); invalid UTF-8 and NUL bytes are rejected with their byte offset; a stream
///   must hold at most one document; mapping keys must be scalars and unique.
/// - Parsing never traps and never writes to stderr, whatever the input.
/// - A syntax error does not hide the rest: the slips of hand-typed YAML (a full-width colon
///   or space, a tab) are reported on every line they occur, and the errors further down are
///   found by parsing a repaired copy again (`SyntaxRecovery`).
public enum YAMLLoader {
    /// Reads the file at `path` (POSIX `open`/`fstat`/`read`) and parses it as a report-like
    /// document whose root must be a mapping. `path` is used verbatim in every diagnostic.
    ///
    /// - Throws: `DiagnosticList` with every problem: unreadable or non-regular file, file
    ///   over `limits.maxFileSize` (found before reading), and everything `load(bytes:)` reports.
    public static func load(path: String, limits: YAMLLimits = .init()) throws(DiagnosticList) -> YAMLDocument {
        switch FileReader.read(path: path, maxSize: limits.maxFileSize) {
        case .success(let bytes): return try load(bytes: bytes, file: path, limits: limits)
        case .failure(let diagnostic): throw DiagnosticList([diagnostic])
        }
    }

    /// Parses `bytes` as one document whose root must be a mapping; `file` names the source
    /// in diagnostics.
    ///
    /// - Throws: `DiagnosticList`: syntax errors, invalid UTF-8, NUL bytes, a second document,
    ///   an empty document, a root that is not a mapping, duplicate or complex keys,
    ///   unsupported tags, unrepresentable numbers, too deep nesting, alias bombs, input over
    ///   `limits.maxFileSize`.
    /// The name standard input goes by in diagnostics and findings (a report given as `-`).
    public static let standardInputName = FileReader.standardInputName

    /// Standard input read to its end, within the file size limit (load it with `load(bytes:file:)`
    /// and `standardInputName`).
    public static func readStandardInput(limits: YAMLLimits = .init()) throws(DiagnosticList) -> [UInt8] {
        switch FileReader.readStandardInput(maxSize: limits.maxFileSize) {
        case .success(let bytes): return bytes
        case .failure(let diagnostic): throw DiagnosticList([diagnostic])
        }
    }

    public static func load(bytes: [UInt8], file: String, limits: YAMLLimits = .init()) throws(DiagnosticList) -> YAMLDocument {
        let (root, text) = try parse(bytes, file: file, limits: limits)
        guard let root else {
            throw DiagnosticList([.error(.emptyDocument, at: SourceLocation(file: file, line: 1, column: 1))])
        }
        switch root.content {
        case .mapping:
            return YAMLDocument(file: file, root: root, text: text)
        case .sequence:
            throw DiagnosticList([rootError(Message.foundKind(.kind("sequence")), file: file, at: root.mark)])
        case .scalar(let scalar):
            if scalar.value == .null, scalar.style == .plain, scalar.text.isEmpty {
                throw DiagnosticList([.error(.emptyDocument, at: SourceLocation(file: file, mark: root.mark))])
            }
            throw DiagnosticList([rootError(Message.foundScalar(.kind(scalar.value.kindName)), file: file, at: root.mark)])
        }
    }

    /// Parses a small piece of YAML, such as the value of `--param key=value`, with the same
    /// checks as `load(bytes:)` except that the root may be of any kind. An empty text (or
    /// one holding only comments) gives an empty plain scalar, whose value is `.null`, at 1:1.
    ///
    /// - Throws: `DiagnosticList` as `load(bytes:)` does, minus the root-kind errors.
    public static func loadValue(_ text: String, file: String, limits: YAMLLimits = .init()) throws(DiagnosticList) -> YAMLNode {
        let (root, _) = try parse(Array(text.utf8), file: file, limits: limits)
        return root ?? YAMLNode(content: .scalar(YAMLScalar(text: "", style: .plain, value: .null)), mark: Mark(line: 1, column: 1))
    }

    private static func rootError(_ found: Label, file: String, at mark: Mark) -> Diagnostic {
        .error(.rootNotMapping(found), at: SourceLocation(file: file, mark: mark))
    }

    /// Byte checks, then the event loop. Returns the root (nil for a stream without
    /// documents) and the source text.
    static func parse(_ bytes: [UInt8], file: String, limits: YAMLLimits) throws(DiagnosticList) -> (YAMLNode?, String) {
        if bytes.count > limits.maxFileSize {
            throw DiagnosticList([FileReader.tooLarge(file: file, size: bytes.count, limit: limits.maxFileSize)])
        }
        var text = ""
        var outcome = bytes.withUnsafeBufferPointer { buffer -> ParseOutcome in
            var problems: [Diagnostic] = []
            if let offset = ByteScan.firstNUL(buffer) {
                problems.append(
                    .error(
                        .nulByte(offset),
                        at: SourceLocation(file: file, mark: ByteScan.mark(atByteOffset: offset, in: buffer))))
            }
            // A byte order mark is left out of the text, as libyaml leaves it out of its marks.
            let hasBOM = buffer.count >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF
            if let valid = String(validating: hasBOM ? UnsafeBufferPointer(rebasing: buffer[3...]) : buffer, as: UTF8.self) {
                text = valid
            } else {
                let offset = ByteScan.firstInvalidUTF8(buffer) ?? 0
                let byte = offset < buffer.count ? buffer[offset] : 0
                problems.append(
                    .error(
                        .invalidUTF8(offset, byte: ByteScan.hex(byte)),
                        at: SourceLocation(file: file, mark: ByteScan.mark(atByteOffset: offset, in: buffer))))
            }
            if !problems.isEmpty { return ParseOutcome(root: nil, diagnostics: DiagnosticList(problems)) }
            return EventBuilder.parse(buffer, file: file, limits: limits)
        }
        if let failure = outcome.syntax {
            // What else can be said: the slips on every line, and errors further down.
            outcome.diagnostics = SyntaxRecovery.diagnose(outcome, failure: failure, text: text, file: file, limits: limits)
        }
        if !outcome.diagnostics.isEmpty { throw outcome.diagnostics }
        return (outcome.root, text)
    }
}
