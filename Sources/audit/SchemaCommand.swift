import AuditApp
import AuditCore
import AuditFormatters
import AuditReport
import AuditRules
import ArgumentParser

extension Audit {
    /// `audit schema KIND`: the JSON Schema of a kind of file, for editors and HQ systems.
    struct Schema: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the JSON Schema (draft 2020-12) of a kind of file: report, pack, extension, waivers, profile or results.",
            discussion: """
                Each is generated from the formats as audit reads them and from the rules loaded (--rules, \
                --no-shipped-rules): report (inspection reports, with the schema extensions of --rules), pack (rule \
                packs; examples checked as report fragments), extension (schema extension files, a kind of their \
                own: what they may add to the report schema loaded), waivers (--waivers files; rule ids of the rules \
                loaded), profile (profiles; rules and \
                parameters of the rules loaded), results (the JSON HQ systems consume: a line of results.jsonl or of \
                --format jsonl, or the --format json document, one result or an array of them). \
                `audit schema report > report.schema.json` writes the schema of inspection reports; a report whose first \
                line is `# yaml-language-server: $schema=report.schema.json` (as `audit template` writes it) is then \
                completed and checked by VS Code's YAML extension while it is typed; the same modeline works for the \
                other kinds of YAML file. audit checks more than a schema can say (real dates, time zones, unique ids, \
                expressions).
                """)

        /// The kinds of file with a schema.
        enum Kind: String, ExpressibleByArgument, CaseIterable { case report, pack, `extension`, waivers, profile, results }

        @Argument(help: ArgumentHelp("The kind of file: report, pack, extension, waivers, profile or results.", valueName: "kind")) var kind: Kind
        @OptionGroup var ruleOptions: RuleOptions
        @Option(help: ArgumentHelp("Write there (atomically) instead of to standard output.", valueName: "file")) var output: String?
        /// The schema itself is bilingual (zh titles, zh and en descriptions); this is the language of its errors.
        @OptionGroup var language: LanguageOption

        func run() throws {
            let rules = try Outcome.perform { () throws(AppError) in try Setup.load(ruleOptions.request()) }.ruleSet
            let schema = switch kind {
            case .report: ReportJSONSchema.generate(rules.schema)
            case .pack: RuleFileJSONSchema.pack(rules)
            case .extension: ExtensionJSONSchema.generate(rules.schema.unextended())
            case .waivers: RuleFileJSONSchema.waivers(rules)
            case .profile: RuleFileJSONSchema.profile(rules)
            case .results: ResultsJSONSchema.generate(rules)
            }
            try Outcome.write(schema, to: output, inputs: ruleOptions.inputFiles)
        }
    }
}
