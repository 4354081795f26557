import AuditCalendar
import AuditCore
import AuditEngine
import AuditFormatters
import AuditReport
import AuditRules
import AuditYAML
import ArgumentParser

extension Audit {
    /// `audit REPORT...`: score inspection reports.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Audit inspection reports (the default command).")

        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, json, jsonl, markdown, sarif, junit, github
        }

        @Argument(help: ArgumentHelp("Inspection report files (YAML).", valueName: "report"))
        var reports: [String]

        @OptionGroup var ruleOptions: RuleOptions

        @Option(help: ArgumentHelp("Evaluation time for open cases (default: each report's inspection.inspected_at), e.g. 2026-04-14T10:30:00+08:00.", valueName: "timestamp"))
        var asOf: String?

        @Option(help: "Message language (default: from LANG).")
        var lang: LanguageOption?

        @Option(help: "Output format.")
        var format: Format = .text

        @Option(help: ArgumentHelp("Write the output there (atomically) instead of to standard output.", valueName: "file"))
        var output: String?

        @Option(help: "Exit 1 when a failure at or above this severity exists.")
        var failOn: FailOn = .critical

        @Option(help: ArgumentHelp("Also exit 1 when a report's total score is below this.", valueName: "score"))
        var minScore: Double?

        @Option(help: ArgumentHelp("Approved exceptions (rule, outlet, item, reason, approved_by, expires).", valueName: "file"))
        var waivers: String?

        @Option(help: ArgumentHelp("Also list results of this kind: passed.", valueName: "passed"))
        var show: [ShowOption] = []

        @Option(help: "Colour the text output.")
        var color: ColorOption = .auto

        enum ShowOption: String, ExpressibleByArgument, CaseIterable {
            case passed
        }

        func validate() throws {
            if let minScore, !(0...100).contains(minScore) {
                throw ValidationError("--min-score must be between 0 and 100")
            }
            if let asOf, case .failure(let reason) = Timestamp.parse(asOf, localOffsetSeconds: 8 * 3600) {
                throw ValidationError("--as-of '\(asOf)': \(reason)")
            }
        }

        func run() throws {
            let limit = ruleOptions.maxFileSize
            // Rules: load, check, compile — once for all reports.
            let loaded = try loadRules(ruleOptions)
            let (ruleSet, rules, overrides) = (loaded.set, loaded.rules, loaded.overrides)
            var asOfTime: Timestamp?
            if let asOf, case .success(let t) = Timestamp.parse(asOf, localOffsetSeconds: 8 * 3600) { asOfTime = t }
            let language = lang.map { Language(rawValue: $0.rawValue) ?? .en } ?? LanguageOption.fromEnvironment
            var waiverList: [Waiver] = []
            if let waivers {
                do throws(DiagnosticList) {
                    let document = try YAMLLoader.load(path: waivers, limits: ruleOptions.limits)
                    waiverList = try WaiverFile.load(document, knownRules: ruleSet.definitions.map(\.id))
                } catch {
                    Console.error(DiagnosticRenderer.render(error) { InputFiles.text($0, limit: limit) })
                    throw ExitCode(2)
                }
            }
            let auditor = Auditor(
                rules: rules, context: EvaluationContext(calendar: ruleSet.calendar, asOf: asOfTime),
                scoring: ruleSet.scoring, waivers: waiverList)
            let validator = ReportValidator(schema: ruleSet.schema)

            var results: [AuditResult] = []
            var inputFailed = false
            for path in reports {
                do throws(DiagnosticList) {
                    let document = try YAMLLoader.load(path: path, limits: ruleOptions.limits)
                    let report = try validator.validate(document)
                    let result = auditor.audit(report)
                    for warning in result.warnings {
                        Console.error(DiagnosticRenderer.render(warning, source: nil))
                    }
                    results.append(result)
                } catch {
                    inputFailed = true
                    Console.error(DiagnosticRenderer.render(error) { InputFiles.text($0, limit: limit) })
                }
            }

            let useColor = color == .always || (color == .auto && output == nil && Console.stdoutIsTerminal)
            let options = OutputOptions(
                language: language, showPassed: show.contains(.passed), packs: ruleSet.packs, params: overrides,
                rulesDigest: loaded.digest, color: useColor && format == .text)
            let rendered: String
            switch format {
            case .text: rendered = results.map { TextFormatter.format($0, options) }.joined(separator: "\n")
            case .json: rendered = results.isEmpty ? "" : JSONFormatter.format(results, options)
            case .jsonl: rendered = JSONFormatter.formatLines(results, options)
            case .markdown: rendered = results.map { MarkdownFormatter.format($0, options) }.joined(separator: "\n")
            case .sarif: rendered = SARIFFormatter.format(results, options)
            case .junit: rendered = JUnitFormatter.format(results, options)
            case .github: rendered = GitHubFormatter.format(results, options)
            }
            if let output {
                do throws(AtomicFile.WriteError) {
                    try AtomicFile.write(rendered, to: output)
                } catch {
                    Console.error("error: \(error)\n")
                    throw ExitCode(2)
                }
            } else {
                Console.out(rendered)
            }

            let evaluationFailed = results.contains { $0.hasErrors }
            if inputFailed || evaluationFailed { throw ExitCode(2) }
            if let threshold = failOn.severity, results.contains(where: { $0.fails(atOrAbove: threshold) }) {
                throw ExitCode(1)
            }
            // A report without a total (nothing assessed) cannot show it reaches the minimum.
            if let minScore, results.contains(where: { ($0.score.total.map { JSON.format($0, decimals: 1) }.flatMap(Double.init) ?? -1) < minScore }) {
                throw ExitCode(1)
            }
        }
    }
}

/// The text of a bundled rule file, for snippets in rule errors.
func bundledText(_ path: String) -> String? {
    BundledRules.files.first { $0.path == path }?.text
}
