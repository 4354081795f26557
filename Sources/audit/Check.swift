import AuditApp
import AuditCore
import AuditYAML
import ArgumentParser

extension Audit {
    /// `audit REPORT...`: score inspection reports.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Audit inspection reports (the default command).",
            discussion: """
                A report given as '-' is read from standard input. --report FORMAT:FILE writes one more output \
                (repeatable), e.g. --report json:out.json --report html:out.html; all files are written before any \
                replaces its target. NO_COLOR (not empty) turns colour off unless --color always.
                """)

        @Argument(help: ArgumentHelp("Inspection report files (YAML); '-' reads standard input.", valueName: "report"),
                  completion: .file(extensions: ["yaml", "yml"]))
        var reports: [String]

        @OptionGroup var ruleOptions: RuleOptions
        @OptionGroup var judgement: JudgementOptions

        @Option(help: "Output format.")
        var format: ReportFormat = .text

        @Option(help: ArgumentHelp("Write the output there (atomically) instead of to standard output.", valueName: "file"),
                completion: .file())
        var output: String?

        @Option(name: .customLong("report"),
                help: ArgumentHelp("Also write this format to this file (repeatable), e.g. html:outlet.html.", valueName: "format:file"))
        var extraOutputs: [String] = []

        @Option(help: ArgumentHelp("Also exit 1 when a report's total score is below this.", valueName: "score"))
        var minScore: Double?

        @Option(help: ArgumentHelp("Also list results of this kind: passed.", valueName: "passed"))
        var show: [ShowOption] = []

        @Option(help: "Colour the text output (NO_COLOR turns 'auto' off).")
        var color: ColorOption = .auto

        enum ShowOption: String, ExpressibleByArgument, CaseIterable {
            case passed
        }

        func validate() throws {
            if let minScore, !(0...100).contains(minScore) {
                throw usageError(.minScoreRange)
            }
            if reports.filter({ $0 == "-" }).count > 1 { throw usageError(.stdinTwice) }
            var paths = output.map { [$0] } ?? []
            for extra in try additionalOutputs() {
                if paths.contains(extra.path) { throw usageError(.sameOutputTwice(extra.path)) }
                paths.append(extra.path)
            }
        }

        /// `--report FORMAT:FILE`, each split at its first colon.
        func additionalOutputs() throws -> [(format: ReportFormat, path: String)] {
            try extraOutputs.map { text in
                guard let colon = text.firstIndex(of: ":"), let format = ReportFormat(rawValue: String(text[..<colon])),
                      text.index(after: colon) < text.endIndex
                else { throw usageError(.badReportOutput(text, formats: ReportFormat.allCases.map(\.rawValue))) }
                return (format, String(text[text.index(after: colon)...]))
            }
        }

        func run() throws {
            let setup = try Outcome.perform { () throws(AppError) in try Setup.load(ruleOptions.request(waivers: judgement.waivers)) }
            let check = ReportCheck(reports, setup: setup, asOf: judgement.asOf)
            var sources = setup.sources
            if let standardInput = check.standardInput { sources = sources.adding(YAMLLoader.standardInputName, text: standardInput) }
            for outcome in check.outcomes {
                switch outcome {
                case .audited(let result):
                    for warning in result.warnings { Console.error(DiagnosticRenderer.render(warning, source: nil, language: judgement.language)) }
                case .invalid(let diagnostics):
                    Console.error(sources.render(diagnostics, language: judgement.language))
                }
            }
            let useColor = color == .always || (color == .auto && output == nil && Console.stdoutIsTerminal && !Self.noColor)
            let options = setup.outputOptions(language: judgement.language, showPassed: show.contains(.passed), color: useColor && format == .text)
            var files = try additionalOutputs().map { extra in
                (path: extra.path, text: extra.format.render(check.results, setup.outputOptions(language: judgement.language, showPassed: show.contains(.passed))))
            }
            let main = format.render(check.results, options)
            if let output { files.insert((output, main), at: 0) }
            try Outcome.write(files, inputs: reports.filter { $0 != "-" } + ruleOptions.inputFiles + (judgement.waivers.map { [$0] } ?? []))
            if output == nil { Console.out(main) }
            try Outcome.exit(check.exitStatus(failOn: judgement.failOn.severity, minScore: minScore))
        }

        /// https://no-color.org: present and not empty.
        static var noColor: Bool { !(Environment.variable("NO_COLOR") ?? "").isEmpty }
    }
}
