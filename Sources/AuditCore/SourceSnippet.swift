/// Renders the line a mark points at with a caret under the column, the way compilers do:
///
///     check: premises.recepton_area_m2 >= 80
///                     ^
public enum SourceSnippet {
    /// The snippet for `mark` in `text`, or `nil` when the line does not exist. Scans `text`
    /// once; for several marks in one text, index it once with `SourceLines`.
    public static func render(_ text: String, at mark: Mark) -> String? {
        SourceLines(text, keeping: [mark.line]).snippet(at: mark)
    }

    /// The snippet of one line (without its line end) with a caret under the 1-based `column`.
    static func render(line: Substring.UnicodeScalarView, column markColumn: Int) -> String {
        var scalars = Array(line)
        var column = max(0, markColumn - 1)
        // Show at most ~120 characters around the column of a very long line.
        var prefix = "", suffix = ""
        if scalars.count > 120 {
            let start = max(0, min(column - 60, scalars.count - 120))
            let end = min(scalars.count, start + 120)
            if start > 0 { prefix = "…" }
            if end < scalars.count { suffix = "…" }
            scalars = Array(scalars[start..<end])
            column -= start
        }
        var pad = prefix.isEmpty ? "" : " "
        for scalar in scalars.prefix(column) {
            if scalar == "\t" {
                pad += "\t"
            } else if VisibleEscaping.needsEscape(scalar) {
                pad += String(repeating: " ", count: VisibleEscaping.escaped(scalar).unicodeScalars.count)
            } else {
                pad += isWide(scalar) ? "  " : " "
            }
        }
        var text = String.UnicodeScalarView()
        for scalar in scalars {
            // Control and bidi characters from the input would move the terminal's cursor or
            // reorder the line: escaped visibly (a tab stays, the caret line repeats it).
            if scalar != "\t", VisibleEscaping.needsEscape(scalar) {
                text.append(contentsOf: VisibleEscaping.escaped(scalar).unicodeScalars)
            } else {
                text.append(scalar)
            }
        }
        return "\(prefix)\(String(text))\(suffix)\n\(pad)^"
    }

    /// East Asian wide and fullwidth characters take two terminal cells.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}

/// The lines of a source text, found in one pass over its UTF-8, so that any number of
/// snippets of one file cost one scan (not one split of the whole file per snippet).
///
/// Lines end the way libyaml counts them for its marks: at `\n`, `\r\n` (once), `\r` alone
/// (old Mac files), U+0085, U+2028 and U+2029. The text after the last line end is a line
/// too (empty when the text ends with a line end), as a mark may point there.
public struct SourceLines: Sendable {
    private let text: String
    /// The ranges of the lines kept (all, or those asked for), by 1-based line number.
    private var ranges: [Int: Range<String.Index>] = [:]
    /// How many lines the text has.
    public private(set) var count = 0

    /// Indexes `text`, keeping the lines numbered in `wanted` (every line when `nil`; a
    /// renderer passes the lines its diagnostics point at, so memory stays proportional to
    /// them, not to the file).
    public init(_ text: String, keeping wanted: Set<Int>? = nil) {
        var text = text
        text.makeContiguousUTF8()
        self.text = text
        let utf8 = text.utf8
        var line = 1
        var start = 0
        var found: [(Int, Int, Int)] = []  // line, start offset, end offset
        utf8.withContiguousStorageIfAvailable { b in
            let n = b.count
            var i = 0
            func end(_ lineEnd: Int, next: Int) {
                if wanted?.contains(line) ?? true { found.append((line, start, lineEnd)) }
                line &+= 1
                start = next
            }
            while i < n {
                let c = b[i]
                if c == 0x0A {
                    end(i, next: i &+ 1)
                } else if c == 0x0D {
                    let next = i &+ 1 < n && b[i &+ 1] == 0x0A ? i &+ 2 : i &+ 1
                    end(i, next: next)
                    i = next
                    continue
                } else if c == 0xC2, i &+ 1 < n, b[i &+ 1] == 0x85 {
                    end(i, next: i &+ 2)
                    i &+= 2
                    continue
                } else if c == 0xE2, i &+ 2 < n, b[i &+ 1] == 0x80, b[i &+ 2] == 0xA8 || b[i &+ 2] == 0xA9 {
                    end(i, next: i &+ 3)
                    i &+= 3
                    continue
                }
                i &+= 1
            }
            end(n, next: n)
        }
        count = line &- 1
        let base = utf8.startIndex
        for (number, from, to) in found {
            ranges[number] = utf8.index(base, offsetBy: from)..<utf8.index(base, offsetBy: to)
        }
    }

    /// Line `number` without its line end, or `nil` when it does not exist or was not kept.
    public func line(_ number: Int) -> Substring.UnicodeScalarView? {
        guard let range = ranges[number] else { return nil }
        return text.unicodeScalars[range]
    }

    /// The snippet for `mark`, or `nil` when its line does not exist or was not kept.
    public func snippet(at mark: Mark) -> String? {
        guard let line = line(mark.line) else { return nil }
        return SourceSnippet.render(line: line, column: mark.column)
    }
}
