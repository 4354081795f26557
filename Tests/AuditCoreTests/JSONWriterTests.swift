import AuditCore
import Testing

/// The JSON writer every machine-readable format goes through: key order kept, numbers
/// formatted one way, strings escaped per RFC 8259.
@Suite struct JSONWriterTests {
    @Test func keysKeepTheirOrder() {
        let json: JSON = .object([("z", .int(1)), ("a", .bool(true)), ("m", .null)])
        #expect(json.serialized() == #"{"z":1,"a":true,"m":null}"#)
    }

    @Test func prettyIsTwoSpacesAndEmptyCollectionsStayShort() {
        let json: JSON = .object([("a", .array([.int(1), .string("x")])), ("b", .object([])), ("c", .array([]))])
        #expect(json.serialized(pretty: true) == "{\n  \"a\": [\n    1,\n    \"x\"\n  ],\n  \"b\": {},\n  \"c\": []\n}")
    }

    @Test func stringsAreEscaped() {
        #expect(JSON.string("a\"b\\c\n\t\u{01}").serialized() == #""a\"b\\c\n\t\u0001""#)
        #expect(JSON.string("中文 / ok").serialized() == "\"中文 / ok\"")
    }

    @Test func numbersRoundHalfAwayFromZeroAndTrimZeros() {
        #expect(JSON.format(87.05, decimals: 1) == "87.1")
        #expect(JSON.format(-2.5, decimals: 0) == "-3")
        #expect(JSON.format(80.0, decimals: 2) == "80")
        #expect(JSON.format(0.125, decimals: 2) == "0.13")
        #expect(JSON.format(.nan, decimals: 1) == "null")
        #expect(JSON.number(96.94, decimals: 1).serialized() == "96.9")
    }

    @Test func numbersAreAlwaysValidJSON() {
        // Scaling 1e308 for rounding overflowed to infinity and was written `inf`.
        for value in [1.0e308, -1.0e308, .greatestFiniteMagnitude, 1.0e16, .infinity, -.infinity, .nan] {
            for decimals in [0, 1, 2] {
                let text = JSON.number(value, decimals: decimals).serialized()
                #expect(text == "null" || Double(text) != nil, "\(value) → \(text)")
                #expect(!text.contains("inf") && !text.contains("nan"), "\(value) → \(text)")
            }
        }
        #expect(JSON.format(1.0e308, decimals: 1) == "1e+308")
    }

    @Test func rawFragmentsAreWrittenAsTheyAre() {
        let json: JSON = .array([.raw(#"{"k":1}"#), .optional(nil), .optional("s")])
        #expect(json.serialized() == #"[{"k":1},null,"s"]"#)
    }
}

/// The streaming line writer must write exactly what the value tree serializes to.
@Suite struct JSONObjectLineTests {
    @Test func writesWhatTheValueTreeSerializesTo() {
        let texts: [String?] = ["plain", "引号\"与\\反斜杠", "tab\tnew\nline\r", "\u{01}\u{1F}", nil, "", "中文 ∑ 😀"]
        for (i, text) in texts.enumerated() {
            var line = JSONObjectLine()
            line.string("a", text)
            line.int("n", i - 3)
            line.string("b", "x")
            let tree = JSON.object([("a", .optional(text)), ("n", .int(i - 3)), ("b", .string("x"))])
            #expect(line.line() == tree.serialized() + "\n", "\(String(describing: text))")
        }
    }

    @Test func anEmptyObjectIsBraces() {
        var line = JSONObjectLine()
        #expect(line.line() == "{}\n")
    }
}
