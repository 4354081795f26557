/// A tiny JSON builder with insertion-ordered keys, so output is byte-for-byte stable
/// (Foundation's encoders neither keep key order nor format numbers predictably).
public indirect enum JSON: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    /// Written with at most `decimals` places, trailing zeros trimmed.
    case number(Double, decimals: Int)
    case string(String)
    case array([JSON])
    case object([(String, JSON)])
    /// Already-serialised compact JSON, written as it is: for fragments repeated in every
    /// result (a rule's citation), serialised once. In pretty output it stays on one line.
    case raw(String)

    public static func == (lhs: JSON, rhs: JSON) -> Bool { lhs.serialized() == rhs.serialized() }

    public static func optional(_ value: String?) -> JSON { value.map { .string($0) } ?? .null }

    /// Compact (one line) or pretty with two-space indentation.
    public func serialized(pretty: Bool = false) -> String {
        // Written as UTF-8 bytes and made a String once: appending to a String piece by piece
        // was most of the cost of a batch's results lines.
        var out: [UInt8] = []
        out.reserveCapacity(256)
        write(to: &out, pretty: pretty, indent: 0)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(to out: inout [UInt8], pretty: Bool, indent: Int) {
        func append(_ text: StaticString) {
            out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
        }
        func newline(_ level: Int) {
            out.append(0x0A)
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
        }
        switch self {
        case .null: append("null")
        case .bool(let b): if b { append("true") } else { append("false") }
        case .int(let i): out.append(contentsOf: String(i).utf8)
        case .number(let d, let decimals): out.append(contentsOf: Self.format(d, decimals: decimals).utf8)
        case .string(let s): Self.escape(s, into: &out)
        case .raw(let text): out.append(contentsOf: text.utf8)
        case .array(let items):
            if items.isEmpty { append("[]"); return }
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(indent + 1) }
                item.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(indent) }
            out.append(UInt8(ascii: "]"))
        case .object(let pairs):
            if pairs.isEmpty { append("{}"); return }
            out.append(UInt8(ascii: "{"))
            for (i, (key, value)) in pairs.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                if pretty { newline(indent + 1) }
                Self.escape(key, into: &out)
                if pretty { append(": ") } else { out.append(UInt8(ascii: ":")) }
                value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { newline(indent) }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// Rounds half away from zero at `decimals` places (scores are rounded half-up). Always a
    /// valid JSON number or `null`: NaN and the infinities are `null` (validation keeps them
    /// out of every score, points and weight, so this is a last line of defence), and a finite
    /// value too large to scale is written as it is (`1e+308`), never `inf`.
    public static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "null" }
        var scale = 1.0
        for _ in 0..<max(0, decimals) { scale *= 10 }
        let rounded = (abs(value) * scale + 0.5).rounded(.down) / scale * (value < 0 ? -1 : 1)
        // Past 2^53 a Double has no fractional part left to round.
        guard rounded.isFinite, abs(value) < 1e15 else { return String(value) }
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var text = String(rounded)
        if text.contains("e") { return text }
        if let dot = text.firstIndex(of: ".") {
            let limit = text.index(dot, offsetBy: decimals + 1, limitedBy: text.endIndex) ?? text.endIndex
            text = String(text[..<limit])
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    static func escape(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Most strings need no escaping: copied whole.
        let clean = s.utf8.withContiguousStorageIfAvailable { bytes in
            !bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
        } ?? false
        if clean {
            out.append(contentsOf: s.utf8)
            out.append(UInt8(ascii: "\""))
            return
        }
        for byte in s.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(UInt8(ascii: "\\")); out.append(byte)
            case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\")); out.append(byte)
            case 0x0A: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "n"))
            case 0x0D: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "r"))
            case 0x09: out.append(UInt8(ascii: "\\")); out.append(UInt8(ascii: "t"))
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                                        hex[Int(byte >> 4)], hex[Int(byte & 15)]])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// One compact JSON object written straight into bytes, key by key: what `JSON.object(…)
/// .serialized()` writes, without building the value tree first (a batch writes one such line
/// per corrective action). Keys are literals and need no escaping.
public struct JSONObjectLine {
    private var out: [UInt8] = []
    private var empty = true

    public init(capacity: Int = 512) {
        out.reserveCapacity(capacity)
        out.append(UInt8(ascii: "{"))
    }

    private mutating func key(_ key: StaticString) {
        if !empty { out.append(UInt8(ascii: ",")) }
        empty = false
        out.append(UInt8(ascii: "\""))
        out.append(contentsOf: UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
        out.append(contentsOf: [UInt8(ascii: "\""), UInt8(ascii: ":")])
    }

    /// A string, or null.
    public mutating func string(_ key: StaticString, _ value: String?) {
        self.key(key)
        if let value { JSON.escape(value, into: &out) } else { out.append(contentsOf: "null".utf8) }
    }

    public mutating func int(_ key: StaticString, _ value: Int) {
        self.key(key)
        out.append(contentsOf: String(value).utf8)
    }

    /// The object, closed, and a newline.
    public mutating func line() -> String {
        out.append(UInt8(ascii: "}"))
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }
}
