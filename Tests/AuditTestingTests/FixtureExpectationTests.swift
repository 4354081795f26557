import AuditTestSupport
import AuditEngine
import AuditTesting
import Foundation
import Testing

/// Every `fixtures/reports/NAME.expect.yaml` (format: `FixtureExpectation`) holds the result
/// of auditing `NAME.yaml`, worked out by hand from the spec.
@Suite struct FixtureExpectationTests {
    static let directory = repositoryRoot + "/fixtures/reports"

    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.hasSuffix(FixtureExpectation.suffix) }.sorted()
    }()

    @Test func thereIsOneFixturePerOutletKindPlusRedLineAndSparse() {
        #expect(Self.files.count >= 7, "\(Self.files)")
    }

    @Test(arguments: files)
    func fixtureMeetsItsExpectation(file: String) {
        let outcome = FixtureExpectation.check("\(Self.directory)/\(file)", ruleSet: shippedRules, rules: shippedCompiled)
        #expect(outcome.problems == [], "\(file)")
    }

    /// The checker can fail: a wrong expectation is reported with what differs.
    @Test func aWrongExpectationIsReported() throws {
        let dir = NSTemporaryDirectory() + "audit-expect-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.copyItem(atPath: repositoryRoot + "/fixtures/example-report.yaml", toPath: dir + "/x.yaml")
        try """
            fails: [BLD-AREA-CENTER, ETQ-BADGE E1023]
            grade: excellent
            provisional: false
            red_line: null
            tier: {claimed: standard, qualifies: standard}
            """.write(toFile: dir + "/x.expect.yaml", atomically: true, encoding: .utf8)
        let outcome = FixtureExpectation.check(dir + "/x.expect.yaml", ruleSet: shippedRules, rules: shippedCompiled)
        #expect(outcome.problems == [
            "fails: expected but not found: ETQ-BADGE E1023 (got pass); found but not expected: "
                + "BLD-POSTINGS (“postings missing: staff supervision board (with photos)”), "
                + "TIER-CLAIM (“certified as standard, but a customer service centre does not meet its standard: BLD-POSTINGS”), "
                + "TML-CLAIM-3WD CLM-0213-01 (“claim CLM-0213-01 (documents complete, no investigation) was due for a decision by 2026-02-25; 1 working day(s) late”), "
                + "TML-FEEDBACK-2WD CMP-0402-01 (“case CMP-0402-01 was due for feedback by 2026-04-07; 1 working day(s) late”)",
            "grade: expected excellent, got good",
            "tier.qualifies: expected standard, got none",
        ])
    }

    /// Issue 10: an expected fail that came out not_assessed names the missing evidence; an
    /// unexpected fail shows the rule's message.
    @Test func aWrongExpectationSaysWhy() throws {
        let dir = NSTemporaryDirectory() + "audit-expect-why-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try minimalReport("staff: [{id: E1, role: counter, greeted_first: true}, {id: E2, role: cashier, stood_to_greet: false, greeted_first: true}]")
            .write(toFile: dir + "/x.yaml", atomically: true, encoding: .utf8)
        try """
            fails: [ETQ-GREETING E1]
            statuses: {ETQ-GREETING E1: fail, ETQ-GREETING E2: pass}
            """.write(toFile: dir + "/x.expect.yaml", atomically: true, encoding: .utf8)
        let outcome = FixtureExpectation.check(dir + "/x.expect.yaml", ruleSet: shippedRules, rules: shippedCompiled)
        let e2 = "staff member E2 did not stand to greet the customer or did not greet first"
        #expect(outcome.problems.contains(
            "fails: expected but not found: ETQ-GREETING E1 (got not_assessed; missing: staff[0].stood_to_greet); found but not expected: ETQ-GREETING E2 (“\(e2)”)"))
        #expect(outcome.problems.contains("status of ETQ-GREETING E1: expected fail, got not_assessed (missing: staff[0].stood_to_greet)"))
        #expect(outcome.problems.contains("status of ETQ-GREETING E2: expected pass, got fail: \(e2)"))
    }
}
