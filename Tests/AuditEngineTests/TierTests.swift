import AuditCalendar
import AuditCore
import AuditEngine
import AuditReport
import AuditRules
import AuditTestSupport
import Testing

/// Tier standing: who can hold a tier and what a claim needs.
@Suite struct TierTests {
    @Test func anAbsentTierMeansNoneSoTierClaimIsNotApplicable() throws {
        let result = auditor().audit(try report(minimalReport()))
        #expect(result.findings.first { $0.rule.id == "TIER-CLAIM" }?.status == .notApplicable)
        #expect(!result.score.missingEvidence.contains("outlet.tier"))
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
        #expect(finding?.text(.zh) == "对外营业职场不是一层临街门店（楼层未记录，不临街）")
    }

    @Test func anAdvisoryTierRuleIsAdviceNotABlocker() throws {
        let result = auditor().audit(try reportFile("fixtures/reports/flagship-upstairs.yaml"))
        #expect(result.tier.qualifies == .flagship)
        #expect(result.tier.advice == ["BLD-FLAGSHIP-GROUND"])
        #expect(result.tier.missing.isEmpty)
        #expect(result.findings.first { $0.rule.id == "BLD-FLAGSHIP-GROUND" }?.status == .fail)
    }

    @Test func onlyTheConfiguredTypesCanHoldATier() throws {
        let hall = minimalReport(outletExtra: "  tier: standard").replacingOccurrences(of: "type: service_center", with: "type: service_station")
        let result = auditor().audit(try report(hall))
        #expect(!result.tier.eligible)
        #expect(result.tier.qualifies == nil)
        let claim = result.findings.first { $0.rule.id == "TIER-CLAIM" }
        #expect(claim?.status == .fail)
        #expect(claim?.text(.en) == "certified as standard, but a service station cannot hold a tier (CS 2.1.1: only customer service centres and service halls can be certified standard or flagship)")
    }
}
