/// Renders the line a mark points at with a caret under the column, the way compilers do:
///
///     check: premises.recepton_area_m2 >= 80
///                     ^
public enum SourceSnippet {
    /// The snippet for `mark` in `text`, or `nil` when the line does not exist.
    public static func render(_ text: String, at mark: Mark) -> String? {
        guard mark.line >= 1 else { return nil }
        // Split on scalars: as Characters, "\r\n" is one grapheme and would hide the line ends.
        var lineNumber = 1
        var found: Substring.UnicodeScalarView?
        for line in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            if lineNumber == mark.line { found = line; break }
            lineNumber += 1
        }
        guard var line = found else { return nil }
        if line.last == "\r" { line.removeLast() }
        var scalars = Array(line)
        var column = max(0, mark.column - 1)
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
