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
        /// `--previous`: the previous round (being read), for trends and the status of its actions.
        public var previous: PreviousRound.Reading?

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
        public var unreadable: [(path: String, message: String)] {
            summary.unreadable.prefix(BatchRunner.shownUnreadable).map { ($0.path, $0.message) }
        }
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
    /// The dashboard's detail sections' shared parts, made once for the run.
    let details: Dashboard.OutletDetails

    public init(auditor: ProfiledAuditor, ruleSet: RuleSet, options: Options) {
        self.auditor = auditor
        self.validator = ReportValidator(schema: ruleSet.schema)
        self.ruleSet = ruleSet
        self.options = options
        details = Dashboard.OutletDetails(rules: auditor.base.rules.map(\.definition), schema: ruleSet.schema.root,
                                          language: options.output.language)
    }

    // MARK: - One report

    /// What a worker hands the writer for one input.
    enum Item: Sendable {
        case scored(Scored)
        /// An input that could not be scored: its errors.jsonl line, and how the dashboard and
        /// the terminal name it.
        case failed(json: String, input: UnreadableInput)
    }

    /// A scored report: its lines for the output files and its share of the tallies.
    struct Scored: Sendable {
        var json: String
        var row: OutletRow
        /// Results per rule and status (`statusSlots`), rule by rule (`RuleIndex`).
        var counts: [Int32]
        /// Points lost per rule (rule index, points), for the rules with a fail.
        var points: [(rule: Int, points: Double)]
        var breached: Bool
        var hasErrors: Bool
        var actions: Actions
        /// The outlet's section of the dashboard (`Dashboard.outletDetail`).
        var detail: String
        /// Its trends.jsonl line ("" without `--previous`).
        var trend: String
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

    func score(_ path: String, anchor: Int, ruleIndex: RuleIndex) -> Item {
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
        var points: [(rule: Int, points: Double)] = []
        // Field by field through a buffer: `for finding in` would copy each of the hundreds.
        result.findings.withUnsafeBufferPointer { all in
            for i in all.indices {
                let rule = all[i].rule, status = all[i].status
                guard let index = ruleIndex.index(of: rule), let slot = Self.statusSlots.firstIndex(of: status) else { continue }
                counts[index * Self.statusSlots.count + slot] += 1
                if status == .fail {
                    fails[rule.severity] = (fails[rule.severity] ?? 0) + 1
                    if failingRules.last != rule.id { failingRules.append(rule.id) }
                    if points.last?.rule == index { points[points.count - 1].points += all[i].pointsLost } else {
                        points.append((index, all[i].pointsLost))
                    }
                }
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
        full.anchor = anchor
        let breached = options.failOn.map { result.fails(atOrAbove: $0) } ?? false
        let json = JSONFormatter.object(result, options.output, compact: true).serialized() + "\n"
        var actions = Actions()
        let language = options.output.language
        var list = ActionList.actions(result, scoring: ruleSet.scoring, calendar: ruleSet.calendar, language: language)
        var trend = ""
        if let previous = options.previous?.round {
            let before = row.outletId.isEmpty ? nil : previous.outlets[row.outletId]
            if let before {
                let (again, gone) = ActionList.reconcile(list, previous: before.actions, result: result)
                list = again
                // The previous actions not failing now, read back from its actions.jsonl.
                for (index, status) in gone {
                    guard var action = previous.actionFile?.action(at: before.actionLines[index]) else { continue }
                    action.status = status
                    action.previousDue = action.due
                    list.append(action)
                }
                full.previous = before.trend
            }
            let moved = Trends.compare(before, result)
            full.previous?.newFailures = moved.newFailures.count
            full.previous?.fixedFailures = moved.fixed.count
            full.previous?.flipped = moved.flipped.count
            trend = Trends.line(full, before: before, moved)
        }
        for action in list {
            actions.csv += ActionList.csvRow(action, language)
            actions.jsonl += ActionList.jsonLine(action, language)
        }
        let detail = details.section(result, anchor: anchor)
        return .scored(Scored(json: json, row: full, counts: counts, points: points, breached: breached, hasErrors: result.hasErrors,
                              actions: actions, detail: detail, trend: trend))
    }

    /// `{"path", "code", "message", "reason", "location"}`: `message` in the run's language,
    /// `reason` in English (as before `message` came), `code` stable for machines.
    static func errorLine(path: String, _ diagnostic: Diagnostic?, more: Int, language: Language) -> String {
        errorFields(path: path, diagnostic, more: more, language: language).line
    }

    static func failure(path: String, _ diagnostic: Diagnostic?, more: Int, language: Language) -> Item {
        let (line, message) = errorFields(path: path, diagnostic, more: more, language: language)
        return .failed(json: line, input: UnreadableInput(path: path, message: message, line: diagnostic?.location.line,
                                                          column: diagnostic?.location.column))
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
        let outputs = try BatchOutputs(directory: options.outDirectory, trends: options.previous != nil)
        let actionHeader = CSV.byteOrderMark + ActionList.csvHeader(options.output.language)
        outputs.actions.write(actionHeader)
        let rules = auditorRulesInOrder()
        let ruleIndex = RuleIndex(rules)

        let jobs = max(1, options.jobs)
        let workers = Workers(jobs: jobs)
        workers.start(inputs, runner: self, ruleIndex: ruleIndex)
        var tally = Tally(slots: rules.count * Self.statusSlots.count, rules: rules.count, expected: inputs.count)
        tally.cursors[1].offset = actionHeader.utf8.count
        write(inputs.count, from: workers, into: &tally, outputs)
        if interruption.load(ordering: .relaxed) {
            // Workers may be waiting for a window slot the writer will no longer free.
            for _ in 0..<jobs { workers.window.signal() }
        }
        workers.group.wait()

        let stopped = Outcome(
            summary: summary(rows: [], tally: tally, rules: rules, total: inputs.count),
            breached: tally.breached > 0, evaluationErrors: tally.evaluationErrors > 0, interrupted: true,
            signal: interruptingSignal.load(ordering: .relaxed))
        if interruption.load(ordering: .relaxed) {
            outputs.discard()
            return stopped
        }
        let superseded = supersede(&tally, outputs, ruleIndex: ruleIndex)
        var summary = summary(rows: tally.rows, tally: tally, rules: rules, total: inputs.count)
        summary.superseded = superseded.listed.map { (path: $0.path, by: $0.by) }
        if let reading = options.previous {
            guard let previous = reading.round else {
                outputs.discard()
                throw BatchError(.previousNotResults, diagnostics: reading.failure)
            }
            summary.round = compare(previous, &summary, rules: rules, trends: outputs.trends)
        }
        guard try outputs.finish(summary, language: options.output.language, dropping: superseded.dropped) else {
            var late = stopped
            late.signal = interruptingSignal.load(ordering: .relaxed)
            return late
        }
        var outcome = Outcome(summary: summary, breached: tally.breached > 0, evaluationErrors: tally.evaluationErrors > 0,
                              interrupted: false)
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
    func supersede(_ tally: inout Tally, _ outputs: BatchOutputs, ruleIndex: RuleIndex)
        -> (listed: [(loser: Int, path: String, by: String)], dropped: [String: [Range<Int>]]) {
        let pairs = Self.supersededRows(tally.rows)
        guard !pairs.isEmpty else { return ([], [:]) }
        var listed: [(loser: Int, path: String, by: String)] = []
        for (loser, winner) in pairs {
            let row = tally.rows[loser], by = tally.rows[winner].path
            if case .scored(let again) = score(row.path, anchor: row.anchor, ruleIndex: ruleIndex) {
                tally.count(again, sign: -1)
                for rule in Set(again.row.failingRules) {
                    tally.branchFailing[row.branch, default: [:]][rule, default: 0] -= 1
                    if tally.branchFailing[row.branch]?[rule] == 0 { tally.branchFailing[row.branch]?[rule] = nil }
                }
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

    func summary(rows: [OutletRow], tally: Tally, rules: [CompiledRule], total: Int) -> BatchSummary {
        let (branchFailing, totals, scored, errors) = (tally.branchFailing, tally.totals, tally.scored, tally.failed)
        let slots = Self.statusSlots.count
        let tallies: [RuleTally] = rules.enumerated().map { i, rule in
            func n(_ status: Status) -> Int { Int(totals[i * slots + (Self.statusSlots.firstIndex(of: status) ?? 0)]) }
            var t = RuleTally(rule: rule.id, section: rule.definition.section, severity: rule.definition.severity, title: rule.definition.title)
            t.pass = n(.pass); t.fail = n(.fail); t.notAssessed = n(.notAssessed); t.waived = n(.waived)
            t.notDue = n(.notDue); t.error = n(.error)
            t.outlets = tally.ruleOutlets[i]
            t.pointsLost = tally.rulePoints[i]
            t.applicable = t.pass + t.fail + t.notAssessed + t.waived + t.notDue + t.error
            return t
        }.sorted { $0.rule < $1.rule }
        var byBranch: [String: [OutletRow]] = [:]
        for row in rows { byBranch[row.branch, default: []].append(row) }
        let gradeIds = ruleSet.scoring.grades.map(\.id)
        let failGrade = ruleSet.scoring.redLineGrade
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
            var summary = BranchSummary(
                branch: branch, reports: members.count, scored: scores.count, mean: mean, median: median, min: scores.first,
                grades: grades, redLines: members.filter { $0.redLine != nil }.count,
                topFailing: top.map { (rule: $0.key, reports: $0.value) })
            summary.failGrade = members.filter { $0.grade == failGrade }.count
            return summary
        }
        branches = Self.ordered(branches, by: options.branchOrder)
        var summary = BatchSummary(scored: scored, errors: errors, total: total, outlets: rows, branches: branches, rules: tallies,
                                   grades: ruleSet.scoring.grades, rulesDigest: options.output.rulesDigest)
        summary.branchOrderGiven = options.branchOrder != nil
        summary.redLineGrade = failGrade
        summary.unreadable = tally.unreadable
        summary.unreadableCount = tally.unreadableCount
        return summary
    }

    /// This round against the previous one: each branch's and rule's previous figures, the
    /// outlets new and gone, and the gone outlets' trends.jsonl lines.
    func compare(_ previous: PreviousRound, _ summary: inout BatchSummary, rules: [CompiledRule], trends: AtomicFile?)
        -> RoundComparison {
        var present: Set<String> = []
        var new: [RoundComparison.Outlet] = []
        var matched = 0
        for row in summary.outlets {
            if !row.outletId.isEmpty { present.insert(row.outletId) }
            if row.previous != nil { matched += 1 } else {
                new.append(.init(outletId: row.outletId, branch: row.branch, name: row.name, score: row.score, grade: row.grade))
            }
        }
        var gone: [RoundComparison.Outlet] = []
        var byBranch: [String: (reports: Int, scores: [Double], redLines: Int)] = [:]
        var failing: [String: Int] = [:]
        var all: [Double] = []
        for id in previous.order {
            guard let outlet = previous.outlets[id] else { continue }
            if !present.contains(id) {
                gone.append(.init(outletId: id, branch: outlet.branch, name: outlet.name, score: outlet.score, grade: outlet.grade))
                trends?.write(Trends.goneLine(outlet))
            }
            var b = byBranch[outlet.branch] ?? (0, [], 0)
            b.reports += 1
            if let score = outlet.score { b.scores.append(score); all.append(score) }
            if outlet.redLine != nil { b.redLines += 1 }
            byBranch[outlet.branch] = b
            for rule in Set(outlet.results.filter { $0.status == .fail }.map(\.key.rule)) { failing[rule, default: 0] += 1 }
        }
        func mean(_ scores: [Double]) -> Double? { scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count) }
        for i in summary.branches.indices {
            guard let b = byBranch[summary.branches[i].branch] else { continue }
            summary.branches[i].previousReports = b.reports
            summary.branches[i].previousMean = mean(b.scores)
            summary.branches[i].previousRedLines = b.redLines
        }
        for i in summary.rules.indices { summary.rules[i].previousOutlets = failing[summary.rules[i].rule] ?? 0 }
        return RoundComparison(folder: previous.folder, previousScored: previous.scored, matched: matched, new: new, gone: gone,
                               previousMean: mean(all))
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
final class BatchOutputs {
    static let names = ["results.jsonl", "outlets.csv", "branches.csv", "rules.csv", "errors.jsonl", "dashboard.html",
                        "actions.csv", "actions.jsonl", "trends.jsonl"]
    /// Written with `--previous` only.
    static let optional: Set<String> = ["trends.jsonl"]
    /// A scratch file in the staging folder: the outlets' dashboard sections as they come,
    /// copied into dashboard.html at the end and never committed.
    static let detailsName = "dashboard-details.html"
    /// The output folder as given (messages name it).
    let given: String
    /// The output folder, a link resolved: what the staging folder replaces.
    let folder: String
    let staging: String
    let files: [String: AtomicFile]
    let details: AtomicFile

    init(directory: String, trends: Bool = false) throws(BatchError) {
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
            for name in Self.names where trends || !Self.optional.contains(name) {
                files[name] = try AtomicFile(path: staging + "/" + name)
            }
            details = try AtomicFile(path: staging + "/" + Self.detailsName)
        } catch {
            files.values.forEach { $0.discard() }
            Self.removeFolder(staging)
            throw BatchError(error.message)
        }
        self.files = files
    }

    func file(_ name: String) -> AtomicFile? { name == Self.detailsName ? details : files[name] }
    var trends: AtomicFile? { files["trends.jsonl"] }

    var results: AtomicFile { files["results.jsonl"]! }
    var errors: AtomicFile { files["errors.jsonl"]! }
    var actions: AtomicFile { files["actions.csv"]! }
    var actionLines: AtomicFile { files["actions.jsonl"]! }

    func discard() {
        files.values.forEach { $0.discard() }
        details.discard()
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
        do throws(AtomicFile.WriteError) {
            try details.close()
            // The outlets' sections, copied from the scratch file (less the superseded ones).
            var copied: AtomicFile.WriteError?
            Dashboard.write(summary, language: language, details: { _ in
                do throws(AtomicFile.WriteError) {
                    try Self.copy(details, skipping: dropping[Self.detailsName] ?? []) { dashboard.write(bytes: $0) }
                } catch { copied = error }
            }, to: { dashboard.write($0) })
            details.discard()
            if let copied { throw copied }
            let written = Self.names.filter { files[$0] != nil }
            for name in written { try files[name]!.close() }
            for (name, ranges) in dropping.sorted(by: { $0.key < $1.key }) {
                guard let file = files[name] else { continue }
                try Self.drop(ranges, of: file)
            }
            for name in written { try files[name]!.commit() }
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
        let copy = file.temporaryPath + ".drop"
        guard let output = fopen(copy, "w") else {
            throw AtomicFile.WriteError(.cannotWriteFile(file.path, reason: SystemError.current))
        }
        var failed = false
        do throws(AtomicFile.WriteError) {
            try Self.copy(file, skipping: ranges) { bytes in
                if fwrite(bytes.baseAddress!, 1, bytes.count, output) != bytes.count { failed = true }
            }
        } catch {
            fclose(output)
            unlink(copy)
            throw error
        }
        if fflush(output) != 0 || fsync(fileno(output)) != 0 { failed = true }
        let reason = SystemError.current
        fclose(output)
        guard !failed, rename(copy, file.temporaryPath) == 0 else {
            unlink(copy)
            throw AtomicFile.WriteError(.cannotWriteFile(file.path, reason: failed ? reason : SystemError.current))
        }
    }

    /// The bytes of a closed (not yet committed) file outside `ranges` (sorted, apart), to
    /// `sink` a buffer at a time.
    static func copy(_ file: AtomicFile, skipping ranges: [Range<Int>], to sink: (UnsafeRawBufferPointer) -> Void)
        throws(AtomicFile.WriteError) {
        guard let input = fopen(file.temporaryPath, "r") else {
            throw AtomicFile.WriteError(.cannotWriteFile(file.path, reason: SystemError.current))
        }
        defer { fclose(input) }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var offset = 0, next = 0
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
                    buffer.withUnsafeBytes { sink(UnsafeRawBufferPointer(rebasing: $0[(start - offset)..<(keepEnd - offset)])) }
                    start = keepEnd
                } else {
                    start = min(end, ranges[next].upperBound)
                }
            }
            offset = end
        }
        if ferror(input) != 0 { throw AtomicFile.WriteError(.cannotWriteFile(file.path, reason: SystemError.current)) }
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
            if names.contains(name) || (names + [detailsName]).contains(where: { name.hasPrefix(".\($0).tmp-") }) { entries.append(name) }
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
                        item = runner.score(work[i].path, anchor: i, ruleIndex: ruleIndex)
                    }
                    done.withLock { $0[i] = item }
                    ready.signal()
                }
            }
        }
    }
}

/// How far a file has been written: each `add` gives the byte range it took.
struct ByteCursor {
    var offset = 0

    mutating func add(_ count: Int) -> Range<Int> {
        defer { offset += count }
        return offset..<offset + count
    }
}

/// What the writer accumulates as results arrive in input order.
struct Tally {
    var totals: [Int64]
    /// Per rule: reports in which it failed, and the points those fails lost.
    var ruleOutlets: [Int]
    var rulePoints: [Double]
    var rows: [OutletRow] = []
    /// Per branch: in how many reports each rule failed — tallied as rows arrive so the rows
    /// kept for the dashboard need not carry their failing rules.
    var branchFailing: [String: [String: Int]] = [:]
    var scored = 0, failed = 0
    /// Reports breaching --fail-on, and with a rule evaluation error (counts, so that a
    /// superseded report can be taken back).
    var breached = 0, evaluationErrors = 0
    /// The first unreadable inputs (for the dashboard and the terminal), and how many in all.
    var unreadable: [UnreadableInput] = []
    var unreadableCount = 0
    /// Where each row's lines are in the files of `spanFiles` (byte ranges, after each file's
    /// header), index for index with `rows`.
    var spans: [[Range<Int>]] = []
    /// The files `spans` are of, in order.
    static let spanFiles = ["results.jsonl", "actions.csv", "actions.jsonl", "trends.jsonl", BatchOutputs.detailsName]
    var cursors = [ByteCursor](repeating: ByteCursor(), count: spanFiles.count)

    init(slots: Int, rules: Int, expected: Int) {
        totals = [Int64](repeating: 0, count: slots)
        ruleOutlets = [Int](repeating: 0, count: rules)
        rulePoints = [Double](repeating: 0, count: rules)
        rows.reserveCapacity(expected)
    }

    /// Adds a report's counts (`sign` 1), or takes them back (-1: it was superseded).
    mutating func count(_ report: BatchRunner.Scored, sign: Int) {
        let counts = report.counts
        for k in counts.indices where counts[k] != 0 { totals[k] += Int64(sign) * Int64(counts[k]) }
        let slots = BatchRunner.statusSlots.count
        let fail = BatchRunner.statusSlots.firstIndex(of: .fail) ?? 1
        for rule in ruleOutlets.indices where counts[rule * slots + fail] != 0 { ruleOutlets[rule] += sign }
        for (rule, points) in report.points { rulePoints[rule] += Double(sign) * points }
        if report.breached { breached += sign }
        if report.hasErrors { evaluationErrors += sign }
    }

    mutating func add(_ item: BatchRunner.Item, _ outputs: BatchOutputs) {
        switch item {
        case .scored(let report):
            // outlets.csv is written from the rows at the end: a row may yet be superseded. The
            // bytes each report wrote are noted, so a superseded one's lines can be left out.
            let texts = [report.json, report.actions.csv, report.actions.jsonl, report.trend, report.detail]
            var spans: [Range<Int>] = []
            for (k, text) in texts.enumerated() {
                spans.append(cursors[k].add(text.utf8.count))
                if !text.isEmpty { outputs.file(Self.spanFiles[k])?.write(text) }
            }
            count(report, sign: 1)
            var kept = report.row
            for rule in Set(kept.failingRules) { branchFailing[kept.branch, default: [:]][rule, default: 0] += 1 }
            kept.failingRules = []
            kept.gradeLabel = nil
            rows.append(kept)
            self.spans.append(spans)
            scored += 1
        case .failed(let json, let input):
            outputs.errors.write(json)
            if unreadable.count < BatchSummary.shownErrors { unreadable.append(input) }
            unreadableCount += 1
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
    /// What was wrong, at its file, line and column, when a file was (the previous round's).
    public var diagnostics: DiagnosticList?
    public var description: String { message.en }
    public init(_ message: Message, diagnostics: DiagnosticList? = nil) {
        self.message = message
        self.diagnostics = diagnostics
    }
}
