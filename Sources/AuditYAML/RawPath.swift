#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// File names that are not UTF-8 (GBK names copied from a Chinese Windows share): shown
/// losslessly, each byte that is not part of valid UTF-8 as `\xNN` (and a backslash then as
/// `\x5C`, so that the text maps back one way only), and still opened by their real bytes —
/// the walker records them here. A name that is UTF-8 is its own text, as before.
public enum RawPath {
    private static let registry = Mutex<[String: [UInt8]]>([:])

    /// The text of a name's bytes, and whether it is exactly their UTF-8.
    public static func display(_ bytes: [UInt8]) -> (text: String, exact: Bool) {
        if let text = String(validating: bytes, as: UTF8.self) { return (text, true) }
        var text = ""
        var i = 0
        while i < bytes.count {
            let lead = bytes[i]
            let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0
            if length > 0, i + length <= bytes.count, let piece = String(validating: bytes[i..<i + length], as: UTF8.self),
               piece != "\\" {
                text += piece
                i += length
            } else {
                let hex = String(lead, radix: 16, uppercase: true)
                text += "\\x" + (hex.count == 1 ? "0" + hex : hex)
                i += 1
            }
        }
        return (text, false)
    }

    /// Remembers that `path` (as shown) is `bytes` on disk.
    static func register(_ path: String, _ bytes: [UInt8]) {
        registry.withLock { $0[path] = bytes }
    }

    /// The bytes of `path` on disk: what the walker found, else its UTF-8.
    public static func bytes(_ path: String) -> [UInt8] {
        registry.withLock { $0[path] } ?? Array(path.utf8)
    }

    /// Calls `body` with `path` as the C string the system needs.
    public static func with<R>(_ path: String, _ body: (UnsafePointer<CChar>) -> R) -> R {
        let raw = bytes(path) + [0]
        return raw.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
        }
    }
}
