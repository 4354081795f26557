import AuditApp
import AuditCore
import AuditReport
import ArgumentParser

extension Audit {
    /// `audit schema report`: the JSON Schema of a kind of input file, for editors.
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the JSON Schema (draft 2020-12) of a kind of file: report.",
            discussion: """
                `audit schema report > report.schema.json` writes the schema of inspection reports, generated from \
                the loaded report schema (with the schema extensions of --rules); a report whose first line is \
                `# yaml-language-server: $schema=report.schema.json` (as `audit template` writes it) is then completed \
                and checked by VS Code's YAML extension while it is typed. `audit` checks more than the schema can \
                say (real dates, time zones, unique ids).
                """)

        /// The kinds of file with a schema; more (packs, waivers, profiles, results) can follow.
        enum Kind: String, ExpressibleByArgument, CaseIterable { case report }

        @Argument(help: ArgumentHelp("The kind of file: report.", valueName: "kind")) var kind: Kind
        @OptionGroup var ruleOptions: RuleOptions
        @Option(help: ArgumentHelp("Write there (atomically) instead of to standard output.", valueName: "file")) var output: String?
        /// The schema itself is bilingual (zh titles, zh and en descriptions); this is the language of its errors.
        @OptionGroup var language: LanguageOption

        func run() throws {
            let setup = try Outcome.perform { () throws(AppError) in try Setup.load(ruleOptions.request()) }
            switch kind {
            case .report:
                try Outcome.write(ReportJSONSchema.generate(setup.ruleSet.schema), to: output, inputs: ruleOptions.inputFiles)
            }
        }
    }
}
