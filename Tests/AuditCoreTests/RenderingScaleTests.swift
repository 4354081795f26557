import AuditCore
import Testing

/// Issue 11: rendering many diagnostics of one large file must be linear (the file's lines
/// are indexed once, not split again for every snippet), and each file's diagnostics are
/// capped on their own, with the rest counted per file.
@Suite struct RenderingScaleTests {
    static let unknown = Message("value.unknown-key", en: "unknown key", zh: "未知的键")

    /// A text of `lines` lines `kN: N`.
    static func text(lines: Int, newline: String = "\n") -> String {
        (1...lines).map { "k\($0): \($0)" }.joined(separator: newline) + newline
    }

    @Test func theSourceOfAFileIsFetchedOnceForAllItsSnippets() {
        var list = DiagnosticList()
        for line in 1...50 {
            list.append(.error(Self.unknown, at: SourceLocation(file: "a.yaml", line: line * 3, column: 1)))
            list.append(.error(Self.unknown, at: SourceLocation(file: "b.yaml", line: line, column: 2)))
        }
        let texts = ["a.yaml": Self.text(lines: 200), "b.yaml": Self.text(lines: 60)]
        var fetched: [String] = []
        let rendered = DiagnosticRenderer.render(list) { path in
            fetched.append(path)
            return texts[path]
        }
        #expect(fetched == ["a.yaml", "b.yaml"])
        #expect(rendered.contains("a.yaml:150:1: error: unknown key\n  k150: 150\n  ^\n"))
        #expect(rendered.contains("b.yaml:50:2: error: unknown key\n  k50: 50\n   ^\n"))
    }

    @Test func aLineIndexFindsEveryLineOfOnePass() {
        let text = Self.text(lines: 1000, newline: "\r")
        let lines = SourceLines(text)
        #expect(lines.count == 1001)  // the empty line after the last line end counts
        #expect(lines.snippet(at: Mark(line: 1000, column: 3)) == "k1000: 1000\n  ^")
        #expect(lines.snippet(at: Mark(line: 1001, column: 1)) == "\n^")
        #expect(lines.snippet(at: Mark(line: 1002, column: 1)) == nil)
    }

    /// `\r` alone, `\r\n` (once), `\n`, U+0085, U+2028 and U+2029 end a line, as in libyaml.
    @Test func snippetsCountLineEndsTheWayLibyamlDoes() {
        let text = "a\rb\r\nc\nd\u{85}e\u{2028}f\u{2029}g"
        for (line, letter) in ["a", "b", "c", "d", "e", "f", "g"].enumerated() {
            #expect(SourceSnippet.render(text, at: Mark(line: line + 1, column: 1)) == "\(letter)\n^")
        }
        #expect(SourceSnippet.render(text, at: Mark(line: 8, column: 1)) == nil)
        #expect(SourceSnippet.render("a\r\n\r\nb", at: Mark(line: 3, column: 1)) == "b\n^")
    }

    @Test func eachFileIsCappedOnItsOwnAndTheRestIsCountedPerFile() {
        var list = DiagnosticList()
        for line in 1...(DiagnosticList.cap + 30) {
            list.append(.error(Self.unknown, at: SourceLocation(file: "a.yaml", line: line, column: 1)))
        }
        for line in 1...(DiagnosticList.cap + 5) {
            list.append(.error(Self.unknown, at: SourceLocation(file: "b.yaml", line: line, column: 1)))
        }
        list.append(.error(Self.unknown, at: SourceLocation(file: "c.yaml", line: 1, column: 1)))
        #expect(list.diagnostics.count == 2 * DiagnosticList.cap + 1)
        #expect(list.dropped == 35)
        #expect(list.dropped(in: "a.yaml") == 30)
        #expect(list.dropped(in: "b.yaml") == 5)
        #expect(list.dropped(in: "c.yaml") == 0)
        let rendered = DiagnosticRenderer.render(list) { _ in nil }
        #expect(rendered.contains("a.yaml:100:1: error: unknown key\n… and 30 more errors in a.yaml\nb.yaml:1:1: error"))
        #expect(rendered.hasSuffix("b.yaml:100:1: error: unknown key\n… and 5 more errors in b.yaml\nc.yaml:1:1: error: unknown key\n"))
        let zh = DiagnosticRenderer.render(list, language: .zh) { _ in nil }
        #expect(zh.contains("……a.yaml 中另有 30 条错误\n"))
        #expect(list.description.contains("a.yaml:100:1: error: unknown key\n… and 30 more errors in a.yaml\nb.yaml:1:1"))
    }

    /// Merging lists keeps each file's count of what was left out.
    @Test func mergedListsKeepTheirPerFileCounts() {
        var a = DiagnosticList(), b = DiagnosticList()
        for line in 1...(DiagnosticList.cap + 2) {
            a.append(.error(Self.unknown, at: SourceLocation(file: "a.yaml", line: line, column: 1)))
            b.append(.error(Self.unknown, at: SourceLocation(file: "a.yaml", line: line, column: 2)))
        }
        a.append(contentsOf: b)
        #expect(a.diagnostics.count == DiagnosticList.cap)
        #expect(a.dropped(in: "a.yaml") == DiagnosticList.cap + 4)
    }
}
