import AuditCore
import AuditYAML
import Testing

/// Issue 11: alias expansion bounded in bytes, duplicate keys under Unicode normalisation,
/// snippets of files with old Mac (CR-only) line ends. Inputs are generated.
@Suite("Hardening: aliases, normalisation, line ends")
struct HardeningTests {
    // MARK: Alias amplification

    /// One long scalar aliased many times: few nodes (under the node limit), many bytes.
    static func longScalarAliased(length: Int, times: Int) -> String {
        var text = "a: &a " + String(repeating: "x", count: length) + "\nb: ["
        for _ in 0..<times { text += "*a, " }
        return text + "]\n"
    }

    @Test func aLongScalarAliasedManyTimesIsRefusedAtTheAlias() {
        // 100,000 bytes × 20 aliases = 2,000,000 bytes, over the default 1 MiB; the eleventh
        // alias (column 5 + 4 × 10) is the first to pass the limit.
        let text = Self.longScalarAliased(length: 100_000, times: 20)
        #expect(
            renderedErrors(text: text)
                == "t.yaml:2:45: error: aliases expand to more than 1048576 bytes of text (the limit on alias expansion; is a long value aliased many times?)")
    }

    @Test func aliasBytesCountThroughAnchoredCollections() {
        // The long scalar sits inside an anchored mapping, and that mapping is aliased.
        var text = "a: &a {k: " + String(repeating: "y", count: 300_000) + "}\nb: [*a, *a, *a, *a]\n"
        #expect(renderedErrors(text: text)?.hasPrefix("t.yaml:2:17: error: aliases expand to more than 1048576 bytes") == true)
        // An anchored collection that itself holds aliases counts them expanded.
        text = "a: &a " + String(repeating: "z", count: 200_000) + "\nb: &b [*a, *a]\nc: [*b, *b]\n"
        #expect(renderedErrors(text: text)?.hasPrefix("t.yaml:3:9: error: aliases expand to more than 1048576 bytes") == true)
    }

    @Test func aliasesUnderTheByteLimitStillLoad() throws {
        let doc = try #require(document(Self.longScalarAliased(length: 100_000, times: 10)))
        #expect(doc.root["b"]?.sequence?.count == 10)
        #expect(doc.root["b"]?[9]?.scalar?.text.utf8.count == 100_000)
    }

    // MARK: Duplicate keys under Unicode normalisation

    /// `é` precomposed (NFC) and `e` + U+0301 (NFD) are canonically equivalent: the same key.
    @Test(arguments: [0, 40])
    func canonicallyEquivalentKeysAreDuplicates(otherKeys: Int) {
        var text = ""
        for i in 0..<otherKeys { text += "k\(i): \(i)\n" }
        text += "caf\u{E9}: 1\ncafe\u{301}: 2\n"
        let line = otherKeys + 2
        #expect(
            renderedErrors(text: text)
                == "t.yaml:\(line):1: error: duplicate key 'cafe\u{301}' (the same text as 'caf\u{E9}' on line \(line - 1) in another Unicode normalisation form)\nt.yaml:\(line - 1):1: note: 'caf\u{E9}' first defined here")
    }

    /// U+212A KELVIN SIGN decomposes to the ASCII letter K.
    @Test(arguments: [0, 40])
    func aKeyEquivalentToAnASCIIKeyIsADuplicate(otherKeys: Int) {
        var text = ""
        for i in 0..<otherKeys { text += "k\(i): \(i)\n" }
        text += "K: 1\n\u{212A}: 2\n"
        #expect(renderedErrors(text: text)?.contains("error: duplicate key '\u{212A}'") == true)
    }

    // MARK: Line ends

    /// libyaml ends a line at `\r` alone (old Mac files) and at `\r\n` once; the snippet
    /// must show the line libyaml's mark names.
    @Test(arguments: ["\r", "\r\n", "\n", "\u{2028}"])
    func snippetsFollowLibyamlLineEnds(newline: String) throws {
        let text = ["a: 1", "b: 2", "c: *nope", "a: 4"].joined(separator: newline) + newline
        do {
            _ = try YAMLLoader.load(bytes: Array(text.utf8), file: "t.yaml")
            Issue.record("loaded")
        } catch {
            #expect(error.sorted.map { $0.location.mark } == [Mark(line: 3, column: 4), Mark(line: 4, column: 1)])
            let rendered = DiagnosticRenderer.render(error) { _ in text }
            #expect(
                rendered == """
                    t.yaml:3:4: error: alias *nope refers to an unknown anchor &nope
                      c: *nope
                         ^
                    t.yaml:4:1: error: duplicate key 'a' (first defined on line 1)
                      a: 4
                      ^
                    t.yaml:1:1: note: 'a' first defined here

                    """)
        }
    }
}
