import AuditTestSupport
import AuditCalendar
import AuditCore
import AuditEngine
import AuditFormatters
import AuditReport
import AuditRules
import Testing

/// Missing evidence, applicability and deadline outcomes, end to end through the shipped rules.
@Suite struct EvaluationTests {
    func statuses(_ yaml: String, rule: String, asOf: Timestamp? = nil) throws -> [String] {
        auditor(asOf: asOf).audit(try report(yaml)).findings.filter { $0.rule.id == rule }
            .map { "\($0.item ?? "-") \($0.status.rawValue)" }
    }

    @Test func missingEvidenceIsNotAssessedNeverPass() throws {
        let result = auditor().audit(try report(minimalReport()))
        let area = result.findings.first { $0.rule.id == "BLD-AREA-CENTER" }
        #expect(area?.status == .notAssessed)
        #expect(area?.missing == ["premises"])
        #expect(!result.findings.contains { $0.status == .pass && $0.rule.id.hasPrefix("BLD") })
    }

    @Test func missingFieldNamesItsPath() throws {
        let result = auditor().audit(try report(minimalReport("premises:\n  clean: true")))
        let area = result.findings.first { $0.rule.id == "BLD-AREA-CENTER" }
        #expect(area?.status == .notAssessed)
        #expect(area?.missing == ["premises.reception_area_m2"])
        #expect(area?.location.line == 12)  // the premises mapping, which lacks the key
    }

    @Test func unknownApplicabilityIsNotAssessed() throws {
        // answered_on_spot absent: we cannot know whether the 2-day clause applies.
        let yaml = minimalReport("cases:\n  - {id: C1, kind: complaint, received_at: 2026-04-02 15:00, feedback_at: 2026-04-03 10:00}")
        #expect(try statuses(yaml, rule: "TML-FEEDBACK-2WD") == ["C1 not_assessed"])
    }

    @Test func notApplicableForOtherOutletTypes() throws {
        let yaml = minimalReport("premises: {reception_area_m2: 10}").replacingOccurrences(of: "type: service_center", with: "type: service_hall")
        #expect(try statuses(yaml, rule: "BLD-AREA-CENTER") == ["- not_applicable"])
    }

    @Test func completionBeforeStartIsAnErrorWithBothLocations() throws {
        let yaml = minimalReport("cases:\n  - {id: C1, kind: complaint, answered_on_spot: false, received_at: 2026-04-02 15:00, feedback_at: 2026-04-01 10:00}")
        let finding = auditor().audit(try report(yaml)).findings.first { $0.rule.id == "TML-FEEDBACK-2WD" }
        #expect(finding?.status == .error)
        #expect(finding?.location.line == 12)
        #expect(finding?.related.count == 1)
        #expect(finding?.text(.en).contains("before the start") == true)
    }

    @Test func dateOutsideTheCalendarIsAnErrorNamingTheYear() throws {
        let yaml = minimalReport("cases:\n  - {id: C1, kind: claim, received_at: 2027-01-04 09:00, documents_complete_at: 2027-01-05 09:00, decided_at: 2027-01-06 09:00}")
        let finding = auditor().audit(try report(yaml)).findings.first { $0.rule.id == "TML-LAW23-DECIDE-30D" }
        #expect(finding?.status == .error)
        #expect(finding?.text(.en) == "calendar does not cover 2027")
    }

    @Test func openCaseOverdueIsAFail() throws {
        let yaml = minimalReport("cases:\n  - {id: C1, kind: consultation, answered_on_spot: false, received_at: 2026-04-02 15:00}")
        // inspected 04-14: the 04-07 deadline has passed, feedback never given.
        #expect(try statuses(yaml, rule: "TML-FEEDBACK-2WD") == ["C1 fail"])
        let early = minimalReport("cases:\n  - {id: C1, kind: consultation, answered_on_spot: false, received_at: 2026-04-13 15:00}")
        #expect(try statuses(early, rule: "TML-FEEDBACK-2WD") == ["C1 not_due"])
    }

    @Test func forbiddenPhrasesIgnorePunctuationAndSpaces() throws {
        let yaml = minimalReport("""
            staff:
              - {id: E1, utterances: ["这是 规定,我有什么办法"]}
              - {id: E2, utterances: ["您好,请坐"]}
            calls:
              - {id: C1, opening: "喂 说话呀"}
            """)
        #expect(try statuses(yaml, rule: "ETQ-FORBIDDEN-PHRASES") == ["E1 fail", "E2 pass", "C1 fail"])
        let finding = auditor().audit(try report(yaml)).findings.first { $0.item == "E1" && $0.rule.id == "ETQ-FORBIDDEN-PHRASES" }
        #expect(finding?.text(.zh) == "E1 使用服务忌语：这是规定")
    }

    @Test func parameterOverrideChangesTheThreshold() throws {
        guard case .success(let overrides) = shippedRules.parseOverrides(["min_area_center_m2=70"]) else {
            Issue.record("override rejected"); return
        }
        #expect(overrides.keys.sorted() == ["BLD-AREA-CENTER.min_area_center_m2"])
        let rules = try shippedRules.compile(RuleConfiguration(profiles: [], params: overrides))
        let result = auditor(rules: rules).audit(try reportFile("fixtures/example-report.yaml"))
        #expect(result.findings.first { $0.rule.id == "BLD-AREA-CENTER" }?.status == .pass)
    }

    @Test func badOverridesAreRejected() {
        guard case .failure(let unknown) = shippedRules.parseOverrides(["min_area_centre_m2=70"]) else { Issue.record("accepted"); return }
        #expect(unknown.description == "unknown parameter 'min_area_centre_m2' (did you mean 'min_area_center_m2'?)")
        guard case .failure(let wrongType) = shippedRules.parseOverrides(["min_area_center_m2=big"]) else { Issue.record("accepted"); return }
        #expect(wrongType.description == "--param min_area_center_m2 must be int, got 'big'")
    }
}
