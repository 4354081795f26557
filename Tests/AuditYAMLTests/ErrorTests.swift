import AuditCore
import AuditYAML
import Testing

@Suite("Diagnostics from inline input")
struct ErrorTests {
    @Test func duplicateKeysCompareResolvedValues() {
        #expect(renderedErrors(text: "1: a\n01: b\n") == """
            t.yaml:2:1: error: duplicate key '01' (the same value as '1' on line 1)
            t.yaml:1:1: note: '1' first defined here
            """)
        #expect(renderedErrors(text: "\"1\": a\n1: b\n") == nil)  // a string and an integer
        #expect(renderedErrors(text: "'name': a\nname: b\n") == """
            t.yaml:2:1: error: duplicate key 'name' (first defined on line 1)
            t.yaml:1:1: note: 'name' first defined here
            """)
        #expect(renderedErrors(text: "a: {x: 1, x: 2}\n") == """
            t.yaml:1:11: error: duplicate key 'x' (first defined on line 1)
            t.yaml:1:5: note: 'x' first defined here
            """)
    }

    @Test func duplicateKeysInALargeMapping() {
        var text = ""
        for i in 0..<40 { text += "key_\(i): \(i)\n" }
        text += "key_3: again\nkey_39: again\n"
        #expect(renderedErrors(text: text) == """
            t.yaml:41:1: error: duplicate key 'key_3' (first defined on line 4)
            t.yaml:4:1: note: 'key_3' first defined here
            t.yaml:42:1: error: duplicate key 'key_39' (first defined on line 40)
            t.yaml:40:1: note: 'key_39' first defined here
            """)
    }

    /// Issue 10: a plain value holding ': ' (a labelled argument of an expression) is told
    /// to take quotes, with the line as it should be written; other mapping errors are not.
    @Test func aValueWithAColonIsToldToTakeQuotes() {
        let lead = "error: syntax error: mapping values are not allowed in this context"
        #expect(renderedErrors(text: "rules:\n  - check: on_time(it.feedback_at, days: 3)  # two days\n") == """
            t.yaml:2:40: \(lead); a value containing ': ' must be quoted: write check: "on_time(it.feedback_at, days: 3)"
            """)
        // A value with a double quote in it is suggested in single quotes.
        #expect(renderedErrors(text: "check: on_time(it.x, days: 3) and it.kind == \"claim\"\n") == """
            t.yaml:1:26: \(lead); a value containing ': ' must be quoted: write check: 'on_time(it.x, days: 3) and it.kind == "claim"'
            """)
        // Mis-indented keys and a key after a value on its own line are told to line up instead.
        #expect(renderedErrors(text: "premises:\n  area: 76\n   clean: true\n") == """
            t.yaml:3:4: error: 'clean' is indented by 3 spaces, which lines up with no key above; keys of one mapping must line up: indent it by 2 spaces like 'area' on line 2
            """)
        #expect(renderedErrors(text: "a: b\n  c: d\n") == """
            t.yaml:2:3: error: 'c' is indented by 2 spaces, which lines up with no key above; keys of one mapping must line up: start it at the beginning of the line like 'a' on line 1
            """)
    }

    @Test func aValueWithAColonHintIsInChinese() throws {
        do throws(DiagnosticList) {
            _ = try YAMLLoader.load(bytes: Array("check: f(x, days: 3)\n".utf8), file: "t.yaml")
            Issue.record("loaded")
        } catch {
            #expect(error.diagnostics.first?.wording.code == "yaml.unquoted-colon")
            #expect(error.diagnostics.first?.wording.zh == "语法错误：此处不能出现映射值；含有 ': ' 的值须加引号，请写作 check: \"f(x, days: 3)\"")
        }
    }

    @Test func theSameKeyInDifferentMappingsIsFine() {
        #expect(renderedErrors(text: "staff:\n  - id: a\n  - id: b\nid: c\n") == nil)
    }

    @Test func everyProblemIsReportedInOrder() {
        let text = """
            outlet:
              level: 99999999999999999999
              photo: !!binary abc
              level: 3
            premises:
              area: .nan
            """
        #expect(renderedErrors(text: text, file: "r.yaml") == """
            r.yaml:2:10: error: integer 99999999999999999999 does not fit in 64 bits
            r.yaml:3:10: error: unsupported tag !!binary: \(BrokenFixtureTests.coreTags)
            r.yaml:4:3: error: duplicate key 'level' (first defined on line 2)
            r.yaml:2:3: note: 'level' first defined here
            r.yaml:6:9: error: float .nan is not finite
            """)
    }

    @Test func errorsBeforeASyntaxErrorAreKept() {
        #expect(renderedErrors(text: "a: 1\na: 2\nb: [\n") == """
            t.yaml:2:1: error: duplicate key 'a' (first defined on line 1)
            t.yaml:1:1: note: 'a' first defined here
            t.yaml:4:1: error: syntax error: did not find expected node content (while parsing a flow node)
            """)
    }

    @Test func complexKeys() {
        #expect(renderedErrors(text: "? {a: 1}\n: x\n") == "t.yaml:1:3: error: only scalar keys are supported; this key is a mapping")
        #expect(renderedErrors(text: "k: &k [1]\n*k : x\n") == "t.yaml:1:4: error: only scalar keys are supported; this key is a sequence")
    }

    @Test func aliases() {
        #expect(renderedErrors(text: "a: &a [1, *a]\n") == "t.yaml:1:11: error: alias *a refers to a node that contains it (recursive alias)")
        // each alias of a three-node sequence counts three nodes
        #expect(renderedErrors(text: "a: &a [1, 2]\nb: *a\nc: *a\n", limits: YAMLLimits(maxAliasNodes: 6)) == nil)
        #expect(
            renderedErrors(text: "a: &a [1, 2]\nb: *a\nc: *a\n", limits: YAMLLimits(maxAliasNodes: 5))
                == "t.yaml:3:4: error: aliases expand to more than 5 nodes (billion laughs?)")
    }

    @Test func invalidUTF8Variants() {
        func errors(_ bytes: [UInt8]) -> String? {
            do {
                _ = try YAMLLoader.load(bytes: bytes, file: "u.yaml")
                return nil
            } catch {
                return error.description
            }
        }
        let prefix = Array("a: 名\nb: ".utf8)  // 10 bytes; "b: " ends at line 2 column 3
        #expect(errors(prefix + [0xE5, 0x90]) == "u.yaml:2:4: error: invalid UTF-8 at byte offset 10 (byte 0xE5): the file must be saved as UTF-8")
        #expect(errors(prefix + [0xC0, 0xAF]) == "u.yaml:2:4: error: invalid UTF-8 at byte offset 10 (byte 0xC0): the file must be saved as UTF-8")
        #expect(errors(prefix + [0xED, 0xA0, 0x80]) == "u.yaml:2:4: error: invalid UTF-8 at byte offset 10 (byte 0xED): the file must be saved as UTF-8")
        #expect(errors(prefix + [0xF4, 0x90, 0x80, 0x80]) == "u.yaml:2:4: error: invalid UTF-8 at byte offset 10 (byte 0xF4): the file must be saved as UTF-8")
        #expect(errors(prefix + [0x80]) == "u.yaml:2:4: error: invalid UTF-8 at byte offset 10 (byte 0x80): the file must be saved as UTF-8")
        #expect(errors(prefix + [0xFF, 0x00]) == """
            u.yaml:2:4: error: invalid UTF-8 at byte offset 10 (byte 0xFF): the file must be saved as UTF-8
            u.yaml:2:5: error: NUL byte (0x00) at byte offset 11: a YAML file must be UTF-8 text (is it UTF-16 or binary?)
            """)
        // UTF-16 with a byte order mark
        #expect(errors([0xFF, 0xFE, 0x61, 0x00, 0x3A, 0x00]) == """
            u.yaml:1:1: error: invalid UTF-8 at byte offset 0 (byte 0xFF): the file must be saved as UTF-8
            u.yaml:1:4: error: NUL byte (0x00) at byte offset 3: a YAML file must be UTF-8 text (is it UTF-16 or binary?)
            """)
    }

    @Test func emptyDocuments() {
        #expect(renderedErrors(text: "") == "t.yaml:1:1: error: empty document: expected a mapping")
        #expect(renderedErrors(text: "\n\n# nothing\n") == "t.yaml:1:1: error: empty document: expected a mapping")
        #expect(renderedErrors(text: "---\n") == "t.yaml:2:1: error: empty document: expected a mapping")
        #expect(renderedErrors(text: "~\n") == "t.yaml:1:1: error: the root of the document must be a mapping, found a scalar (null)")
    }

    @Test func secondDocumentAfterAnEndMarker() {
        #expect(renderedErrors(text: "a: 1\n...\n---\nb: 2\n") == "t.yaml:3:1: error: a second YAML document starts here; a file must hold exactly one document")
    }

    @Test func loadValueReportsErrors() {
        #expect(renderedValueErrors("[1, 2", file: "--param max_rings") == """
            --param max_rings:1:1: error: the '[' opened here is not closed; end it with ']' on the same line (items are separated by ', ')
            """)
        #expect(renderedValueErrors("a: 1\n---\nb\n") == "v:2:1: error: a second YAML document starts here; a file must hold exactly one document")
    }
}
