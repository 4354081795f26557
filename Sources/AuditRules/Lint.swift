import AuditCalendar
import AuditCore
import AuditReport
import AuditYAML

/// `audit lint`: every problem in a set of rule files, as far as each file can be read —
/// YAML, structure, expressions (syntax and types against the schema), duplicates across
/// files, scoring and calendar sanity, waivers.
public enum Lint {
    public struct Result: Sendable {
        public var diagnostics: DiagnosticList
        /// A file could not be read at all (missing, not a regular file, too large).
        public var unreadable: Bool
        public var ruleCount: Int
        public var fileCount: Int
    }

    /// `files` as given, composed with the shipped rules the way every other command composes
    /// them (`shipped`); `asOf` dates waiver expiry (nil: no expiry check). Problems of every
    /// phase — YAML, structure, schema extensions, expressions, examples, profiles — in one run.
    public static func run(
        _ files: [RuleSet.SourceFile], unreadable: DiagnosticList, asOf: LocalDate?, shipped: RuleSet.ShippedPacks = .added,
        limits: YAMLLimits = .init()
    ) -> Result {
        var composition = Composition(limits: limits)
        composition.compose(files, shipped: shipped)
        var diagnostics = unreadable
        diagnostics.append(contentsOf: composition.diagnostics)
        let documents = composition.ordered
        // The schema to check against: the given one if it loads, else the shipped one; with
        // its extensions.
        var schema: ReportSchema?
        var extensions: [YAMLDocument] = []
        var calendar: BusinessCalendar?
        var packs: [RulePack] = []
        var profileDocuments: [YAMLDocument] = []
        var waiverDocuments: [YAMLDocument] = []
        var extended = false
        for (document, file) in documents {
            let location = SourceLocation(file: document.file, mark: document.root.mark)
            let kind = RuleFileKind(document)
            // The documents come schema first, then its extensions: apply them before anything
            // is checked against the schema.
            if !extended, kind != .schema, kind != .schemaExtension {
                extended = true
                if let base = schema { schema = SchemaExtensions.apply(extensions, to: base, diagnostics: &diagnostics) }
            }
            switch kind {
            case .schema:
                do throws(DiagnosticList) { schema = try ReportSchema.load(document) } catch { diagnostics.append(contentsOf: error) }
            case .schemaExtension:
                extensions.append(document)
            case .calendar:
                do throws(DiagnosticList) {
                    let loaded = try CalendarFile.load(document)
                    calendar = calendar?.layered(with: loaded) ?? loaded
                } catch { diagnostics.append(contentsOf: error) }
            case .scoring:
                if let schema {
                    do throws(DiagnosticList) {
                        diagnostics.append(contentsOf: try ScoringSettings.load(document).check(against: schema))
                    } catch { diagnostics.append(contentsOf: error) }
                }
            case .pack:
                var (pack, problems) = RulePack.parseLeniently(document)
                pack.shipped = file.shipped
                diagnostics.append(contentsOf: problems)
                if packs.contains(where: { $0.name == pack.name && !pack.name.isEmpty }) {
                    diagnostics.append(.error(.packGivenTwice(pack.name), at: location))
                }
                packs.append(pack)
            case .profile:
                profileDocuments.append(document)
            case .waivers:
                waiverDocuments.append(document)
            case .report:
                diagnostics.append(.error(.reportNotRuleFile, at: location))
            case .unknown:
                diagnostics.append(.error(.notALintableFile(found: kind.firstKey), at: location))
            }
        }
        // The rules to check and count: the given ones (the shipped ones are linted where they
        // are made), or the shipped ones when they are what was asked for.
        let given = files.allSatisfy(\.shipped) ? packs : packs.filter { !$0.shipped }
        // As loading refuses a set without packs (`--no-shipped-rules` with only a profile).
        if packs.isEmpty, !diagnostics.hasErrors { diagnostics.append(composition.noRulePacks) }
        guard let schema else {
            return Result(diagnostics: diagnostics, unreadable: !unreadable.isEmpty, ruleCount: 0, fileCount: files.count)
        }
        for duplicate in RuleSet.duplicateIds(packs) { diagnostics.append(duplicate) }
        // Expressions and examples, against the schema: the given rules (the shipped ones are
        // linted where they are made).
        let compiler = RuleCompiler(schema: schema)
        // Who declares each parameter name first, over every loaded rule (the shipped ones too).
        var declared: [String: (rule: String, param: RuleParameter)] = [:]
        for rule in packs.flatMap(\.rules) {
            for param in rule.params where declared[param.name] == nil { declared[param.name] = (rule.id, param) }
        }
        let validator = ReportValidator(schema: schema)
        for rule in given.flatMap(\.rules) {
            // Examples are report fragments: what would not load (or loads with a warning,
            // such as a deprecated field) is the author's to fix here, not first in `audit test`.
            for example in rule.examples {
                let fragment = YAMLDocument(file: example.location.file, root: example.fragment, text: "")
                do throws(DiagnosticList) {
                    for warning in try validator.validate(fragment, mode: .fragment).warnings { diagnostics.append(warning) }
                } catch {
                    diagnostics.append(contentsOf: error)
                }
            }
            do throws(DiagnosticList) {
                for warning in try compiler.compile(rule).warnings { diagnostics.append(warning) }
            } catch { diagnostics.append(contentsOf: error) }
            // A name another rule declares too: a bare --param would be ambiguous.
            for param in rule.params {
                if let first = declared[param.name], first.rule != rule.id {
                    diagnostics.append(Diagnostic(
                        .warning, .parameterShared(param.name, rule: rule.id, other: first.rule),
                        at: param.location, related: [.init(.declaredHere, location: first.param.location)]))
                }
            }
        }
        // Profiles, against every loaded rule; each compiled with its values, as a run would.
        if let calendar {
            let set = RuleSet(schema: schema, calendar: calendar, packs: packs)
            let (_, problems, clean) = set.profiles(profileDocuments)
            diagnostics.append(contentsOf: problems)
            for profile in clean {
                do throws(DiagnosticList) { _ = try set.compile(RuleConfiguration(profiles: [profile], params: [:])) } catch {
                    diagnostics.append(.error(.profileRejected(profile.name, error.sorted.map(\.wording)), at: profile.location))
                }
            }
        }
        // Waivers name any loaded rule.
        let known = packs.flatMap(\.rules).map(\.id)
        for document in waiverDocuments {
            let (waivers, problems) = WaiverFile.loadLeniently(document, knownRules: known)
            diagnostics.append(contentsOf: problems)
            if let asOf {
                for w in waivers where !w.isValid(on: asOf) {
                    diagnostics.append(Diagnostic(.warning, .waiverExpired(w.rule, on: "\(w.expires)"), at: w.location))
                }
            }
        }
        return Result(diagnostics: diagnostics, unreadable: !unreadable.isEmpty,
                      ruleCount: given.reduce(0) { $0 + $1.rules.count }, fileCount: files.count)
    }
}
