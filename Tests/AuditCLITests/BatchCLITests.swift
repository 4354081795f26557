import AuditTestSupport
import Foundation
import Testing

/// A folder (`DIR/in`) of copies of the example report, each with its own outlet id, and one
/// broken file.
func batchCorpus(_ label: String, copies: Int, broken: Bool = true) throws -> String {
    let dir = try temporaryFolder(label)
    try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
    let example = try String(contentsOfFile: repositoryRoot + "/fixtures/example-report.yaml", encoding: .utf8)
    for i in 0..<copies {
        try example.replacingOccurrences(of: "id: HLJ-HRB-DL-001", with: "id: HLJ-\(i)")
            .write(toFile: dir + "/in/r\(i).yaml", atomically: false, encoding: .utf8)
    }
    if broken {
        try FileManager.default.copyItem(atPath: repositoryRoot + "/fixtures/broken-reports/yes-boolean.yaml", toPath: dir + "/in/broken.yaml")
    }
    return dir
}

/// `audit batch DIR/in --out DIR/out --jobs 1`, started and left running (`environment`:
/// the whole environment, when given).
func startBatch(_ dir: String, environment: [String: String]? = nil) throws -> Process {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: auditBinary)
    process.arguments = ["batch", dir + "/in", "--out", dir + "/out", "--jobs", "1"]
    process.currentDirectoryURL = URL(fileURLWithPath: repositoryRoot)
    if let environment { process.environment = environment }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    return process
}

@Suite(.serialized) struct BatchCLITests {
    func corpus(_ label: String, copies: Int, broken: Bool = true) throws -> String {
        try batchCorpus("batch-" + label, copies: copies, broken: broken)
    }

    @Test func accountsForEveryInputAndExitsTwoOnErrors() throws {
        let dir = try corpus("exit", copies: 3)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try audit(["batch", dir + "/in", "--out", dir + "/out", "--jobs", "2"])
        #expect(run.status == 2)
        #expect(run.stdout.hasPrefix("scored 3, errors 1, total 4\n"), "the accounting line first")
        #expect(run.stderr.isEmpty, "no progress when stderr is not a terminal")
    }

    @Test func exitOneWhenAReportBreachesFailOn() throws {
        let dir = try corpus("breach", copies: 2, broken: false)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try audit(["batch", dir + "/in", "--out", dir + "/a"]).status == 0)
        #expect(try audit(["batch", dir + "/in", "--out", dir + "/b", "--fail-on", "major"]).status == 1)
    }

    @Test func anInterruptedRunLeavesNoOutputFiles() throws {
        let dir = try corpus("interrupt", copies: 1500)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let process = try startBatch(dir)
        // Wait until the run is under way (its staging folder exists), then interrupt it.
        var started = false
        for _ in 0..<200 {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            if names.contains(where: { $0.contains(".tmp-") }) { started = true; break }
            usleep(20_000)
        }
        #expect(started)
        usleep(200_000)
        #expect(process.isRunning, "the run finished before it could be interrupted; make the corpus larger")
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let left = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/out")) ?? []
        #expect(left == [], "left behind: \(left)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["in"], "no staging folder left")
    }

    /// A signal that comes at any moment — while the rules load, as scoring starts — stops
    /// the run with 143 (128 + SIGTERM) and nothing written. Before, a signal between ignoring it and the
    /// registration of the dispatch source that was to catch it was lost, and the run went on
    /// to the end (or one during loading killed the process outright).
    @Test(arguments: [0, 30_000, 120_000, 400_000]) func aSignalAtAnyMomentStopsTheRun(afterMicroseconds delay: Int) throws {
        let dir = try corpus("signal-\(delay)", copies: 300)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let process = try startBatch(dir)
        usleep(useconds_t(delay))
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "killed by the signal instead of stopping")
        #expect(process.terminationStatus == 143, "128 + SIGTERM")
        let left = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/out")) ?? []
        #expect(!left.contains("results.jsonl") && !left.contains { $0.contains(".tmp-") }, "left behind: \(left)")
    }

    /// A signal after every output is written but before the new set replaces the old one
    /// (the test holds the run there with AUDIT_TEST_PAUSE_BEFORE_SWAP): the old set stays
    /// whole, nothing new is left, and the run says it was stopped.
    @Test func aSignalJustBeforeTheSwapKeepsThePreviousSet() throws {
        let dir = try corpus("late-signal", copies: 2, broken: false)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try audit(["batch", dir + "/in", "--out", dir + "/out"]).status == 0)
        try FileManager.default.removeItem(atPath: dir + "/in/r1.yaml")
        let before = try Data(contentsOf: URL(fileURLWithPath: dir + "/out/results.jsonl"))
        let process = try startBatch(dir, environment: ["PATH": "/usr/bin:/bin", "AUDIT_TEST_PAUSE_BEFORE_SWAP": "4000"])
        // Staged: a folder beside the output holding the finished dashboard.
        var staged = false
        for _ in 0..<300 where !staged {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            staged = names.contains { $0.hasPrefix(".out.tmp-")
                && FileManager.default.fileExists(atPath: dir + "/" + $0 + "/dashboard.html") }
            if !staged { usleep(20_000) }
        }
        #expect(staged)
        usleep(300_000)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 143)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/out/results.jsonl")) == before)
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).allSatisfy { !$0.contains(".tmp-") })
    }

    @Test func anEarlierCompleteOutputSurvivesAnInterruptedRun() throws {
        let dir = try corpus("keep", copies: 1500)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let small = try corpus("keep-small", copies: 1, broken: false)
        defer { try? FileManager.default.removeItem(atPath: small) }
        #expect(try audit(["batch", small + "/in", "--out", dir + "/out"]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: dir + "/out/results.jsonl"))
        let process = try startBatch(dir)
        usleep(700_000)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationStatus == 143)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir + "/out/results.jsonl")) == before)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir + "/out") + FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(!names.contains { $0.contains(".tmp-") })
    }

    /// A slow report first in line while the other worker fills the reorder window: an
    /// interrupt must still end the run (it once waited forever for a window slot).
    @Test func anInterruptWithASlowFirstReportStillEnds() throws {
        let dir = try corpus("slow", copies: 60, broken: false)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var big = try String(contentsOfFile: repositoryRoot + "/fixtures/example-report.yaml", encoding: .utf8)
        big = big.replacingOccurrences(of: "staff:\n", with: "staff:\n" + (0..<8000).map { "  - {id: S\($0), badge: true, uniform: true}\n" }.joined())
        try big.write(toFile: dir + "/in/aaa.yaml", atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: auditBinary)
        process.arguments = ["batch", dir + "/in", "--out", dir + "/out", "--jobs", "2"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<200 {
            if ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).contains(where: { $0.contains(".tmp-") }) { break }
            usleep(20_000)
        }
        usleep(300_000)
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        #expect(process.terminationStatus == 130 || process.terminationStatus == 2, "ended: \(process.terminationStatus)")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).allSatisfy { !$0.contains(".tmp-") })
    }
}

/// The same inputs spelled differently (`./in//`, `in`) give the same output bytes.
@Suite struct PathSpellingTests {
    @Test func outputDoesNotDependOnHowAPathIsSpelled() throws {
        let dir = try temporaryFolder("batch-spelling")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: repositoryRoot + "/fixtures/example-report.yaml", toPath: dir + "/in/a.yaml")
        #expect(try audit(["batch", "in", "--out", "plain"], cwd: dir).status <= 1)
        #expect(try audit(["batch", "./in//", "--out", "odd"], cwd: dir).status <= 1)
        for name in ["results.jsonl", "outlets.csv", "errors.jsonl"] {
            let plain = try Data(contentsOf: URL(fileURLWithPath: dir + "/plain/" + name))
            #expect(plain == (try Data(contentsOf: URL(fileURLWithPath: dir + "/odd/" + name))), "\(name)")
        }
        let one = try audit(["in/a.yaml", "--format", "json"], cwd: dir).stdout
        #expect(one == (try audit(["./in//a.yaml", "--format", "json"], cwd: dir).stdout))
        #expect(one.contains("\"path\": \"in/a.yaml\""))
    }
}

/// File names that are not UTF-8 (GBK, from a Chinese Windows share) are read, and each is
/// named losslessly (`\xB1\xA8.yaml`), never two of them as one path.
@Suite struct NonUTF8NameTests {
    func create(_ dir: String, _ name: [UInt8], from source: String) throws {
        let path = Array(dir.utf8) + [UInt8(ascii: "/")] + name + [0]
        let fd = path.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
        }
        #expect(fd >= 0)
        let bytes = Array(try String(contentsOfFile: source, encoding: .utf8).utf8)
        _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
    }

    @Test func gbkNamesAreReadAndNamedApart() throws {
        let dir = try temporaryFolder("batch-gbk")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        // 报告.yaml and 检查.yaml in GBK: both are invalid UTF-8, and once read as the same "?".
        try create(dir + "/in", [0xB1, 0xA8, 0xB8, 0xE6] + Array(".yaml".utf8), from: repositoryRoot + "/fixtures/example-report.yaml")
        try create(dir + "/in", [0xBC, 0xEC, 0xB2, 0xE9] + Array(".yaml".utf8), from: repositoryRoot + "/fixtures/example-report.yaml")
        let run = try audit(["batch", "in", "--out", "out"], cwd: dir)
        // One outlet twice (the same report under two names): the later path counts, the other
        // is superseded — both named apart, in results.jsonl and errors.jsonl.
        #expect(run.stdout.contains("scored 1, errors 1, total 2"), "\(run.stdout)\(run.stderr)")
        let results = try String(contentsOfFile: dir + "/out/results.jsonl", encoding: .utf8)
            + String(contentsOfFile: dir + "/out/errors.jsonl", encoding: .utf8)
        #expect(results.contains(#""path":"in/\\xB1\\xA8\\xB8\\xE6.yaml""#), "\(results.prefix(300))")
        #expect(results.contains(#""path":"in/\\xBC\\xEC\\xB2\\xE9.yaml""#))
    }
}
