import AuditBatch
import AuditCalendar
import AuditCore
import AuditEngine
import AuditFormatters
import AuditRules
import AuditYAML
import ArgumentParser
import Foundation

extension Audit {
    /// `audit batch PATH... --out DIR`: every report below the paths, scored in parallel.
    struct Batch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score every *.yaml/*.yml report below the paths and write the batch outputs to a folder.",
            discussion: """
                Writes results.jsonl, outlets.csv, branches.csv, rules.csv, errors.jsonl and dashboard.html, \
                each whole or not at all. Ends with 'scored S, errors E, total T'. Exit 0 when all were scored \
                and none breaches --fail-on, 1 when some breach, 2 when an input could not be scored.
                """)

        @Argument(help: ArgumentHelp("Folders or report files.", valueName: "path")) var paths: [String]
        @Option(help: ArgumentHelp("Output folder (created when missing).", valueName: "dir")) var out: String
        @Option(help: "Reports scored in parallel (default: the number of cores).") var jobs: Int?
        @OptionGroup var ruleOptions: RuleOptions
        @Option(help: ArgumentHelp("Evaluation time for open cases and waiver expiry (default: each report's inspected_at).", valueName: "timestamp"))
        var asOf: String?
        @Option(help: "Message language (default: from LANG).") var lang: LanguageOption?
        @Option(help: "Count a report as breaching when it has a failure at or above this severity.") var failOn: FailOn = .critical
        @Option(help: ArgumentHelp("Approved exceptions (rule, outlet, item, reason, approved_by, expires).", valueName: "file"))
        var waivers: String?

        func validate() throws {
            if let jobs, jobs < 1 || jobs > 256 { throw ValidationError("--jobs must be between 1 and 256") }
            if let asOf, case .failure(let reason) = Timestamp.parse(asOf, localOffsetSeconds: 8 * 3600) {
                throw ValidationError("--as-of '\(asOf)': \(reason)")
            }
        }

        func run() throws {
            let loaded = try loadRules(ruleOptions)
            let (set, rules) = (loaded.set, loaded.rules)
            var waiverList: [Waiver] = []
            if let waivers {
                do throws(DiagnosticList) {
                    let document = try YAMLLoader.load(path: waivers, limits: ruleOptions.limits)
                    waiverList = try WaiverFile.load(document, knownRules: set.definitions.map(\.id))
                } catch {
                    Console.error(DiagnosticRenderer.render(error) { InputFiles.text($0, limit: ruleOptions.maxFileSize) })
                    throw ExitCode(2)
                }
            }
            var asOfTime: Timestamp?
            if let asOf, case .success(let t) = Timestamp.parse(asOf, localOffsetSeconds: 8 * 3600) { asOfTime = t }
            let language = lang.map { Language(rawValue: $0.rawValue) ?? .en } ?? LanguageOption.fromEnvironment
            let auditor = Auditor(rules: rules, context: EvaluationContext(calendar: set.calendar, asOf: asOfTime), scoring: set.scoring, waivers: waiverList)
            let output = OutputOptions(language: language, packs: set.packs, params: loaded.overrides, rulesDigest: loaded.digest)
            let options = BatchRunner.Options(
                outDirectory: out, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                limits: ruleOptions.limits, failOn: failOn.severity, output: output, progress: isatty(2) == 1)
            let handlers = BatchRunner.installInterruptHandler()
            defer { handlers.forEach { $0.cancel() } }
            let outcome: BatchRunner.Outcome
            do throws(BatchError) {
                outcome = try BatchRunner(auditor: auditor, ruleSet: set, options: options).run(paths)
            } catch {
                Console.error("error: \(error)\n")
                throw ExitCode(2)
            }
            let s = outcome.summary
            if outcome.interrupted {
                Console.error("interrupted: no output written (scored \(s.scored), errors \(s.errors) of \(s.total) before the stop)\n")
                throw ExitCode(130)
            }
            Console.out("scored \(s.scored), errors \(s.errors), total \(s.total)\n")
            if s.errors > 0 || outcome.evaluationErrors { throw ExitCode(2) }
            if outcome.breached { throw ExitCode(1) }
        }
    }
}
