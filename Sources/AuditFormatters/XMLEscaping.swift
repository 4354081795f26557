/// Escaping for XML 1.0 output (JUnit). Report text can hold anything: markup characters are
/// written as entities, and characters XML 1.0 cannot carry at all (most C0 controls, U+FFFE,
/// U+FFFF) become U+FFFD, so the document always parses.
enum XMLEscaping {
    /// Content of an attribute value in double quotes. Tab, newline and carriage return are
    /// written as character references: a parser would otherwise normalise them to spaces.
    static func attribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    /// Character data between tags.
    static func text(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    /// Whether XML 1.0 allows the scalar at all (`Char` production).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        var out = String.UnicodeScalarView()
        func append(_ s: String) { out.append(contentsOf: s.unicodeScalars) }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": append("&amp;")
            case "<": append("&lt;")
            case ">": append("&gt;")
            case "\"": append("&quot;")
            case "'": append("&apos;")
            case "\t" where inAttribute: append("&#9;")
            case "\n" where inAttribute: append("&#10;")
            // A bare CR in character data would be folded into a line break by the parser.
            case "\r": append("&#13;")
            default:
                if isAllowed(scalar) {
                    out.append(scalar)
                } else {
                    out.append("\u{FFFD}")
                }
            }
        }
        return String(out)
    }
}
