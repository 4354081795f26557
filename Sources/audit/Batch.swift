import AuditApp
import AuditBatch
import AuditCore
import ArgumentParser
import FoundationEssentials  // ProcessInfo: not Foundation, which would link ICU

extension Audit {
    /// `audit batch PATH... --out DIR`: every report below the paths, scored in parallel.
    struct Batch: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Score every *.yaml/*.yml report below the paths and write the batch outputs to a folder.",
            discussion: """
                Writes results.jsonl, outlets.csv, branches.csv, rules.csv, errors.jsonl, dashboard.html, \
                actions.csv and actions.jsonl (corrective actions, each with its due date), and with --previous trends.jsonl; \
                they replace the previous set as a whole or not at all (the folder must hold nothing else). Of reports with one outlet id the \
                latest inspection counts; the others are listed in errors.jsonl as superseded (and left out of every other file). \
                Ends with 'scored S, errors E, total T', \
                then the files that could not be scored (the first 10), the superseded ones, and where the outputs are. Exit 0 when all were scored \
                and none breaches --fail-on, 1 when some breach, 2 when an input could not be scored.
                """)

        @Argument(help: ArgumentHelp("Folders or report files.", valueName: "path"), completion: .file(extensions: ["yaml", "yml"]))
        var paths: [String]
        @Option(help: ArgumentHelp("Output folder (created when missing).", valueName: "dir"), completion: .directory) var out: String
        @Option(help: "Reports scored in parallel (default: the number of cores).") var jobs: Int?
        @Option(help: ArgumentHelp("A YAML list of branch names: the order of branches.csv and the dashboard (others follow, by mean score).",
                                   valueName: "file"), completion: .file(extensions: ["yaml", "yml"]))
        var branches: String?
        @Option(help: ArgumentHelp("Leave out files found under a folder whose name or path below it matches (repeatable; '*.expect.yaml').",
                                   valueName: "glob"))
        var exclude: [String] = []
        @Option(help: ArgumentHelp("A previous batch's output folder: compare with that round (trends, closed and overdue actions).",
                                   valueName: "dir"), completion: .directory)
        var previous: String?
        @OptionGroup var ruleOptions: RuleOptions
        @OptionGroup var judgement: JudgementOptions

        /// What follows the accounting line: the unreadable files (the first ten, with their
        /// message, then how many more), the superseded reports, what --exclude left out, and
        /// where the outputs are.
        static func details(_ outcome: BatchRunner.Outcome, language: Language) -> String {
            var out = ""
            func line(_ message: Message) { out += message.text(language) + "\n" }
            if outcome.unreadableCount > 0 {
                line(.batchUnreadable(outcome.unreadableCount))
                for file in outcome.unreadable { out += "  \(file.path)\(language == .zh ? "：" : ": ")\(file.message)\n" }
                if outcome.unreadableCount > outcome.unreadable.count {
                    line(.batchMore(outcome.unreadableCount - outcome.unreadable.count))
                }
            }
            if !outcome.superseded.isEmpty {
                line(.batchSuperseded(outcome.superseded.count))
                for file in outcome.superseded.prefix(BatchRunner.shownUnreadable) {
                    out += "  " + Message.batchSupersededBy(file.path, file.by).text(language) + "\n"
                }
                if outcome.superseded.count > BatchRunner.shownUnreadable {
                    line(.batchMore(outcome.superseded.count - BatchRunner.shownUnreadable))
                }
            }
            if outcome.excluded > 0 { line(.batchExcluded(outcome.excluded)) }
            if let round = outcome.summary.round {
                line(.batchTrends(round.folder, matched: round.matched, new: round.new.count, gone: round.gone.count))
            }
            var folder = outcome.outputFolder
            while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
            line(.batchOutputs(folder, dashboard: (folder == "/" ? "" : folder) + "/dashboard.html"))
            return out
        }

        func validate() throws {
            if out.isEmpty { throw usageError(.emptyOutputFolder) }
            if let jobs, jobs < 1 || jobs > 256 { throw usageError(.jobsRange) }
        }

        func run() throws {
            // First of all: a signal that comes while the rules load must stop the run too.
            BatchRunner.installInterruptHandler()
            let setup = try Outcome.perform { () throws(AppError) in try Setup.load(ruleOptions.request(waivers: judgement.waivers)) }
            var order: [String]?
            if let branches {
                order = try Outcome.perform { () throws(AppError) in
                    do throws(DiagnosticList) {
                        return try BranchOrder.load(path: branches, limits: setup.request.limits).names
                    } catch {
                        throw .invalid(error, SourceTexts(limit: setup.request.limits.maxFileSize))
                    }
                }
            }
            var previousRound: PreviousRound.Reading?
            if let previous {
                previousRound = try Outcome.perform { () throws(AppError) in
                    do throws(DiagnosticList) {
                        return try PreviousRound.Reading(folder: previous, rules: setup.ruleSet)
                    } catch {
                        throw .invalid(error, SourceTexts(limit: setup.request.limits.maxFileSize))
                    }
                }
            }
            var options = BatchRunner.Options(
                outDirectory: out, jobs: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                limits: setup.request.limits, failOn: judgement.failOn.severity,
                output: setup.outputOptions(language: judgement.language), progress: Console.stderrIsTerminal)
            options.branchOrder = order
            options.exclude = exclude
            options.previous = previousRound
            let outcome = try Outcome.perform { () throws(AppError) in
                do throws(BatchError) {
                    return try BatchRunner(auditor: setup.auditor(asOf: judgement.asOf), ruleSet: setup.ruleSet, options: options).run(paths)
                } catch {
                    if let diagnostics = error.diagnostics { throw .invalid(diagnostics, SourceTexts(limit: setup.request.limits.maxFileSize)) }
                    throw .failure(error.message)
                }
            }
            let s = outcome.summary
            if outcome.interrupted {
                Console.error(Message.batchInterrupted(scored: s.scored, errors: s.errors, total: s.total).text(judgement.language) + "\n")
            } else {
                Console.out(Message.batchDone(scored: s.scored, errors: s.errors, total: s.total).text(judgement.language) + "\n")
                Console.out(Self.details(outcome, language: judgement.language))
            }
            try Outcome.exit(outcome.exitStatus)
        }
    }
}
