@testable import AuditRules
import Testing

/// Phrase matching: normalisation of what inspectors transcribe.
@Suite struct PhraseTests {
    @Test func fullwidthDigitsMatchTheirAsciiForms() {
        #expect(Phrase.contains(Phrase.normalize("您好，欢迎致电９５５１９"), Phrase.normalize("95519")))
        #expect(Phrase.contains(Phrase.normalize("ＣＨＩＮＡ life"), Phrase.normalize("china")))
    }
}
