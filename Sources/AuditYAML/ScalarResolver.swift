import AuditCore
/// YAML 1.2 core schema resolution, working on the scalar's UTF-8 bytes so the common case
/// (a word, a CJK string) is decided from its first byte without any allocation.
enum ScalarResolver {
    /// The outcome of resolving a plain scalar, or of checking text against a core tag.
    enum Outcome {
        case value(YAMLValue)
        /// A well-formed number that cannot be represented; the message names the problem.
        case invalid(Message)
        /// The text is not of the requested kind (only for tag checks).
        case mismatch
    }

    /// Resolves an untagged plain scalar. `text` is the same bytes as a `String`.
    static func resolvePlain(_ bytes: UnsafeBufferPointer<UInt8>, text: String) -> Outcome {
        guard let first = bytes.first else { return .value(.null) }
        switch first {
        case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"):
            return isNull(bytes) ? .value(.null) : .value(.string(text))
        case UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"), UInt8(ascii: "F"):
            if let bool = bool(bytes) { return .value(.bool(bool)) }
            return .value(.string(text))
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."):
            switch number(bytes, text: text) {
            case .mismatch: return .value(.string(text))
            case let other: return other
            }
        default:
            return .value(.string(text))
        }
    }

    /// `~`, `null`, `Null`, `NULL` or empty.
    static func isNull(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        switch b.count {
        case 0: return true
        case 1: return b[0] == UInt8(ascii: "~")
        case 4: return equals(b, "null") || equals(b, "Null") || equals(b, "NULL")
        default: return false
        }
    }

    static func bool(_ b: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch b.count {
        case 4: if equals(b, "true") || equals(b, "True") || equals(b, "TRUE") { return true }
        case 5: if equals(b, "false") || equals(b, "False") || equals(b, "FALSE") { return false }
        default: break
        }
        return nil
    }

    /// An integer, a float, an error for an unrepresentable number, or `.mismatch`.
    static func number(_ b: UnsafeBufferPointer<UInt8>, text: String) -> Outcome {
        switch integer(b) {
        case .some(.some(let value)): return .value(.int(value))
        case .some(.none): return .invalid(.integerTooLarge(text))
        case .none: break
        }
        if isFloatSyntax(b) {
            // Double(String) parses in the C locale whatever the process locale is.
            if let value = Double(text), value.isFinite { return .value(.float(value)) }
            return .invalid(.floatNotFinite(text))
        }
        if isInfinityOrNaN(b) { return .invalid(.floatNotFinite(text)) }
        return .mismatch
    }

    /// `nil` when the text is not integer syntax; `.some(nil)` when it is but overflows Int64.
    static func integer(_ b: UnsafeBufferPointer<UInt8>) -> Int64?? {
        let n = b.count
        guard n > 0 else { return nil }
        if n > 2, b[0] == UInt8(ascii: "0"), b[1] == UInt8(ascii: "x") || b[1] == UInt8(ascii: "o") {
            let radix: UInt64 = b[1] == UInt8(ascii: "x") ? 16 : 8
            var magnitude: UInt64 = 0
            var overflow = false
            for i in 2..<n {
                guard let digit = digitValue(b[i], radix: radix) else { return nil }
                if !overflow {
                    let (times, o1) = magnitude.multipliedReportingOverflow(by: radix)
                    let (plus, o2) = times.addingReportingOverflow(digit)
                    if o1 || o2 { overflow = true } else { magnitude = plus }
                }
            }
            if overflow || magnitude > UInt64(Int64.max) { return .some(nil) }
            return .some(Int64(magnitude))
        }
        var i = 0
        var negative = false
        if b[0] == UInt8(ascii: "-") || b[0] == UInt8(ascii: "+") {
            negative = b[0] == UInt8(ascii: "-")
            i = 1
        }
        guard i < n else { return nil }
        var magnitude: UInt64 = 0
        var overflow = false
        while i < n {
            let c = b[i]
            guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
            if !overflow {
                let (times, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (plus, o2) = times.addingReportingOverflow(UInt64(c &- UInt8(ascii: "0")))
                if o1 || o2 { overflow = true } else { magnitude = plus }
            }
            i += 1
        }
        if overflow { return .some(nil) }
        if negative {
            if magnitude > UInt64(Int64.max) &+ 1 { return .some(nil) }
            return .some(Int64(truncatingIfNeeded: 0 &- magnitude))
        }
        if magnitude > UInt64(Int64.max) { return .some(nil) }
        return .some(Int64(magnitude))
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    static func isFloatSyntax(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        var i = 0
        if i < n, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
        let intStart = i
        while i < n, isDigit(b[i]) { i += 1 }
        let intDigits = i - intStart
        if i < n, b[i] == UInt8(ascii: ".") {
            i += 1
            let fracStart = i
            while i < n, isDigit(b[i]) { i += 1 }
            if intDigits == 0 && i == fracStart { return false }
        } else if intDigits == 0 {
            return false
        }
        if i < n, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < n, b[i] == UInt8(ascii: "-") || b[i] == UInt8(ascii: "+") { i += 1 }
            let expStart = i
            while i < n, isDigit(b[i]) { i += 1 }
            if i == expStart { return false }
        }
        return i == n
    }

    /// `[-+]?\.(inf|Inf|INF)` or `\.(nan|NaN|NAN)`: floats in the core schema, rejected here.
    static func isInfinityOrNaN(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        if let first = b.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { start = 1 }
        let rest = UnsafeBufferPointer(rebasing: b[start...])
        if equals(rest, ".inf") || equals(rest, ".Inf") || equals(rest, ".INF") { return true }
        return start == 0 && (equals(rest, ".nan") || equals(rest, ".NaN") || equals(rest, ".NAN"))
    }

    // MARK: Explicit core tags

    /// Checks `text` against an explicit `!!int`, `!!float`, `!!bool` or `!!null` tag.
    static func resolve(_ b: UnsafeBufferPointer<UInt8>, text: String, as kind: CoreTag) -> Outcome {
        switch kind {
        case .str: return .value(.string(text))
        case .null: return isNull(b) ? .value(.null) : .mismatch
        case .bool:
            if let value = bool(b) { return .value(.bool(value)) }
            return .mismatch
        case .int:
            switch integer(b) {
            case .some(.some(let value)): return .value(.int(value))
            case .some(.none): return .invalid(.integerTooLarge(text))
            case .none: return .mismatch
            }
        case .float:
            if integer(b) != nil || isFloatSyntax(b) {
                if let value = Double(text), value.isFinite { return .value(.float(value)) }
                return .invalid(.floatNotFinite(text))
            }
            if isInfinityOrNaN(b) { return .invalid(.floatNotFinite(text)) }
            return .mismatch
        case .map, .seq: return .mismatch
        }
    }

    /// The core schema tags, the only ones accepted.
    enum CoreTag: String {
        case str, int, float, bool, null, map, seq

        static let prefix = "tag:yaml.org,2002:"

        init?(tag: String) {
            guard tag.hasPrefix(Self.prefix) else { return nil }
            self.init(rawValue: String(tag.dropFirst(Self.prefix.count)))
        }

        /// What the kind is called in messages.
        var valueKind: String {
            switch self {
            case .str: "string"
            case .int: "integer"
            case .float: "float"
            case .bool: "boolean"
            case .null: "null"
            case .map: "mapping"
            case .seq: "sequence"
            }
        }
    }

    /// A tag as the user would have written it: `!!str` for core-namespace tags.
    static func display(tag: String) -> String {
        if tag.hasPrefix(CoreTag.prefix) { return "!!" + tag.dropFirst(CoreTag.prefix.count) }
        return tag
    }

    // MARK: Helpers

    @inline(__always)
    static func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }

    @inline(__always)
    static func digitValue(_ c: UInt8, radix: UInt64) -> UInt64? {
        let value: UInt64
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): value = UInt64(c &- UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): value = UInt64(c &- UInt8(ascii: "a")) &+ 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): value = UInt64(c &- UInt8(ascii: "A")) &+ 10
        default: return nil
        }
        return value < radix ? value : nil
    }

    /// Byte-wise comparison with an ASCII literal.
    @inline(__always)
    static func equals(_ b: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard b.count == literal.utf8CodeUnitCount else { return false }
        let l = literal.utf8Start
        for i in 0..<b.count where b[i] != l[i] { return false }
        return true
    }
}
