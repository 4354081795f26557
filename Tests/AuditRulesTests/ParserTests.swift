@testable import AuditRules
import Testing

@Suite struct ParserTests {
    @Test func precedenceBindsComparisonTighterThanLogic() throws {
        let expr = try ExpressionParser.parse("a.b >= 1 and not c or d in [1, 2]")
        #expect(expr.description == "(((a.b >= 1) and not c) or (d in [1, 2]))")
    }

    @Test func arithmeticAndCoalesce() throws {
        #expect(try ExpressionParser.parse("1 + 2 * 3 - 4 / 2").description == "((1 + (2 * 3)) - (4 / 2))")
        #expect(try ExpressionParser.parse("x.y ?? 3 > 2").description == "((x.y ?? 3) > 2)")
        #expect(try ExpressionParser.parse("a ? b : c ? d : e").description == "(a ? b : (c ? d : e))")
    }

    @Test func methodsNamedArgumentsAndNotIn() throws {
        let expr = try ExpressionParser.parse("on_time(it.a, it.b, workdays: 2) and x not in ['p', \"q\"]")
        #expect(expr.description == "(on_time(it.a, it.b, workdays: 2) and (x not in [\"p\", \"q\"]))")
        #expect(try ExpressionParser.parse("staff.all(s, s.badge)").description == "staff.all(s, s.badge)")
    }

    @Test func unicodeInStringsAndOffsetsCountScalars() throws {
        let expr = try ExpressionParser.parse("\"这是规定\" == x")
        guard case .binary(_, _, let right, let at) = expr else { Issue.record("not binary"); return }
        #expect(at == 7)
        #expect(right.offset == 10)
    }

    @Test(arguments: [
        ("a and", 5, "expected-value", "expected a value, found the end of the expression"),
        ("a && b", 2, "symbol-operator", "use 'and' instead of '&&'"),
        ("a = 1", 2, "single-equals", "use '==' to compare"),
        ("!a", 0, "symbol-operator", "use 'not' instead of '!'"),
        ("f(1, 2", 6, "expected-symbol", "expected ')' to close the arguments, found the end of the expression"),
        ("'open", 0, "unterminated-string", "unterminated string"),
        ("1 < 2 < 3", 6, "chained-comparison", "comparisons cannot be chained; join them with 'and'"),
        ("a b", 2, "trailing", "unexpected 'b' after the expression"),
        ("x.", 2, "expected-name", "expected a field or function name after '.', found the end of the expression"),
        ("99999999999999999999", 0, "integer-range", "integer 99999999999999999999 does not fit in 64 bits"),
        ("a # b", 2, "character", "unexpected character '#'"),
        ("'a\\q'", 2, "escape", "unknown escape '\\q'"),
        ("a ? b", 5, "expected-symbol", "expected ':' in a conditional 'a ? b : c', found the end of the expression"),
        ("[1, 2", 5, "expected-symbol", "expected ']' to close the list, found the end of the expression"),
        ("(a", 2, "expected-symbol", "expected ')' to close '(', found the end of the expression"),
        ("a and or", 6, "expected-value", "expected a value, found 'or'"),
    ])
    func syntaxErrorsPointAtTheProblem(text: String, offset: Int, code: String, message: String) {
        do throws(SyntaxError) {
            _ = try ExpressionParser.parse(text)
            Issue.record("parsed: \(text)")
        } catch {
            #expect(error.offset == offset)
            #expect(error.message == "syntax error: \(message)")
            #expect(error.wording.code == "expression.\(code)")
            #expect(error.wording.zh.hasPrefix("表达式语法错误："), "\(error.wording.zh)")
        }
    }

    /// A full-width character typed with a Chinese input method is named, with the ASCII one to write.
    @Test(arguments: [
        ("a and（b）", 5, "（", "("),
        ("f(a，b)", 3, "，", ","),
        ("a ＝＝ 1", 2, "＝", "="),
        ("a\u{3000}and b", 1, "\u{3000}", " "),
        ("x == “a”", 5, "“", "\""),
        ("a ＞ １", 2, "＞", ">"),
    ])
    func fullWidthCharactersAreNamed(text: String, offset: Int, character: String, ascii: String) {
        do throws(SyntaxError) {
            _ = try ExpressionParser.parse(text)
            Issue.record("parsed: \(text)")
        } catch {
            #expect(error.offset == offset)
            #expect(error.wording.code == "expression.full-width-character")
            #expect(error.wording.zh == "表达式语法错误：全角字符 '\(character)'，请改为半角 '\(ascii)'")
            #expect(error.message == "syntax error: unexpected character '\(character)': a full-width character; write '\(ascii)'")
        }
    }

    /// Issue 10: `contains` written as an operator names the method call and the `in` form,
    /// with the operands as written.
    @Test(arguments: [
        ("outlet.services contains \"cash\"", 16,
         "write outlet.services.contains(\"cash\"), or for a list \"cash\" in outlet.services"),
        ("a and outlet.services  contains  x.y ?? \"z\"", 23,
         "write outlet.services.contains(x.y ?? \"z\"), or for a list x.y ?? \"z\" in outlet.services"),
        ("outlet.services not contains \"cash\"", 16,
         "write not outlet.services.contains(\"cash\"), or for a list \"cash\" not in outlet.services"),
        ("a + b contains 1", 6, "write (a + b).contains(1), or for a list 1 in a + b"),
        ("f(outlet.name contains \"中心\")", 14, "write outlet.name.contains(\"中心\"), or for a list \"中心\" in outlet.name"),
        ("xs contains", 3, "write xs.contains(…), or for a list … in xs"),
    ])
    func containsAsAnOperatorSaysWhatToWrite(text: String, offset: Int, advice: String) {
        do throws(SyntaxError) {
            _ = try ExpressionParser.parse(text)
            Issue.record("parsed: \(text)")
        } catch {
            #expect(error.offset == offset)
            #expect(error.message == "'contains' is a method, not an operator: \(advice)")
            #expect(error.wording.code == "expression.contains-operator")
            #expect(error.wording.zh.hasPrefix("'contains' 是方法，不是运算符：请写作 "))
        }
    }

    @Test func nestingIsBounded() {
        let deep = String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200)
        #expect(throws: SyntaxError.self) { try ExpressionParser.parse(deep) }
        let negations = String(repeating: "not ", count: 500) + "a"
        #expect(throws: SyntaxError.self) { try ExpressionParser.parse(negations) }
    }

    /// A review found a 2,000-term chain overflowed the stack.
    @Test func longOperatorChainsAreASyntaxErrorNotACrash() {
        let chain = Array(repeating: "1", count: 2000).joined(separator: " + ")
        #expect(throws: SyntaxError.self) { try ExpressionParser.parse(chain) }
        let ok = Array(repeating: "1", count: 100).joined(separator: " + ")
        #expect((try? ExpressionParser.parse(ok)) != nil)
    }
}
