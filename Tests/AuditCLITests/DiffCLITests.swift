import AuditTestSupport
import Foundation
import Testing

/// `audit diff OLD NEW` on the example report and its July re-inspection
/// (fixtures/diff/example-later.yaml: the premises failures fixed, a new uniform failure,
/// two results assessed or decided since).
@Suite struct DiffCLITests {
    static let old = "fixtures/example-report.yaml"
    static let new = "fixtures/diff/example-later.yaml"

    static let goldens: [GoldenCase] = [
        GoldenCase(snapshot: "diff.en.txt", arguments: ["--lang", "en"]),
        GoldenCase(snapshot: "diff.zh.txt", arguments: ["--lang", "zh"]),
        GoldenCase(snapshot: "diff.en.md", arguments: ["--format", "markdown", "--lang", "en"]),
        GoldenCase(snapshot: "diff.zh.json", arguments: ["--format", "json", "--lang", "zh"]),
    ]

    @Test(arguments: goldens) func golden(_ golden: GoldenCase) throws {
        let run = try audit(["diff", Self.old, Self.new] + golden.arguments)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        try assertSnapshot(run.stdout, named: golden.snapshot)
        // Same input, same bytes.
        #expect(try audit(["diff", Self.old, Self.new] + golden.arguments).stdout == run.stdout)
    }

    /// What an inspector looks for, independent of the goldens' layout.
    @Test func jsonNamesFixedNewAndFlipped() throws {
        let run = try audit(["diff", Self.old, Self.new, "--format", "json", "--lang", "en"])
        #expect(run.status == 0)
        let object = try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        func keys(_ name: String) -> [String] {
            ((object[name] as? [[String: Any]]) ?? []).map { "\($0["rule"] as? String ?? "?") \($0["item"] as? String ?? "-") \($0["old"] as? String ?? "-")→\($0["new"] as? String ?? "-")" }
        }
        #expect(keys("new_failures") == ["ETQ-UNIFORM E1077 pass→fail"])
        #expect(keys("fixed").sorted() == ["BLD-AREA-CENTER - fail→pass", "BLD-POSTINGS - fail→pass", "TIER-CLAIM - fail→pass"])
        let flipped = keys("flipped")
        #expect(flipped.contains("ETQ-FORBIDDEN-PHRASES E1077 not_assessed→pass"))
        #expect(flipped.contains("ETQ-PLAIN-LANGUAGE E1077 not_assessed→pass"))
        #expect(!flipped.contains { $0.hasSuffix("fail") || $0.contains("fail→") }, "failures are never 'other changes'")
        let old = try #require(object["old"] as? [String: Any]), new = try #require(object["new"] as? [String: Any])
        #expect(old["score"] as? Double == 87.9)
        let change = try #require(object["score_change"] as? Double)
        let newScore = try #require(new["score"] as? Double)
        #expect(abs((87.9 + change) - newScore) < 0.001, "the change is the difference of the scores shown")
        #expect(object["same_outlet"] as? Bool == true)
    }

    @Test func sameReportTwiceHasNoChanges() throws {
        let run = try audit(["diff", Self.old, Self.old, "--lang", "en"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("score: 87.9 good → 87.9 good  0.0 =\n"))
        #expect(run.stdout.contains("New failures (0)\n  none\n"))
        #expect(run.stdout.contains("Fixed (0)\n  none\n"))
        #expect(run.stdout.contains("Other changes (0)\n  none\n"))
    }

    @Test func differentOutletsAreComparedWithAWarning() throws {
        let dir = try temporaryFolder("diff-outlet")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let other = try exampleReport(replacing: [(of: "  id: HLJ-HRB-DL-001\n", with: "  id: HLJ-HRB-NG-002\n")], in: dir)
        let text = try audit(["diff", Self.old, other, "--lang", "en"])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.split(separator: "\n")[1]
            == "warning: the two reports are of different outlets (HLJ-HRB-DL-001 → HLJ-HRB-NG-002); compared by rule id and item all the same.")
        let zh = try audit(["diff", Self.old, other, "--lang", "zh"])
        #expect(zh.stdout.contains("注意：两份报告不是同一网点（HLJ-HRB-DL-001 → HLJ-HRB-NG-002），仍按规则编号和对象逐项对比。\n"))
        let json = try audit(["diff", Self.old, other, "--format", "json", "--lang", "en"])
        #expect(json.status == 0)
        #expect(json.stdout.contains("\"same_outlet\": false"))
        #expect(json.stderr.hasPrefix("warning: the two reports are of different outlets"))
    }

    /// A waived failure is `waived` in both rounds, as `audit` shows it: the new uniform failure
    /// of E1077 under a waiver is an "other change" (pass → waived), not a new failure.
    @Test func waiversApplyToBothReports() throws {
        let dir = try temporaryFolder("diff-waivers")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let waivers = dir + "/waivers.yaml"
        try """
            waivers:
              - {rule: ETQ-UNIFORM, outlet: "HLJ-HRB-*", item: E1077, reason: 制服送洗, approved_by: 黑龙江分公司客服部, expires: 2026-12-31}
            """.write(toFile: waivers, atomically: true, encoding: .utf8)
        let run = try audit(["diff", Self.old, Self.new, "--waivers", waivers, "--lang", "en"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("New failures (0)\n  none\n"))
        #expect(run.stdout.contains("  ETQ-UNIFORM E1077 [minor] Uniform worn: pass → waived\n"))
    }

    @Test func unreadableOrInvalidReportExits2() throws {
        let missing = try audit(["diff", Self.old, "fixtures/diff/no-such-report.yaml", "--lang", "en"])
        #expect(missing.status == 2)
        #expect(missing.stdout.isEmpty)
        #expect(missing.stderr.contains("no-such-report.yaml"))
        let invalid = try audit(["diff", "fixtures/broken-reports/unknown-key.yaml", Self.new, "--lang", "en"])
        #expect(invalid.status == 2)
        #expect(invalid.stdout.isEmpty)
        #expect(invalid.stderr.contains("fixtures/broken-reports/unknown-key.yaml:"), "diagnostics with file:line:col")
    }

    @Test func usageErrorsExit64() throws {
        let one = try audit(["diff", Self.old, "--lang", "en"])
        #expect(one.status == 64)
        #expect(one.stderr.contains("Usage: audit diff"))
        let format = try audit(["diff", Self.old, Self.new, "--format", "sarif", "--lang", "en"])
        #expect(format.status == 64)
        let stdin = try audit(["diff", "-", "-", "--lang", "en"])
        #expect(stdin.status == 64)
    }
}
