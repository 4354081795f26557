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
            // The English may quote the rule author's own Chinese (a clause's 三十, a word to put in quotes).
            #expect(!Self.isChinese(d.wording.en) || d.wording.en.contains("三十") || d.wording.code == "expression.unquoted-text",
                    "Chinese in the English wording: \(d.message)")
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
            #expect(text.contains(": 错误: 未知的键 'premises.recepton_area_m2'（是否应为 'reception_area_m2'？）"), "\(text)")
            let english = DiagnosticRenderer.render(error) { _ in nil }
            #expect(english.contains(": error: unknown key 'premises.recepton_area_m2' (did you mean 'reception_area_m2'?)"))
        }
    }

    /// Issue 10: the four mistakes whose fix a diagnostic spells out (fixtures/broken-rules/h…k),
    /// rendered as `audit lint` renders them, in both languages.
    @Test func theHintsSayWhatToWriteInBothLanguages() throws {
        let names = ["h-unquoted-text", "i-colon-in-value", "j-undeclared-param", "k-contains-infix"]
        let files = names.map { name in
            let path = "fixtures/broken-rules/\(name).yaml"
            return RuleSet.SourceFile(path: path, bytes: Array(FileManager.default.contents(atPath: repositoryRoot + "/" + path) ?? Data()))
        }
        let texts = Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
        let diagnostics = Lint.run(files, unreadable: DiagnosticList(), asOf: LocalDate(iso: "2026-06-01")).diagnostics
        #expect(DiagnosticRenderer.render(diagnostics, language: .en) { texts[$0] } == Self.hintsInEnglish)
        #expect(DiagnosticRenderer.render(diagnostics, language: .zh) { texts[$0] } == Self.hintsInChinese)
    }

    static let hintsInEnglish = """
        fixtures/broken-rules/h-unquoted-text.yaml:10:29: error: unknown name '黑龙江分公司': put text in quotes: "黑龙江分公司"
              check: outlet.branch == 黑龙江分公司
                                      ^
        fixtures/broken-rules/i-colon-in-value.yaml:11:40: error: syntax error: mapping values are not allowed in this context; a value containing ': ' must be quoted: write check: "on_time(it.feedback_at, days: 3)"
              check: on_time(it.feedback_at, days: 3)
                                                 ^
        fixtures/broken-rules/j-undeclared-param.yaml:11:31: error: unknown parameter 'max_rings': declare it under the rule's params: (params: {max_rings: …})
              check: it.rings <= params.max_rings
                                        ^
        fixtures/broken-rules/k-contains-infix.yaml:10:28: error: 'contains' is a method, not an operator: write outlet.services.contains("cash"), or for a list "cash" in outlet.services
              check: outlet.services contains "cash"
                                     ^

        """

    static let hintsInChinese = """
        fixtures/broken-rules/h-unquoted-text.yaml:10:29: 错误: 未知的名称 '黑龙江分公司'：文字请加引号，写作 "黑龙江分公司"
              check: outlet.branch == 黑龙江分公司
                                      ^
        fixtures/broken-rules/i-colon-in-value.yaml:11:40: 错误: 语法错误：此处不能出现映射值；含有 ': ' 的值须加引号，请写作 check: "on_time(it.feedback_at, days: 3)"
              check: on_time(it.feedback_at, days: 3)
                                                 ^
        fixtures/broken-rules/j-undeclared-param.yaml:11:31: 错误: 未知的参数 'max_rings'：请在规则的 params: 下声明（params: {max_rings: …}）
              check: it.rings <= params.max_rings
                                        ^
        fixtures/broken-rules/k-contains-infix.yaml:10:28: 错误: 'contains' 是方法，不是运算符：请写作 outlet.services.contains("cash")；对列表也可写作 "cash" in outlet.services
              check: outlet.services contains "cash"
                                     ^

        """

    @Test func aParameterErrorHasChineseWording() throws {
        guard case .failure(let problem) = shippedRules.parseOverrides(["min_reception_area_m2"]) else {
            Issue.record("a --param without = was accepted")
            return
        }
        #expect(problem.wording.zh == "--param 需要 KEY=VALUE 的形式，实际为 'min_reception_area_m2'")
        #expect(problem.description == "--param needs KEY=VALUE, got 'min_reception_area_m2'")
    }
}
