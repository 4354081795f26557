import AuditCore
import AuditRules
import AuditYAML

/// Reading the files of `--rules`, `audit lint` and `audit test`: every YAML file the one
/// input walker finds, read with the same checks as reports.
public enum RuleFiles {
    /// The files read, and the diagnostics of those that could not be (or of what below a
    /// folder cannot be an input).
    public static func read(_ paths: [String], limit: Int) -> (files: [RuleSet.SourceFile], unreadable: DiagnosticList) {
        var files: [RuleSet.SourceFile] = []
        var unreadable = DiagnosticList()
        let found = YAMLFiles.find(paths)
        for problem in found.problems {
            unreadable.append(.error(problem.reason, at: SourceLocation(file: problem.path)))
        }
        for path in found.files {
            do throws(DiagnosticList) {
                files.append(RuleSet.SourceFile(path: path, bytes: try YAMLLoader.readFile(path: path, limits: YAMLLimits(maxFileSize: limit))))
            } catch {
                unreadable.append(contentsOf: error)
            }
        }
        return (files, unreadable)
    }
}
