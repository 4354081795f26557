import AuditTestSupport
import AuditCalendar
import AuditCore
import AuditEngine
import AuditReport
import AuditRules
import AuditYAML
import Testing

/// Scoring per scoring.md, on a small pack whose numbers are worked out by hand.
@Suite struct ScoringTests {
    static let pack = """
        pack: t
        version: "1"
        rules:
          - id: B-MAJOR
            title: {zh: t, en: t}
            section: build
            severity: major
            cite: {source: X, document: X, clause: "1", quote: q}
            check: premises.clean
            message: {zh: m, en: m}
            examples: {pass: [{premises: {clean: true}}], fail: [{premises: {clean: false}}]}
          - id: B-MINOR
            title: {zh: t, en: t}
            section: build
            severity: minor
            cite: {source: X, document: X, clause: "1", quote: q}
            check: premises.plants
            message: {zh: m, en: m}
            examples: {pass: [{premises: {plants: true}}], fail: [{premises: {plants: false}}]}
          - id: B-CRITICAL
            title: {zh: t, en: t}
            section: build
            severity: critical
            cite: {source: X, document: X, clause: "1", quote: q}
            check: premises.cashier_enclosed
            message: {zh: m, en: m}
            examples: {pass: [{premises: {cashier_enclosed: true}}], fail: [{premises: {cashier_enclosed: false}}]}
          - id: E-BADGE
            title: {zh: t, en: t}
            section: etiquette
            severity: minor
            cite: {source: X, document: X, clause: "1", quote: q}
            for_each: staff
            check: it.badge
            message: {zh: m, en: m}
            examples: {pass: [{staff: [{id: a, badge: true}]}], fail: [{staff: [{id: a, badge: false}]}]}
          - id: T-DUE
            title: {zh: t, en: t}
            section: timeliness
            severity: major
            cite: {source: X, document: X, clause: "1", quote: q}
            for_each: cases
            check: 'on_time(it.feedback_at, it.received_at, workdays: 2)'
            message: {zh: m, en: m}
            examples: {pass: [{cases: []}], fail: [{cases: []}]}
        """

    func audit(_ extra: String, waivers: String? = nil, asOf: String? = nil) throws -> AuditResult {
        let set = try RuleSet.load([.init(path: "t.yaml", bytes: Array(Self.pack.utf8))])
        var list: [Waiver] = []
        if let waivers {
            list = try WaiverFile.load(try YAMLLoader.load(bytes: Array(waivers.utf8), file: "w.yaml"),
                                       knownRules: set.definitions.map(\.id))
        }
        var asOfTime: Timestamp?
        if let asOf, case .success(let t) = Timestamp.parse(asOf, localOffsetSeconds: 8 * 3600) { asOfTime = t }
        let auditor = Auditor(rules: try set.compile(), context: EvaluationContext(calendar: set.calendar, asOf: asOfTime), scoring: set.scoring, waivers: list)
        return auditor.audit(try report(minimalReport(extra)))
    }

    static let base = """
        premises: {clean: true, plants: false, cashier_enclosed: true}
        staff:
          - {id: s1, badge: true}
          - {id: s2, badge: true}
          - {id: s3, badge: true}
          - {id: s4, badge: false}
        cases:
          - {id: c1, kind: consultation, received_at: 2026-04-13 09:00}
        """

    /// build: major 5 earned + critical 10 earned, minor 2 lost → 100 × 15/17 = 88.235…
    /// etiquette: 2 points over 4 staff, 3 pass 1 fail → 1.5 earned, 0.5 lost → 75
    /// timeliness: only not_due (inspected 04-14, deadline 04-15) → no score
    /// total = (40 × 88.235 + 30 × 75) / 70 = 82.563 → 82.6, good.
    @Test func handComputedScore() throws {
        let result = try audit(Self.base)
        #expect(JSON.format(result.score.sections[.build]!!, decimals: 1) == "88.2")
        #expect(result.score.sections[.etiquette]!! == 75)
        #expect(result.score.sections[.timeliness]! == nil)
        #expect(JSON.format(result.score.total!, decimals: 1) == "82.6")
        #expect(result.score.grade?.id == "good")
        #expect(result.score.redLine == nil)
        #expect(result.score.coverage == 1)
        #expect(!result.score.provisional)
        let s4 = result.findings.first { $0.item == "s4" }
        #expect(s4?.pointsLost == 0.5)
        #expect(result.findings.first { $0.rule.id == "B-MINOR" }?.pointsLost == 2)
    }

    /// s4's badge not observed: 3 assessed (all pass) → etiquette 100; coverage: build 17
    /// assessed, etiquette 2 × 3/4 = 1.5 assessed and 0.5 not → 18.5 / 19 = 0.974.
    @Test func notAssessedItemsLowerCoverageOnly() throws {
        let result = try audit(Self.base.replacingOccurrences(of: "{id: s4, badge: false}", with: "{id: s4}"))
        #expect(result.score.sections[.etiquette]!! == 100)
        #expect(JSON.format(result.score.coverage!, decimals: 3) == "0.974")
        #expect(result.score.missingEvidence == ["staff[3].badge"])
    }

    @Test func aFailedCriticalIsTheRedLine() throws {
        let result = try audit(Self.base.replacingOccurrences(of: "cashier_enclosed: true", with: "cashier_enclosed: false"))
        #expect(result.score.redLine == "B-CRITICAL")
        #expect(result.score.grade?.id == "fail")
        // build: 5 earned, 12 lost → 29.4; total (40 × 29.41 + 30 × 75) / 70 = 48.9
        #expect(JSON.format(result.score.total!, decimals: 1) == "48.9")
    }

    /// Only etiquette evidence: build's three rules (17 points) and the case rule over the
    /// absent `cases` list (major, 5) not assessed, etiquette's 2 assessed → coverage
    /// 2 / 24 = 0.083 < 0.8: provisional, naming what is missing.
    @Test func sparseReportIsProvisional() throws {
        let result = try audit("staff:\n  - {id: s1, badge: true}")
        #expect(result.score.provisional)
        #expect(JSON.format(result.score.coverage!, decimals: 3) == "0.083")
        #expect(result.score.missingEvidence == ["premises", "cases"].sorted())
        #expect(result.score.total == 100)
        #expect(result.score.sections[.build]! == nil)
    }

    @Test func nothingAssessedHasNoTotal() throws {
        let result = try audit("")
        #expect(result.score.total == nil)
        #expect(result.score.grade == nil)
        #expect(result.score.provisional)
    }

    @Test func waiverTurnsAFailIntoWaivedAndEarnsThePoints() throws {
        let waivers = """
            waivers:
              - {rule: E-BADGE, outlet: "O*", item: s4, reason: 工牌补办中, approved_by: 客服部, expires: 2026-05-01}
              - {rule: B-MINOR, outlet: O1, reason: 绿植更换中, approved_by: 客服部, expires: 2026-04-01}
            """
        let result = try audit(Self.base, waivers: waivers)
        #expect(result.findings.first { $0.item == "s4" }?.status == .waived)
        #expect(result.score.sections[.etiquette]!! == 100)
        // The B-MINOR waiver expired on 04-01 (inspected 04-14): still a fail, with a warning.
        #expect(result.findings.first { $0.rule.id == "B-MINOR" }?.status == .fail)
        #expect(result.warnings.map(\.description) == ["w.yaml:3:5: warning: waiver for B-MINOR expired on 2026-04-01; not applied"])
    }

    @Test func waiverMatchingHonoursOutletGlobAndItem() throws {
        let other = """
            waivers:
              - {rule: E-BADGE, outlet: "HLJ-*", item: s4, reason: r, approved_by: a, expires: 2026-05-01}
              - {rule: E-BADGE, outlet: "O?", item: s3, reason: r, approved_by: a, expires: 2026-05-01}
            """
        let result = try audit(Self.base, waivers: other)
        #expect(result.findings.first { $0.item == "s4" }?.status == .fail)
    }

    @Test func waiverFileErrors() throws {
        let set = try RuleSet.load([.init(path: "t.yaml", bytes: Array(Self.pack.utf8))])
        let bad = """
            waivers:
              - {rule: E-BADGES, outlet: O1, reason: r, approved_by: a, expires: 2026-05-01}
              - {rule: E-BADGE, outlet: O1, approved_by: a, expires: 2026-05-01}
              - {rule: E-BADGE, outlet: O1, reason: r, approved_by: a, expires: 2026-02-30}
            """
        do throws(DiagnosticList) {
            _ = try WaiverFile.load(try YAMLLoader.load(bytes: Array(bad.utf8), file: "w.yaml"), knownRules: set.definitions.map(\.id))
            Issue.record("accepted")
        } catch {
            #expect(error.sorted.map(\.description) == [
                "w.yaml:2:12: error: waiver for unknown rule 'E-BADGES' (did you mean 'E-BADGE'?)",
                "w.yaml:3:5: error: a waiver is missing the required key 'reason'",
                "w.yaml:4:69: error: expires must be a date YYYY-MM-DD",
            ])
        }
    }
}
