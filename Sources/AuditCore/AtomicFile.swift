#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file whole or not at all: into a temporary file beside it, then `rename(2)`,
/// which replaces the target atomically. A crash or Ctrl-C leaves the old file (or none).
public enum AtomicFile {
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public static func write(_ text: String, to path: String) throws(WriteError) {
        let temporary = temporaryPath(for: path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(description: "\(path): cannot write: \(errorText())") }
        var ok = true
        var utf8 = Array(text.utf8)
        utf8.withUnsafeMutableBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; ok = false; break }
                offset += n
            }
        }
        if ok && fsync(fd) != 0 { ok = false }
        let message = errorText()
        close(fd)
        guard ok, rename(temporary, path) == 0 else {
            let failure = ok ? errorText() : message
            unlink(temporary)
            throw WriteError(description: "\(path): cannot write: \(failure)")
        }
    }

    static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(directory).\(name).tmp-\(getpid())"
    }

    static func errorText() -> String { String(cString: strerror(errno)) }
}
