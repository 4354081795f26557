import AuditCore
import AuditEngine
import AuditReport
import AuditRules
import AuditTestSupport
import Testing

/// Profiles applied per report by `ProfiledAuditor`: what the audit result carries.
@Suite struct ProfiledAuditorTests {
    /// The shipped rules with `profiles` (YAML texts) added, compiled without any profile.
    func auditor(_ profiles: [String], params: [String: Value] = [:]) throws -> ProfiledAuditor {
        let files = profiles.enumerated().map { RuleSet.SourceFile(path: "p\($0.offset).yaml", bytes: Array($0.element.utf8)) }
        let set = try RuleSet.load(files, shipped: .added)
        let rules = try set.compile(RuleConfiguration(profiles: [], params: params))
        return ProfiledAuditor(ruleSet: set, rules: rules, params: params, context: EvaluationContext(calendar: set.calendar))
    }

    func statuses(_ rule: String, _ result: AuditResult) -> [Status] {
        result.findings.filter { $0.rule.id == rule }.map(\.status)
    }

    @Test func twoProfilesOnOneParameterLaterWinsWithAWarning() throws {
        let report = try reportFile("fixtures/reports/standard-center.yaml")
        let strict = "profile: strict\nparams:\n  ETQ-PHONE-RINGS.max_rings: 1\n"
        let lenient = "profile: lenient\nparams:\n  max_rings: 9\n"
        let both = try auditor([strict, lenient]).audit(report).get()
        let alone = try auditor([lenient]).audit(report).get()
        let strictAlone = try auditor([strict]).audit(report).get()
        // The outcome is the later profile's, and differs from the earlier one's.
        #expect(statuses("ETQ-PHONE-RINGS", both) == statuses("ETQ-PHONE-RINGS", alone))
        #expect(statuses("ETQ-PHONE-RINGS", both) != statuses("ETQ-PHONE-RINGS", strictAlone))
        #expect(both.score.total == alone.score.total)
        let param = try #require(both.provenance?.params.first { $0.rule == "ETQ-PHONE-RINGS" })
        #expect(param.source == "lenient" && ParameterValue.same(param.value, .int(9)))
        #expect(both.provenance?.profiles.map(\.name) == ["strict", "lenient"])

        let conflicts = both.warnings.filter { $0.wording.code == "profile.conflict" }
        #expect(conflicts.count == 1)
        #expect(conflicts.first?.severity == .warning)
        #expect(conflicts.first?.location.file == "p1.yaml" && conflicts.first?.location.line == 3)
        #expect(conflicts.first?.related.first?.location.file == "p0.yaml")
        #expect(!alone.warnings.contains { $0.wording.code == "profile.conflict" })
    }

    @Test func aProfileThatDoesNotSelectTheReportLeavesItAlone() throws {
        let report = try reportFile("fixtures/reports/standard-center.yaml")
        let elsewhere = try auditor(["profile: hlj\nmatch: {branch: 黑龙江分公司}\ndisable:\n  - {rule: ETQ-PHONE-RINGS, reason: 试行}\n"])
        let plain = try auditor([])
        let result = try elsewhere.audit(report).get()
        #expect(result.provenance?.profiles.isEmpty == true)
        #expect(statuses("ETQ-PHONE-RINGS", result) == statuses("ETQ-PHONE-RINGS", try plain.audit(report).get()))
        #expect(!statuses("ETQ-PHONE-RINGS", result).isEmpty)
        // The report's digest counts the profiles applied to it (none); the run's counts all.
        #expect(result.provenance?.digest == plain.digest)
        #expect(elsewhere.digest != plain.digest)
    }

    @Test func raisingAFailingMinorRuleToCriticalDrawsTheRedLine() throws {
        let report = try reportFile("fixtures/reports/standard-center.yaml")
        let plain = try auditor([]).audit(report).get()
        #expect(plain.score.redLine == nil)
        let failing = try #require(plain.findings.first { $0.status == .fail && $0.rule.severity == .minor }?.rule.id,
                                   "the fixture fails a minor rule")
        let raised = try auditor(["profile: strict\nrerate:\n  - {rule: \(failing), severity: critical, reason: 本省从严}\n"]).audit(report).get()
        #expect(raised.score.redLine == failing)
        #expect(raised.findings.contains { $0.rule.id == failing && $0.rule.severity == .critical && $0.status == .fail })
        let change = try #require(raised.provenance?.rerated.first)
        #expect(change.rule == failing && change.severity?.from == .minor && change.severity?.to == .critical)
        #expect(change.points.map { $0.to > $0.from } == true, "critical brings its default points")
        #expect(raised.score.grade != plain.score.grade)
    }
}
