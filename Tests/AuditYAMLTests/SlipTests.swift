import AuditCore
@testable import AuditYAML
import Testing

/// The slips of hand-typed YAML (issue 12) and what a syntax error no longer hides.
@Suite struct SlipTests {
    static let colon = "error: full-width colon '：' after the key"

    @Test func aFullWidthColonIsNamedAtItsColumn() {
        #expect(renderedErrors(text: "outlet:\n  id: O1\n  name：网点\n  branch: b\n") == """
            t.yaml:3:7: \(Self.colon) 'name'; write a half-width ':' followed by a space, as in name: 网点
            """)
        // At the end of the file, before a nested mapping, after a list dash, with spaces around.
        #expect(renderedErrors(text: "a: 1\nname：网点\n") == "t.yaml:2:5: \(Self.colon) 'name'; write a half-width ':' followed by a space, as in name: 网点")
        #expect(renderedErrors(text: "outlet：\n  id: O1\n") == "t.yaml:1:7: \(Self.colon) 'outlet'; write a half-width ':' followed by a space, as in outlet:")
        #expect(renderedErrors(text: "staff:\n  - id：E1\n    badge: true\n") == "t.yaml:2:7: \(Self.colon) 'id'; write a half-width ':' followed by a space, as in id: E1")
        #expect(renderedErrors(text: "a: 1\nname ： 网点  # 名称\nb: 2\n") == "t.yaml:2:6: \(Self.colon) 'name'; write a half-width ':' followed by a space, as in name: 网点")
    }

    @Test func twoSlipsInOneFileAreBothReported() {
        let text = "outlet:\n  name：网点\n  id: O1\npremises:\n  clean：true\n  plants: true\n"
        #expect(renderedErrors(text: text) == """
            t.yaml:2:7: \(Self.colon) 'name'; write a half-width ':' followed by a space, as in name: 网点
            t.yaml:5:8: \(Self.colon) 'clean'; write a half-width ':' followed by a space, as in clean: true
            """)
    }

    @Test func fullWidthSpacesAndTabs() {
        #expect(renderedErrors(text: "outlet:\n  id: O1\n\u{3000}\u{3000}name: 网点\n  branch: b\n") == """
            t.yaml:3:1: error: full-width space (U+3000) in the indentation; indent with half-width spaces
            """)
        // Alone, `　　name: 网点` is a key of the root that YAML accepts (the report validator names it).
        #expect(renderedErrors(text: "outlet:\n  id: O1\n\u{3000}\u{3000}name: 网点\n") == nil)
        #expect(renderedErrors(text: "outlet:\n  id: O1\n  name:\u{3000}网点\n  type: x\n") == """
            t.yaml:3:8: error: full-width space (U+3000) after 'name:'; write a half-width space, as in name: 网点
            """)
        #expect(renderedErrors(text: "a:\n  - x\n  -\u{3000}y\n  - z: 1\n    w: 2\n") == """
            t.yaml:3:4: error: full-width space (U+3000) after '-'; write a half-width space, as in - y
            """)
        #expect(renderedErrors(text: "a:\n  b: 1\n\u{3000}\n  c: 2\n") == """
            t.yaml:3:1: error: this line holds only full-width spaces (U+3000), which YAML reads as text; delete them
            """)
        #expect(renderedErrors(text: "a:\n\tb: 1\n\tc: 2\n") == """
            t.yaml:2:1: error: tab in the indentation; indent with spaces, not tabs
            t.yaml:3:1: error: tab in the indentation; indent with spaces, not tabs
            """)
    }

    @Test func theLikelyCauseOfASyntaxErrorAndTheNextOne() {
        // An unclosed quote that runs on to the next quote, a list not closed, a key out of line.
        let text = """
            outlet:
              name: "网点
              branch: b
              hours: "08:30-17:00"
            premises:
              zones: [a, b
              clean: true
               plants: true
            """
        #expect(renderedErrors(text: text) == """
            t.yaml:2:9: error: the quote '"' opened here is never closed; end the value with '"' on the same line
            t.yaml:6:10: error: the '[' opened here is not closed; end it with ']' on the same line (items are separated by ', ')
            t.yaml:8:4: error: 'plants' is indented by 3 spaces, which lines up with no key above; keys of one mapping must line up: indent it by 2 spaces like 'clean' on line 7
            """)
        #expect(renderedErrors(text: "name: \"网点”\nb: 1\n") == """
            t.yaml:1:10: error: the value opened with '"' is closed with the full-width '”'; close it with a half-width '"'
            """)
        #expect(renderedErrors(text: "zones: [a, b】\nb: 1\n") == """
            t.yaml:1:8: error: the '[' opened here is closed with the full-width '】'; write a half-width ']'
            """)
        // A key re-indented to line up is named by the key it lines up with.
        #expect(renderedErrors(text: "a:\n  b: 1\n c: 2\n d: 3\n") == """
            t.yaml:3:2: error: 'c' is indented by 1 space, which lines up with no key above; keys of one mapping must line up: indent it by 2 spaces like 'b' on line 2
            t.yaml:4:2: error: 'd' is indented by 1 space, which lines up with no key above; keys of one mapping must line up: indent it by 2 spaces like 'b' on line 2
            """)
    }

    @Test func errorsOtherThanSyntaxAfterASlipAreFound() {
        // Past the full-width colon the file parses: the duplicate key further down is reported too.
        #expect(renderedErrors(text: "a：1\nb: 2\nb: 3\n") == """
            t.yaml:1:2: \(Self.colon) 'a'; write a half-width ':' followed by a space, as in a: 1
            t.yaml:3:1: error: duplicate key 'b' (first defined on line 2)
            t.yaml:2:1: note: 'b' first defined here
            """)
    }

    @Test func textIsNotASlip() {
        // Prose with a full-width colon in a value, in a block scalar, or in a comment: no slip.
        #expect(renderedErrors(text: "notes: 客户说：很好\nquote: \"第一条：……\"\n") == nil)
        let text = "notes: |\n  name：不是键\n  备注：也不是\n# a：comment\nbad: [\n"
        #expect(renderedErrors(text: text) == "t.yaml:6:1: error: syntax error: did not find expected node content (while parsing a flow node)")
        // In a file that parses, a full-width colon is text (the report validator names it where it matters).
        #expect(renderedErrors(text: "a: {name：x}\n") == nil)
    }

    @Test func recoveryIsBounded() throws {
        // One round of parsing again per error found: at most maximumRounds more.
        var text = ""
        for i in 0..<20 { text += "k\(i): [a, b\n" }
        let errors = try #require(renderedErrors(text: text))
        #expect(errors.split(separator: "\n").count == SyntaxRecovery.maximumRounds + 1)
        // Slips are reported up to a limit.
        var many = "a: 1\n"
        for i in 0..<500 { many += "k\(i)：v\n" }
        let slips = try #require(renderedErrors(text: many))
        let lines = slips.split(separator: "\n")
        #expect(lines.prefix(SyntaxRecovery.maximumSlips).allSatisfy { $0.contains(Self.colon) })
        // … then libyaml's error at the first slip not looked at, with its note.
        #expect(lines.count == SyntaxRecovery.maximumSlips + 2)
        #expect(lines.last?.hasSuffix("note: while scanning a simple key") == true)
        // A file too large to parse again: the slips, and libyaml's error unless a slip explains it.
        let filler = String(repeating: "# filler\n", count: SyntaxRecovery.maximumReparsedSize / 9 + 1)
        #expect(renderedErrors(text: filler + "a: 1\nname：x\nb: 2\n") == """
            t.yaml:116511:5: \(Self.colon) 'name'; write a half-width ':' followed by a space, as in name: x
            """)
        #expect(renderedErrors(text: filler + "a: [\n") == "t.yaml:116511:1: error: syntax error: did not find expected node content (while parsing a flow node)")
    }

    @Test func linesEndAsLibyamlEndsThem() {
        var lines: [String] = []
        SyntaxRecovery.forEachLine(of: "a\nb\r\nc\rd\u{2028}e") { number, line, end in
            lines.append("\(number):\(line):\(end.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: ","))")
            return true
        }
        #expect(lines == ["1:a:a", "2:b:d,a", "3:c:d", "4:d:2028", "5:e:"])
    }
}
