/// RFC 4180 CSV for Excel: UTF-8 with a byte order mark (so Excel reads Chinese correctly),
/// CRLF line ends, fields quoted when they hold a comma, quote, CR or LF. A field starting
/// with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` so a spreadsheet
/// never runs it as a formula (OWASP's list).
public enum CSV {
    public static let byteOrderMark = "\u{FEFF}"

    public static func row(_ fields: [String]) -> String {
        // One buffer of bytes for the row: joining field strings cost more than the fields.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(fields.reduce(2 + fields.count) { $0 + $1.utf8.count })
        for (i, value) in fields.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            append(value, to: &bytes)
        }
        bytes.append(0x0D)
        bytes.append(0x0A)
        return String(decoding: bytes, as: UTF8.self)
    }

    public static func field(_ value: String) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One field, quoted or guarded as needed, at the end of `bytes`.
    static func append(_ value: String, to bytes: inout [UInt8]) {
        // Bytes, not Characters: every byte that matters here is ASCII, and grapheme breaking
        // made this the costliest step of writing a row.
        let utf8 = value.utf8
        let formula = utf8.first.map { Self.formulaStarts.contains($0) } ?? false && !isNumber(utf8)
        let quoted = utf8.withContiguousStorageIfAvailable { buffer in
            buffer.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        } ?? utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
        guard formula || quoted else {
            bytes.append(contentsOf: utf8)
            return
        }
        if quoted { bytes.append(UInt8(ascii: "\"")) }
        if formula { bytes.append(UInt8(ascii: "'")) }
        for byte in utf8 {
            if quoted, byte == UInt8(ascii: "\"") { bytes.append(byte) }
            bytes.append(byte)
        }
        if quoted { bytes.append(UInt8(ascii: "\"")) }
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
