import AuditCore
import Testing

/// Diagnostics: sorted, capped, rendered in either language with the code of what they say.
@Suite struct DiagnosticTests {
    static let duplicate = Message("yaml.duplicate-key", en: "duplicate key 'id'", zh: "重复的键 'id'")

    @Test func aListIsSortedByPlaceAndCapped() {
        var list = DiagnosticList()
        for line in (1...(DiagnosticList.cap + 5)).reversed() {
            list.append(.error(Self.duplicate, at: SourceLocation(file: "a.yaml", line: line, column: 1)))
        }
        #expect(list.diagnostics.count == DiagnosticList.cap)
        #expect(list.dropped == 5)
        #expect(list.sorted.first?.location.line == 6)
        #expect(list.description.hasSuffix("\n… and 5 more errors in a.yaml"))
    }

    @Test func rendersInTheAskedLanguage() {
        let d = Diagnostic.error(Self.duplicate, at: SourceLocation(file: "a.yaml", line: 2, column: 3),
                                 related: [.init(Message("yaml.duplicate-key-first", en: "first here", zh: "首次定义于此"),
                                                 location: SourceLocation(file: "a.yaml", line: 1, column: 3))])
        #expect(DiagnosticRenderer.render(d, source: nil) == "a.yaml:2:3: error: duplicate key 'id'\na.yaml:1:3: note: first here\n")
        #expect(DiagnosticRenderer.render(d, source: nil, language: .zh) == "a.yaml:2:3: 错误: 重复的键 'id'\na.yaml:1:3: 注: 首次定义于此\n")
        #expect(d.wording.code == "yaml.duplicate-key")
    }

    @Test func aHintIsWordedInBothLanguages() {
        let hint = Suggestion.hint(for: "bagde", among: ["badge", "clean"])
        #expect(hint.en == " (did you mean 'badge'?)")
        #expect(hint.zh == "（是否应为 'badge'？）")
        #expect(Suggestion.hint(for: "zzzzzz", among: ["badge"]).en == "")
    }
}
