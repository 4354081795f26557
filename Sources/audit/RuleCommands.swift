import AuditApp
import AuditCalendar
import ArgumentParser
import Foundation

extension Audit {
    /// `audit lint [PATH...]`: every problem in rule packs, the schema, scoring, calendar and
    /// waiver files.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate rule packs, the report schema, scoring, calendar and waiver files (default: the shipped rules).",
            discussion: "Exit 0 clean (warnings allowed), 1 errors found, 2 an input could not be read.")

        @Argument(help: ArgumentHelp("Rule, schema, scoring, calendar or waiver files, or folders of them.", valueName: "path"))
        var paths: [String] = []

        @Option(help: "Output format.") var format: LintRun.Format = .text

        @Option(help: ArgumentHelp("Date waivers are checked against for expiry (default: today).", valueName: "date"),
                transform: LocalDate.argument)
        var asOf: LocalDate?

        @OptionGroup var limits: LimitOptions

        func run() throws {
            let lint = try Outcome.perform { () throws(AppError) in
                try LintRun(paths, asOf: asOf ?? Self.today(), maxFileSize: limits.maxFileSize)
            }
            Console.out(lint.render(format, toolVersion: Audit.configuration.version))
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

        @Argument(help: ArgumentHelp("Rule files, expectation files, or folders.", valueName: "path"))
        var paths: [String] = []

        @Option(help: "Output format.") var format: RuleTestRun.Format = .text

        func run() throws {
            let run = try Outcome.perform { () throws(AppError) in try RuleTestRun(paths) }
            Console.out(run.render(format))
            try Outcome.exit(run.exitStatus)
        }
    }
}
