import AuditCore
import Testing

/// `JSONScanner`: the fields asked for, the rest stepped over, bad text refused at its offset.
@Suite struct JSONScannerTests {
    func scan(_ text: String) -> JSONScanner { JSONScanner(Array(text.utf8)) }

    @Test func readsTheFieldsAskedForAndSkipsTheRest() throws {
        var scanner = scan(#" {"skip": [1, -2.5e3, true, false, null, {"a": [[]]}, "x\"y"], "name": "a\u00e9\ud83d\ude00\n\/", "n": -12.25, "none": null, "list": ["p", "q"]} "#)
        var name: String?, n: Double?, none: String? = "set", list: [String] = []
        try scanner.object { scanner, key throws(JSONScanner.Failure) in
            switch key {
            case "name": name = try scanner.string()
            case "n": n = try scanner.number()
            case "none": none = try scanner.string()
            case "list": try scanner.array { scanner throws(JSONScanner.Failure) in list.append(try scanner.string() ?? "") }
            default: try scanner.skip()
            }
        }
        let ended = scanner.atEnd()
        #expect(ended)
        #expect(name == "aé😀\n/")
        #expect(n == -12.25)
        #expect(none == nil)
        #expect(list == ["p", "q"])
    }

    @Test func badTextIsRefusedWhereItStops() {
        for (text, offset) in [("{\"a\": 9x}", 7), ("{\"a\" 1}", 5), ("[1,]", 3), ("{\"a\": \"open", 11), ("{\"a\": tru}", 6), ("\"\u{1}\"", 1)] {
            var scanner = scan(text)
            do {
                try scanner.skip()
                Issue.record("\(text) was taken as JSON")
            } catch { #expect(error.offset == offset, "\(text)") }
        }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        var scanner = scan(String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000))
        var refused = false
        do { try scanner.skip() } catch { refused = true }
        #expect(refused)
        var fine = scan(String(repeating: "[", count: 100) + String(repeating: "]", count: 100))
        var taken = true
        do { try fine.skip() } catch { taken = false }
        let ended = fine.atEnd()
        #expect(taken && ended)
    }

    @Test func arbitraryBytesNeverCrash() {
        // A fixed pseudo-random sequence (xorshift): the same bytes on every run.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let alphabet = Array("{}[]\",:\\u0123456789.-+eEtruefalsn \n\u{0}é".utf8)
        var refused = 0
        for _ in 0..<2_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int(state % 40) {
                state ^= state << 13; state ^= state >> 7; state ^= state << 17
                bytes.append(alphabet[Int(state % UInt64(alphabet.count))])
            }
            var scanner = JSONScanner(bytes)
            do { try scanner.skip() } catch { refused += 1; #expect(error.offset >= 0 && error.offset <= bytes.count) }
        }
        #expect(refused > 1_000, "most random text is not JSON")
    }
}
