import AuditApp
import AuditCore
import AuditEngine
import AuditFormatters
import ArgumentParser

extension Audit {
    /// `audit rules`: the loaded rules, one line each.
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the loaded rules (id, section, severity, tier, title), or compare two rule sets (--diff OLD NEW).",
            discussion: """
                --diff OLD NEW loads each side as --rules loads it (a rule folder or file) and lists the packs \
                added, removed or re-versioned, the report-schema fields and tokens added or removed, and the rules \
                added, removed and changed, naming each changed field with its old and new value. It exits 0 whether \
                or not the rule sets differ (as `git diff` without --exit-code), 2 when a side cannot be read or is invalid.
                """)

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @OptionGroup var ruleOptions: RuleOptions
        @Option(help: "Output format.") var format: Format = .text
        @OptionGroup var language: LanguageOption
        @Option(parsing: .upToNextOption,
                help: ArgumentHelp("Compare two rule sets instead of listing one: --diff OLD NEW, each a rule folder or file.",
                                   valueName: "path"))
        var diff: [String] = []

        func validate() throws {
            guard !diff.isEmpty else { return }
            guard diff.count == 2 else {
                throw usageError(.diffTakesTwo(diff.count))
            }
            // Each side is composed as --rules composes it; nothing else would be applied.
            guard ruleOptions.rulePaths.isEmpty, ruleOptions.params.isEmpty, ruleOptions.profiles.isEmpty,
                  !ruleOptions.noShippedRules, ruleOptions.requiredDigest == nil
            else {
                throw usageError(.diffNamesBoth)
            }
        }

        func run() throws {
            if diff.count == 2 {
                let run = try Outcome.perform { () throws(AppError) in
                    try RuleDiffRun(old: diff[0], new: diff[1], maxFileSize: ruleOptions.limits.maxFileSize)
                }
                // Rule files are input too: their text reaches the terminal escaped.
                let text = run.render(json: format == .json)
                return Console.out(format == .json ? text : VisibleEscaping.escape(text, keepingLineBreaks: true))
            }
            let setup = try Outcome.perform { () throws(AppError) in try Setup.load(ruleOptions.request()) }
            var out = RuleCatalogFormatter.list(setup.rules, language: language.language, json: format == .json)
            // The run's digest, to pin with --require-digest.
            if format == .text { out += "rules digest \(setup.digest)\n" }
            Console.out(format == .json ? out : VisibleEscaping.escape(out, keepingLineBreaks: true))
        }
    }

    /// `audit explain RULE-ID`: everything about one clause.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain a rule: citation and quote, applicability, check, severity, points, parameters, examples.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Argument(help: ArgumentHelp("The rule id, e.g. TML-FEEDBACK-2WD (any case).", valueName: "rule-id"),
                  completion: .custom { _, _, _ in Explain.shippedRuleIds() })
        var ruleId: String
        @OptionGroup var ruleOptions: RuleOptions
        @Option(help: "Output format.") var format: Format = .text
        @OptionGroup var language: LanguageOption

        func run() throws {
            let setup = try Outcome.perform { () throws(AppError) in try Setup.load(ruleOptions.request()) }
            let rules = setup.rules
            // Rule ids are upper case by convention; `explain etq-on-time` means the same rule.
            let wanted = ruleId.uppercased()
            guard let rule = rules.first(where: { $0.id == ruleId }) ?? rules.first(where: { $0.id.uppercased() == wanted }) else {
                throw usageError(.unknownRule(ruleId, hint: Suggestion.hint(for: wanted, among: rules.map(\.id))))
            }
            let text = RuleCatalogFormatter.explain(rule, profiles: setup.ruleSet.profiles, json: format == .json)
            Console.out(format == .json ? text : VisibleEscaping.escape(text, keepingLineBreaks: true))
        }

        /// The shipped rules' ids, for shell completion.
        @Sendable static func shippedRuleIds() -> [String] {
            (try? Setup.load(RuleRequest()).rules.map(\.id)) ?? []
        }
    }

    /// `audit template --type TYPE [--tier TIER]`: the inspector's checklist as a blank report.
    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a blank inspection report with exactly the fields the applicable rules read.",
            discussion: """
                Its first line points VS Code's YAML extension at report.schema.json beside it, which \
                `audit schema report > report.schema.json` writes: the editor then completes keys and tokens \
                and flags mistakes while you type.
                """)

        /// The shipped schema's tokens, for shell completion (a test keeps them in step).
        static let outletTypes = ["service_center", "service_hall", "loss_assessment_center", "service_station"]
        static let tiers = ["none", "standard", "flagship"]

        @OptionGroup var ruleOptions: RuleOptions
        @Option(help: ArgumentHelp("Outlet type: service_center, service_hall, loss_assessment_center, service_station, or its Chinese label (客户服务大厅).",
                                   valueName: "type"),
                completion: .list(outletTypes))
        var type: String
        @Option(help: ArgumentHelp("Tier claimed: none, standard, flagship, or its Chinese label (旗舰店).", valueName: "tier"),
                completion: .list(tiers))
        var tier: String = "none"
        @OptionGroup var languageOption: LanguageOption
        @Option(help: ArgumentHelp("Write there (atomically) instead of to standard output.", valueName: "file")) var output: String?
        @Option(help: ArgumentHelp("The outlet's branch (分公司), so that the profiles matching it apply.", valueName: "name")) var branch: String?
        @Option(help: ArgumentHelp("The outlet's sub-branch (中心支公司), so that the profiles matching it apply.", valueName: "name"))
        var subBranch: String?
        @Option(help: ArgumentHelp("The outlet's id, so that the profiles matching it apply.", valueName: "id")) var outlet: String?

        func run() throws {
            let language = languageOption.language
            let setup = try Outcome.perform { () throws(AppError) in try Setup.load(ruleOptions.request()) }
            // A token, or its exact Chinese label (客户服务大厅 is service_hall).
            var tokens: [String] = []
            for (value, option, enumName) in [(type, "--type", "outlet_type"), (tier, "--tier", "tier")] {
                let values = setup.ruleSet.schema.enums[enumName]
                guard let values, let token = values.token(named: value) else {
                    let message = TemplateFormatter.unknownValue(value, option: option, in: values)
                    throw ValidationError(VisibleEscaping.escape(message.text(language)))
                }
                tokens.append(token)
            }
            let (type, tier) = (tokens[0], tokens[1])
            let checklist = try Outcome.perform { () throws(AppError) in
                // A rule a profile disables is not on the checklist of the outlets it selects.
                let rules = try setup.rules(branch: branch, subBranch: subBranch, type: type, outlet: outlet)
                do throws(DiagnosticList) {
                    return try Checklist(rules: rules, ruleSet: setup.ruleSet, type: type, tier: tier)
                } catch {
                    throw .invalid(error, SourceTexts(limit: 0))
                }
            }
            let text = TemplateFormatter.format(checklist, schema: setup.ruleSet.schema, language: language)
            try Outcome.write(text, to: output, inputs: ruleOptions.inputFiles)
        }
    }
}
