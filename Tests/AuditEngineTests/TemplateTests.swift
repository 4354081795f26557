import AuditTestSupport
import AuditCore
import AuditEngine
import AuditFormatters
import AuditReport
import AuditRules
import AuditYAML
import Testing

/// `audit template`: the checklist lists what the applicable rules read, and a filled-in
/// template is a valid report.
@Suite struct TemplateTests {
    static let kinds: [(String, String)] = [
        ("service_center", "none"), ("service_center", "standard"), ("service_center", "flagship"),
        ("service_hall", "none"), ("service_hall", "flagship"), ("loss_assessment_center", "none"),
        ("service_station", "none"),
    ]

    @Test(arguments: kinds.map { "\($0.0)/\($0.1)" })
    func filledTemplateLoadsAndIsAudited(kind: String) throws {
        let parts = kind.split(separator: "/").map(String.init)
        let checklist = try Checklist(rules: shippedCompiled, ruleSet: shippedRules, type: parts[0], tier: parts[1])
        let filled = TemplateFormatter.format(checklist, schema: shippedRules.schema, sample: true)
        let report = try report(filled, file: "filled.yaml")
        let result = auditor().audit(report)
        // Every rule of the checklist has its evidence: nothing is left not assessed except
        // what the sample values make inapplicable or unknowable.
        #expect(!result.findings.isEmpty)
        #expect(result.score.coverage ?? 0 > 0.9, "\(kind): \(result.score.missingEvidence)")
    }

    @Test func blankTemplateIsValidYAMLWithTheRightFields() throws {
        let checklist = try Checklist(rules: shippedCompiled, ruleSet: shippedRules, type: "loss_assessment_center", tier: "none")
        let blank = TemplateFormatter.format(checklist, schema: shippedRules.schema)
        _ = try YAMLLoader.load(bytes: Array(blank.utf8), file: "blank.yaml")
        // Loss-assessment centres are asked about their pillar and plaque, not about VIP rooms
        // being 80 m² centres, nor about flagship self-service corners.
        #expect(blank.contains("  standing_pillar:"))
        #expect(blank.contains("  hours_posted_inside:"))
        #expect(!blank.contains("reception_area_m2"))
        #expect(!blank.contains("self_service:"))
        #expect(blank.contains("# 工号 / staff id (必填 required)"))
    }

    @Test func flagshipTemplateAsksForFlagshipEvidence() throws {
        let standard = try Checklist(rules: shippedCompiled, ruleSet: shippedRules, type: "service_center", tier: "standard")
        let flagship = try Checklist(rules: shippedCompiled, ruleSet: shippedRules, type: "service_center", tier: "flagship")
        let s = TemplateFormatter.format(standard, schema: shippedRules.schema)
        let f = TemplateFormatter.format(flagship, schema: shippedRules.schema)
        #expect(!s.contains("  self_service:"))
        #expect(f.contains("  self_service:"))
        #expect(f.contains("  amenities:"))
        #expect(flagship.rules.count > standard.rules.count)
    }
}
