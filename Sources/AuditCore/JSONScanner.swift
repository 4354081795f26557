#if canImport(Glibc)
import Glibc
#endif

/// Reads JSON text (RFC 8259) where it stands, taking only the values asked for and skipping
/// the rest without building them: a previous batch's results.jsonl is read for a few fields
/// per line (outlet, score, each finding's rule, item and status), and most of its bytes —
/// citations, quotes, rule packs — are only stepped over.
///
/// Used as: `try scanner.object { scanner, key throws(JSONScanner.Failure) in switch key { case "a": x = try scanner.string()
/// default: try scanner.skip() } }`. Every value must be consumed (read or skipped) by the body.
/// Keys are compared as bytes, never made into strings: a line of results.jsonl has hundreds.
public struct JSONScanner {
    /// An object key, as it stands in the text (escapes are not decoded: the keys read here
    /// are plain ASCII). Matched against string literals: `case "rule":`.
    public struct Key {
        let bytes: ArraySlice<UInt8>

        public static func ~= (pattern: StaticString, key: Key) -> Bool {
            let count = pattern.utf8CodeUnitCount
            guard key.bytes.count == count else { return false }
            return key.bytes.withUnsafeBufferPointer { buffer in
                count == 0 || memcmp(buffer.baseAddress!, pattern.utf8Start, count) == 0
            }
        }

        public static func == (key: Key, text: StaticString) -> Bool { text ~= key }

        /// The key as text (escapes left as they stand).
        public var text: String { String(decoding: bytes, as: UTF8.self) }
    }

    /// Where the text stops being JSON: a byte offset into the text.
    public struct Failure: Error, Sendable {
        public var offset: Int
        public init(offset: Int) { self.offset = offset }
    }

    private let bytes: [UInt8]
    public private(set) var offset: Int
    private let end: Int
    /// Nesting allowed before the text is refused (a hostile file must not overflow the stack).
    static let maximumDepth = 512
    private var depth = 0

    /// The text of `bytes[range]`.
    public init(_ bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        let range = range ?? 0..<bytes.count
        offset = range.lowerBound
        end = range.upperBound
    }

    private func fail() -> Failure { Failure(offset: offset) }

    private mutating func space() {
        // Unchecked reads in the loops that touch every byte; `offset < end` keeps them in bounds.
        offset = bytes.withUnsafeBufferPointer { buffer in
            var i = offset
            while i < end {
                switch buffer[i] {
                case 0x20, 0x09, 0x0A, 0x0D: i += 1
                default: return i
                }
            }
            return i
        }
    }

    /// A key: the bytes between the quotes.
    private mutating func readKey() throws(Failure) -> Key {
        guard offset < end, bytes[offset] == UInt8(ascii: "\"") else { throw fail() }
        let start = offset + 1
        try skipString()
        return Key(bytes: bytes[start..<offset - 1])
    }

    private mutating func expect(_ byte: UInt8) throws(Failure) {
        space()
        guard offset < end, bytes[offset] == byte else { throw fail() }
        offset += 1
    }

    /// Whether only white space is left.
    public mutating func atEnd() -> Bool {
        space()
        return offset == end
    }

    /// `null` next: consumed, true. Anything else: left, false.
    public mutating func null() -> Bool {
        space()
        guard end - offset >= 4, bytes[offset] == UInt8(ascii: "n"), bytes[offset + 1] == UInt8(ascii: "u"),
              bytes[offset + 2] == UInt8(ascii: "l"), bytes[offset + 3] == UInt8(ascii: "l") else { return false }
        offset += 4
        return true
    }

    /// An object: `body` is given each key and must consume its value.
    public mutating func object(_ body: (inout JSONScanner, Key) throws(Failure) -> Void) throws(Failure) {
        try expect(UInt8(ascii: "{"))
        try enter()
        space()
        if offset < end, bytes[offset] == UInt8(ascii: "}") {
            offset += 1
            depth -= 1
            return
        }
        repeat {
            space()
            let key = try readKey()
            try expect(UInt8(ascii: ":"))
            try body(&self, key)
        } while try another(closing: UInt8(ascii: "}"))
    }

    /// An array: `body` is called once per element and must consume it.
    public mutating func array(_ body: (inout JSONScanner) throws(Failure) -> Void) throws(Failure) {
        try expect(UInt8(ascii: "["))
        try enter()
        space()
        if offset < end, bytes[offset] == UInt8(ascii: "]") {
            offset += 1
            depth -= 1
            return
        }
        repeat {
            try body(&self)
        } while try another(closing: UInt8(ascii: "]"))
    }

    /// After an element: a comma (true: another follows) or the closing bracket (false: done).
    private mutating func another(closing: UInt8) throws(Failure) -> Bool {
        space()
        guard offset < end else { throw fail() }
        if bytes[offset] == UInt8(ascii: ",") {
            offset += 1
            return true
        }
        guard bytes[offset] == closing else { throw fail() }
        offset += 1
        depth -= 1
        return false
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        if depth > Self.maximumDepth { throw fail() }
    }

    /// A string, or nil for `null`.
    public mutating func string() throws(Failure) -> String? {
        if null() { return nil }
        space()
        return try readString()
    }

    /// A number, or nil for `null`.
    public mutating func number() throws(Failure) -> Double? {
        if null() { return nil }
        space()
        let start = offset
        try skipNumber()
        guard let value = Double(String(decoding: bytes[start..<offset], as: UTF8.self)) else {
            offset = start
            throw fail()
        }
        return value
    }

    /// Steps over one value of any kind, checking its syntax.
    public mutating func skip() throws(Failure) {
        space()
        guard offset < end else { throw fail() }
        switch bytes[offset] {
        case UInt8(ascii: "\""): try skipString()
        case UInt8(ascii: "{"): try object { scanner, _ throws(Failure) in try scanner.skip() }
        case UInt8(ascii: "["): try array { scanner throws(Failure) in try scanner.skip() }
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        default: try skipNumber()
        }
    }

    private mutating func literal(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard end - offset >= count else { throw fail() }
        for i in 0..<count where bytes[offset + i] != word.utf8Start[i] { throw fail() }
        offset += count
    }

    private mutating func skipNumber() throws(Failure) {
        let start = offset
        if offset < end, bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        var digits = 0
        while offset < end {
            switch bytes[offset] {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-"): break
            default:
                if digits == 0 { offset = start; throw fail() }
                return
            }
            offset += 1
        }
        if digits == 0 { offset = start; throw fail() }
    }

    private mutating func skipString() throws(Failure) {
        guard offset < end, bytes[offset] == UInt8(ascii: "\"") else { throw fail() }
        let (stop, closed) = bytes.withUnsafeBufferPointer { buffer in
            var i = offset + 1
            while i < end {
                switch buffer[i] {
                case UInt8(ascii: "\""): return (i + 1, true)
                case UInt8(ascii: "\\"): i += 2
                case 0..<0x20: return (i, false)
                default: i += 1
                }
            }
            return (min(i, end), false)
        }
        offset = stop
        if !closed { throw fail() }
    }

    private mutating func readString() throws(Failure) -> String {
        guard offset < end, bytes[offset] == UInt8(ascii: "\"") else { throw fail() }
        let start = offset + 1
        // The common case: no escapes, one copy.
        let i = bytes.withUnsafeBufferPointer { buffer in
            var i = start
            while i < end, buffer[i] != UInt8(ascii: "\""), buffer[i] != UInt8(ascii: "\\"), buffer[i] >= 0x20 { i += 1 }
            return i
        }
        if i < end, bytes[i] == UInt8(ascii: "\"") {
            offset = i + 1
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }
        var out = Array(bytes[start..<i])
        offset = i
        while offset < end {
            let byte = bytes[offset]
            switch byte {
            case UInt8(ascii: "\""):
                offset += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard offset + 1 < end else { throw fail() }
                let escaped = bytes[offset + 1]
                offset += 2
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), end - offset >= 6, bytes[offset] == UInt8(ascii: "\\"),
                       bytes[offset + 1] == UInt8(ascii: "u") {
                        offset += 2
                        let low = try hex4()
                        if (0xDC00..<0xE000).contains(low) {
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            out.append(contentsOf: Array("\u{FFFD}".utf8))
                            scalar = low
                        }
                    }
                    let character = Unicode.Scalar(scalar) ?? "\u{FFFD}"
                    out.append(contentsOf: Array(String(Character(character)).utf8))
                default: offset -= 1; throw fail()
                }
            case 0..<0x20: throw fail()
            default:
                out.append(byte)
                offset += 1
            }
        }
        throw fail()
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard end - offset >= 4 else { throw fail() }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[offset]
            let digit: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - 48)
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - 87)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - 55)
            default: throw fail()
            }
            value = value << 4 | digit
            offset += 1
        }
        return value
    }
}
