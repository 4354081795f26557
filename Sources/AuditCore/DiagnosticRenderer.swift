/// Renders diagnostics the way compilers do: `file:line:col: error: message`, then the
/// source line and a caret under the column when the source text is at hand.
public enum DiagnosticRenderer {
    public static func render(_ diagnostic: Diagnostic, source: String?) -> String {
        var out = "\(diagnostic.location): \(diagnostic.severity.rawValue): \(diagnostic.message)\n"
        if let source, let mark = diagnostic.location.mark, let snippet = SourceSnippet.render(source, at: mark) {
            out += snippet.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
        for related in diagnostic.related {
            out += "\(related.location): note: \(related.message)\n"
        }
        return out
    }

    /// All diagnostics of a list, sorted; `sources` gives the text of each file by path.
    public static func render(_ list: DiagnosticList, sources: (String) -> String?) -> String {
        var out = ""
        for diagnostic in list.sorted {
            out += render(diagnostic, source: sources(diagnostic.location.file))
        }
        if list.dropped > 0 { out += "… and \(list.dropped) more\n" }
        return out
    }
}
