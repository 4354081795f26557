/// Phrase matching for spoken text: 「这是规定, 我有什么办法」 contains 这是规定 however the
/// inspector punctuated or spaced it.
///
/// Text is normalised to UTF-8 bytes and searched bytewise: UTF-8 is self-synchronising, so a
/// byte match is a match of whole characters, and it avoids Foundation's locale-aware search,
/// which `String.contains` resolves to once Foundation is imported anywhere.
public enum Phrase {
    /// Removes whitespace and punctuation (CJK and ASCII alike) and folds ASCII case.
    public static func normalize(_ text: String) -> [UInt8] {
        var ignored: [Int]?
        return normalize(text, pauses: &ignored)
    }

    /// The same, also noting (when `pauses` is not nil) the offsets in the result where a
    /// punctuation mark, a space or a line break stood, since it is gone: a pause between two
    /// clauses. Invisible format characters are no pause. The offsets come out ascending.
    static func normalize(_ text: String, pauses: inout [Int]?) -> [UInt8] {
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
                    // spaces, controls, punctuation and symbols
                    pauses?.append(result.count)
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
            if scalar.properties.isWhitespace {
                pauses?.append(result.count)
                continue
            }
            // Zero-width spaces and joiners, BOMs, bidi marks, the combining grapheme joiner:
            // invisible, so 这是\u{200B}规定 is what the customer heard as 这是规定.
            if scalar.properties.isDefaultIgnorableCodePoint { continue }
            switch scalar.properties.generalCategory {
            case .format:
                continue
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation:
                pauses?.append(result.count)
                continue
            case .mathSymbol, .currencySymbol, .modifierSymbol:
                // Fullwidth symbols (～ ＋) are typing noise; other symbols stay.
                if (0xFF00...0xFFEF).contains(scalar.value) {
                    pauses?.append(result.count)
                    continue
                }
            default:
                break
            }
            result.append(contentsOf: String(scalar).utf8)
        }
        return result
    }

    /// Whether normalised `text` contains normalised `phrase`. An empty phrase never matches.
    public static func contains(_ text: [UInt8], _ phrase: [UInt8]) -> Bool {
        firstOccurrence(of: phrase, in: text, from: 0) != nil
    }

    /// The first index at or after `start` where `phrase` occurs in `text`.
    static func firstOccurrence(of phrase: [UInt8], in text: [UInt8], from start: Int) -> Int? {
        guard !phrase.isEmpty, phrase.count <= text.count, start >= 0 else { return nil }
        let first = phrase[0]
        var i = start
        let last = text.count - phrase.count
        while i <= last {
            if text[i] == first {
                var j = 1
                while j < phrase.count && text[i + j] == phrase[j] { j += 1 }
                if j == phrase.count { return i }
            }
            i += 1
        }
        return nil
    }

    /// Whether `phrase` occurs in `text` at exactly `index`.
    static func occurs(_ phrase: [UInt8], in text: [UInt8], at index: Int) -> Bool {
        guard index >= 0, index + phrase.count <= text.count else { return false }
        for j in 0..<phrase.count where text[index + j] != phrase[j] { return false }
        return true
    }
}

/// Phrases to listen for, each with the longer phrases that contain it and excuse it: a hit
/// of 不知道 that is the start of 不知道您是否 is not a hit.
public struct PhraseSet: Sendable {
    struct Entry: Sendable {
        var original: String
        var normalized: [UInt8]
        /// Each excusing phrase with the offsets at which this phrase occurs inside it.
        var excuses: [(phrase: [UInt8], offsets: [Int])]
    }

    let entries: [Entry]

    public init(phrases: [String], exceptions: [String]) {
        let excusing = exceptions.map(Phrase.normalize).filter { !$0.isEmpty }
        entries = phrases.map { original in
            let normalized = Phrase.normalize(original)
            var excuses: [(phrase: [UInt8], offsets: [Int])] = []
            for longer in excusing where longer.count > normalized.count {
                var offsets: [Int] = []
                var at = 0
                while let i = Phrase.firstOccurrence(of: normalized, in: longer, from: at) {
                    offsets.append(i)
                    at = i + 1
                }
                if !offsets.isEmpty { excuses.append((longer, offsets)) }
            }
            return Entry(original: original, normalized: normalized, excuses: excuses)
        }
    }

    /// The phrases, in list order, heard anywhere in the texts other than inside an excusing
    /// phrase. An excusing phrase is said in one breath: it does not reach across punctuation
    /// (in 「不知道!您是否…」 or 「不知道,您是不是…」 the curt 不知道 stands on its own).
    public func found(in texts: [String]) -> [String] {
        let excusable = entries.contains { !$0.excuses.isEmpty }
        let normalized = texts.map { text -> (bytes: [UInt8], pauses: [Int]) in
            var pauses: [Int]? = excusable ? [] : nil
            let bytes = Phrase.normalize(text, pauses: &pauses)
            return (bytes, pauses ?? [])
        }
        return entries.filter { entry in normalized.contains { hits(entry, $0.bytes, $0.pauses) } }.map(\.original)
    }

    private func hits(_ entry: Entry, _ text: [UInt8], _ pauses: [Int]) -> Bool {
        var at = 0
        while let i = Phrase.firstOccurrence(of: entry.normalized, in: text, from: at) {
            let excused = entry.excuses.contains { excuse in
                excuse.offsets.contains { offset in
                    let start = i - offset, end = start + excuse.phrase.count
                    return Phrase.occurs(excuse.phrase, in: text, at: start) && !Self.pause(in: pauses, after: start, before: end)
                }
            }
            if !excused { return true }
            at = i + 1
        }
        return false
    }

    /// Whether an ascending list of pause offsets has one strictly between `start` and `end`:
    /// a binary search, so a long utterance full of hits stays linear-logarithmic.
    static func pause(in pauses: [Int], after start: Int, before end: Int) -> Bool {
        var low = 0, high = pauses.count
        while low < high {
            let mid = (low + high) / 2
            if pauses[mid] <= start { low = mid + 1 } else { high = mid }
        }
        return low < pauses.count && pauses[low] < end
    }
}
