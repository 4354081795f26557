import AuditCalendar
import AuditCore
import AuditEngine
import AuditFormatters
import AuditRules
import AuditTesting
import AuditYAML
import ArgumentParser
import Foundation

extension Audit {
    /// `audit lint [PATH...]`: every problem in rule packs, the schema, scoring, calendar and
    /// waiver files.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate rule packs, the report schema, scoring, calendar and waiver files (default: the shipped rules).",
            discussion: "Exit 0 clean (warnings allowed), 1 errors found, 2 an input could not be read.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, sarif, github }

        @Argument(help: ArgumentHelp("Rule, schema, scoring, calendar or waiver files, or folders of them.", valueName: "path"))
        var paths: [String] = []

        @Option(help: "Output format.") var format: Format = .text

        @Option(help: ArgumentHelp("Date waivers are checked against for expiry (default: today).", valueName: "date"))
        var asOf: String?

        @Option(help: ArgumentHelp("Largest input file accepted, in bytes.", valueName: "bytes"))
        var maxFileSize: Int = 8 * 1024 * 1024

        func validate() throws {
            if let asOf, LocalDate(iso: asOf.prefix(10)) == nil { throw ValidationError("--as-of '\(asOf)' is not a date YYYY-MM-DD") }
        }

        func run() throws {
            var files: [RuleSet.SourceFile] = []
            var unreadable = DiagnosticList()
            if paths.isEmpty {
                files = RuleSet.bundledFiles
            } else {
                for path in paths {
                    for file in InputFiles.expand(path) {
                        do throws(DiagnosticList) {
                            files.append(.init(path: file, bytes: try InputFiles.read(file, limit: maxFileSize)))
                        } catch {
                            unreadable.append(contentsOf: error)
                        }
                    }
                }
            }
            if !paths.isEmpty && files.isEmpty && unreadable.isEmpty {
                Console.error("error: no *.yaml or *.yml files in \(paths.joined(separator: ", "))\n")
                throw ExitCode(2)
            }
            let today = asOf.flatMap { LocalDate(iso: $0.prefix(10)) } ?? Self.today()
            let result = AuditRules.Lint.run(files, unreadable: unreadable, asOf: today, limits: YAMLLimits(maxFileSize: maxFileSize))
            let sorted = result.diagnostics.sorted
            let errors = sorted.filter { $0.severity == .error }.count
            let warnings = sorted.filter { $0.severity == .warning }.count
            switch format {
            case .text:
                let texts = Dictionary(files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }) { a, _ in a }
                var out = DiagnosticRenderer.render(result.diagnostics) { texts[$0] ?? bundledText($0) }
                out += "\(result.ruleCount) rules in \(files.count) files: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n"
                Console.out(out)
            case .json: Console.out(DiagnosticFormatter.json(sorted))
            case .sarif: Console.out(DiagnosticFormatter.sarif(sorted, toolVersion: Audit.configuration.version))
            case .github: Console.out(DiagnosticFormatter.github(sorted))
            }
            if result.unreadable { throw ExitCode(2) }
            if errors > 0 { throw ExitCode(1) }
        }

        static func today() -> LocalDate {
            // Expiry is a matter of dates in China's time zone (UTC+8), like everything here.
            let seconds = Int64(Date().timeIntervalSince1970)
            return Timestamp(seconds: seconds).localDate(offsetSeconds: 8 * 3600)
        }
    }

    /// `audit test [PATH...]`: run every rule's embedded examples and every fixture expectation.
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every rule's pass and fail examples and every fixture expectation (*.expect.yaml); ends with 'N passed, N failed'.",
            discussion: "Paths may be rule files, *.expect.yaml files, or folders of either. Without paths: the shipped rules.")

        enum Format: String, ExpressibleByArgument, CaseIterable { case text, junit }

        @Argument(help: ArgumentHelp("Rule files, expectation files, or folders.", valueName: "path"))
        var paths: [String] = []

        @Option(help: "Output format.") var format: Format = .text

        func run() throws {
            var ruleFiles: [RuleSet.SourceFile] = []
            var expectations: [String] = []
            var unreadable = DiagnosticList()
            for path in paths {
                for file in InputFiles.expand(path) {
                    if file.hasSuffix(FixtureExpectation.suffix) {
                        expectations.append(file)
                        continue
                    }
                    // A fixture report beside its expectation is not a rule file.
                    if InputFiles.exists(String(file.dropLast(file.hasSuffix(".yml") ? 4 : 5)) + FixtureExpectation.suffix) { continue }
                    do throws(DiagnosticList) {
                        let bytes = try InputFiles.read(file, limit: 8 * 1024 * 1024)
                        // Inspection reports in a fixtures folder are not rule files.
                        if RuleSet.isInspectionReport(bytes) { continue }
                        ruleFiles.append(.init(path: file, bytes: bytes))
                    } catch {
                        unreadable.append(contentsOf: error)
                    }
                }
            }
            if !unreadable.isEmpty {
                Console.error(DiagnosticRenderer.render(unreadable) { _ in nil })
                throw ExitCode(2)
            }
            if !paths.isEmpty && ruleFiles.isEmpty && expectations.isEmpty {
                // Never fall back to the shipped rules when the user named something else.
                Console.error("error: no rule files or *.expect.yaml files in \(paths.joined(separator: ", "))\n")
                throw ExitCode(2)
            }
            let set: RuleSet
            let rules: [CompiledRule]
            do throws(DiagnosticList) {
                set = try RuleSet.load(ruleFiles.isEmpty ? RuleSet.bundledFiles : ruleFiles)
                rules = try set.compile()
            } catch {
                let texts = Dictionary(ruleFiles.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }) { a, _ in a }
                Console.error(DiagnosticRenderer.render(error) { texts[$0] ?? bundledText($0) })
                throw ExitCode(2)
            }
            let examples = ExampleRunner(ruleSet: set, rules: rules).run()
            let fixtures = expectations.sorted().map { FixtureExpectation.check($0, ruleSet: set, rules: rules) }
            let failed = examples.filter { !$0.passed }.count + fixtures.filter { !$0.passed }.count
            let total = examples.count + fixtures.count
            switch format {
            case .text:
                var out = ""
                for e in examples where !e.passed {
                    out += "\(e.example.location): \(e.rule): \(e.problem ?? "")\n"
                }
                for f in fixtures where !f.passed {
                    for problem in f.problems { out += "\(f.file): \(problem)\n" }
                }
                out += "\(total - failed) passed, \(failed) failed\n"
                Console.out(out)
            case .junit:
                Console.out(TestReportFormatter.junit(examples: examples, fixtures: fixtures))
            }
            if failed > 0 { throw ExitCode(1) }
        }
    }
}
