import AuditCore
import AuditTestSupport
import Foundation
import Testing

/// The validator refuses what it cannot read correctly, and stops early on hostile input.
@Suite struct ValidatorHardeningTests {
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

    /// The first error of a report that must not load, as `line:col: message`.
    func firstError(_ yaml: String) -> String? {
        do throws(DiagnosticList) {
            _ = try report(yaml)
            return nil
        } catch {
            return error.sorted.first.map { "\($0.location.line ?? 0):\($0.location.column ?? 0): \($0.message)" }
        }
    }

    @Test(arguments: [
        ("schema: outlet-report/1", "schema: ~", "1:9: required key 'schema' (report format) is empty; write schema: outlet-report/1"),
        ("  id: I1", "  id: ~", "3:7: required key 'inspection.id' (inspection id) is empty; write the inspection id after 'id:'"),
        ("  inspected_at: 2026-04-14 10:30", "  inspected_at: ~", "4:17: required key 'inspection.inspected_at' (inspected at) is empty; write it as YYYY-MM-DD HH:MM, e.g. inspected_at: 2026-04-14 10:30"),
        ("  id: O1", "  id: null", "6:7: required key 'outlet.id' (outlet id) is empty; write the outlet id after 'id:'"),
        ("  name: 哈尔滨市道里客户服务中心", "  name: \"\"", "7:9: required key 'outlet.name' (outlet name) is empty; write the outlet name after 'name:'"),
        ("  name: 哈尔滨市道里客户服务中心", "  name: \"  \"", "7:9: required key 'outlet.name' (outlet name) is empty; write the outlet name after 'name:'"),
        ("  branch: 黑龙江分公司", "  branch: null", "8:11: required key 'outlet.branch' (branch) is empty; write the branch after 'branch:'"),
        ("  type: service_center", "  type: ~", "9:9: required key 'outlet.type' (outlet type) is empty; write one of these after 'type:': service_center, service_hall, loss_assessment_center, service_station"),
    ])
    func aRequiredKeyMustHaveAValue(line: String, replacement: String, expected: String) {
        let yaml = minimalReport()
        #expect(yaml.contains(line + "\n"))
        #expect(firstError(yaml.replacingOccurrences(of: line + "\n", with: replacement + "\n")) == expected)
    }

    @Test func anOptionalKeyMayStillBeNullOrEmpty() throws {
        _ = try report(minimalReport(outletExtra: "  district: ~\n  sub_branch: \"\""))
    }

    @Test func negativeRingsAndAreasAreErrors() {
        #expect(firstError(minimalReport("premises:\n  reception_area_m2: -76"))
            == "12:22: premises.reception_area_m2 must be at least 0, found -76")
        #expect(firstError(minimalReport("premises:\n  reception_area_m2: .nan"))
            == "12:22: float .nan is not finite")
        #expect(firstError(minimalReport("calls:\n  - {id: C1, rings: -2}"))
            == "12:21: calls[0].rings must be at least 0, found -2")
        // A basement is a real floor.
        #expect(firstError(minimalReport(outletExtra: "  floor: -1")) == nil)
    }

    @Test func anInspectionDecadesFromEveryCaseIsAnError() {
        let cases = "cases:\n  - {id: K1, kind: complaint, received_at: 2026-04-02 15:00}\n  - {id: K2, kind: complaint, received_at: 2025-12-30 09:00}"
        #expect(firstError(minimalReport(cases)) == nil)
        let far = minimalReport(cases).replacingOccurrences(of: "inspected_at: 2026-04-14 10:30", with: "inspected_at: 2206-04-14 10:30")
        #expect(firstError(far)
            == "4:17: inspection.inspected_at 2206-04-14 is more than 10 years from every case's received_at (nearest 2026-04-02); check the year")
        // Without cases there is nothing to compare with.
        #expect(firstError(minimalReport().replacingOccurrences(of: "2026-04-14 10:30", with: "2206-04-14 10:30")) == nil)
    }
    /// Where the validator stops at the cap, the output says there may be more.
    @Test func stoppingAtTheCapIsSaid() {
        var yaml = minimalReport("premises:")
        for i in 0..<500 { yaml += "\n  bogus_key_\(i): 1" }
        do {
            _ = try report(yaml)
            Issue.record("loaded")
        } catch {
            #expect(error.diagnostics.count == DiagnosticList.cap)
            #expect(error.description.hasSuffix("\n… and possibly more errors in r.yaml (checking stopped after 100)"), "\(error.description.suffix(200))")
        }
    }
}
