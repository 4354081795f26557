import AuditCore
import AuditRules
import AuditYAML

/// Reading the files of `--rules`, `audit lint` and `audit test`: every YAML file the one
/// input walker finds, read with the same checks as reports.
public enum RuleFiles {
    /// The files read, and the diagnostics of those that could not be (or of what below a
    /// folder cannot be an input). Paths keep the order given (packs load in that order and
    /// calendars layer in it); a folder contributes its files sorted; a file named directly
    /// is read as it is, and its read says what is wrong with it.
    public static func read(_ paths: [String], limit: Int) -> (files: [RuleSet.SourceFile], unreadable: DiagnosticList) {
        var files: [RuleSet.SourceFile] = []
        var unreadable = DiagnosticList()
        for path in paths {
            var found = YAMLFiles.Result(files: [path], problems: [])
            if YAMLFiles.isDirectory(path) {
                found = YAMLFiles.find([path])
            }
            for problem in found.problems {
                unreadable.append(.error(problem.reason, at: SourceLocation(file: problem.path)))
            }
            for file in found.files {
                do throws(DiagnosticList) {
                    files.append(RuleSet.SourceFile(path: file, bytes: try YAMLLoader.readFile(path: file, limits: YAMLLimits(maxFileSize: limit))))
                } catch {
                    unreadable.append(contentsOf: error)
                }
            }
        }
        return (files, unreadable)
    }
}
