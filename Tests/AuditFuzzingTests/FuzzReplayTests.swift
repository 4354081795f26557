import AuditFuzzing
import AuditTestSupport
import Foundation
import Testing

/// Every input a fuzzer once broke the code with, replayed: it must now end as its name
/// says (`NAME.accepted.*` or `NAME.refused.*`) — and not crash on the way.
@Suite struct FuzzReplayTests {
    static func saved(_ target: String) -> [String] {
        let dir = repositoryRoot + "/fixtures/fuzz/" + target
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { dir + "/" + $0 }
    }

    static func expectation(_ path: String) -> Bool? {
        let name = (path as NSString).lastPathComponent
        if name.contains(".accepted.") { return true }
        if name.contains(".refused.") { return false }
        return nil
    }

    static func check(_ path: String, _ outcome: FuzzHarness.Outcome) {
        guard let accepted = expectation(path) else {
            Issue.record("\(path): name it NAME.accepted.EXT or NAME.refused.EXT")
            return
        }
        if accepted {
            #expect(outcome == .accepted, "\(path)")
        } else {
            #expect(outcome != .accepted, "\(path)")
        }
    }

    @Test(arguments: saved("report")) func report(_ path: String) { Self.check(path, FuzzHarness.report(FuzzInput.read(path))) }
    @Test(arguments: saved("expression")) func expression(_ path: String) { Self.check(path, FuzzHarness.expression(FuzzInput.read(path))) }
    @Test(arguments: saved("rulefiles")) func ruleFile(_ path: String) { Self.check(path, FuzzHarness.ruleFile(FuzzInput.read(path))) }
    @Test(arguments: saved("previous")) func previousRound(_ path: String) {
        Self.check(path, FuzzHarness.previousRound(FuzzInput.read(path)))
    }

    /// The harness goes the whole way on good input and stops at diagnostics on bad: what
    /// the fuzzers exercise is the real path.
    @Test func theHarnessTakesTheRealPath() throws {
        #expect(FuzzHarness.report(FuzzInput.read(repositoryRoot + "/fixtures/example-report.yaml")) == .accepted)
        #expect(FuzzHarness.report(Array("inspection: [".utf8)) != .accepted)
        #expect(FuzzHarness.expression(Array("premises.clean and params.n > 2".utf8)) == .accepted)
        #expect(FuzzHarness.expression(Array("premises.clen".utf8)) != .accepted)
        #expect(FuzzHarness.ruleFile(FuzzInput.read(repositoryRoot + "/rules/etiquette.yaml")) == .accepted)
        #expect(FuzzHarness.ruleFile(FuzzInput.read(repositoryRoot + "/fixtures/broken-rules/a-pack.yaml")) != .accepted)
        #expect(FuzzHarness.ruleFile(FuzzInput.read(repositoryRoot + "/fixtures/profiles/heilongjiang.yaml")) == .accepted)
        #expect(FuzzHarness.ruleFile(Array("profile: p\ndisable: [{rule: NOPE-1, reason: r}]\n".utf8)) != .accepted)
    }
}
