import AuditCalendar
import AuditCore
import AuditEngine
import AuditReport
import AuditRules
import AuditTestSupport
import Testing

/// Three-valued evidence: what is missing, never happened or unknown gives no verdict, never a
/// pass; what was heard or seen decides. Each test failed before the fix a review asked for.
@Suite struct EvidenceTests {
    /// A pack with one rule, evaluated on a report; returns `item status` per result.
    func run(_ rule: String, on yaml: String, extraFiles: [RuleSet.SourceFile] = [], language: Language = .en) throws -> [Finding] {
        let pack = "pack: t\nversion: \"1\"\nrules:\n" + rule
        let set = try RuleSet.load([.init(path: "t.yaml", bytes: Array(pack.utf8))] + extraFiles)
        let auditor = Auditor(rules: try set.compile(), context: EvaluationContext(calendar: set.calendar))
        return auditor.audit(try report(yaml)).findings
    }

    func rule(_ check: String, applies: String? = nil, forEach: String? = nil) -> String {
        var text = """
              - id: T-1
                title: {zh: t, en: t}
                section: build
                severity: minor
                cite: {source: X, document: X, clause: "1", quote: q}
                check: '\(check)'
                message: {zh: m, en: m}
                examples: {pass: [{outlet: {}}], fail: [{outlet: {}}]}

            """
        if let applies { text += "    applies: '\(applies)'\n" }
        if let forEach { text += "    for_each: \(forEach)\n" }
        return text
    }

    func statuses(_ findings: [Finding]) -> [String] { findings.map { "\($0.item ?? "-") \($0.status.rawValue)" } }

    @Test func aProvincialCalendarIsLayeredOnTheNationalOne() throws {
        let provincial = """
            calendar: business-days/1
            years:
              2026:
                source: 某省补充通知
                holidays: [2026-04-08]
                working_days: []
            """
        let yaml = minimalReport("cases:\n  - {id: C1, kind: consultation, answered_on_spot: false, received_at: 2026-04-02 15:00, feedback_at: 2026-04-09 10:00}")
        // National: 04-03 (1), 04-04..06 holidays, 04-07 (2). With 04-08 a provincial holiday,
        // feedback on 04-09 is 1 working day late — not 2 (Qingming must not be lost).
        let findings = try run(rule("on_time(it.feedback_at, it.received_at, workdays: 2).late == 1", forEach: "cases"), on: yaml,
                               extraFiles: [.init(path: "p.yaml", bytes: Array(provincial.utf8))])
        #expect(statuses(findings) == ["C1 pass"])
    }

    @Test func aMissingElementMakesAListUnknown() throws {
        let findings = try run(rule("[outlet.city, outlet.district].join(\"\") == \"哈尔滨市\""), on: minimalReport(outletExtra: "  city: 哈尔滨市"))
        #expect(statuses(findings) == ["- not_assessed"])
        #expect(findings.first?.missing == ["outlet.district"])
    }

    @Test func orderingAgainstSomethingNotHappenedIsNoVerdict() throws {
        let yaml = minimalReport("cases:\n  - {id: C1, kind: consultation, received_at: 2026-04-13 15:00}")
        let findings = try run(rule("it.feedback_at <= deadline(it.received_at, workdays: 2)", forEach: "cases"), on: yaml)
        #expect(statuses(findings) == ["C1 not_assessed"])
    }

    @Test func aCheckOnSomethingThatNeverHappenedIsNotApplicable() throws {
        let yaml = minimalReport("calls:\n  - {id: C1, rings: 2}")
        #expect(statuses(try run(rule("it.surname_used", forEach: "calls"), on: yaml)) == ["C1 not_applicable"])
    }

    @Test func anAbsentListRespectsApplies() throws {
        let hall = minimalReport().replacingOccurrences(of: "type: service_center", with: "type: service_hall")
        let findings = try run(rule("it.badge", applies: "outlet.type == \"service_center\"", forEach: "staff"), on: hall)
        #expect(statuses(findings) == ["- not_applicable"])
        let centre = try run(rule("it.badge", applies: "outlet.type == \"service_center\"", forEach: "staff"), on: minimalReport())
        #expect(statuses(centre) == ["- not_assessed"])
    }

    @Test func aPhraseHeardIsAFailEvenIfTheOpeningIsMissing() throws {
        let yaml = minimalReport("staff: []\ncalls:\n  - {id: C1, transcript: [\"我不知道,你去投诉好了\"]}")
        let findings = auditor().audit(try report(yaml)).findings.filter { $0.rule.id == "ETQ-FORBIDDEN-PHRASES" }
        #expect(statuses(findings) == ["C1 fail"])
    }

    @Test func aCallWithoutTranscriptIsNotAssessedUnlessAPhraseIsHeard() throws {
        let yaml = minimalReport("staff: []\ncalls:\n  - {id: C1, opening: \"您好,请问有什么可以帮您?\"}\n  - {id: C2, opening: \"喂,说话呀\"}")
        let findings = auditor().audit(try report(yaml)).findings.filter { $0.rule.id == "ETQ-FORBIDDEN-PHRASES" }
        #expect(findings.map { "\($0.item ?? "-") \($0.status.rawValue)" } == ["C1 not_assessed", "C2 fail"])
    }

    @Test func completionAtTwentyFourHundredIsOnTime() throws {
        let yaml = minimalReport("cases:\n  - {id: C1, kind: complaint, answered_on_spot: false, received_at: 2026-04-02 15:00, feedback_at: \"2026-04-07 24:00\"}")
        let findings = auditor().audit(try report(yaml)).findings.filter { $0.rule.id == "TML-FEEDBACK-2WD" }
        #expect(statuses(findings) == ["C1 pass"])
    }

    @Test func evaluationErrorsSpeakChinese() throws {
        let yaml = minimalReport("cases:\n  - {id: C1, kind: claim, received_at: 2027-01-04 09:00, documents_complete_at: 2027-01-05 09:00, decided_at: 2027-01-06 09:00}")
        let finding = auditor().audit(try report(yaml)).findings.first { $0.rule.id == "TML-LAW23-DECIDE-30D" }
        #expect(finding?.text(.zh) == "业务日历未覆盖 2027 年")
        #expect(finding?.path == nil)
    }
}
