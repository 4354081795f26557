import AuditCore
import AuditTestSupport
@testable import AuditRules
import Testing

/// Issue 12: every diagnostic of the expression language (syntax, names, types, functions,
/// constant folding, message templates, warnings) is worded in Chinese for a Chinese rule
/// author, not an English sentence behind a Chinese lead-in; the English stays as it was.
@Suite struct ExpressionWordingTests {
    /// One mistake of each kind, as a one-rule pack: what it is, and the pack.
    static let mistakes: [(name: String, pack: String)] = [
        ("syntax: a value missing", rulePack(check: "premises.clean and")),
        ("syntax: && for and", rulePack(check: "premises.clean && premises.plants")),
        ("syntax: an unclosed call", rulePack(check: "has(premises.clean")),
        ("syntax: an unterminated string", rulePack(check: "outlet.name == \"open")),
        ("syntax: chained comparisons", rulePack(check: "1 < premises.reception_area_m2 < 3")),
        ("syntax: a full-width parenthesis", rulePack(check: "premises.clean and（premises.plants）")),
        ("syntax: = for ==", rulePack(check: "outlet.name = \"x\"")),
        ("contains as an operator", rulePack(check: "outlet.services contains \"cash\"")),
        ("unknown name with a hint", rulePack(check: "outlett.branch == \"x\"")),
        ("unquoted text", rulePack(check: "outlet.branch == 黑龙江分公司")),
        ("unknown function with a hint", rulePack(check: "ontime(inspection.inspected_at, inspection.inspected_at, days: 1)")),
        ("unknown string method with a hint", rulePack(check: "outlet.name.startswith(\"哈尔滨\")")),
        ("unknown list method with a hint", rulePack(check: "staff.alll(s, s.badge)")),
        ("unknown field with a hint", rulePack(check: "premises.recepton_area_m2 >= 80")),
        ("undeclared parameter", rulePack(check: "premises.reception_area_m2 >= params.min_area", params: "min_area_m2: 80")),
        ("type mismatch: ordering", rulePack(check: "premises.clean >= 3")),
        ("type mismatch: not", rulePack(check: "not premises.reception_area_m2")),
        ("type mismatch: and", rulePack(check: "premises.clean and premises.reception_area_m2")),
        ("type mismatch: arithmetic", rulePack(check: "premises.clean + 1 > 2")),
        ("type mismatch: branches", rulePack(check: "(premises.clean ? 1 : \"a\") == 1")),
        ("applies must be bool", rulePack(check: "premises.clean", applies: "premises.reception_area_m2")),
        ("a quantifier's condition must be bool", rulePack(check: "staff.all(s, 1)")),
        ("arity of a method", rulePack(check: "outlet.name.contains()")),
        ("argument type of a function", rulePack(check: "to_time(premises.reception_area_m2) == to_time(\"08:00\")")),
        ("period of on_time", rulePack(check: "on_time(it.feedback_at, it.received_at)", forEach: "cases")),
        ("constant folding: division by zero", rulePack(check: "1 / 0 > premises.reception_area_m2")),
        ("constant folding: overflow", rulePack(check: "9223372036854775807 + 1 > premises.reception_area_m2")),
        ("a divisor always 0", rulePack(check: "premises.reception_area_m2 / 0 > 1")),
        ("unknown token of an enum", rulePack(check: "outlet.type == \"service_centre\"")),
        ("it outside for_each", rulePack(check: "it.badge")),
        ("a quantifier without a variable", rulePack(check: "staff.all(s.badge)")),
        ("a message hole left open", rulePack(check: "premises.clean", message: "{outlet.name")),
        ("a deadline result shown directly", rulePack(
            check: "on_time(it.feedback_at, it.received_at, days: 3)", forEach: "cases",
            message: "{on_time(it.feedback_at, it.received_at, days: 3)}")),
    ]

    /// Two warnings: a deprecated field, and list functions nested three deep.
    static let warned: [(name: String, pack: String)] = [
        ("deprecated field", rulePack(check: "not it.extended", forEach: "cases")),
        ("cost of nested list functions", rulePack(check: "cases.all(a, cases.all(b, a.id != \"\"))", forEach: "cases")),
    ]

    static func errors(_ pack: String) -> [Diagnostic] {
        switch compilePack(pack) {
        case .success: return []
        case .failure(let list): return list.diagnostics
        }
    }

    static func warnings(_ pack: String) -> [Diagnostic] {
        switch compilePack(pack) {
        case .success(let rules): return rules.flatMap(\.warnings)
        case .failure: return []
        }
    }

    static func isChinese(_ text: String) -> Bool {
        text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }
    }

    /// English that would give away an untranslated sentence (code such as `phrases_found`
    /// or `list<string>` has none of these).
    static let englishWords = [" is not ", "expected", "unknown", "found", " must ", "cannot", " needs ", " takes ",
                               "syntax error", " instead", "did you mean", " the ", " of "]

    @Test func everyExpressionMistakeReadsInChinese() {
        var codes: Set<String> = []
        for (name, pack) in Self.mistakes {
            let diagnostics = Self.errors(pack)
            #expect(!diagnostics.isEmpty, "no error for \(name)")
            for d in diagnostics {
                codes.insert(d.wording.code)
                #expect(d.wording.code.hasPrefix("expression."), "\(name): code \(d.wording.code)")
                #expect(Self.isChinese(d.wording.zh), "\(name): no Chinese in \(d.wording.zh)")
                for word in Self.englishWords {
                    #expect(!d.wording.zh.contains(word), "\(name): '\(word)' in \(d.wording.zh)")
                }
                // No English sentence with a Chinese lead-in, as before.
                #expect(!d.wording.zh.contains(d.wording.en), "\(name): \(d.wording.zh)")
                #expect(!Self.isChinese(d.wording.en) || d.wording.code == "expression.unquoted-text", "\(name): Chinese in \(d.wording.en)")
            }
        }
        for (name, pack) in Self.warned {
            let warnings = Self.warnings(pack)
            #expect(warnings.count == 1, "\(name): \(warnings.map(\.message))")
            for w in warnings {
                codes.insert(w.wording.code)
                #expect(Self.isChinese(w.wording.zh), "\(name): no Chinese in \(w.wording.zh)")
                for word in Self.englishWords {
                    #expect(!w.wording.zh.contains(word), "\(name): '\(word)' in \(w.wording.zh)")
                }
            }
        }
        // Many kinds of mistake, each with its own code.
        #expect(codes.count >= 25, "\(codes.sorted())")
    }

    /// The text of the first diagnostic of a pack, in each language.
    static func first(_ pack: String) -> (en: String, zh: String) {
        let d = errors(pack).first
        return (d?.wording.en ?? "", d?.wording.zh ?? "")
    }

    /// The English is as it was before the Chinese came; the Chinese reads as written for a
    /// Chinese rule author, with the did-you-mean hint in the hint's Chinese form.
    @Test(arguments: [
        (rulePack(check: "premises.clean and"),
         "syntax error: expected a value, found the end of the expression",
         "表达式语法错误：此处应为一个值，实际为表达式末尾"),
        (rulePack(check: "has(premises.clean"),
         "syntax error: expected ')' to close the arguments, found the end of the expression",
         "表达式语法错误：此处应为 ')'（用于结束参数列表），实际为表达式末尾"),
        (rulePack(check: "premises.clean && premises.plants"),
         "syntax error: use 'and' instead of '&&'",
         "表达式语法错误：请用 'and' 代替 '&&'"),
        (rulePack(check: "ontime(inspection.inspected_at, inspection.inspected_at, days: 1)"),
         "unknown function 'ontime' (did you mean 'on_time'?)",
         "未知的函数 'ontime'（是否应为 'on_time'？）"),
        (rulePack(check: "premises.recepton_area_m2 >= 80"),
         "unknown field 'recepton_area_m2' of premises (did you mean 'reception_area_m2'?)",
         "premises 中没有字段 'recepton_area_m2'（是否应为 'reception_area_m2'？）"),
        (rulePack(check: "outlet.name.startswith(\"哈尔滨\")"),
         "unknown string method 'startswith' (did you mean 'starts_with'?)",
         "未知的字符串方法 'startswith'（是否应为 'starts_with'？）"),
        (rulePack(check: "premises.clean >= 3"),
         "cannot order bool and int",
         "bool 与 int 不能比较大小"),
        (rulePack(check: "outlet.type == \"service_centre\""),
         "'service_centre' is not a token of outlet_type (did you mean 'service_center'?)",
         "'service_centre' 不是 outlet_type 的取值（是否应为 'service_center'？）"),
        (rulePack(check: "1 / 0 > premises.reception_area_m2"),
         "'/' always fails here: division by zero",
         "'/' 在此必然出错：除数为零"),
        (rulePack(check: "9223372036854775807 + 1 > premises.reception_area_m2"),
         "'+' always fails here: integer overflow",
         "'+' 在此必然出错：整数溢出"),
        (rulePack(check: "outlet.name.contains()"),
         "contains() takes 1 argument",
         "contains() 需要 1 个参数"),
        (rulePack(check: "premises.clean", applies: "premises.reception_area_m2"),
         "applies must be bool, found number",
         "applies 须为 bool，实际为 number"),
        (rulePack(check: "staff.all(s, 1)"),
         "the condition of all() must be bool, found int",
         "all() 的条件须为 bool，实际为 int"),
        (rulePack(check: "it.badge"),
         "'it' is only defined in rules with for_each",
         "'it' 只能用在带 for_each 的规则中"),
    ])
    func theEnglishIsUnchangedAndTheChineseIsWritten(pack: String, en: String, zh: String) {
        let text = Self.first(pack)
        #expect(text.en == en)
        #expect(text.zh == zh)
    }

    @Test func warningsReadInChinese() {
        let deprecated = Self.warnings(Self.warned[0].pack).first?.wording
        #expect(deprecated?.en == "'extended' is deprecated; read 'extension' instead")
        #expect(deprecated?.zh == "'extended' 已弃用；请改读 'extension'")
        #expect(deprecated?.code == "expression.deprecated-field")
        let cost = Self.warnings(Self.warned[1].pack).first?.wording
        #expect(cost?.zh == "列表函数嵌套 3 层（含 for_each）：计算量随列表长度的 3 次方增长，100 项的列表需 1000000 步；在超过 2000000 步的报告上，该规则给出 error")
    }

    /// A rule author reading `audit lint --lang zh` sees the Chinese wording at the file
    /// position, caret and all.
    @Test func aRenderedExpressionErrorIsChineseThroughout() {
        let pack = rulePack(check: "outlet.name.startswith(\"哈尔滨\")")
        guard case .failure(let list) = compilePack(pack) else {
            Issue.record("the pack compiled")
            return
        }
        let text = DiagnosticRenderer.render(list, language: .zh) { _ in pack }
        #expect(text == """
            test.yaml:9:25: 错误: 未知的字符串方法 'startswith'（是否应为 'starts_with'？）
                  check: 'outlet.name.startswith("哈尔滨")'
                                      ^

            """)
    }

    /// What an evaluation fails with has Chinese too, so a finding in `error` reads in the
    /// inspector's language.
    @Test func evaluationFailuresHaveChinese() {
        for failure in [EvaluationError.integerOverflow, .divisionByZero, EvaluationError(.tierNotKnownYet),
                        EvaluationError(.notATime("8点")), EvaluationError(.illTyped)] {
            #expect(Self.isChinese(failure.zh ?? ""), "\(failure.message)")
            #expect(!Self.isChinese(failure.message) || failure.message.contains("8点"))
        }
        guard case .failure(let overflow) = ExpressionCompiler.arithmetic(.multiply, .int(.max), .int(2)) else {
            Issue.record("no overflow")
            return
        }
        #expect(overflow.zh == "整数溢出")
        #expect(overflow.message == "integer overflow")
    }
}
