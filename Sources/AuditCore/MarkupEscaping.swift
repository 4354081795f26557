/// Escaping for the markup formats, HTML (the dashboard) and XML 1.0 (JUnit). Report text can
/// hold anything: markup characters become entities, and characters the format cannot carry
/// become U+FFFD, so a page always renders and a document always parses.
public enum MarkupEscaping {
    public enum Context: Sendable {
        /// HTML element content or an attribute value in either quotes; tabs and line breaks
        /// are spaces (a table cell or a tooltip shows one line).
        case html
        /// An XML attribute value in double quotes: tab, newline and carriage return are
        /// character references, which a parser would otherwise normalise to spaces.
        case xmlAttribute
        /// XML character data between tags.
        case xmlText
    }

    public static func escape(_ text: String, for context: Context) -> String {
        var out = String.UnicodeScalarView()
        func append(_ s: String) { out.append(contentsOf: s.unicodeScalars) }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": append("&amp;")
            case "<": append("&lt;")
            case ">": append("&gt;")
            case "\"": append("&quot;")
            case "'": append(context == .html ? "&#39;" : "&apos;")
            case "\t", "\n":
                switch context {
                case .html: out.append(" ")
                case .xmlAttribute: append(scalar == "\t" ? "&#9;" : "&#10;")
                case .xmlText: out.append(scalar)
                }
            // A bare CR in XML character data would be folded into a line break by the parser.
            case "\r" where context != .html: append("&#13;")
            default:
                if isAllowed(scalar, in: context) {
                    out.append(scalar)
                } else {
                    out.append("\u{FFFD}")
                }
            }
        }
        return String(out)
    }

    /// Whether the format carries the scalar: XML 1.0's `Char` production; for HTML, anything
    /// but C0 and C1 controls.
    public static func isAllowed(_ scalar: Unicode.Scalar, in context: Context) -> Bool {
        if context == .html { return !(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)) }
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
