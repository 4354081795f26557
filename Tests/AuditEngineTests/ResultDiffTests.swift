import AuditEngine
import AuditRules
import AuditTestSupport
import Foundation
import Testing

/// `ResultDiff`: results matched by rule id and item, and results present on one side only.
@Suite struct ResultDiffTests {
    /// fixtures/diff/example-later.yaml without staff member E1077 (who fails ETQ-UNIFORM there).
    static func laterWithoutE1077() throws -> AuditResult {
        let text = try String(contentsOfFile: repositoryRoot + "/fixtures/diff/example-later.yaml", encoding: .utf8)
        let start = try #require(text.range(of: "  - id: E1077\n"))
        let end = try #require(text.range(of: "\ncalls:", range: start.upperBound..<text.endIndex))
        var edited = text
        edited.removeSubrange(start.lowerBound..<end.lowerBound)
        return auditor().audit(try report(edited, file: "later-without-E1077.yaml"))
    }

    @Test func matchesByRuleAndItem() throws {
        let old = auditor().audit(try reportFile("fixtures/example-report.yaml"))
        let new = auditor().audit(try reportFile("fixtures/diff/example-later.yaml"))
        let diff = ResultDiff(old: old, new: new)
        let shown = { (kind: ResultDiff.Change.Kind) in
            diff.changes(kind).map { "\($0.rule) \($0.item ?? "-") \($0.old?.rawValue ?? "-") \($0.new?.rawValue ?? "-")" }
        }
        #expect(shown(.newFailure) == ["ETQ-UNIFORM E1077 pass fail"])
        #expect(shown(.fixed).sorted() == ["BLD-AREA-CENTER - fail pass", "BLD-POSTINGS - fail pass", "TIER-CLAIM - fail pass"])
        #expect(shown(.flipped).contains("TML-LAW23-DECIDE-30D CLM-0409-02 not_due pass"))
        // Still failing on both sides: no change.
        #expect(!diff.changes.contains { $0.rule == "TML-FEEDBACK-2WD" })
        #expect(diff.outletMismatch == nil)
        #expect(!diff.isEmpty)
        // Nothing differs when a report is compared with itself.
        let same = ResultDiff(old: old, new: old)
        #expect(same.changes.isEmpty && same.isEmpty && same.totalChange == 0)
    }

    @Test func aResultOnOneSideCountsOnlyWhenItFails() throws {
        let with = auditor().audit(try reportFile("fixtures/diff/example-later.yaml"))
        let without = try Self.laterWithoutE1077()
        // E1077 left: her failure is gone (fixed, nothing now), her passes are not listed.
        let left = ResultDiff(old: with, new: without)
        #expect(left.changes.map { "\($0.kind.rawValue) \($0.rule) \($0.item ?? "-") \($0.old?.rawValue ?? "-") \($0.new?.rawValue ?? "-")" }
            == ["fixed ETQ-UNIFORM E1077 fail -"])
        // E1077 joined: her failure is new.
        let joined = ResultDiff(old: without, new: with)
        #expect(joined.changes.map { "\($0.kind.rawValue) \($0.rule) \($0.item ?? "-") \($0.old?.rawValue ?? "-") \($0.new?.rawValue ?? "-")" }
            == ["new_failure ETQ-UNIFORM E1077 - fail"])
    }
}
