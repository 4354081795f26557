import AuditCore
import AuditRules
import AuditYAML

/// The text of the files diagnostics point into, for their snippets: the files already read,
/// then small enough files on disk, then the shipped rules.
public struct SourceTexts: Sendable {
    private var known: [String: String]
    private let limit: Int

    public init(_ files: [RuleSet.SourceFile] = [], limit: Int) {
        known = Dictionary(files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }) { first, _ in first }
        self.limit = limit
    }

    /// These sources and `text` as the file `path` (standard input, which cannot be read twice).
    public func adding(_ path: String, text: String) -> SourceTexts {
        var copy = self
        copy.known[path] = text
        return copy
    }

    public func text(_ path: String) -> String? {
        if let text = known[path] { return text }
        if let bytes = try? YAMLLoader.readFile(path: path, limits: YAMLLimits(maxFileSize: limit)) {
            return String(decoding: bytes, as: UTF8.self)
        }
        return BundledRules.files.first { $0.path == path }?.text
    }

    /// `file:line:col: error: …` with snippets, in `language`.
    public func render(_ diagnostics: DiagnosticList, language: Language = .en) -> String {
        DiagnosticRenderer.render(diagnostics, language: language) { text($0) }
    }
}
