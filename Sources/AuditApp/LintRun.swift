import AuditCalendar
import AuditCore
import AuditFormatters
import AuditRules
import AuditYAML

/// `audit lint [PATH...]`: the files read (the shipped rules when no path is given) and every
/// problem in them.
public struct LintRun: Sendable {
    public enum Format: String, CaseIterable, Sendable { case text, json, sarif, github }

    public let files: [RuleSet.SourceFile]
    public let result: Lint.Result

    /// `asOf` dates waiver expiry. No YAML file under the given paths is `.failure`.
    public init(_ paths: [String], asOf: LocalDate, maxFileSize: Int, shipped: RuleSet.ShippedPacks = .added) throws(AppError) {
        var files = RuleSet.bundledFiles, unreadable = DiagnosticList()
        if !paths.isEmpty {
            (files, unreadable) = RuleFiles.read(paths, limit: maxFileSize)
            if files.isEmpty && unreadable.isEmpty { throw .failure(.noRuleFiles(in: paths)) }
        }
        self.files = files
        result = Lint.run(files, unreadable: unreadable, asOf: asOf, shipped: shipped, limits: YAMLLimits(maxFileSize: maxFileSize))
    }

    public var errors: Int { result.diagnostics.diagnostics.filter { $0.severity == .error }.count }
    public var warnings: Int { result.diagnostics.diagnostics.filter { $0.severity == .warning }.count }

    public func render(_ format: Format, toolVersion: String, language: Language = .en) -> String {
        let sorted = result.diagnostics.sorted
        switch format {
        case .text:
            let (errors, warnings) = (self.errors, self.warnings)
            return SourceTexts(files, limit: 0).render(result.diagnostics, language: language)
                + Message.lintSummary(rules: result.ruleCount, files: files.count, errors: errors, warnings: warnings).text(language) + "\n"
        case .json: return DiagnosticFormatter.json(sorted, language: language)
        case .sarif: return DiagnosticFormatter.sarif(sorted, toolVersion: toolVersion, language: language)
        case .github: return DiagnosticFormatter.github(sorted, language: language)
        }
    }

    /// 2 when a file could not be read, 1 when there are errors (warnings are allowed), else 0.
    public var exitStatus: ExitStatus {
        if result.unreadable { return .invalidInput }
        return errors > 0 ? .failed : .success
    }
}
