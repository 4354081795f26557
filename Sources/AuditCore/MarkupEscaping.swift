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
        // Most text needs nothing: a look at the bytes says so without decoding (a dashboard
        // escapes tens of strings per outlet). Every scalar the loop below changes has a byte
        // here: ASCII markup and controls, C1 controls (0xC2 0x80–0x9F), and for XML U+FFFE
        // and U+FFFF (0xEF 0xBF …).
        let xml = context != .html
        let clean = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var i = 0
            while i < bytes.count {
                switch bytes[i] {
                case 0..<0x20, 0x7F, UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"):
                    return false
                case 0xC2 where i + 1 < bytes.count && bytes[i + 1] < 0xA0:  // U+0080–U+009F, not `·` (C2 B7)
                    return false
                case 0xEF where xml:
                    return false
                default: i += 1
                }
            }
            return true
        } ?? false
        if clean { return text }
        // Built as UTF-8 bytes: appending scalar by scalar to a String costs ten times more.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        func append(_ s: StaticString) { out.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount)) }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": append("&amp;")
            case "<": append("&lt;")
            case ">": append("&gt;")
            case "\"": append("&quot;")
            case "'": if context == .html { append("&#39;") } else { append("&apos;") }
            case "\t", "\n":
                switch context {
                case .html: out.append(UInt8(ascii: " "))
                case .xmlAttribute: if scalar == "\t" { append("&#9;") } else { append("&#10;") }
                case .xmlText: out.append(UInt8(scalar.value))
                }
            // A bare CR in XML character data would be folded into a line break by the parser.
            case "\r" where context != .html: append("&#13;")
            default:
                if isAllowed(scalar, in: context) {
                    out.append(contentsOf: UTF8.encode(scalar)!)
                } else {
                    append("\u{FFFD}")
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
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
        // The bytes first: every scalar `needsEscape` names starts with one of these (C0, DEL;
        // 0xC2: C1; 0xD8: U+061C; 0xE2: U+200E–U+2069), and most text has none.
        guard mayNeedEscape(text) else { return text }
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

    /// Whether any scalar `needsEscape` may be in `text`, from its UTF-8 bytes: C0 and DEL;
    /// C1 (C2 80–9F); U+061C (D8 9C); U+200E–U+200F, U+2028–U+202E (E2 80 8E–8F, A8–AE);
    /// U+2066–U+2069 (E2 81 A6–A9). `—` (E2 80 94) and `·` (C2 B7), common in findings, are not.
    static func mayNeedEscape(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x20 || b == 0x7F { return true }
                if b == 0xC2, i + 1 < n, bytes[i + 1] < 0xA0 { return true }
                if b == 0xD8, i + 1 < n, bytes[i + 1] == 0x9C { return true }
                if b == 0xE2, i + 2 < n {
                    let (c, d) = (bytes[i + 1], bytes[i + 2])
                    if c == 0x80, d == 0x8E || d == 0x8F || (0xA8...0xAE).contains(d) { return true }
                    if c == 0x81, (0xA6...0xA9).contains(d) { return true }
                }
                i += 1
            }
            return false
        } ?? true
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
