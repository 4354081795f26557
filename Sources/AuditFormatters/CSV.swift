/// RFC 4180 CSV for Excel: UTF-8 with a byte order mark (so Excel reads Chinese correctly),
/// CRLF line ends, fields quoted when they hold a comma, quote, CR or LF. A field starting
/// with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` so a spreadsheet
/// never runs it as a formula (OWASP's list).
public enum CSV {
    public static let byteOrderMark = "\u{FEFF}"

    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    public static func field(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else { return text }
        var quoted = "\""
        for c in text {
            if c == "\"" { quoted += "\"\"" } else { quoted.append(c) }
        }
        return quoted + "\""
    }
}
