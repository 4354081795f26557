#if canImport(Glibc)
import Glibc
#endif
import AuditCore
import AuditEngine
import AuditFormatters
import AuditReport
import AuditRules
import AuditYAML
import Dispatch
import Synchronization

/// Set by SIGINT/SIGTERM; workers and the writer stop at the next report.
let interruption = Atomic<Bool>(false)

/// Scores many reports in parallel and writes the batch outputs (`cli.md`, Batch outputs).
///
/// Workers take reports in input order from a shared counter; a writer takes their results
/// back in input order through a small reorder window and streams them to disk, so output
/// bytes do not depend on `jobs` and memory does not grow with the number of reports.
public struct BatchRunner: Sendable {
    public struct Options: Sendable {
        public var outDirectory: String
        public var jobs: Int
        public var limits: YAMLLimits
        public var failOn: Severity?
        public var output: OutputOptions
        /// Print done/total, rate and ETA on stderr (only when it is a terminal).
        public var progress: Bool

        public init(outDirectory: String, jobs: Int, limits: YAMLLimits, failOn: Severity?, output: OutputOptions, progress: Bool) {
            self.outDirectory = outDirectory
            self.jobs = jobs
            self.limits = limits
            self.failOn = failOn
            self.output = output
            self.progress = progress
        }
    }

    public struct Outcome: Sendable {
        public var summary: BatchSummary
        /// A report has a fail at or above `--fail-on`.
        public var breached: Bool
        /// A report has a rule evaluation `error`.
        public var evaluationErrors: Bool
        public var interrupted: Bool
    }

    /// Each report's rules: the profiles that select it applied.
    public let auditor: ProfiledAuditor
    public let validator: ReportValidator
    public let ruleSet: RuleSet
    public let options: Options

    public init(auditor: ProfiledAuditor, ruleSet: RuleSet, options: Options) {
        self.auditor = auditor
        self.validator = ReportValidator(schema: ruleSet.schema)
        self.ruleSet = ruleSet
        self.options = options
    }

    // MARK: - One report

    /// What a worker hands the writer for one input.
    enum Item: Sendable {
        case scored(json: String, row: OutletRow, counts: [Int32], breached: Bool, hasErrors: Bool)
        case failed(json: String)
    }

    static let statusSlots: [Status] = [.pass, .fail, .notAssessed, .waived, .notDue, .error, .notApplicable]

    /// Each rule's place in the tallies: by definition (one pointer, the common case), else
    /// by id (a profile's re-rated rule is another definition of the same rule).
    struct RuleIndex: Sendable {
        private var byDefinition: [ObjectIdentifier: Int] = [:]
        private var byId: [String: Int] = [:]
        let count: Int

        init(_ rules: [CompiledRule]) {
            for (i, rule) in rules.enumerated() {
                byDefinition[ObjectIdentifier(rule.definition)] = i
                byId[rule.id] = i
            }
            count = rules.count
        }

        func index(of rule: RuleDefinition) -> Int? { byDefinition[ObjectIdentifier(rule)] ?? byId[rule.id] }
    }

    func score(_ path: String, ruleIndex: RuleIndex) -> Item {
        let result: AuditResult
        do throws(DiagnosticList) {
            let bytes = try YAMLLoader.readFile(path: path, limits: options.limits)
            let report = try validator.validate(try YAMLLoader.load(bytes: bytes, file: path, limits: options.limits))
            result = try auditor.audit(report).get()
        } catch {
            return .failed(json: Self.errorLine(path: path, error.sorted.first, more: error.diagnostics.count - 1 + error.dropped))
        }
        var counts = [Int32](repeating: 0, count: ruleIndex.count * Self.statusSlots.count)
        var failingRules: [String] = []
        var fails: FailCounts = [:]
        for finding in result.findings {
            guard let index = ruleIndex.index(of: finding.rule),
                  let slot = Self.statusSlots.firstIndex(of: finding.status) else { continue }
            counts[index * Self.statusSlots.count + slot] += 1
            if finding.status == .fail {
                fails[finding.rule.severity] = (fails[finding.rule.severity] ?? 0) + 1
                if failingRules.last != finding.rule.id { failingRules.append(finding.rule.id) }
            }
        }
        let score = result.score
        let row = OutletRow(
            path: path, branch: result.text("outlet.branch") ?? "", outletId: result.text("outlet.id") ?? "",
            name: result.text("outlet.name") ?? "", type: result.text("outlet.type") ?? "",
            tierClaimed: result.tier.claimed?.rawValue ?? "none", tierQualified: result.tier.qualifies?.rawValue ?? "none",
            score: score.total.map { Double(JSON.format($0, decimals: 1)) ?? $0 }, grade: score.grade?.id,
            gradeLabel: score.grade?.label, provisional: score.provisional, redLine: score.redLine, fails: fails,
            coverage: score.coverage, failingRules: failingRules)
        let breached = options.failOn.map { result.fails(atOrAbove: $0) } ?? false
        let json = JSONFormatter.object(result, options.output, compact: true).serialized() + "\n"
        return .scored(json: json, row: row, counts: counts, breached: breached, hasErrors: result.hasErrors)
    }

    static func errorLine(path: String, _ diagnostic: Diagnostic?, more: Int) -> String {
        var reason = diagnostic?.message ?? "cannot be read"
        if more > 0 { reason += " (and \(more) more)" }
        var location: JSON = .null
        if let d = diagnostic {
            location = .object([
                ("file", .string(d.location.file)),
                ("line", d.location.line.map { .int($0) } ?? .null),
                ("column", d.location.column.map { .int($0) } ?? .null),
            ])
        }
        return JSON.object([("path", .string(path)), ("reason", .string(reason)), ("location", location)]).serialized() + "\n"
    }

    // MARK: - The run

    public func run(_ paths: [String]) throws(BatchError) -> Outcome {
        let inputs = Self.inputs(paths)
        let outputs = try BatchOutputs(directory: options.outDirectory, makeDirectory: makeDirectory)
        outputs.outlets.write(CSV.byteOrderMark + CSV.row(BatchCSV.outletHeader))
        let rules = auditorRulesInOrder()
        let ruleIndex = RuleIndex(rules)

        let jobs = max(1, options.jobs)
        let workers = Workers(jobs: jobs)
        workers.start(inputs, runner: self, ruleIndex: ruleIndex)
        var tally = Tally(slots: rules.count * Self.statusSlots.count, expected: inputs.count)
        write(inputs.count, from: workers, into: &tally, outputs)
        if interruption.load(ordering: .relaxed) {
            // Workers may be waiting for a window slot the writer will no longer free.
            for _ in 0..<jobs { workers.window.signal() }
        }
        workers.group.wait()

        if interruption.load(ordering: .relaxed) {
            outputs.discard()
            return Outcome(summary: summary(rows: [], branchFailing: [:], rules: rules, totals: tally.totals, scored: tally.scored,
                                            errors: tally.failed, total: inputs.count),
                           breached: tally.breached, evaluationErrors: tally.evaluationErrors, interrupted: true)
        }
        let summary = summary(rows: tally.rows, branchFailing: tally.branchFailing, rules: rules, totals: tally.totals,
                              scored: tally.scored, errors: tally.failed, total: inputs.count)
        try outputs.finish(summary, language: options.output.language)
        return Outcome(summary: summary, breached: tally.breached, evaluationErrors: tally.evaluationErrors, interrupted: false)
    }

    /// Every input in one order: the files found and the paths that cannot be inputs, by path.
    static func inputs(_ paths: [String]) -> [(path: String, problem: Message?)] {
        let found = YAMLFiles.find(paths)
        var all: [(path: String, problem: Message?)] = found.files.map { ($0, nil) }
        all += found.problems.map { ($0.path, $0.reason) }
        all.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        return all
    }

    /// The writer: results in input order, as they complete, streamed to the outputs and
    /// tallied; progress on stderr when asked.
    private func write(_ count: Int, from workers: Workers, into tally: inout Tally, _ outputs: BatchOutputs) {
        let clock = ContinuousClock()
        let start = clock.now
        var lastProgress = start
        var written = 0
        while written < count {
            if interruption.load(ordering: .relaxed) { break }
            if workers.ready.wait(timeout: .now() + .milliseconds(200)) == .timedOut { continue }
            while written < count, let item = workers.done.withLock({ $0.removeValue(forKey: written) }) {
                tally.add(item, outputs)
                written += 1
                workers.window.signal()
            }
            if options.progress, clock.now - lastProgress > .milliseconds(200) {
                lastProgress = clock.now
                Self.showProgress(done: written, total: count, elapsed: clock.now - start)
            }
        }
        if options.progress { Self.showProgress(done: written, total: count, elapsed: clock.now - start, final: true) }
    }

    /// The rules in the order the auditor runs them (derived ones last), for the tallies.
    func auditorRulesInOrder() -> [CompiledRule] {
        auditor.base.rules.filter { !$0.isDerived } + auditor.base.rules.filter(\.isDerived)
    }

    func makeDirectory(_ path: String) throws(BatchError) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw BatchError("\(path): cannot create the output folder: \(String(cString: strerror(errno)))")
            }
        }
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw BatchError("\(path): not a folder")
        }
    }

    static func showProgress(done: Int, total: Int, elapsed: Duration, final: Bool = false) {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Double(done) / seconds : 0
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let line = "\r\(done)/\(total)  \(JSON.format(rate, decimals: 0)) reports/s  ETA \(JSON.format(eta, decimals: 0)) s   "
        var bytes = Array((line + (final ? "\n" : "")).utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }

    // MARK: - Aggregates

    func summary(
        rows: [OutletRow], branchFailing: [String: [String: Int]], rules: [CompiledRule], totals: [Int64], scored: Int, errors: Int,
        total: Int
    ) -> BatchSummary {
        let slots = Self.statusSlots.count
        let tallies: [RuleTally] = rules.enumerated().map { i, rule in
            func n(_ status: Status) -> Int { Int(totals[i * slots + (Self.statusSlots.firstIndex(of: status) ?? 0)]) }
            var t = RuleTally(rule: rule.id, section: rule.definition.section, severity: rule.definition.severity, title: rule.definition.title)
            t.pass = n(.pass); t.fail = n(.fail); t.notAssessed = n(.notAssessed); t.waived = n(.waived)
            t.notDue = n(.notDue); t.error = n(.error)
            t.applicable = t.pass + t.fail + t.notAssessed + t.waived + t.notDue + t.error
            return t
        }.sorted { $0.rule < $1.rule }
        var byBranch: [String: [OutletRow]] = [:]
        for row in rows { byBranch[row.branch, default: []].append(row) }
        let gradeIds = ruleSet.scoring.grades.map(\.id)
        let branches: [BranchSummary] = byBranch.keys.sorted().map { branch in
            let members = byBranch[branch] ?? []
            let scores = members.compactMap(\.score).sorted()
            let mean = scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
            let median: Double? = scores.isEmpty ? nil
                : (scores.count % 2 == 1 ? scores[scores.count / 2] : (scores[scores.count / 2 - 1] + scores[scores.count / 2]) / 2)
            var grades = gradeIds.map { id in (grade: id, count: members.filter { $0.grade == id }.count) }
            grades.append((grade: "", count: members.filter { $0.grade == nil }.count))
            let failing = branchFailing[branch] ?? [:]
            let top = failing.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(3)
            return BranchSummary(
                branch: branch, reports: members.count, scored: scores.count, mean: mean, median: median, min: scores.first,
                grades: grades, redLines: members.filter { $0.redLine != nil }.count,
                topFailing: top.map { (rule: $0.key, reports: $0.value) })
        }
        return BatchSummary(scored: scored, errors: errors, total: total, outlets: rows, branches: branches, rules: tallies,
                            grades: ruleSet.scoring.grades, rulesDigest: options.output.rulesDigest)
    }
}

/// The six batch outputs, each written to a temporary file and renamed into place only when
/// all are complete: whole or not at all.
private struct BatchOutputs {
    static let names = ["results.jsonl", "outlets.csv", "branches.csv", "rules.csv", "errors.jsonl", "dashboard.html"]
    let files: [String: AtomicFile]

    init(directory: String, makeDirectory: (String) throws(BatchError) -> Void) throws(BatchError) {
        try makeDirectory(directory)
        var files: [String: AtomicFile] = [:]
        do throws(AtomicFile.WriteError) {
            for name in Self.names { files[name] = try AtomicFile(path: directory + "/" + name) }
        } catch {
            files.values.forEach { $0.discard() }
            throw BatchError(error.description)
        }
        self.files = files
    }

    var results: AtomicFile { files["results.jsonl"]! }
    var outlets: AtomicFile { files["outlets.csv"]! }
    var errors: AtomicFile { files["errors.jsonl"]! }

    func discard() { files.values.forEach { $0.discard() } }

    /// Writes the aggregates, then closes and renames every file.
    func finish(_ summary: BatchSummary, language: Language) throws(BatchError) {
        files["branches.csv"]!.write(CSV.byteOrderMark + BatchCSV.branches(summary))
        files["rules.csv"]!.write(CSV.byteOrderMark + BatchCSV.rules(summary))
        let dashboard = files["dashboard.html"]!
        Dashboard.write(summary, language: language) { dashboard.write($0) }
        do throws(AtomicFile.WriteError) {
            for name in Self.names { try files[name]!.close() }
            for name in Self.names { try files[name]!.commit() }
        } catch {
            discard()
            throw BatchError(error.description)
        }
    }
}

/// The workers: they take reports in input order from a shared counter and leave their
/// results in `done`; `window` bounds how far they run ahead of the writer.
private final class Workers: Sendable {
    let jobs: Int
    let window = DispatchSemaphore(value: 0)
    let ready = DispatchSemaphore(value: 0)
    let next = Atomic<Int>(0)
    let done = Mutex<[Int: BatchRunner.Item]>([:])
    let group = DispatchGroup()

    init(jobs: Int) {
        self.jobs = jobs
        // Created at 0 and raised: libdispatch traps when a semaphore is freed below its
        // initial value, which an interrupted run would do.
        for _ in 0..<(jobs * 8) { window.signal() }
    }

    func start(_ work: [(path: String, problem: Message?)], runner: BatchRunner, ruleIndex: BatchRunner.RuleIndex) {
        let count = work.count
        for _ in 0..<jobs {
            DispatchQueue.global().async(group: group) { [self] in
                while true {
                    window.wait()
                    let i = next.add(1, ordering: .relaxed).oldValue
                    if i >= count || interruption.load(ordering: .relaxed) {
                        window.signal()
                        break
                    }
                    let item: BatchRunner.Item
                    if let problem = work[i].problem {
                        item = .failed(json: BatchRunner.errorLine(path: work[i].path, Diagnostic.error(problem, at: SourceLocation(file: work[i].path)), more: 0))
                    } else {
                        item = runner.score(work[i].path, ruleIndex: ruleIndex)
                    }
                    done.withLock { $0[i] = item }
                    ready.signal()
                }
            }
        }
    }
}

/// What the writer accumulates as results arrive in input order.
private struct Tally {
    var totals: [Int64]
    var rows: [OutletRow] = []
    /// Per branch: in how many reports each rule failed — tallied as rows arrive so the rows
    /// kept for the dashboard need not carry their failing rules.
    var branchFailing: [String: [String: Int]] = [:]
    var scored = 0, failed = 0
    var breached = false, evaluationErrors = false

    init(slots: Int, expected: Int) {
        totals = [Int64](repeating: 0, count: slots)
        rows.reserveCapacity(expected)
    }

    mutating func add(_ item: BatchRunner.Item, _ outputs: BatchOutputs) {
        switch item {
        case .scored(let json, let row, let counts, let breach, let hasErrors):
            outputs.results.write(json)
            outputs.outlets.write(CSV.row(BatchCSV.outletFields(row)))
            for k in counts.indices where counts[k] != 0 { totals[k] += Int64(counts[k]) }
            var kept = row
            for rule in Set(row.failingRules) { branchFailing[row.branch, default: [:]][rule, default: 0] += 1 }
            kept.failingRules = []
            kept.gradeLabel = nil
            rows.append(kept)
            scored += 1
            breached = breached || breach
            evaluationErrors = evaluationErrors || hasErrors
        case .failed(let json):
            outputs.errors.write(json)
            failed += 1
        }
    }
}

extension BatchRunner {
    /// Routes SIGINT and SIGTERM to `interruption`, so a run stops between reports and
    /// writes nothing. A plain handler, installed at once: it only sets an atomic flag (safe in
    /// a signal handler). A dispatch signal source was used before, and a signal that came
    /// between ignoring it and the source's registration (done later, on another thread) was
    /// lost — the run then went on to the end.
    public static func installInterruptHandler() {
        var set = sigset_t()
        sigemptyset(&set)
        for number in [SIGINT, SIGTERM] {
            signal(number) { _ in interruption.store(true, ordering: .relaxed) }
            sigaddset(&set, number)
        }
        // A parent may have started us with them blocked (Foundation's Process does): then they
        // would wait, pending, until the run ends. Threads started later inherit the mask.
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}

/// A batch that cannot go on (the output folder cannot be written).
public struct BatchError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
