import AuditCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Checks on the raw bytes done before libyaml sees them, and the byte-offset → line:col
/// mapping used for problems that libyaml reports as (or that are found as) byte offsets.
enum ByteScan {
    /// Offset of the first NUL byte, found with `memchr`.
    static func firstNUL(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = b.baseAddress, b.count > 0 else { return nil }
        guard let hit = memchr(base, 0, b.count) else { return nil }
        return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
    }

    /// Offset of the first byte that starts an invalid UTF-8 sequence (overlong forms,
    /// surrogates and code points above U+10FFFF are invalid), or `nil` for valid input.
    static func firstInvalidUTF8(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            if c < 0x80 {
                i &+= 1
                continue
            }
            var need = 0
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch c {
            case 0xC2...0xDF: need = 1
            case 0xE0: need = 2; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: need = 2
            case 0xED: need = 2; high = 0x9F
            case 0xF0: need = 3; low = 0x90
            case 0xF1...0xF3: need = 3
            case 0xF4: need = 3; high = 0x8F
            default: return i
            }
            if n - i <= need { return i }
            let second = b[i &+ 1]
            if second < low || second > high { return i }
            var k = 2
            while k <= need {
                let next = b[i &+ k]
                if next < 0x80 || next > 0xBF { return i }
                k &+= 1
            }
            i &+= need &+ 1
        }
        return nil
    }

    /// The 1-based line and column of a byte offset, counted the way libyaml counts marks:
    /// a UTF-8 byte order mark is skipped, columns count characters, and `\n`, `\r\n`, `\r`,
    /// U+0085, U+2028 and U+2029 each end a line.
    static func mark(atByteOffset offset: Int, in b: UnsafeBufferPointer<UInt8>) -> Mark {
        let end = min(max(offset, 0), b.count)
        var line = 1
        var column = 1
        var i = 0
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
        while i < end {
            let c = b[i]
            if c == 0x0A {
                line &+= 1; column = 1; i &+= 1
            } else if c == 0x0D {
                if i &+ 1 < b.count, b[i &+ 1] == 0x0A {
                    i &+= 1  // the \n that follows ends the line
                } else {
                    line &+= 1; column = 1; i &+= 1
                }
            } else if c == 0xC2, i &+ 1 < end, b[i &+ 1] == 0x85 {
                line &+= 1; column = 1; i &+= 2
            } else if c == 0xE2, i &+ 2 < end, b[i &+ 1] == 0x80, b[i &+ 2] == 0xA8 || b[i &+ 2] == 0xA9 {
                line &+= 1; column = 1; i &+= 3
            } else {
                if c & 0xC0 != 0x80 { column &+= 1 }
                i &+= 1
            }
        }
        return Mark(line: line, column: column)
    }

    /// The first byte of the character at a 1-based mark (libyaml's way of counting, as in
    /// `mark(atByteOffset:in:)`), or `nil` past the end. Only used on error paths.
    static func byte(at target: Mark, in b: UnsafeBufferPointer<UInt8>) -> UInt8? {
        var line = 1
        var column = 1
        var i = 0
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
        while i < b.count {
            if line == target.line && column == target.column { return b[i] }
            if line > target.line { return nil }
            let c = b[i]
            if c == 0x0A {
                line &+= 1; column = 1; i &+= 1
            } else if c == 0x0D {
                if i &+ 1 < b.count, b[i &+ 1] == 0x0A {
                    i &+= 1
                } else {
                    line &+= 1; column = 1; i &+= 1
                }
            } else {
                i &+= 1
                while i < b.count, b[i] & 0xC0 == 0x80 { i &+= 1 }
                column &+= 1
            }
        }
        return nil
    }

    /// The text of a 1-based line (`\n`, `\r\n` and `\r` end lines, as in `byte(at:in:)`),
    /// or `nil` past the end. Only used on error paths.
    static func line(_ number: Int, in b: UnsafeBufferPointer<UInt8>) -> String? {
        var line = 1
        var i = 0
        if b.count >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
        var start = i
        while i <= b.count {
            if i == b.count || b[i] == 0x0A || b[i] == 0x0D {
                if line == number { return String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self) }
                if i == b.count { return nil }
                if b[i] == 0x0D, i &+ 1 < b.count, b[i &+ 1] == 0x0A { i &+= 1 }
                line &+= 1
                start = i &+ 1
            }
            i &+= 1
        }
        return nil
    }

    /// `0x0A` style, two hex digits at least.
    static func hex(_ value: some BinaryInteger, digits: Int = 2) -> String {
        let text = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}
