import AuditCalendar
import AuditCore
import AuditEngine
import AuditFormatters
import AuditReport
import AuditRules
import AuditYAML

/// `audit REPORT...`: each report read, validated and audited, in the order given.
public struct ReportCheck: Sendable {
    /// What became of one report.
    public enum Outcome: Sendable {
        case audited(AuditResult)
        /// It could not be read or is not a valid report.
        case invalid(DiagnosticList)
    }

    public let outcomes: [Outcome]
    /// What was read from standard input (a report given as `-`), for the snippets of its diagnostics.
    public private(set) var standardInput: String?

    public var results: [AuditResult] {
        outcomes.compactMap { if case .audited(let result) = $0 { result } else { nil } }
    }

    public init(_ paths: [String], setup: Setup, asOf: Timestamp?) {
        let auditor = setup.auditor(asOf: asOf)
        let validator = ReportValidator(schema: setup.ruleSet.schema)
        var standardInput: String?
        outcomes = paths.map { $0 == "-" ? $0 : YAMLFiles.normalize($0) }.map { path in
            do throws(DiagnosticList) {
                let document: YAMLDocument
                if path == "-" {
                    // Standard input (given once: the command line checks).
                    let bytes = try YAMLLoader.readStandardInput(limits: setup.request.limits)
                    standardInput = String(decoding: bytes, as: UTF8.self)
                    document = try YAMLLoader.load(bytes: bytes, file: YAMLLoader.standardInputName, limits: setup.request.limits)
                } else {
                    document = try YAMLLoader.load(path: path, limits: setup.request.limits)
                }
                return .audited(try auditor.audit(try validator.validate(document)).get())
            } catch {
                return .invalid(error)
            }
        }
        self.standardInput = standardInput
    }

    /// 2 when a report could not be read or a rule could not be evaluated; else 1 when a
    /// failure reaches `failOn` or a total is under `minScore`; else 0.
    public func exitStatus(failOn: Severity?, minScore: Double?) -> ExitStatus {
        let results = self.results
        if results.count < outcomes.count || results.contains(where: \.hasErrors) { return .invalidInput }
        if let failOn, results.contains(where: { $0.fails(atOrAbove: failOn) }) { return .failed }
        // A report without a total (nothing assessed) cannot show it reaches the minimum; the
        // total is compared as shown (one decimal).
        if let minScore, results.contains(where: { ($0.score.total.map { JSON.format($0, decimals: 1) }.flatMap(Double.init) ?? -1) < minScore }) {
            return .failed
        }
        return .success
    }
}

/// The formats of `audit REPORT...`, each rendering all results at once.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, jsonl, markdown, sarif, junit, github, html

    public func render(_ results: [AuditResult], _ options: OutputOptions) -> String {
        switch self {
        case .text: results.map { TextFormatter.format($0, options) }.joined(separator: "\n")
        case .json: results.isEmpty ? "" : JSONFormatter.format(results, options)
        case .jsonl: JSONFormatter.formatLines(results, options)
        case .markdown: results.map { MarkdownFormatter.format($0, options) }.joined(separator: "\n")
        case .sarif: SARIFFormatter.format(results, options)
        case .junit: JUnitFormatter.format(results, options)
        case .github: GitHubFormatter.format(results, options)
        case .html: HTMLFormatter.format(results, options)
        }
    }
}
