import AuditCalendar
import AuditCore
import AuditEngine
import AuditReport
import AuditRules
import Testing

/// The spec's example report (fixtures/example-report.yaml, a copy of
/// ../shared/spec/example-report.yaml) and its known failures, for the rules that exist.
@Suite struct ExampleReportTests {
    @Test func loadsWithoutError() throws {
        let report = try reportFile("fixtures/example-report.yaml")
        #expect(report.root["outlet"] != nil)
        #expect(report.utcOffsetSeconds == 8 * 3600)
    }

    /// Expected by hand from report-format.md ("its known failures are …": TIER-CLAIM because
    /// BLD-POSTINGS is a standard-tier rule; it points at `tier: standard` on line 18) and the lines of
    /// the fixture: reception_area_m2 is on line 27 (value at column 22), the postings key on
    /// line 42 with its list starting at 43:5, E1077's badge on line 75 (value at column 12),
    /// CMP-0402-01's feedback_at on line 98 (value at column 18), CLM-0213-01's decided_at on
    /// line 115 (column 17: decided 02-26, the 3-working-day deadline was 02-25 because 02-14
    /// is an adjusted working day).
    @Test func knownFailuresAtTheirLines() throws {
        let result = auditor().audit(try reportFile("fixtures/example-report.yaml"))
        let fails = result.findings.filter { $0.status == .fail }.map(summary).sorted()
        #expect(fails == [
            "BLD-AREA-CENTER - fail 27:22 premises.reception_area_m2",
            "BLD-POSTINGS - fail 43:5 premises.postings",
            "ETQ-BADGE E1077 fail 75:12 staff[1].badge",
            "TIER-CLAIM - fail 18:9 outlet.tier",
            "TML-CLAIM-3WD CLM-0213-01 fail 115:17 cases[2].decided_at",
            "TML-FEEDBACK-2WD CMP-0402-01 fail 98:18 cases[0].feedback_at",
        ])
    }

    @Test func openClaimIsNotDueAndConsultationOnTimeThanksToTheHolidays() throws {
        let result = auditor().audit(try reportFile("fixtures/example-report.yaml"))
        let decide = result.findings.filter { $0.rule.id == "TML-LAW23-DECIDE-30D" }.map { "\($0.item ?? "-") \($0.status.rawValue)" }
        #expect(decide == ["CMP-0402-01 not_applicable", "CON-0402-02 not_applicable", "CLM-0213-01 pass", "CLM-0409-02 not_due"])
        let feedback = result.findings.filter { $0.rule.id == "TML-FEEDBACK-2WD" }.map { "\($0.item ?? "-") \($0.status.rawValue)" }
        #expect(feedback == ["CMP-0402-01 fail", "CON-0402-02 pass", "CLM-0213-01 not_applicable", "CLM-0409-02 not_applicable"])
    }

    @Test func messagesInBothLanguages() throws {
        let report = try reportFile("fixtures/example-report.yaml")
        let zh = auditor(language: .zh).audit(report).findings.first { $0.rule.id == "TML-FEEDBACK-2WD" && $0.status == .fail }
        #expect(zh?.message == "案件 CMP-0402-01 应于 2026-04-07 前反馈,晚 1 个工作日")
        let en = auditor(language: .en).audit(report).findings.first { $0.rule.id == "BLD-POSTINGS" }
        #expect(en?.message == "postings missing: staff supervision board (with photos)")
        let zhPostings = auditor(language: .zh).audit(report).findings.first { $0.rule.id == "BLD-POSTINGS" }
        #expect(zhPostings?.message == "缺少宣传材料:服务人员监督板(带照片)")
    }

    @Test func asOfAfterTheDeadlineMakesTheOpenClaimOverdue() throws {
        // documents complete 2026-04-13 + 30 days = 05-13 (Wednesday, a working day); the
        // deadline is 05-13 24:00, so as of 05-14 00:01 the open claim is overdue.
        guard case .success(let late) = Timestamp.parse("2026-05-14 00:01", localOffsetSeconds: 8 * 3600),
              case .success(let edge) = Timestamp.parse("2026-05-13 23:59", localOffsetSeconds: 8 * 3600)
        else { Issue.record("timestamps"); return }
        let report = try reportFile("fixtures/example-report.yaml")
        let status = { (t: Timestamp) in
            auditor(asOf: t).audit(report).findings.first { $0.rule.id == "TML-LAW23-DECIDE-30D" && $0.item == "CLM-0409-02" }?.status
        }
        #expect(status(late) == .fail)
        #expect(status(edge) == .notDue)
    }

    @Test func sameInputSameFindings() throws {
        let report = try reportFile("fixtures/example-report.yaml")
        let a = auditor().audit(report).findings.map { summary($0) + $0.message }
        let b = auditor().audit(report).findings.map { summary($0) + $0.message }
        #expect(a == b)
    }
}
