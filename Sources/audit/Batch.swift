import AuditApp
import AuditBatch
import AuditCore
import ArgumentParser
import Foundation

extension Audit {
    /// `audit batch PATH... --out DIR`: every report below the paths, scored in parallel.
    struct Batch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score every *.yaml/*.yml report below the paths and write the batch outputs to a folder.",
            discussion: """
                Writes results.jsonl, outlets.csv, branches.csv, rules.csv, errors.jsonl, dashboard.html, \
                actions.csv and actions.jsonl (corrective actions, each with its due date); \
                they replace the previous set as a whole or not at all (the folder must hold nothing else). Ends with 'scored S, errors E, total T'. Exit 0 when all were scored \
                and none breaches --fail-on, 1 when some breach, 2 when an input could not be scored.
                """)

        @Argument(help: ArgumentHelp("Folders or report files.", valueName: "path"), completion: .file(extensions: ["yaml", "yml"]))
        var paths: [String]
        @Option(help: ArgumentHelp("Output folder (created when missing).", valueName: "dir"), completion: .directory) var out: String
        @Option(help: "Reports scored in parallel (default: the number of cores).") var jobs: Int?
        @OptionGroup var ruleOptions: RuleOptions
        @OptionGroup var judgement: JudgementOptions

        func validate() throws {
            if out.isEmpty { throw usageError(.emptyOutputFolder) }
            if let jobs, jobs < 1 || jobs > 256 { throw usageError(.jobsRange) }
        }

        func run() throws {
            // First of all: a signal that comes while the rules load must stop the run too.
            BatchRunner.installInterruptHandler()
            let setup = try Outcome.perform { () throws(AppError) in try Setup.load(ruleOptions.request(waivers: judgement.waivers)) }
            let options = BatchRunner.Options(
                outDirectory: out, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                limits: setup.request.limits, failOn: judgement.failOn.severity,
                output: setup.outputOptions(language: judgement.language), progress: Console.stderrIsTerminal)
            let outcome = try Outcome.perform { () throws(AppError) in
                do throws(BatchError) {
                    return try BatchRunner(auditor: setup.auditor(asOf: judgement.asOf), ruleSet: setup.ruleSet, options: options).run(paths)
                } catch {
                    throw .failure(error.message)
                }
            }
            let s = outcome.summary
            if outcome.interrupted {
                Console.error(Message.batchInterrupted(scored: s.scored, errors: s.errors, total: s.total).text(judgement.language) + "\n")
            } else {
                Console.out(Message.batchDone(scored: s.scored, errors: s.errors, total: s.total).text(judgement.language) + "\n")
            }
            try Outcome.exit(outcome.exitStatus)
        }
    }
}
