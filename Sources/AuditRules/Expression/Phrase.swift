/// Phrase matching for spoken text: 「这是规定, 我有什么办法」 contains 这是规定 however the
/// inspector punctuated or spaced it.
public enum Phrase {
    /// Removes whitespace and punctuation (CJK and ASCII alike) and folds ASCII case.
    public static func normalize(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace { continue }
            switch scalar.properties.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation:
                continue
            case .mathSymbol, .currencySymbol, .modifierSymbol:
                // ASCII and fullwidth symbols (~ ^ ～ ＋) are typing noise; other symbols stay.
                if scalar.isASCII || (0xFF00...0xFFEF).contains(scalar.value) { continue }
            default:
                break
            }
            if scalar.isASCII, let lower = Unicode.Scalar(scalar.value | (("A"..."Z").contains(scalar) ? 0x20 : 0)) {
                result.append(lower)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether normalised `text` contains normalised `phrase`. An empty phrase never matches.
    public static func contains(_ normalizedText: String, _ normalizedPhrase: String) -> Bool {
        !normalizedPhrase.isEmpty && normalizedText.contains(normalizedPhrase)
    }
}
