#if canImport(Glibc)
import Glibc
#endif
import AuditBatch
import AuditCalendar
import AuditCore
import AuditEngine
import AuditFormatters
import AuditReport
import AuditRules
import AuditYAML

/// What the fuzz targets run on one input, and what the tests replay on every saved input
/// (`fixtures/fuzz/`): the whole path a user's file takes — load, validate or compile,
/// evaluate, render — so that any crash, hang or runaway allocation on the way is found.
/// Errors are the expected outcome of hostile input; only a crash is a finding.
public enum FuzzHarness {
    /// What became of an input: it went the whole way, or it was refused with diagnostics.
    public enum Outcome: Equatable, Sendable {
        case accepted
        case refused(errors: Int)
    }

    /// The shipped rules, compiled once.
    static let shipped: (set: RuleSet, rules: [CompiledRule])? = {
        guard let set = try? RuleSet.load(RuleSet.bundledFiles), let rules = try? set.compile() else { return nil }
        return (set, rules)
    }()

    /// A report: loaded, validated, audited with the shipped rules and rendered in every
    /// format; or its diagnostics rendered with snippets.
    @discardableResult
    public static func report(_ bytes: [UInt8]) -> Outcome {
        guard let shipped else { return .refused(errors: 0) }
        let path = "fuzz.yaml"
        do throws(DiagnosticList) {
            let document = try YAMLLoader.load(bytes: bytes, file: path, limits: YAMLLimits())
            let report = try ReportValidator(schema: shipped.set.schema).validate(document)
            let auditor = Auditor(rules: shipped.rules, context: EvaluationContext(calendar: shipped.set.calendar),
                                  scoring: shipped.set.scoring)
            let result = auditor.audit(report)
            for language in [Language.zh, .en] {
                let options = OutputOptions(language: language, showPassed: true)
                _ = TextFormatter.format(result, options)
                _ = MarkdownFormatter.format(result, options)
                _ = JSONFormatter.format([result], options)
                _ = SARIFFormatter.format([result], options)
                _ = JUnitFormatter.format([result], options)
                _ = GitHubFormatter.format([result], options)
                _ = HTMLFormatter.format([result], options)
            }
            return .accepted
        } catch {
            return render(error, bytes)
        }
    }

    /// An expression, as the `check` of a rule (the input is its text), compiled against the
    /// report schema and evaluated on a small report.
    @discardableResult
    public static func expression(_ bytes: [UInt8]) -> Outcome {
        let text = String(decoding: bytes, as: UTF8.self)
        // A literal block keeps every character of the expression as written.
        let body = text.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n")
        let pack = """
            pack: fuzz
            version: "1"
            rules:
              - id: FUZZ-1
                title: {zh: 模糊测试, en: fuzz}
                section: build
                severity: minor
                cite: {source: X, document: X, clause: "1", quote: q}
                params: {n: 3, words: [a, b]}
                check: |-
            \(body)
                message: {zh: 不符合, en: not met}
                examples: {pass: [{premises: {clean: true}}], fail: [{premises: {clean: false}}]}
            """
        let file = RuleSet.SourceFile(path: "fuzz-pack.yaml", bytes: Array(pack.utf8))
        do throws(DiagnosticList) {
            let set = try RuleSet.load([file])
            let rules = try set.compile()
            let document = try YAMLLoader.load(bytes: Array(sampleReport.utf8), file: "sample.yaml")
            let report = try ReportValidator(schema: set.schema).validate(document)
            let result = Auditor(rules: rules, context: EvaluationContext(calendar: set.calendar), scoring: set.scoring).audit(report)
            _ = TextFormatter.format(result, OutputOptions(language: .zh, showPassed: true))
            _ = JSONFormatter.format([result], OutputOptions(language: .en, showPassed: true))
            return .accepted
        } catch {
            return render(error, Array(pack.utf8))
        }
    }

    /// A rule file of any kind (pack, profile, waivers, schema extension, scoring, calendar):
    /// linted (on its own: composing the shipped packs each time would cost most of the run),
    /// a profile checked against the shipped rules and compiled with them, waivers read and
    /// matched.
    @discardableResult
    public static func ruleFile(_ bytes: [UInt8]) -> Outcome {
        let file = RuleSet.SourceFile(path: "fuzz-rules.yaml", bytes: bytes)
        let lint = Lint.run([file], unreadable: DiagnosticList(), asOf: LocalDate(iso: "2026-06-01"), shipped: .replaced)
        var outcome = render(lint.diagnostics, bytes)
        guard let document = try? YAMLLoader.load(bytes: bytes, file: file.path), let shipped else { return outcome }
        if RuleFileKind(document) == .profile {
            // Linted alone it has no rules to name; against the shipped ones it is judged.
            let (profile, problems) = shipped.set.profile(document)
            outcome = render(problems, bytes)
            if let profile, !problems.hasErrors {
                _ = try? shipped.set.compile(RuleConfiguration(profiles: [profile], params: [:]))
            }
        }
        if RuleFileKind(document) == .waivers {
            let (waivers, problems) = WaiverFile.loadLeniently(document, knownRules: shipped.set.definitions.map(\.id))
            outcome = render(problems, bytes)
            for waiver in waivers { _ = waiver.matches(rule: "ETQ-GREETING", outlet: "HLJ-HRB-DL-001", item: "E1") }
        }
        return outcome
    }

    /// Diagnostics as a user sees them, with snippets of the input, in both languages.
    /// A previous batch's output folder (`audit batch --previous`): the input up to its first
    /// empty line is written as its results.jsonl, the rest as its actions.jsonl; the round is
    /// read as a batch reads it, and every action of every outlet is read back in full.
    @discardableResult
    public static func previousRound(_ bytes: [UInt8]) -> Outcome {
        guard let shipped else { return .refused(errors: 0) }
        // A folder of its own for each call: the replay tests run their cases in parallel.
        var template = Array("/tmp/audit-fuzz-previous-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { return .refused(errors: 0) }
        let folder = String(cString: made)
        defer {
            for name in ["results.jsonl", "actions.jsonl"] { unlink(folder + "/" + name) }
            rmdir(folder)
        }
        var split = bytes.count
        for i in bytes.indices.dropLast() where bytes[i] == 0x0A && bytes[i + 1] == 0x0A {
            split = i + 1
            break
        }
        for (name, part) in [("results.jsonl", bytes[..<split]), ("actions.jsonl", bytes[min(split + 1, bytes.count)...])] {
            guard let file = fopen(folder + "/" + name, "wb") else { return .refused(errors: 0) }
            _ = part.withUnsafeBytes { fwrite($0.baseAddress, 1, part.count, file) }
            fclose(file)
        }
        do throws(DiagnosticList) {
            let round = try PreviousRound.load(folder: folder, rules: shipped.set)
            for id in round.order { _ = round.actions(of: id) }
            return .accepted
        } catch {
            return render(error, bytes)
        }
    }

    static func render(_ diagnostics: DiagnosticList, _ bytes: [UInt8]) -> Outcome {
        let text = String(decoding: bytes, as: UTF8.self)
        for language in [Language.zh, .en] {
            _ = DiagnosticRenderer.render(diagnostics, language: language) { _ in text }
        }
        let errors = diagnostics.diagnostics.filter { $0.severity == .error }.count
        return errors == 0 ? .accepted : .refused(errors: errors)
    }

    static let sampleReport = """
        schema: outlet-report/1
        inspection: {id: I-1, inspector: 甲, inspected_at: 2026-04-14 10:30, method: onsite}
        outlet: {id: O-1, name: 哈尔滨市道里客户服务中心, branch: 黑龙江分公司, type: service_center, tier: standard,
                 posted_hours: "08:30-17:00"}
        premises: {clean: true, reception_area_m2: 90}
        staff:
          - {id: E1, role: counter, stood_to_greet: true, greeted_first: true, utterances: [您好, 请稍等]}
        calls:
          - {id: C1, rings: 2}
        cases:
          - {id: K1, kind: complaint, received_at: 2026-04-02 15:00, answered_on_spot: false}
        """
}

/// Reading a saved input (the replayers, the tests).
public enum FuzzInput {
    public static func read(_ path: String) -> [UInt8] {
        guard let file = fopen(path, "rb") else { return [] }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&buffer, 1, buffer.count, file)
            if n <= 0 { break }
            bytes.append(contentsOf: buffer[0..<n])
        }
        return bytes
    }
}

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
#endif

/// The main of a fuzz target. Built for fuzzing (`make fuzz`: -DFUZZING, libFuzzer linked),
/// it hands control to libFuzzer with the harness of `target`; in an ordinary build it is a
/// replayer: each path argument is one input, run once — how a saved crash is reproduced.
public enum FuzzMain {
    public enum Target: Sendable {
        case report, expression, ruleFile, previousRound

        func run(_ bytes: [UInt8]) {
            switch self {
            case .report: FuzzHarness.report(bytes)
            case .expression: FuzzHarness.expression(bytes)
            case .ruleFile: FuzzHarness.ruleFile(bytes)
            case .previousRound: FuzzHarness.previousRound(bytes)
            }
        }
    }

    /// libFuzzer calls back a C function, which can capture nothing: the target is set once,
    /// before the driver starts, and only read after.
    nonisolated(unsafe) private static var current: Target = .report

    public static func run(_ target: Target) -> Never {
        current = target
        #if FUZZING
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            FuzzMain.current.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
            return 0
        })
        #else
        for path in CommandLine.arguments.dropFirst() { target.run(FuzzInput.read(path)) }
        exit(0)
        #endif
    }
}
