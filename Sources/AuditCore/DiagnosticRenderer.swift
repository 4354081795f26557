/// Renders diagnostics the way compilers do: `file:line:col: error: message`, then the
/// source line and a caret under the column when the source text is at hand; in English
/// unless asked for Chinese.
public enum DiagnosticRenderer {
    public static func render(_ diagnostic: Diagnostic, source: String?, language: Language = .en) -> String {
        let lines = diagnostic.location.mark.flatMap { mark in source.map { SourceLines($0, keeping: [mark.line]) } }
        return render(diagnostic, lines: lines, language: language)
    }

    /// One diagnostic, its snippet taken from `lines` (the indexed text of its file).
    public static func render(_ diagnostic: Diagnostic, lines: SourceLines?, language: Language = .en) -> String {
        let severity = Diagnostic.label(diagnostic.severity, language)
        // File names and messages quote the input: control and bidi characters escaped visibly.
        let escape = { (text: String) in VisibleEscaping.escape(text) }
        var out = "\(escape(diagnostic.location.description)): \(severity): \(escape(diagnostic.wording.text(language)))\n"
        if let lines, let mark = diagnostic.location.mark, let snippet = lines.snippet(at: mark) {
            out += snippet.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        for related in diagnostic.related {
            out += "\(escape(related.location.description)): \(Diagnostic.label(.note, language)): \(escape(related.wording.text(language)))\n"
        }
        return out
    }

    /// All diagnostics of a list, sorted; `sources` gives the text of each file by path. Each
    /// file's text is asked for once and scanned once, for all its snippets; a file with
    /// diagnostics left out past the cap ends with `… and N more errors in FILE`.
    public static func render(_ list: DiagnosticList, language: Language = .en, sources: (String) -> String?) -> String {
        var out = ""
        for run in list.byFile {
            let wanted = Set(run.diagnostics.compactMap { $0.location.mark?.line })
            let lines = wanted.isEmpty ? nil : sources(run.file).map { SourceLines($0, keeping: wanted) }
            for diagnostic in run.diagnostics {
                out += render(diagnostic, lines: lines, language: language)
            }
            if let more = list.moreLine(run.file, language) { out += more + "\n" }
        }
        for file in list.filesOnlyDropped {
            if let more = list.moreLine(file, language) { out += more + "\n" }
        }
        return out
    }
}
