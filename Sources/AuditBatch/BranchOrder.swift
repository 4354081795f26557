import AuditCore
import AuditYAML

/// `--branches FILE`: the order in which branches.csv and the dashboard list the branches —
/// a YAML list of branch names (`outlet.branch` as the reports write it), e.g.
///
/// ```yaml
/// - 北京分公司
/// - 上海分公司
/// ```
///
/// Branches the file does not name follow, by mean score; names no report uses are ignored.
public enum BranchOrder {
    /// The names, in order, with the file's text (for snippets in messages).
    public static func load(path: String, limits: YAMLLimits = .init()) throws(DiagnosticList) -> (names: [String], text: String) {
        let bytes = try YAMLLoader.readFile(path: path, limits: limits)
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let root = try YAMLLoader.loadValue(text, file: path, limits: limits)
        guard let items = root.sequence else {
            throw DiagnosticList([.error(.branchOrderNotAList(root.kindLabel), at: SourceLocation(file: path, mark: root.mark))])
        }
        var names: [String] = []
        var problems: [Diagnostic] = []
        for item in items {
            guard case .string(let name)? = item.scalar?.value, !name.isEmpty else {
                problems.append(.error(.branchOrderNotAName(item.kindLabel), at: SourceLocation(file: path, mark: item.mark)))
                continue
            }
            names.append(name)
        }
        guard problems.isEmpty else { throw DiagnosticList(problems) }
        return (names, text)
    }
}
