/// Renders diagnostics the way compilers do: `file:line:col: error: message`, then the
/// source line and a caret under the column when the source text is at hand; in English
/// unless asked for Chinese.
public enum DiagnosticRenderer {
    public static func render(_ diagnostic: Diagnostic, source: String?, language: Language = .en) -> String {
        let severity = Diagnostic.label(diagnostic.severity, language)
        // File names and messages quote the input: control and bidi characters escaped visibly.
        let escape = { (text: String) in VisibleEscaping.escape(text) }
        var out = "\(escape(diagnostic.location.description)): \(severity): \(escape(diagnostic.wording.text(language)))\n"
        if let source, let mark = diagnostic.location.mark, let snippet = SourceSnippet.render(source, at: mark) {
            out += snippet.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        for related in diagnostic.related {
            out += "\(escape(related.location.description)): \(Diagnostic.label(.note, language)): \(escape(related.wording.text(language)))\n"
        }
        return out
    }

    /// All diagnostics of a list, sorted; `sources` gives the text of each file by path.
    public static func render(_ list: DiagnosticList, language: Language = .en, sources: (String) -> String?) -> String {
        var out = ""
        for diagnostic in list.sorted {
            out += render(diagnostic, source: sources(diagnostic.location.file), language: language)
        }
        if list.dropped > 0 { out += language == .zh ? "……另有 \(list.dropped) 条\n" : "… and \(list.dropped) more\n" }
        return out
    }
}
