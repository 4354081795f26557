import AuditApp
import AuditCalendar
import ArgumentParser
import FoundationEssentials  // Date: not Foundation, which would link ICU

extension Audit {
    /// `audit lint [PATH...]`: every problem in rule packs, the schema, scoring, calendar and
    /// waiver files.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate rule packs, the report schema, scoring, calendar and waiver files (default: the shipped rules).",
            discussion: """
                The given files are read as every other command reads them: packs, schema extensions and profiles together \
                with the shipped rules (a rule id that collides with a shipped one is an error), a complete rule set (with its \
                own report schema) alone. Exit 0 clean (warnings allowed), 1 errors found, 2 an input could not be read.
                """)

        @Argument(help: ArgumentHelp("Rule, schema, scoring, calendar or waiver files, or folders of them.", valueName: "path"),
                  completion: .file(extensions: ["yaml", "yml"]))
        var paths: [String] = []

        @Option(help: "Output format.") var format: LintRun.Format = .text

        @Flag(name: .customLong("no-shipped-rules"), help: "Lint the given packs alone, not with the shipped ones.")
        var noShippedRules = false

        @Option(help: ArgumentHelp("Date waivers are checked against for expiry (default: today).", valueName: "date"),
                transform: LocalDate.argument)
        var asOf: LocalDate?

        @OptionGroup var limits: LimitOptions
        @OptionGroup var language: LanguageOption

        func run() throws {
            let lint = try Outcome.perform { () throws(AppError) in
                try LintRun(paths, asOf: asOf ?? Self.today(), maxFileSize: limits.maxFileSize, shipped: noShippedRules ? .replaced : .added)
            }
            Console.out(lint.render(format, toolVersion: Audit.configuration.version, language: language.language))
            try Outcome.exit(lint.exitStatus)
        }

        static func today() -> LocalDate {
            // Expiry is a matter of dates in China's time zone (UTC+8), like everything here.
            Timestamp(seconds: Int64(Date().timeIntervalSince1970)).localDate(offsetSeconds: 8 * 3600)
        }
    }

    /// `audit test [PATH...]`: run every rule's embedded examples and every fixture expectation.
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every rule's pass and fail examples and every fixture expectation (*.expect.yaml); ends with 'N passed, N failed'.",
            discussion: "Paths may be rule files, *.expect.yaml files, or folders of either. Without paths: the shipped rules.")

        @Argument(help: ArgumentHelp("Rule files, expectation files, or folders.", valueName: "path"), completion: .file(extensions: ["yaml", "yml"]))
        var paths: [String] = []

        @Option(help: "Output format.") var format: RuleTestRun.Format = .text

        @Flag(name: .customLong("no-shipped-rules"), help: "Test the given packs alone, not with the shipped ones.")
        var noShippedRules = false

        @Option(name: .customLong("param"), help: ArgumentHelp("Set a rule parameter, e.g. --param ETQ-PHONE-RINGS.max_rings=2 (repeatable).", valueName: "rule.name=value"))
        var params: [String] = []

        @Option(name: .customLong("profile"), help: ArgumentHelp("A profile; fixture reports it matches are audited with it (repeatable).", valueName: "file"))
        var profiles: [String] = []

        @OptionGroup var language: LanguageOption

        func run() throws {
            let request = RuleRequest(paths: paths, params: params, profiles: profiles, withoutShippedPacks: noShippedRules)
            let run = try Outcome.perform { () throws(AppError) in try RuleTestRun(request) }
            Console.out(run.render(format, language: language.language))
            try Outcome.exit(run.exitStatus)
        }
    }
}
