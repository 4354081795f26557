import AuditCore
import AuditEngine
import AuditRules
import AuditTestSupport
import Testing

/// `unmet(…)`: which bool fields are false, worded by the schema's `unmet` words in the
/// message's language; replaces the parallel lacking_zh/lacking_en lists of the rule files.
@Suite struct UnmetTests {
    func counters(_ fields: String) throws -> Finding? {
        let yaml = minimalReport("premises: {counters: {\(fields)}}")
        return auditor().audit(try report(yaml)).findings.first { $0.rule.id == "BLD-COUNTERS" }
    }

    @Test func listsTheFalseFieldsInEachLanguage() throws {
        let finding = try counters("open_low: false, lcd_monitors: true, chairs: false")
        #expect(finding?.status == .fail)
        #expect(finding?.text(.zh) == "业务受理区：未采用开放式矮柜、柜台前未配座椅")
        #expect(finding?.text(.en) == "business acceptance zone: counters are not open low counters, no chairs in front of the counters")
    }

    /// A field not recorded is not listed as unmet: what is known to be wrong is.
    @Test func aFieldNotRecordedIsNotListed() throws {
        let finding = try counters("open_low: false")
        #expect(finding?.status == .fail)
        #expect(finding?.text(.en) == "business acceptance zone: counters are not open low counters")
    }

    @Test func onlyBoolFieldsWithUnmetWordsCanBeListed() throws {
        func compileErrors(_ lacking: String) -> String {
            let pack = rulePack(check: "premises.clean", lets: ["lacking": lacking], message: "{lacking}")
            do throws(DiagnosticList) {
                _ = try RuleSet.load([.init(path: "t.yaml", bytes: Array(pack.utf8))]).compile()
                return ""
            } catch {
                return error.description
            }
        }
        #expect(compileErrors("unmet(premises.parking, premises.plants)") == "")
        #expect(compileErrors("unmet(premises.clean)").contains("unmet() lists bool fields with 'unmet' words in the report schema; premises.clean has none"))
        #expect(compileErrors("unmet(outlet.floor)").contains("outlet.floor has none"))
        #expect(compileErrors("unmet(premises.parkin)").contains("unknown field 'parkin' of premises (did you mean 'parking'?)"))
        #expect(compileErrors("unmet()").contains("unmet() takes bool field paths"))
    }
}
