import AuditTestSupport
import Foundation
import Testing

/// The batch outputs replace the previous set whole or not at all, and a later run removes
/// the temporaries a killed one left.
@Suite(.serialized) struct BatchOutputSetCLITests {
    func corpus(_ label: String, copies: Int) throws -> String {
        try batchCorpus("set-" + label, copies: copies, broken: false)
    }

    static let outputs = ["actions.csv", "actions.jsonl", "branches.csv", "dashboard.html", "errors.jsonl", "outlets.csv", "results.jsonl", "rules.csv"]

    func contents(_ folder: String) -> [String: Data] {
        var all: [String: Data] = [:]
        for name in Self.outputs { all[name] = FileManager.default.contents(atPath: folder + "/" + name) }
        return all
    }

    /// Whether a run is under way: its temporaries exist (in the output folder or beside it).
    func started(_ dir: String) -> Bool {
        let inside = (try? FileManager.default.contentsOfDirectory(atPath: dir + "/out")) ?? []
        let beside = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return inside.contains { $0.contains(".tmp-") } || beside.contains { $0.contains(".tmp-") }
    }

    /// An output name that cannot be replaced when the run ends (a non-empty folder planted
    /// while it runs): the previous set stays whole, not new results beside an old dashboard.
    @Test func aFailureAtTheEndLeavesThePreviousSetWhole() throws {
        let dir = try corpus("fail", copies: 1200)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let small = try corpus("fail-small", copies: 1)
        defer { try? FileManager.default.removeItem(atPath: small) }
        #expect(try audit(["batch", small + "/in", "--out", dir + "/out"]).status == 0)
        let before = contents(dir + "/out")
        #expect(before.count == Self.outputs.count)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: auditBinary)
        process.arguments = ["batch", dir + "/in", "--out", dir + "/out", "--jobs", "1"]
        process.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        process.standardError = err
        try process.run()
        for _ in 0..<500 where !started(dir) { usleep(20_000) }
        #expect(process.isRunning, "the run finished before the trap was set; make the corpus larger")
        try FileManager.default.removeItem(atPath: dir + "/out/dashboard.html")
        try FileManager.default.createDirectory(atPath: dir + "/out/dashboard.html/x", withIntermediateDirectories: true)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(stderr.contains("dashboard.html"), "\(stderr)")
        var after = contents(dir + "/out")
        after["dashboard.html"] = before["dashboard.html"]
        #expect(after == before, "no file of the new set replaced one of the old")
        #expect(!started(dir), "no temporaries left")
    }

    /// Something other than the batch outputs in the output folder: refused before scoring,
    /// nothing written or removed.
    @Test func aFolderWithOtherFilesIsRefused() throws {
        let dir = try corpus("foreign", copies: 1)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        try "mine".write(toFile: dir + "/out/notes.txt", atomically: false, encoding: .utf8)
        let run = try audit(["batch", dir + "/in", "--out", dir + "/out"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(dir)/out: holds files that are not batch outputs (notes.txt)"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/out") == ["notes.txt"])
        #expect(!started(dir))
    }

    /// A linked output folder: the set replaces the folder the link points to; the link stays.
    @Test func aLinkedOutputFolderStaysALink() throws {
        let dir = try corpus("linked", copies: 2)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/real", withIntermediateDirectories: true)
        symlink("real", dir + "/out")
        for _ in 0..<2 { #expect(try audit(["batch", dir + "/in", "--out", dir + "/out"]).status == 0) }
        #expect(fileMode(dir + "/out") & S_IFMT == S_IFLNK)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/real").sorted() == Self.outputs)
    }

    /// Temporaries of this naming whose process is gone (killed by SIGKILL, or an older
    /// version hit by SIGHUP) are removed; a live process's (beside the folder) are left alone.
    @Test func staleTemporariesAreRemoved() throws {
        let dir = try corpus("stale", copies: 2)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dead = try deadProcessId()
        let live = getpid()
        try FileManager.default.createDirectory(atPath: dir + "/out", withIntermediateDirectories: true)
        try "partial".write(toFile: "\(dir)/out/.results.jsonl.tmp-\(dead)", atomically: false, encoding: .utf8)
        for pid in [dead, live] {
            try FileManager.default.createDirectory(atPath: "\(dir)/.out.tmp-\(pid)", withIntermediateDirectories: true)
            try "partial".write(toFile: "\(dir)/.out.tmp-\(pid)/rules.csv", atomically: false, encoding: .utf8)
        }
        let run = try audit(["batch", dir + "/in", "--out", dir + "/out"])
        #expect(run.status == 0, "\(run.stderr)")
        let inside = try FileManager.default.contentsOfDirectory(atPath: dir + "/out").sorted()
        #expect(inside == Self.outputs)
        let beside = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(beside == [".out.tmp-\(live)", "in", "out"])
    }

    /// SIGHUP and SIGUSR1 stop a run as Ctrl-C does: no temporaries left, the old set kept.
    @Test func hangupAndUserSignalsLeaveNoTemporaries() throws {
        let dir = try corpus("signals", copies: 1200)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for signal in [SIGHUP, SIGUSR1] {
            let process = try startBatch(dir)
            for _ in 0..<500 where !started(dir) { usleep(20_000) }
            #expect(process.isRunning)
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            #expect(process.terminationStatus == 130, "signal \(signal)")
            #expect(!started(dir), "signal \(signal): temporaries left")
        }
    }
}
