import AuditCore
import AuditEngine
import AuditRules
import AuditYAML
import ArgumentParser

extension Audit {
    /// `audit lint [PATH...]`: load, check and compile rule files; report every problem.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate rule packs, the report schema and the calendar (default: the shipped rules).")

        @Argument(help: ArgumentHelp("Rule files or folders.", valueName: "path"))
        var paths: [String] = []

        @Option(help: ArgumentHelp("Largest input file accepted, in bytes.", valueName: "bytes"))
        var maxFileSize: Int = 8 * 1024 * 1024

        func run() throws {
            let limits = YAMLLimits(maxFileSize: maxFileSize)
            let files: [RuleSet.SourceFile]
            do throws(DiagnosticList) {
                files = try RuleOptions.sourceFiles(paths, limit: maxFileSize)
            } catch {
                Console.error(DiagnosticRenderer.render(error) { _ in nil })
                throw ExitCode(2)
            }
            do throws(DiagnosticList) {
                let set = try RuleSet.load(files, limits: limits)
                _ = try set.compile()
                Console.out("\(set.definitions.count) rules in \(set.packs.count) packs: no problems\n")
            } catch {
                let texts = Dictionary(files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) }) { a, _ in a }
                Console.out(DiagnosticRenderer.render(error) { texts[$0] ?? bundledText($0) })
                throw ExitCode(1)
            }
        }
    }

    /// `audit test [PATH...]`: run every rule's embedded examples.
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every rule's pass and fail examples; ends with 'N passed, N failed'.")

        @Argument(help: ArgumentHelp("Rule files or folders (default: the shipped rules).", valueName: "path"))
        var paths: [String] = []

        func run() throws {
            let set: RuleSet
            let rules: [CompiledRule]
            do throws(DiagnosticList) {
                let files = try RuleOptions.sourceFiles(paths, limit: 8 * 1024 * 1024)
                set = try RuleSet.load(files)
                rules = try set.compile()
            } catch {
                Console.error(DiagnosticRenderer.render(error) { bundledText($0) })
                throw ExitCode(2)
            }
            let outcomes = ExampleRunner(ruleSet: set, rules: rules).run()
            var failed = 0
            for outcome in outcomes where !outcome.passed {
                failed += 1
                Console.out("\(outcome.example.location): \(outcome.rule): \(outcome.problem ?? "")\n")
            }
            Console.out("\(outcomes.count - failed) passed, \(failed) failed\n")
            if failed > 0 { throw ExitCode(1) }
        }
    }
}
