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
        // Bytes, not Characters: every byte that matters here is ASCII, and grapheme breaking
        // made this the costliest step of writing a row.
        let utf8 = value.utf8
        let formula = utf8.first.map { Self.formulaStarts.contains($0) } ?? false && !isNumber(utf8)
        let quoted = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard formula || quoted else { return value }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 4)
        if quoted { bytes.append(UInt8(ascii: "\"")) }
        if formula { bytes.append(UInt8(ascii: "'")) }
        for byte in utf8 {
            if quoted, byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        if quoted { bytes.append(UInt8(ascii: "\"")) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `-2.5`, `+8.4`: a plain number is data a spreadsheet should read as a number, never a
    /// formula, so it is not guarded with a `'` (which would turn it into text).
    static func isNumber(_ utf8: String.UTF8View) -> Bool {
        var digits = 0, dots = 0, first = true
        for byte in utf8 {
            defer { first = false }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): dots += 1
            case UInt8(ascii: "-"), UInt8(ascii: "+"): if !first { return false }
            default: return false
            }
        }
        return digits > 0 && dots <= 1 && utf8.last != UInt8(ascii: ".")
    }

    /// What a spreadsheet may run as a formula when a field starts with it.
    private static let formulaStarts: Set<UInt8> = [UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "@"), 0x09, 0x0D]
}
