import AuditCalendar
import AuditCore
import AuditEngine
import AuditReport
import AuditTestSupport
import Testing

/// A token may be written as its exact zh label (`type: 客户服务大厅` ≡ `service_hall`, issue 12):
/// fixtures/reports/service-hall-zh-labels.yaml is service-hall.yaml with every token so
/// written, on the same lines.
@Suite struct ZhLabelTests {
    @Test func labelsReadAsTheirTokens() throws {
        let report = try reportFile("fixtures/reports/service-hall-zh-labels.yaml")
        guard case .string(let type)? = report.value(at: "outlet.type")?.value else {
            Issue.record("outlet.type is not a token")
            return
        }
        #expect(type == "service_hall")
        guard case .list(let zones)? = report.value(at: "premises.zones")?.value else {
            Issue.record("premises.zones is not a list")
            return
        }
        #expect(zones.compactMap { if case .string(let token) = $0.value { token } else { nil } }
            == ["business_acceptance", "cashier", "rest_area", "vip_area"])
    }

    /// The same results as with the tokens, found at the same lines (a finding on a list item
    /// may sit at another column: the labels are longer or shorter than the tokens).
    @Test func theSameFindingsAtTheSameLines() throws {
        func outcome(_ path: String) throws -> [String] {
            auditor().audit(try reportFile(path)).findings.map {
                "\($0.rule.id) \($0.item ?? "-") \($0.status.rawValue) \($0.location.line ?? 0) \($0.path ?? "-")"
            }.sorted()
        }
        let labels = try outcome("fixtures/reports/service-hall-zh-labels.yaml")
        #expect(labels.count > 40)
        #expect(labels == (try outcome("fixtures/reports/service-hall.yaml")))
        let tokens = auditor().audit(try reportFile("fixtures/reports/service-hall.yaml")).score.total
        #expect(auditor().audit(try reportFile("fixtures/reports/service-hall-zh-labels.yaml")).score.total == tokens)
    }

    /// A label two tokens of one enum share names neither; another enum's label is no token.
    @Test func onlyAnExactLabelOfTheSameEnumIsAToken() throws {
        let shared = EnumSchema(name: "e", values: ["a", "b", "c"],
                                labels: ["a": Label(zh: "甲", en: "a"), "b": Label(zh: "甲", en: "b"), "c": Label(zh: "丙", en: "c")])
        #expect(shared.token(named: "甲") == nil)
        #expect(shared.token(named: "丙") == "c")
        #expect(shared.token(named: "c") == "c")
        #expect(shared.token(named: "丙 ") == nil)
        #expect(throws: DiagnosticList.self) { try report(minimalReport(outletExtra: "  tier: 客户服务大厅")) }
    }
}
