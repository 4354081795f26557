/// Phrase matching for spoken text: 「这是规定, 我有什么办法」 contains 这是规定 however the
/// inspector punctuated or spaced it.
///
/// Text is normalised to UTF-8 bytes and searched bytewise: UTF-8 is self-synchronising, so a
/// byte match is a match of whole characters, and it avoids Foundation's locale-aware search,
/// which `String.contains` resolves to once Foundation is imported anywhere.
public enum Phrase {
    /// Removes whitespace and punctuation (CJK and ASCII alike) and folds ASCII case.
    public static func normalize(_ text: String) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    result.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    result.append(byte | 0x20)
                default:
                    continue  // spaces, controls, punctuation and symbols
                }
                continue
            }
            if (0x4E00...0x9FFF).contains(scalar.value) {
                // CJK ideographs, most of any utterance: letters, no property lookup needed.
                let v = scalar.value
                result.append(UInt8(0xE0 | (v >> 12)))
                result.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
                result.append(UInt8(0x80 | (v & 0x3F)))
                continue
            }
            if (0xFF10...0xFF19).contains(scalar.value) || (0xFF21...0xFF3A).contains(scalar.value) || (0xFF41...0xFF5A).contains(scalar.value) {
                // Fullwidth digits and letters (９５５１９) read as their ASCII forms.
                result.append(UInt8(scalar.value - 0xFEE0) | ((0xFF21...0xFF3A).contains(scalar.value) ? 0x20 : 0))
                continue
            }
            if scalar.properties.isWhitespace { continue }
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation:
                continue
            case .mathSymbol, .currencySymbol, .modifierSymbol:
                // Fullwidth symbols (～ ＋) are typing noise; other symbols stay.
                if (0xFF00...0xFFEF).contains(scalar.value) { continue }
            default:
                break
            }
            result.append(contentsOf: String(scalar).utf8)
        }
        return result
    }

    /// Whether normalised `text` contains normalised `phrase`. An empty phrase never matches.
    public static func contains(_ text: [UInt8], _ phrase: [UInt8]) -> Bool {
        guard !phrase.isEmpty, phrase.count <= text.count else { return false }
        let first = phrase[0]
        var i = 0
        let last = text.count - phrase.count
        while i <= last {
            if text[i] == first {
                var j = 1
                while j < phrase.count && text[i + j] == phrase[j] { j += 1 }
                if j == phrase.count { return true }
            }
            i += 1
        }
        return false
    }
}
