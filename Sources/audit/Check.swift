import AuditApp
import AuditCore
import ArgumentParser

extension Audit {
    /// `audit REPORT...`: score inspection reports.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Audit inspection reports (the default command).")

        @Argument(help: ArgumentHelp("Inspection report files (YAML).", valueName: "report"))
        var reports: [String]

        @OptionGroup var ruleOptions: RuleOptions
        @OptionGroup var judgement: JudgementOptions

        @Option(help: "Output format.")
        var format: ReportFormat = .text

        @Option(help: ArgumentHelp("Write the output there (atomically) instead of to standard output.", valueName: "file"))
        var output: String?

        @Option(help: ArgumentHelp("Also exit 1 when a report's total score is below this.", valueName: "score"))
        var minScore: Double?

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
        }

        func run() throws {
            let setup = try Outcome.perform { () throws(AppError) in try Setup.load(ruleOptions.request(waivers: judgement.waivers)) }
            let check = ReportCheck(reports, setup: setup, asOf: judgement.asOf)
            for outcome in check.outcomes {
                switch outcome {
                case .audited(let result):
                    for warning in result.warnings { Console.error(DiagnosticRenderer.render(warning, source: nil, language: judgement.language)) }
                case .invalid(let diagnostics):
                    Console.error(setup.sources.render(diagnostics))
                }
            }
            let useColor = color == .always || (color == .auto && output == nil && Console.stdoutIsTerminal)
            let options = setup.outputOptions(language: judgement.language, showPassed: show.contains(.passed), color: useColor && format == .text)
            try Outcome.write(format.render(check.results, options), to: output,
                              inputs: reports + ruleOptions.inputFiles + (judgement.waivers.map { [$0] } ?? []))
            try Outcome.exit(check.exitStatus(failOn: judgement.failOn.severity, minScore: minScore))
        }
    }
}
