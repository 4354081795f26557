import AuditEngine
import AuditTestSupport
import Testing

/// Rules that come due (issue 8): a check waits until the report shows it is due.
@Suite struct RuleDueTests {
    func statuses(_ cases: String) throws -> [String] {
        auditor().audit(try report(minimalReport("cases:\n" + cases))).findings.filter { $0.rule.id == "ETQ-FIRST-CONTACT" }
            .map { "\($0.item ?? "-") \($0.status.rawValue)" + ($0.missing.isEmpty ? "" : " \($0.missing.joined())") }
    }

    @Test func theConfirmationComesDueWhenTheCaseIsDone() throws {
        #expect(try statuses("  - {id: A, kind: consultation, received_at: 2026-04-02 15:00, transferred_to: E2, transfer_confirmed: false}")
            == ["A not_due"])
        #expect(try statuses("  - {id: A, kind: consultation, received_at: 2026-04-02 15:00, transferred_to: E2, transfer_confirmed: true}")
            == ["A pass"])
        #expect(try statuses("  - {id: A, kind: consultation, received_at: 2026-04-02 15:00, transferred_to: E2, resolved_at: 2026-04-03 10:00, transfer_confirmed: false}")
            == ["A fail"])
        // Resolved, but nobody wrote down whether the confirmation came: missing evidence.
        #expect(try statuses("  - {id: A, kind: consultation, received_at: 2026-04-02 15:00, transferred_to: E2, resolved_at: 2026-04-03 10:00}")
            == ["A not_assessed cases[0].transfer_confirmed"])
        // Not transferred: nothing to confirm.
        #expect(try statuses("  - {id: A, kind: consultation, received_at: 2026-04-02 15:00}") == ["A not_applicable"])
    }
}
