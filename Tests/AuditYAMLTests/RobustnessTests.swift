import AuditCore
import AuditYAML
import Testing

/// Hostile and mangled input must give diagnostics, never a trap.
@Suite("Robustness")
struct RobustnessTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let seed = Array(TreeTests.report.utf8) + Array("x: &a [1, *a2]\ny: {? [k]: v}\nz: !!int 1\n".utf8)

    @Test func everyTruncationLoadsOrFails() {
        let bytes = Array(TreeTests.report.utf8)
        for end in 0...bytes.count {
            _ = try? YAMLLoader.load(bytes: Array(bytes[..<end]), file: "t.yaml")
        }
    }

    @Test func randomMutationsLoadOrFail() {
        var random = SplitMix(state: 2026)
        let alphabet = Array("\0\t\n\r -:?[]{},&*!|>'\"#%@`~0123456789.eE+xo名\u{FEFF}".utf8) + [0x80, 0xC3, 0xE5, 0xFF]
        for _ in 0..<3000 {
            var bytes = Self.seed
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let position = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: bytes[position] = alphabet.randomElement(using: &random)!
                case 1: bytes.insert(alphabet.randomElement(using: &random)!, at: position)
                default: bytes.remove(at: position)
                }
            }
            do {
                let doc = try YAMLLoader.load(bytes: bytes, file: "f.yaml")
                #expect(doc.root.mapping != nil)
            } catch {
                #expect(!error.diagnostics.isEmpty)
                for diagnostic in error.diagnostics {
                    #expect(diagnostic.location.file == "f.yaml")
                    if let mark = diagnostic.location.mark { #expect(mark.line >= 1 && mark.column >= 1) }
                }
            }
        }
    }

    @Test func deepNestingStopsAtTheLimit() {
        for open in ["[", "{a: ", "- "] {
            var text = "r: "
            for level in 0..<10_000 {
                text += open == "- " ? "\n" + String(repeating: " ", count: level % 200) + "- " : open
            }
            let result = renderedErrors(text: text)
            #expect(result?.contains("nesting is deeper than the limit of 64 levels") == true || result?.contains("syntax error") == true)
        }
    }

    @Test func manyAliasesOfAScalarAreBounded() {
        var text = "a: &a x\nb: ["
        for _ in 0..<20_000 { text += "*a, " }
        text += "]\n"
        #expect(renderedErrors(text: text) == "t.yaml:2:40005: error: aliases expand to more than 10000 nodes (billion laughs?)")
    }

    @Test func diagnosticsAreCapped() throws {
        var text = "x:\n"
        for _ in 0..<50_000 { text += "  - !!binary AAAA\n" }
        do {
            _ = try YAMLLoader.load(bytes: Array(text.utf8), file: "t.yaml")
            Issue.record("loaded")
        } catch {
            #expect(error.diagnostics.count == DiagnosticList.cap)
            #expect(error.dropped == 50_000 - DiagnosticList.cap)
            #expect(error.description.hasSuffix("… and 49900 more errors in t.yaml"))
        }
    }

    @Test func hugeScalarsAndKeysAreFine() throws {
        let long = String(repeating: "名", count: 100_000)
        let key = String(repeating: "键", count: 1000)  // libyaml allows simple keys up to 1024 characters
        let doc = try #require(document("k: \(long)\n\(key): 1\n"))
        #expect(doc.root["k"]?.scalar?.text.unicodeScalars.count == 100_000)
        #expect(doc.root.mapping?[1].value.mark == Mark(line: 2, column: 1003))
        #expect(
            renderedErrors(text: "\(long): 1\n")
                == "t.yaml:1:100001: error: syntax error: mapping values are not allowed in this context")
    }
}

/// Files whose size the kernel does not report (/proc, /sys say 0) are read to their end, and
/// the size limit still holds for them.
@Suite struct SizelessFileTests {
    @Test func aProcFileIsReadToItsEnd() throws {
        let bytes = try YAMLLoader.readFile(path: "/proc/self/status", limits: YAMLLimits())
        #expect(String(decoding: bytes, as: UTF8.self).hasPrefix("Name:"))
        #expect(throws: DiagnosticList.self) { try YAMLLoader.readFile(path: "/proc/self/status", limits: YAMLLimits(maxFileSize: 16)) }
    }
}

/// How a file name that is not UTF-8 is shown: each stray byte as `\xNN`, a backslash then as
/// `\x5C`, so that one text names one file.
@Suite struct RawPathTests {
    @Test func theShownNameMapsBackOneWay() {
        #expect(RawPath.display([0x61, 0xB1, 0x62]) == (#"a\xB1b"#, false))
        #expect(RawPath.display([0x5C, 0xB1]) == (#"\x5C\xB1"#, false))
        #expect(RawPath.display(Array("报告\\.yaml".utf8)) == ("报告\\.yaml", true))
        #expect(RawPath.display([0xE6, 0x8A]).text == #"\xE6\x8A"#, "a cut-off sequence")
    }
}
