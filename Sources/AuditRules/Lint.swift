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

    /// `files` as given; `asOf` dates waiver expiry (nil: no expiry check).
    public static func run(_ files: [RuleSet.SourceFile], unreadable: DiagnosticList, asOf: LocalDate?, limits: YAMLLimits = .init()) -> Result {
        var diagnostics = unreadable
        var documents: [YAMLDocument] = []
        for file in files {
            do throws(DiagnosticList) {
                documents.append(try YAMLLoader.load(bytes: file.bytes, file: file.path, limits: limits))
            } catch {
                diagnostics.append(contentsOf: error)
            }
        }
        // The schema to check against: the given one if it loads, else the shipped one.
        var given: ReportSchema?
        for document in documents where RuleFileKind(document) == .schema {
            do throws(DiagnosticList) { given = try ReportSchema.load(document) } catch { diagnostics.append(contentsOf: error) }
        }
        var shipped: RuleSet?
        do throws(DiagnosticList) { shipped = try RuleSet.load(RuleSet.bundledFiles) } catch { diagnostics.append(contentsOf: error) }
        guard let base = given ?? shipped?.schema else {
            return Result(diagnostics: diagnostics, unreadable: !unreadable.isEmpty, ruleCount: 0, fileCount: files.count)
        }
        let extensions = documents.filter { RuleFileKind($0) == .schemaExtension }
        let schema = SchemaExtensions.apply(extensions, to: base, diagnostics: &diagnostics)
        var packs: [RulePack] = []
        var waiverDocuments: [YAMLDocument] = []
        for document in documents {
            switch RuleFileKind(document) {
            case .schema, .schemaExtension: continue
            case .calendar:
                do throws(DiagnosticList) { _ = try CalendarFile.load(document) } catch { diagnostics.append(contentsOf: error) }
            case .scoring:
                do throws(DiagnosticList) {
                    diagnostics.append(contentsOf: try ScoringSettings.load(document).check(against: schema))
                } catch { diagnostics.append(contentsOf: error) }
            case .pack:
                let (pack, problems) = RulePack.parseLeniently(document)
                diagnostics.append(contentsOf: problems)
                packs.append(pack)
            case .waivers:
                waiverDocuments.append(document)
            case .report:
                diagnostics.append(.error(.reportNotRuleFile,
                                          at: SourceLocation(file: document.file, mark: document.root.mark)))
            case .unknown:
                diagnostics.append(.error(
                    .notALintableFile(found: RuleFileKind(document).firstKey),
                    at: SourceLocation(file: document.file, mark: document.root.mark)))
            }
        }
        for duplicate in RuleSet.duplicateIds(packs) { diagnostics.append(duplicate) }
        // Expressions, against the schema.
        let compiler = RuleCompiler(schema: schema)
        var declared: [String: RuleParameter] = [:]
        let validator = ReportValidator(schema: schema)
        for rule in packs.flatMap(\.rules) {
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
            for param in rule.params {
                if let first = declared[param.name], first.type != param.type {
                    diagnostics.append(Diagnostic(
                        .warning, .parameterTypeDiffers(param.name, "\(param.type)", other: "\(first.type)"),
                        at: param.location, related: [.init(.declaredHere, location: first.location)]))
                } else if declared[param.name] == nil {
                    declared[param.name] = param
                }
            }
        }
        // Waivers name rules of the given packs, or of the shipped ones when none are given.
        let known = packs.isEmpty ? (shipped?.definitions.map(\.id) ?? []) : packs.flatMap(\.rules).map(\.id)
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
                      ruleCount: packs.reduce(0) { $0 + $1.rules.count }, fileCount: files.count)
    }
}
