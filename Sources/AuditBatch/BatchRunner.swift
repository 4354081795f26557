#if canImport(Glibc)
import Glibc
#endif
import AuditCalendar
import AuditCore
import AuditEngine
import AuditFormatters
import AuditReport
import AuditRules
import AuditYAML
import Dispatch
import Synchronization

/// Set by SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2; workers and the writer stop at the next report.
let interruption = Atomic<Bool>(false)
/// Which signal stopped the run (0: none): the exit status says it (SIGTERM 143, else 130).
let interruptingSignal = Atomic<Int32>(0)

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
        /// `--branches`: branch names in the order branches.csv and the dashboard list them
        /// (branches not named follow, by mean score); nil: all by mean score.
        public var branchOrder: [String]?
        /// `--exclude`: files found under a folder whose name, or path below the folder, matches
        /// one of these globs are not inputs.
        public var exclude: [String] = []

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
        /// The signal that interrupted it (SIGINT, SIGTERM, …), when it was.
        public var signal: Int32 = 0
        /// The first unreadable inputs (up to `shownUnreadable`), with their message in the
        /// run's language; `summary.errors - superseded.count` of them in all.
        public var unreadable: [(path: String, message: String)] = []
        /// Each superseded report with the report that superseded it, in input order.
        public var superseded: [(path: String, by: String)] = []
        /// Files left out by `--exclude`.
        public var excluded = 0
        /// The output folder as given, and the dashboard's path in it.
        public var outputFolder = ""
        public var unreadableCount: Int { summary.errors - superseded.count }
    }

    /// How many unreadable inputs the outcome (and the terminal) names.
    public static let shownUnreadable = 10

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
        case scored(json: String, row: OutletRow, counts: [Int32], breached: Bool, hasErrors: Bool, actions: Actions)
        /// An input that could not be scored: its errors.jsonl line, and its message for the terminal.
        case failed(json: String, path: String, message: String)
    }

    /// A report's corrective actions, as `actions.csv` rows and `actions.jsonl` lines.
    struct Actions: Sendable {
        var csv = ""
        var jsonl = ""
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
            return Self.failure(path: path, error.sorted.first, more: error.diagnostics.count - 1 + error.dropped,
                                language: options.output.language)
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
        var full = row
        full.inspectionId = result.text("inspection.id") ?? ""
        full.inspector = result.text("inspection.inspector") ?? ""
        if case .timestamp(let time)? = result.report.value(at: "inspection.inspected_at")?.value {
            full.inspectedAt = time.formatted(offsetSeconds: result.report.utcOffsetSeconds)
            full.inspectedAtSeconds = time.seconds
        }
        if let outlet = result.report.root.schema.field(named: "outlet"), case .object(let fields) = outlet.type,
           let type = fields.field(named: "type"), case .token(let values) = type.type {
            full.typeLabel = values.labels[row.type]
        }
        let breached = options.failOn.map { result.fails(atOrAbove: $0) } ?? false
        let json = JSONFormatter.object(result, options.output, compact: true).serialized() + "\n"
        var actions = Actions()
        let language = options.output.language
        for action in ActionList.actions(result, scoring: ruleSet.scoring, calendar: ruleSet.calendar, language: language) {
            actions.csv += ActionList.csvRow(action, language)
            actions.jsonl += ActionList.jsonLine(action, language)
        }
        return .scored(json: json, row: full, counts: counts, breached: breached, hasErrors: result.hasErrors, actions: actions)
    }

    /// `{"path", "code", "message", "reason", "location"}`: `message` in the run's language,
    /// `reason` in English (as before `message` came), `code` stable for machines.
    static func errorLine(path: String, _ diagnostic: Diagnostic?, more: Int, language: Language) -> String {
        errorFields(path: path, diagnostic, more: more, language: language).line
    }

    static func failure(path: String, _ diagnostic: Diagnostic?, more: Int, language: Language) -> Item {
        let (line, message) = errorFields(path: path, diagnostic, more: more, language: language)
        return .failed(json: line, path: path, message: message)
    }

    static func errorFields(path: String, _ diagnostic: Diagnostic?, more: Int, language: Language) -> (line: String, message: String) {
        let wording = diagnostic?.wording ?? .unreadableReport
        var reason = wording.en, message = wording.text(language)
        if more > 0 {
            reason += " (and \(more) more)"
            message += language == .zh ? "（另有 \(more) 条）" : " (and \(more) more)"
        }
        var location: JSON = .null
        if let d = diagnostic {
            location = .object([
                ("file", .string(d.location.file)),
                ("line", d.location.line.map { .int($0) } ?? .null),
                ("column", d.location.column.map { .int($0) } ?? .null),
            ])
        }
        let line = JSON.object([
            ("path", .string(path)), ("code", .string(wording.code)), ("message", .string(message)),
            ("reason", .string(reason)), ("location", location),
        ]).serialized() + "\n"
        return (line, message)
    }

    // MARK: - The run

    public func run(_ paths: [String]) throws(BatchError) -> Outcome {
        let (inputs, excluded) = Self.inputs(paths, exclude: options.exclude)
        let outputs = try BatchOutputs(directory: options.outDirectory)
        let actionHeader = CSV.byteOrderMark + ActionList.csvHeader(options.output.language)
        outputs.actions.write(actionHeader)
        let rules = auditorRulesInOrder()
        let ruleIndex = RuleIndex(rules)

        let jobs = max(1, options.jobs)
        let workers = Workers(jobs: jobs)
        workers.start(inputs, runner: self, ruleIndex: ruleIndex)
        var tally = Tally(slots: rules.count * Self.statusSlots.count, expected: inputs.count)
        tally.actionRows.offset = actionHeader.utf8.count
        write(inputs.count, from: workers, into: &tally, outputs)
        if interruption.load(ordering: .relaxed) {
            // Workers may be waiting for a window slot the writer will no longer free.
            for _ in 0..<jobs { workers.window.signal() }
        }
        workers.group.wait()

        let stopped = Outcome(
            summary: summary(rows: [], branchFailing: [:], rules: rules, totals: tally.totals, scored: tally.scored,
                             errors: tally.failed, total: inputs.count),
            breached: tally.breached > 0, evaluationErrors: tally.evaluationErrors > 0, interrupted: true,
            signal: interruptingSignal.load(ordering: .relaxed))
        if interruption.load(ordering: .relaxed) {
            outputs.discard()
            return stopped
        }
        let superseded = supersede(&tally, outputs, ruleIndex: ruleIndex)
        let summary = summary(rows: tally.rows, branchFailing: tally.branchFailing, rules: rules, totals: tally.totals,
                              scored: tally.scored, errors: tally.failed, total: inputs.count)
        guard try outputs.finish(summary, language: options.output.language, dropping: superseded.dropped) else {
            var late = stopped
            late.signal = interruptingSignal.load(ordering: .relaxed)
            return late
        }
        var outcome = Outcome(summary: summary, breached: tally.breached > 0, evaluationErrors: tally.evaluationErrors > 0,
                              interrupted: false)
        outcome.unreadable = tally.unreadable
        outcome.superseded = superseded.listed.map { (path: $0.path, by: $0.by) }
        outcome.excluded = excluded
        outcome.outputFolder = options.outDirectory
        return outcome
    }

    // MARK: - One outlet inspected twice

    /// Which scored reports are superseded: of the reports with one `outlet.id`, the one
    /// inspected last (`inspection.inspected_at`; equal or missing times: the later path)
    /// counts, the others are superseded by it. Row positions, in input order.
    static func supersededRows(_ rows: [OutletRow]) -> [(loser: Int, winner: Int)] {
        var latest: [String: Int] = [:]
        for (i, row) in rows.enumerated() where !row.outletId.isEmpty {
            guard let j = latest[row.outletId] else { latest[row.outletId] = i; continue }
            // Rows come in path order: i is the later path, so it wins unless j is later in time.
            let (a, b) = (rows[j].inspectedAtSeconds ?? .min, row.inspectedAtSeconds ?? .min)
            if b >= a { latest[row.outletId] = i }
        }
        var losers: [(loser: Int, winner: Int)] = []
        for (i, row) in rows.enumerated() where !row.outletId.isEmpty {
            if let winner = latest[row.outletId], winner != i { losers.append((i, winner)) }
        }
        return losers
    }

    /// Takes the superseded reports out of the tally and lists them in errors.jsonl.
    ///
    /// Results stream to disk in input order as they complete, so a report may be written
    /// (results.jsonl) and tallied long before a later inspection of the same outlet arrives.
    /// Rather than read every report twice (a first pass for `outlet.id` and `inspected_at`,
    /// which would cost a second parse of every file to catch what is rare) or hold every
    /// result until the end (memory growing with the batch), duplicates are resolved here,
    /// at the end, from the outlet rows the run keeps anyway: a superseded report's counts
    /// are taken back by scoring it once more (only the superseded ones, few), its row is
    /// dropped (outlets.csv is written from the rows at the end), and its line is left out
    /// of results.jsonl as that file is completed (`BatchOutputs.finish`, a streamed copy).
    /// Memory stays one row per report, as before.
    /// `dropped`: the bytes of the superseded reports' lines, per output file.
    fileprivate func supersede(_ tally: inout Tally, _ outputs: BatchOutputs, ruleIndex: RuleIndex)
        -> (listed: [(loser: Int, path: String, by: String)], dropped: [String: [Range<Int>]]) {
        let pairs = Self.supersededRows(tally.rows)
        guard !pairs.isEmpty else { return ([], [:]) }
        var listed: [(loser: Int, path: String, by: String)] = []
        for (loser, winner) in pairs {
            let row = tally.rows[loser], by = tally.rows[winner].path
            if case .scored(_, let again, let counts, let breach, let hasErrors, _) = score(row.path, ruleIndex: ruleIndex) {
                for k in counts.indices where counts[k] != 0 { tally.totals[k] -= Int64(counts[k]) }
                for rule in Set(again.failingRules) {
                    tally.branchFailing[row.branch, default: [:]][rule, default: 0] -= 1
                    if tally.branchFailing[row.branch]?[rule] == 0 { tally.branchFailing[row.branch]?[rule] = nil }
                }
                if breach { tally.breached -= 1 }
                if hasErrors { tally.evaluationErrors -= 1 }
            }
            let message = Message.superseded(by: by)
            outputs.errors.write(Self.errorLine(path: row.path, Diagnostic.error(message, at: SourceLocation(file: row.path)), more: 0,
                                                language: options.output.language))
            listed.append((loser, row.path, by))
        }
        let losers = Set(pairs.map(\.loser))
        var dropped: [String: [Range<Int>]] = [:]
        for loser in losers.sorted() {
            for (file, span) in zip(Tally.spanFiles, tally.spans[loser]) where !span.isEmpty { dropped[file, default: []].append(span) }
        }
        tally.rows = tally.rows.enumerated().filter { !losers.contains($0.offset) }.map(\.element)
        tally.spans = tally.spans.enumerated().filter { !losers.contains($0.offset) }.map(\.element)
        tally.scored -= losers.count
        tally.failed += losers.count
        return (listed, dropped)
    }

    /// Every input in one order: the files found and the paths that cannot be inputs, by path.
    /// Files found under a folder and matched by an `exclude` glob (on the name, or on the path
    /// below any folder on the way — so below the folder given) are left out and counted; a
    /// file named directly is an input whatever its name.
    static func inputs(_ paths: [String], exclude: [String] = []) -> (inputs: [(path: String, problem: Message?)], excluded: Int) {
        let found = YAMLFiles.find(paths)
        var files = found.files
        var excluded = 0
        if !exclude.isEmpty {
            let named = Set(paths)
            files = files.filter { path in
                guard !named.contains(path), Self.excluded(path, by: exclude) else { return true }
                excluded += 1
                return false
            }
        }
        var all: [(path: String, problem: Message?)] = files.map { ($0, nil) }
        all += found.problems.map { ($0.path, $0.reason) }
        all.sort { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
        return (all, excluded)
    }

    static func excluded(_ path: String, by globs: [String]) -> Bool {
        // The path itself, then every tail after a '/': `sub/a.yaml`, `a.yaml`.
        var tails = [Substring(path)]
        var rest = Substring(path)
        while let slash = rest.firstIndex(of: "/") {
            rest = rest[rest.index(after: slash)...]
            tails.append(rest)
        }
        return globs.contains { glob in tails.contains { Glob.matches(glob, String($0)) } }
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
                Self.showProgress(done: written, total: count, elapsed: clock.now - start, language: options.output.language)
            }
        }
        if options.progress {
            Self.showProgress(done: written, total: count, elapsed: clock.now - start, language: options.output.language, final: true)
        }
    }

    /// The rules in the order the auditor runs them (derived ones last), for the tallies.
    func auditorRulesInOrder() -> [CompiledRule] {
        auditor.base.rules.filter { !$0.isDerived } + auditor.base.rules.filter(\.isDerived)
    }

    static func showProgress(done: Int, total: Int, elapsed: Duration, language: Language, final: Bool = false) {
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let rate = seconds > 0 ? Double(done) / seconds : 0
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let (rateText, etaText) = (JSON.format(rate, decimals: 0), JSON.format(eta, decimals: 0))
        let line = language == .zh ? "\r\(done)/\(total)  每秒 \(rateText) 份  预计还需 \(etaText) 秒   "
            : "\r\(done)/\(total)  \(rateText) reports/s  ETA \(etaText) s   "
        // Progress is a courtesy: a failed write of it is not an error of the run.
        _ = FileDescriptor.writeAll(2, line + (final ? "\n" : ""))
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
        var branches: [BranchSummary] = byBranch.keys.sorted().map { branch in
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
        branches = Self.ordered(branches, by: options.branchOrder)
        var summary = BatchSummary(scored: scored, errors: errors, total: total, outlets: rows, branches: branches, rules: tallies,
                                   grades: ruleSet.scoring.grades, rulesDigest: options.output.rulesDigest)
        summary.branchOrderGiven = options.branchOrder != nil
        return summary
    }

    /// The branches named in `order` first, in that order; the rest by mean score (highest
    /// first, none last), then name (bytewise).
    static func ordered(_ branches: [BranchSummary], by order: [String]?) -> [BranchSummary] {
        var place: [String: Int] = [:]
        for (i, name) in (order ?? []).enumerated() where place[name] == nil { place[name] = i }
        return branches.sorted { a, b in
            switch (place[a.branch], place[b.branch]) {
            case let (x?, y?): return x < y
            case (_?, nil): return true
            case (nil, _?): return false
            default: break
            }
            switch (a.mean, b.mean) {
            case let (x?, y?) where x != y: return x > y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return Array(a.branch.utf8).lexicographicallyPrecedes(Array(b.branch.utf8))
            }
        }
    }
}

/// The batch outputs (`names`), replacing the previous set as a whole or not at all.
///
/// They are written into a staging folder beside the output folder (`.NAME.tmp-PID`); when
/// all are complete, the staging folder and the output folder trade places in one
/// `renameat2(RENAME_EXCHANGE)` (where the file system cannot, two renames: the old folder
/// aside, the new one in) and the old set is removed. The output folder therefore belongs to
/// the batch: anything in it but the outputs is refused before scoring, and again just
/// before the exchange. Temporaries of this naming left by killed runs are removed first.
private final class BatchOutputs {
    static let names = ["results.jsonl", "outlets.csv", "branches.csv", "rules.csv", "errors.jsonl", "dashboard.html",
                        "actions.csv", "actions.jsonl"]
    /// The output folder as given (messages name it).
    let given: String
    /// The output folder, a link resolved: what the staging folder replaces.
    let folder: String
    let staging: String
    let files: [String: AtomicFile]

    init(directory: String) throws(BatchError) {
        guard !directory.isEmpty else { throw BatchError(.emptyOutputFolder) }
        given = directory
        folder = try Self.resolve(directory)
        let (parent, name) = Self.split(folder)
        staging = parent + "/.\(name).tmp-\(getpid())"
        Self.removeStale(parent: parent, name: name, folder: folder)
        try Self.checkContents(of: folder, given: directory)
        var info = stat()
        let mode: mode_t = stat(folder, &info) == 0 ? info.st_mode & 0o7777 : 0o755
        Self.removeFolder(staging)
        guard mkdir(staging, mode) == 0 else {
            throw BatchError(.cannotCreateFolder(directory, reason: SystemError.current))
        }
        _ = chmod(staging, mode)
        var files: [String: AtomicFile] = [:]
        do throws(AtomicFile.WriteError) {
            for name in Self.names { files[name] = try AtomicFile(path: staging + "/" + name) }
        } catch {
            files.values.forEach { $0.discard() }
            Self.removeFolder(staging)
            throw BatchError(error.message)
        }
        self.files = files
    }

    var results: AtomicFile { files["results.jsonl"]! }
    var errors: AtomicFile { files["errors.jsonl"]! }
    var actions: AtomicFile { files["actions.csv"]! }
    var actionLines: AtomicFile { files["actions.jsonl"]! }

    func discard() {
        files.values.forEach { $0.discard() }
        Self.removeFolder(staging)
    }

    /// Writes the aggregates, completes every file, then puts the set in place.
    /// Writes the rest and swaps the new set in; false when a signal came first (then the
    /// previous set stays, and nothing new is left).
    /// `dropping`: byte ranges of files to leave out (sorted, per file) — superseded reports' lines.
    func finish(_ summary: BatchSummary, language: Language, dropping: [String: [Range<Int>]] = [:]) throws(BatchError) -> Bool {
        let outlets = files["outlets.csv"]!
        outlets.write(CSV.byteOrderMark)
        BatchCSV.outlets(summary, language: language) { outlets.write($0) }
        files["branches.csv"]!.write(CSV.byteOrderMark + BatchCSV.branches(summary, language: language))
        files["rules.csv"]!.write(CSV.byteOrderMark + BatchCSV.rules(summary))
        let dashboard = files["dashboard.html"]!
        Dashboard.write(summary, language: language) { dashboard.write($0) }
        do throws(AtomicFile.WriteError) {
            for name in Self.names { try files[name]!.close() }
            for (name, ranges) in dropping.sorted(by: { $0.key < $1.key }) { try Self.drop(ranges, of: files[name]!) }
            for name in Self.names { try files[name]!.commit() }
        } catch {
            discard()
            throw BatchError(error.message)
        }
        Self.sync(staging)
        // The last moment to stop: a signal while the last files were written keeps the old set.
        // (`AUDIT_TEST_PAUSE_BEFORE_SWAP`, milliseconds: a test's chance to signal just here.)
        if let pause = getenv("AUDIT_TEST_PAUSE_BEFORE_SWAP").flatMap({ Int(String(cString: $0)) }), pause > 0 {
            usleep(useconds_t(min(pause, 10_000) * 1000))
        }
        if interruption.load(ordering: .relaxed) {
            discard()
            return false
        }
        do throws(BatchError) {
            try Self.checkContents(of: folder, given: given)
            try swap()
        } catch {
            discard()
            throw error
        }
        Self.sync(Self.split(folder).parent)
        return true
    }

    /// Leaves byte ranges (sorted, apart) out of a closed (not yet committed) file: a streamed
    /// copy into a temporary beside it that then takes its place — memory stays one buffer.
    static func drop(_ ranges: [Range<Int>], of file: AtomicFile) throws(AtomicFile.WriteError) {
        let source = file.temporaryPath, copy = file.temporaryPath + ".drop"
        guard let input = fopen(source, "r") else {
            throw AtomicFile.WriteError(.cannotWriteFile(file.path, reason: SystemError.current))
        }
        defer { fclose(input) }
        guard let output = fopen(copy, "w") else {
            throw AtomicFile.WriteError(.cannotWriteFile(file.path, reason: SystemError.current))
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var offset = 0, next = 0
        var failed = false
        while true {
            let count = fread(&buffer, 1, buffer.count, input)
            if count <= 0 { break }
            // The parts of [offset, offset + count) outside the ranges.
            var start = offset
            let end = offset + count
            while start < end {
                while next < ranges.count, ranges[next].upperBound <= start { next += 1 }
                let keepEnd = next < ranges.count ? min(end, max(start, ranges[next].lowerBound)) : end
                if keepEnd > start {
                    let written = buffer.withUnsafeBytes { fwrite($0.baseAddress! + (start - offset), 1, keepEnd - start, output) }
                    if written != keepEnd - start { failed = true }
                    start = keepEnd
                } else {
                    start = min(end, ranges[next].upperBound)
                }
            }
            offset = end
        }
        if ferror(input) != 0 { failed = true }
        if fflush(output) != 0 || fsync(fileno(output)) != 0 { failed = true }
        let reason = SystemError.current
        fclose(output)
        guard !failed, rename(copy, source) == 0 else {
            unlink(copy)
            throw AtomicFile.WriteError(.cannotWriteFile(file.path, reason: failed ? reason : SystemError.current))
        }
    }

    /// The staging folder in place of the output folder; the old set removed.
    private func swap() throws(BatchError) {
        var info = stat()
        guard lstat(folder, &info) == 0 else {
            // No previous set: one rename.
            guard rename(staging, folder) == 0 else { throw BatchError(.cannotReplace(given, reason: SystemError.current)) }
            return
        }
        if Self.exchange(staging, folder) {
            Self.removeFolder(staging)  // now the old set
            return
        }
        guard errno == EINVAL || errno == ENOSYS || errno == EOPNOTSUPP else {
            throw BatchError(.cannotReplace(given, reason: SystemError.current))
        }
        // No exchange on this file system: the old folder aside, the new one in, the old removed.
        let (parent, name) = Self.split(folder)
        let aside = parent + "/.\(name).old-\(getpid())"
        Self.removeFolder(aside)
        guard rename(folder, aside) == 0 else { throw BatchError(.cannotReplace(given, reason: SystemError.current)) }
        guard rename(staging, folder) == 0 else {
            let reason = SystemError.current
            _ = rename(aside, folder)
            throw BatchError(.cannotReplace(given, reason: reason))
        }
        Self.removeFolder(aside)
    }

    /// `renameat2(a, b, RENAME_EXCHANGE)`, looked up at run time (Swift's Glibc does not
    /// export it); false with `errno` set when it fails or is missing.
    static func exchange(_ a: String, _ b: String) -> Bool {
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>?, Int32, UnsafePointer<CChar>?, UInt32) -> Int32
        guard let symbol = dlsym(nil, "renameat2") else { errno = ENOSYS; return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let exchange: UInt32 = 1 << 1  // RENAME_EXCHANGE
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, exchange) == 0
    }

    /// The output folder to replace: a link resolved, parents created; an existing one must
    /// be a folder.
    static func resolve(_ path: String) throws(BatchError) -> String {
        var trimmed = path
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        var info = stat()
        if lstat(trimmed, &info) == 0 {
            guard let resolved = realpath(trimmed, nil) else {
                throw BatchError(errno == ENOENT ? .linkToNoFolder(path) : .cannotCreateFolder(path, reason: SystemError.current))
            }
            defer { free(resolved) }
            guard stat(resolved, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { throw BatchError(.notAFolder(path)) }
            let folder = String(cString: resolved)
            guard folder != "/" else { throw BatchError(.foreignEntries(path, ["/"])) }
            return folder
        }
        guard errno == ENOENT else { throw BatchError(.cannotCreateFolder(path, reason: SystemError.current)) }
        let (parent, name) = split(trimmed)
        try makeDirectories(parent, given: path)
        guard let resolved = realpath(parent, nil) else {
            throw BatchError(.cannotCreateFolder(path, reason: SystemError.current))
        }
        defer { free(resolved) }
        let base = String(cString: resolved)
        return (base == "/" ? "" : base) + "/" + name
    }

    static func makeDirectories(_ path: String, given: String) throws(BatchError) {
        var current = path.hasPrefix("/") ? "" : "."
        for part in path.split(separator: "/") {
            current += "/" + part
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw BatchError(.cannotCreateFolder(given, reason: SystemError.current))
            }
        }
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { throw BatchError(.notAFolder(path)) }
    }

    /// The folder holding `path` (".", when none is named) and its last name.
    static func split(_ path: String) -> (parent: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let parent = String(path[..<slash])
        return (parent.isEmpty ? "/" : parent, String(path[path.index(after: slash)...]))
    }

    /// Refuses an output folder holding anything but the outputs as regular files.
    static func checkContents(of folder: String, given: String) throws(BatchError) {
        guard let dir = opendir(folder) else { return }
        var foreign: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            var info = stat()
            if names.contains(name), lstat(folder + "/" + name, &info) == 0, info.st_mode & S_IFMT == S_IFREG { continue }
            foreign.append(name)
        }
        closedir(dir)
        if !foreign.isEmpty { throw BatchError(.foreignEntries(given, foreign.sorted())) }
    }

    /// Removes what killed runs left: staging and set-aside folders beside the output folder,
    /// and (from earlier versions) `.NAME.tmp-PID` files in it, whose process is gone.
    static func removeStale(parent: String, name: String, folder: String) {
        for prefix in [".\(name).tmp-", ".\(name).old-"] {
            for entry in StaleTemporaries.entries(in: parent, prefix: prefix) { removeFolder(parent + "/" + entry) }
        }
        for output in names {
            for entry in StaleTemporaries.entries(in: folder, prefix: ".\(output).tmp-") { unlink(folder + "/" + entry) }
        }
    }

    /// Removes a staging or set-aside folder: the outputs and their temporaries in it, then
    /// the folder (left when it holds anything else).
    static func removeFolder(_ path: String) {
        guard let dir = opendir(path) else { return }
        var entries: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if names.contains(name) || names.contains(where: { name.hasPrefix(".\($0).tmp-") }) { entries.append(name) }
        }
        closedir(dir)
        for name in entries { unlink(path + "/" + name) }
        rmdir(path)
    }

    static func sync(_ path: String) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
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
                        item = BatchRunner.failure(path: work[i].path, Diagnostic.error(problem, at: SourceLocation(file: work[i].path)),
                                                   more: 0, language: runner.options.output.language)
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

/// How far a file has been written: each `add` gives the byte range it took.
private struct ByteCursor {
    var offset = 0

    mutating func add(_ count: Int) -> Range<Int> {
        defer { offset += count }
        return offset..<offset + count
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
    /// Reports breaching --fail-on, and with a rule evaluation error (counts, so that a
    /// superseded report can be taken back).
    var breached = 0, evaluationErrors = 0
    /// The first unreadable inputs, for the terminal.
    var unreadable: [(path: String, message: String)] = []
    /// Where each row's lines are in results.jsonl, actions.csv and actions.jsonl (byte ranges,
    /// after each file's header), index for index with `rows`.
    var spans: [[Range<Int>]] = []
    /// The files `spans` are of, in order.
    static let spanFiles = ["results.jsonl", "actions.csv", "actions.jsonl"]
    var results = ByteCursor(), actionRows = ByteCursor(), actionLines = ByteCursor()

    init(slots: Int, expected: Int) {
        totals = [Int64](repeating: 0, count: slots)
        rows.reserveCapacity(expected)
    }

    mutating func add(_ item: BatchRunner.Item, _ outputs: BatchOutputs) {
        switch item {
        case .scored(let json, let row, let counts, let breach, let hasErrors, let actions):
            outputs.results.write(json)
            // outlets.csv is written from the rows at the end: a row may yet be superseded. The
            // bytes each report wrote are noted, so a superseded one's lines can be left out.
            let spans = [results.add(json.utf8.count), actionRows.add(actions.csv.utf8.count), actionLines.add(actions.jsonl.utf8.count)]
            if !actions.csv.isEmpty {
                outputs.actions.write(actions.csv)
                outputs.actionLines.write(actions.jsonl)
            }
            for k in counts.indices where counts[k] != 0 { totals[k] += Int64(counts[k]) }
            var kept = row
            for rule in Set(row.failingRules) { branchFailing[row.branch, default: [:]][rule, default: 0] += 1 }
            kept.failingRules = []
            kept.gradeLabel = nil
            rows.append(kept)
            self.spans.append(spans)
            scored += 1
            if breach { breached += 1 }
            if hasErrors { evaluationErrors += 1 }
        case .failed(let json, let path, let message):
            outputs.errors.write(json)
            if unreadable.count < BatchRunner.shownUnreadable { unreadable.append((path, message)) }
            failed += 1
        }
    }
}

extension BatchRunner {
    /// Routes SIGINT, SIGTERM, SIGHUP, SIGUSR1 and SIGUSR2 to `interruption`, so a run stops
    /// between reports and writes nothing; SIGPIPE and SIGXFSZ are ignored, so that a closed
    /// pipe or a file-size limit is an error of the write that meets it. A plain handler,
    /// installed at once: it only sets an atomic flag (safe in a signal handler). A dispatch
    /// signal source was used before, and a signal that came between ignoring it and the
    /// source's registration (done later, on another thread) was lost — the run went on.
    public static func installInterruptHandler() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        var set = sigset_t()
        sigemptyset(&set)
        for number in [SIGINT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2] {
            signal(number) { received in
                interruptingSignal.store(received, ordering: .relaxed)
                interruption.store(true, ordering: .relaxed)
            }
            sigaddset(&set, number)
        }
        // A parent may have started us with them blocked (Foundation's Process does): then they
        // would wait, pending, until the run ends. Threads started later inherit the mask.
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}

/// A batch that cannot go on (the output folder cannot be written or replaced).
public struct BatchError: Error, Sendable, CustomStringConvertible {
    public var message: Message
    public var description: String { message.en }
    public init(_ message: Message) { self.message = message }
}
