import AuditCalendar
import AuditCore
import AuditEngine
import AuditFormatters
import AuditReport
import AuditRules
import AuditYAML
import AuditTestSupport
import Testing

/// Behaviours a review of the first engine found wrong; each test failed before its fix.
@Suite struct ReviewRegressionTests {
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

    @Test func longOperatorChainsAreASyntaxErrorNotACrash() {
        let chain = Array(repeating: "1", count: 2000).joined(separator: " + ")
        #expect(throws: SyntaxError.self) { try ExpressionParser.parse(chain) }
        let ok = Array(repeating: "1", count: 100).joined(separator: " + ")
        #expect((try? ExpressionParser.parse(ok)) != nil)
    }

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

    @Test func completionAtTwentyFourHundredIsOnTime() throws {
        let yaml = minimalReport("cases:\n  - {id: C1, kind: complaint, answered_on_spot: false, received_at: 2026-04-02 15:00, feedback_at: \"2026-04-07 24:00\"}")
        let findings = auditor().audit(try report(yaml)).findings.filter { $0.rule.id == "TML-FEEDBACK-2WD" }
        #expect(statuses(findings) == ["C1 pass"])
    }

    @Test func daylightSavingZonesAreRejected() {
        #expect(throws: DiagnosticList.self) { try report(minimalReport(outletExtra: "  timezone: Europe/Berlin")) }
        #expect((try? report(minimalReport(outletExtra: "  timezone: Asia/Urumqi"))) != nil)
    }

    @Test func thousandsOfBadKeysFailFast() throws {
        var yaml = minimalReport("premises:")
        for i in 0..<20_000 { yaml += "\n  bogus_key_\(i): 1" }
        let start = ContinuousClock.now
        #expect(throws: DiagnosticList.self) { try report(yaml) }
        // Generous bound: the point is that work stops at the diagnostic cap.
        #expect(ContinuousClock.now - start < .seconds(10))
    }

    @Test func fullwidthDigitsMatchTheirAsciiForms() {
        #expect(Phrase.contains(Phrase.normalize("您好，欢迎致电９５５１９"), Phrase.normalize("95519")))
        #expect(Phrase.contains(Phrase.normalize("ＣＨＩＮＡ life"), Phrase.normalize("china")))
    }

    @Test func letCannotHideAReportSection() {
        let pack = """
            pack: t
            version: "1"
            rules:
              - id: T-1
                title: {zh: t, en: t}
                section: build
                severity: minor
                cite: {source: X, document: X, clause: "1", quote: q}
                let: {outlet: '1'}
                check: 'true'
                message: {zh: m, en: m}
                examples: {pass: [{outlet: {}}], fail: [{outlet: {}}]}
            """
        #expect(throws: DiagnosticList.self) {
            let set = try RuleSet.load([.init(path: "t.yaml", bytes: Array(pack.utf8))])
            _ = try set.compile()
        }
    }

    @Test func evaluationErrorsSpeakChinese() throws {
        let yaml = minimalReport("cases:\n  - {id: C1, kind: claim, received_at: 2027-01-04 09:00, documents_complete_at: 2027-01-05 09:00, decided_at: 2027-01-06 09:00}")
        let finding = auditor().audit(try report(yaml)).findings.first { $0.rule.id == "TML-LAW23-DECIDE-30D" }
        #expect(finding?.text(.zh) == "业务日历未覆盖 2027 年")
        #expect(finding?.path == nil)
    }

    @Test func emptyRuleFolderIsAnError() {
        #expect(throws: DiagnosticList.self) { try RuleSet.load([]) }
    }
}

/// Behaviours a second review found wrong; each test failed before its fix.
@Suite struct SecondReviewRegressionTests {
    @Test func anAbsentTierMeansNoneSoTierClaimIsNotApplicable() throws {
        let result = auditor().audit(try report(minimalReport()))
        #expect(result.findings.first { $0.rule.id == "TIER-CLAIM" }?.status == .notApplicable)
        #expect(!result.score.missingEvidence.contains("outlet.tier"))
    }

    @Test func aCallWithoutTranscriptIsNotAssessedUnlessAPhraseIsHeard() throws {
        let yaml = minimalReport("staff: []\ncalls:\n  - {id: C1, opening: \"您好,请问有什么可以帮您?\"}\n  - {id: C2, opening: \"喂,说话呀\"}")
        let findings = auditor().audit(try report(yaml)).findings.filter { $0.rule.id == "ETQ-FORBIDDEN-PHRASES" }
        #expect(findings.map { "\($0.item ?? "-") \($0.status.rawValue)" } == ["C1 not_assessed", "C2 fail"])
    }

    @Test func aTierWithNoApplicableRuleOfItsLevelIsNotQualifiedFor() throws {
        let yaml = minimalReport("premises: {clean: true, zones: [business_acceptance], postings: [], amenities: []}",
                                 outletExtra: "  hosting: partner\n  tier: flagship")
            .replacingOccurrences(of: "type: service_center", with: "type: loss_assessment_center")
        // A loss-assessment centre cannot hold a tier at all (CS 2.1.1)…
        let result = auditor().audit(try report(yaml))
        #expect(result.tier.qualifies == nil)
        #expect(!result.tier.eligible)
        #expect(result.findings.first { $0.rule.id == "TIER-CLAIM" }?.status == .fail)
        // …and where a scoring file lets it, passing no flagship rule is still not flagship.
        var scoring = shippedRules.scoring
        scoring.tierOutletTypes.append("loss_assessment_center")
        let lenient = Auditor(rules: shippedCompiled, context: EvaluationContext(calendar: shippedRules.calendar), scoring: scoring).audit(try report(yaml))
        #expect(lenient.tier.qualifies == .standard)
        #expect(lenient.findings.first { $0.rule.id == "TIER-CLAIM" }?.status == .fail)
    }

    @Test func flagshipGroundMessageNeverShowsAQuestionMark() throws {
        let yaml = minimalReport(outletExtra: "  tier: flagship\n  street_facing: false")
        let finding = auditor().audit(try report(yaml)).findings.first { $0.rule.id == "BLD-FLAGSHIP-GROUND" }
        #expect(finding?.status == .fail)
        #expect(finding?.text(.zh) == "对外营业职场不是一层临街门店(楼层未记录,不临街)")
    }

    @Test func scoringFileRejectsDuplicateAndOutOfRangeBands() throws {
        let text = """
            scoring: outlet-score/1
            points: {critical: 10, major: 5, minor: 2, advisory: 0}
            weights: {build: 40, etiquette: 30, timeliness: 30}
            grades:
              - {id: top, min: 120, zh: 优, en: top}
              - {id: top, min: 60, zh: 良, en: ok}
              - {id: fail, min: 0, zh: 差, en: fail}
            red_line_grade: fail
            min_coverage: 0.8
            """
        do throws(DiagnosticList) {
            _ = try ScoringSettings.load(try YAMLLoader.load(bytes: Array(text.utf8), file: "s.yaml"))
            Issue.record("accepted")
        } catch {
            let messages = error.diagnostics.map(\.message)
            #expect(messages.contains("grade 'top' starts at 120; scores run from 0 to 100"))
            #expect(messages.contains("grade 'top' is defined twice"))
        }
    }
}
