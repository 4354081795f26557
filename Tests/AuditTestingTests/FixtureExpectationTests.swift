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
            "fails: expected but not found: ETQ-BADGE E1023; found but not expected: BLD-POSTINGS, TIER-CLAIM, TML-CLAIM-3WD CLM-0213-01, TML-FEEDBACK-2WD CMP-0402-01",
            "grade: expected excellent, got good",
            "tier.qualifies: expected standard, got none",
        ])
    }
}
