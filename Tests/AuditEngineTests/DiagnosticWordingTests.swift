import AuditCalendar
import AuditCore
import AuditRules
import AuditTestSupport
import Foundation
import Testing

/// Every diagnostic of every phase carries a code and a Chinese wording (issue 9: the
/// diagnostics of YAML loading, validation, lint and --param can be rendered in Chinese).
/// The broken fixtures hold one mistake of each kind the phases report.
@Suite struct DiagnosticWordingTests {
    static func files(_ folder: String) -> [String] {
        let dir = repositoryRoot + "/" + folder
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { $0.hasSuffix(".yaml") }.sorted().map { "\(folder)/\($0)" }
    }

    static func isChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    /// The diagnostics of loading every broken report and YAML file, and of linting the
    /// broken rules.
    static func allDiagnostics() throws -> [Diagnostic] {
        var all: [Diagnostic] = []
        for path in files("fixtures/broken-reports") + files("fixtures/broken-yaml") {
            do throws(DiagnosticList) {
                let result = try reportFile(path)
                all += result.warnings
            } catch {
                all += error.diagnostics
            }
        }
        let rules = files("fixtures/broken-rules").map { path in
            RuleSet.SourceFile(path: path, bytes: Array(FileManager.default.contents(atPath: repositoryRoot + "/" + path) ?? Data()))
        }
        all += Lint.run(rules, unreadable: DiagnosticList(), asOf: LocalDate(iso: "2026-06-01")).diagnostics.diagnostics
        return all
    }

    @Test func everyDiagnosticHasACodeAndChineseWording() throws {
        let all = try Self.allDiagnostics()
        #expect(all.count > 50)
        for d in all {
            #expect(!d.wording.code.isEmpty, "no code: \(d.message)")
            #expect(Self.isChinese(d.wording.zh), "no Chinese wording: \(d.wording.code) \(d.message)")
            #expect(!Self.isChinese(d.wording.en) || d.wording.en.contains("三十"), "Chinese in the English wording: \(d.message)")
            for r in d.related { #expect(Self.isChinese(r.wording.zh), "no Chinese wording: \(r.message)") }
        }
        // Many kinds of mistake, each with its own code.
        #expect(Set(all.map(\.wording.code)).count > 30)
    }

    @Test func aDiagnosticRendersInChinese() throws {
        do throws(DiagnosticList) {
            _ = try reportFile("fixtures/broken-reports/unknown-key.yaml")
            Issue.record("the report loaded")
        } catch {
            let text = DiagnosticRenderer.render(error, language: .zh) { _ in nil }
            #expect(text.contains(": 错误: 未知的键 'premises.recepton_area_m2'(是否应为 'reception_area_m2'?)"), "\(text)")
            let english = DiagnosticRenderer.render(error) { _ in nil }
            #expect(english.contains(": error: unknown key 'premises.recepton_area_m2' (did you mean 'reception_area_m2'?)"))
        }
    }

    @Test func aParameterErrorHasChineseWording() throws {
        guard case .failure(let problem) = shippedRules.parseOverrides(["min_reception_area_m2"]) else {
            Issue.record("a --param without = was accepted")
            return
        }
        #expect(problem.wording.zh == "--param 需要 KEY=VALUE 的形式,实际为 'min_reception_area_m2'")
        #expect(problem.description == "--param needs KEY=VALUE, got 'min_reception_area_m2'")
    }
}
