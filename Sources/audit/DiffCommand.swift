import AuditApp
import AuditCore
import AuditEngine
import AuditFormatters
import AuditYAML
import ArgumentParser

extension ResultDiffFormatter.Format: ExpressibleByArgument {}

extension Audit {
    /// `audit diff OLD NEW`: one outlet's two inspection reports compared.
    struct Diff: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Compare two inspection reports of one outlet (an earlier and a later round).",
            discussion: """
                Both reports are audited with the same rules (each at its own inspection time). Shown: the score \
                and grade before and after with the change, each section's change, the new failures (fail now, not \
                before), the fixed ones (failed before, not now) and the other results that changed (not assessed → \
                pass), matched by rule id and item. Reports of two different outlets (outlet.id) are compared all the \
                same, with a warning. Exit 0 whether or not they differ; 2 when a report cannot be read or is invalid, \
                or a rule could not be evaluated; 64 usage error.
                """)

        @Argument(help: ArgumentHelp("The earlier report (YAML); '-' reads standard input.", valueName: "old"),
                  completion: .file(extensions: ["yaml", "yml"]))
        var old: String

        @Argument(help: ArgumentHelp("The later report (YAML); '-' reads standard input.", valueName: "new"),
                  completion: .file(extensions: ["yaml", "yml"]))
        var new: String

        @OptionGroup var ruleOptions: RuleOptions
        @OptionGroup var languageOption: LanguageOption

        @Option(help: ArgumentHelp("Approved exceptions (rule, outlet, item, reason, approved_by, expires), for both reports.", valueName: "file"),
                completion: .file(extensions: ["yaml", "yml"]))
        var waivers: String?

        @Option(help: "Output format.")
        var format: ResultDiffFormatter.Format = .text

        func validate() throws {
            if old == "-" && new == "-" { throw usageError(.stdinTwice) }
        }

        func run() throws {
            let language = languageOption.language
            let setup = try Outcome.perform { () throws(AppError) in try Setup.load(ruleOptions.request(waivers: waivers)) }
            let check = ReportCheck([old, new], setup: setup, asOf: nil)
            var sources = setup.sources
            if let standardInput = check.standardInput { sources = sources.adding(YAMLLoader.standardInputName, text: standardInput) }
            for outcome in check.outcomes {
                if case .invalid(let diagnostics) = outcome { Console.error(sources.render(diagnostics, language: language)) }
            }
            let results = check.results
            guard results.count == 2 else { throw ExitCode(ExitStatus.invalidInput.rawValue) }
            for result in results {
                for warning in result.warnings { Console.error(DiagnosticRenderer.render(warning, source: nil, language: language)) }
            }
            let diff = ResultDiff(old: results[0], new: results[1])
            // JSON carries the mismatch as `same_outlet: false`; the sentence goes to standard error.
            if format == .json, let warning = ResultDiffFormatter.mismatchWarning(diff, language: language) {
                Console.error(VisibleEscaping.escape(warning) + "\n")
            }
            let text = ResultDiffFormatter.format(diff, format, setup.outputOptions(language: language))
            Console.out(text)
            try Outcome.exit(results.contains(where: \.hasErrors) ? .invalidInput : .success)
        }
    }
}
