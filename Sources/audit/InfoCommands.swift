import AuditCore
import AuditEngine
import AuditFormatters
import AuditReport
import AuditRules
import AuditYAML
import ArgumentParser

/// The rules of a run: loaded, parameterised and compiled, with what output records of them.
struct LoadedRules {
    var set: RuleSet
    var rules: [CompiledRule]
    var files: [RuleSet.SourceFile]
    /// The `--param` values applied.
    var overrides: [String: Value]
    /// Over the files and the applied parameters.
    var digest: String { RuleSet.digest(files: files, overrides: overrides) }
}

/// Loads and compiles the rules, exiting 2 on broken rules and 64 on a bad `--param`.
func loadRules(_ options: RuleOptions) throws -> LoadedRules {
    let set: RuleSet
    let files: [RuleSet.SourceFile]
    do throws(DiagnosticList) {
        files = try options.sourceFiles()
        set = try RuleSet.load(files, limits: options.rulePaths.isEmpty ? YAMLLimits() : options.limits)
    } catch {
        Console.error(DiagnosticRenderer.render(error) { InputFiles.text($0, limit: options.maxFileSize) ?? bundledText($0) })
        throw ExitCode(2)
    }
    let overrides: [String: Value]
    switch set.parseOverrides(options.params) {
    case .success(let values): overrides = values
    case .failure(let problem): throw ValidationError(problem.description)
    }
    let rules = try compileRules(set, overrides: overrides, limit: options.maxFileSize)
    return LoadedRules(set: set, rules: rules, files: files, overrides: overrides)
}

/// Compiles the rules; broken rules exit 2, but a `--param` value the rules cannot take
/// (`feedback_wd=-1`) is the command line's fault: a usage error (64) naming the parameter.
func compileRules(_ set: RuleSet, overrides: [String: Value], limit: Int) throws -> [CompiledRule] {
    do throws(DiagnosticList) {
        return try set.compile(overrides: overrides)
    } catch {
        if !overrides.isEmpty, (try? set.compile()) != nil {
            let names = overrides.keys.sorted().joined(separator: ", ")
            let reasons = error.sorted.map(\.message).joined(separator: "; ")
            throw ValidationError("--param \(names): the rules cannot take this value: \(reasons)")
        }
        Console.error(DiagnosticRenderer.render(error) { InputFiles.text($0, limit: limit) ?? bundledText($0) })
        throw ExitCode(2)
    }
}

extension Audit {
    /// `audit rules`: the loaded rules, one line each.
    struct Rules: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the loaded rules (id, section, severity, tier, title).")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @OptionGroup var ruleOptions: RuleOptions
        @Option(help: "Output format.") var format: Format = .text
        @Option(help: "Title language (default: from LANG).") var lang: LanguageOption?

        func run() throws {
            let rules = try loadRules(ruleOptions).rules
            let language = lang.map { Language(rawValue: $0.rawValue) ?? .en } ?? LanguageOption.fromEnvironment
            switch format {
            case .json:
                let items: [JSON] = rules.map { r in
                    let d = r.definition
                    return .object([
                        ("id", .string(d.id)), ("section", .string(d.section.rawValue)), ("severity", .string(d.severity.rawValue)),
                        ("tier", .optional(d.tier?.rawValue)), ("points", .number(d.effectivePoints, decimals: 2)),
                        ("title", .object([("zh", .string(d.title.zh)), ("en", .string(d.title.en))])),
                        ("pack", .string(d.pack)), ("file", .string(d.location.file)),
                    ])
                }
                Console.out(JSON.array(items).serialized(pretty: true) + "\n")
            case .text:
                let width = rules.map(\.id.count).max() ?? 0
                var out = ""
                for r in rules {
                    let d = r.definition
                    let id = d.id.padding(toLength: width, withPad: " ", startingAt: 0)
                    let section = d.section.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)
                    let severity = d.severity.rawValue.padding(toLength: 8, withPad: " ", startingAt: 0)
                    let tier = (d.tier?.rawValue ?? "-").padding(toLength: 8, withPad: " ", startingAt: 0)
                    out += "\(id)  \(section) \(severity) \(tier) \(language == .zh ? d.title.zh : d.title.en)\n"
                }
                out += "\(rules.count) rules\n"
                Console.out(out)
            }
        }
    }

    /// `audit explain RULE-ID`: everything about one clause.
    struct Explain: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Explain a rule: citation and quote, applicability, check, severity, points, parameters, examples.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

        @Argument(help: ArgumentHelp("The rule id, e.g. TML-FEEDBACK-2WD.", valueName: "rule-id")) var ruleId: String
        @OptionGroup var ruleOptions: RuleOptions
        @Option(help: "Output format.") var format: Format = .text

        func run() throws {
            let rules = try loadRules(ruleOptions).rules
            guard let rule = rules.first(where: { $0.id == ruleId }) else {
                throw ValidationError("unknown rule '\(ruleId)'\(Suggestion.hint(for: ruleId, among: rules.map(\.id)).en)")
            }
            let d = rule.definition
            let params = d.params.map { p -> (name: String, value: String, default: String, fixed: Bool) in
                let current = rule.parameters[p.name].map { ParameterValue.text($0) } ?? "?"
                return (p.name, current, ParameterValue.text(p.value), p.fixed)
            }
            switch format {
            case .json:
                func source(_ s: ExpressionSource?) -> JSON { s.map { .string($0.text) } ?? .null }
                let json: JSON = .object([
                    ("id", .string(d.id)),
                    ("title", .object([("zh", .string(d.title.zh)), ("en", .string(d.title.en))])),
                    ("description", .optional(d.description)),
                    ("section", .string(d.section.rawValue)), ("severity", .string(d.severity.rawValue)),
                    ("points", .number(d.effectivePoints, decimals: 2)), ("tier", .optional(d.tier?.rawValue)),
                    ("cite", .object([("source", .string(d.cite.source)), ("document", .string(d.cite.document)),
                                      ("clause", .string(d.cite.clause)), ("quote", .string(d.cite.quote))])),
                    ("applies", source(d.applies)),
                    ("for_each", .array(d.forEach.map { .string($0.list.text) })),
                    ("let", .object(d.lets.map { ($0.name, .string($0.source.text)) })),
                    ("check", .string(d.check.text)),
                    ("message", .object([("zh", .string(d.message.zh.text)), ("en", .string(d.message.en.text))])),
                    ("parameters", .array(params.map {
                        .object([("name", .string($0.name)), ("value", .string($0.value)), ("default", .string($0.default)), ("fixed", .bool($0.fixed))])
                    })),
                    ("examples", .array(d.examples.map { e in
                        .object([("expect", .string(e.expectation.rawValue)), ("fragment", .string(e.fragment.flowText)),
                                 ("location", .string(e.location.description))])
                    })),
                    ("location", .string(d.location.description)),
                ])
                Console.out(json.serialized(pretty: true) + "\n")
            case .text:
                var out = "\(d.id)  \(d.title.zh) / \(d.title.en)\n"
                out += "section \(d.section.rawValue) · severity \(d.severity.rawValue) · points \(JSON.format(d.effectivePoints, decimals: 2))"
                out += " · tier \(d.tier?.rawValue ?? "—")\n"
                out += "cite [\(d.cite.source)] \(d.cite.document) \(d.cite.clause)\n  「\(d.cite.quote)」\n"
                if let description = d.description { out += "note \(description.split(separator: "\n").joined(separator: " "))\n" }
                if let applies = d.applies { out += "applies  \(applies.text)\n" }
                for list in d.forEach {
                    out += "for each \(list.list.text)\n"
                    for (name, source) in list.lets { out += "  let \(name) = \(source.text)\n" }
                }
                for (name, source) in d.lets { out += "let      \(name) = \(source.text)\n" }
                out += "check    \(d.check.text)\n"
                out += "message  zh: \(d.message.zh.text)\n         en: \(d.message.en.text)\n"
                if !params.isEmpty {
                    out += "parameters\n"
                    for p in params {
                        let note = p.fixed ? " (fixed by the clause)" : (p.value == p.default ? "" : " (default \(p.default))")
                        out += "  \(p.name) = \(p.value)\(note)\n"
                    }
                }
                out += "examples\n"
                for e in d.examples {
                    out += "  \(e.expectation.rawValue)  \(e.location)  \(e.fragment.flowText)\n"
                }
                out += "defined at \(d.location)\n"
                Console.out(out)
            }
        }
    }

    /// `audit template --type TYPE [--tier TIER]`: the inspector's checklist as a blank report.
    struct Template: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print a blank inspection report with exactly the fields the applicable rules read.")

        @OptionGroup var ruleOptions: RuleOptions
        @Option(help: "Outlet type: service_center, service_hall, loss_assessment_center, service_station.") var type: String
        @Option(help: "Tier claimed: none, standard, flagship.") var tier: String = "none"
        @Option(help: ArgumentHelp("Write there (atomically) instead of to standard output.", valueName: "file")) var output: String?

        func run() throws {
            let loaded = try loadRules(ruleOptions)
            let (set, rules) = (loaded.set, loaded.rules)
            for (value, name, enumName) in [(type, "--type", "outlet_type"), (tier, "--tier", "tier")] {
                let tokens = set.schema.enums[enumName]?.values ?? []
                if !tokens.contains(value) {
                    throw ValidationError("\(name) '\(value)' is not one of \(tokens.joined(separator: ", "))\(Suggestion.hint(for: value, among: tokens).en)")
                }
            }
            let checklist: Checklist
            do throws(DiagnosticList) {
                checklist = try Checklist(rules: rules, ruleSet: set, type: type, tier: tier)
            } catch {
                Console.error(DiagnosticRenderer.render(error) { _ in nil })
                throw ExitCode(2)
            }
            let text = TemplateFormatter.format(checklist, schema: set.schema)
            if let output {
                do throws(AtomicFile.WriteError) { try AtomicFile.write(text, to: output) } catch {
                    Console.error("error: \(error)\n")
                    throw ExitCode(2)
                }
            } else {
                Console.out(text)
            }
        }
    }
}
