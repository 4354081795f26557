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

/// The one escaping of report- and file-provided text for the plain-text formats (text,
/// Markdown, GitHub workflow commands, diagnostics): control characters (C0, DEL, C1) and
/// bidirectional formatting characters become visible escapes, so a terminal never receives
/// an escape sequence, a log never a forged line, and a reader never text reordered by a
/// bidi override.
///
/// `\t`, `\n`, `\r`, `\e` (ESC) and `\0` by name, every other one as `\u{HEX}` (Swift's
/// spelling: `\u{7}` for BEL, `\u{9B}` for CSI, `\u{202E}` for RIGHT-TO-LEFT OVERRIDE). It
/// works on Unicode scalars: "\r\n" is one `Character` and comes out as `\r\n`. A backslash
/// already in the text is left as it is.
public enum VisibleEscaping {
    /// `keepingLineBreaks`: for a whole text output whose lines are the tool's own (the rule
    /// catalogue): "\n" stays, everything else is escaped.
    public static func escape(_ text: String, keepingLineBreaks: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { needsEscape($0) && !(keepingLineBreaks && $0 == "\n") }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar), !(keepingLineBreaks && scalar == "\n") {
                out.append(contentsOf: escaped(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// C0 controls, DEL, C1 controls, the bidi marks, embeddings, overrides and isolates, and
    /// the line and paragraph separators.
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        case 0x2028, 0x2029: true
        default: false
        }
    }

    /// How one such scalar is shown.
    public static func escaped(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\t": "\\t"
        case "\n": "\\n"
        case "\r": "\\r"
        case "\u{1B}": "\\e"
        case "\0": "\\0"
        default: "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
        }
    }
}
