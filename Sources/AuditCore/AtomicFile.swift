#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written whole or not at all: into a temporary file beside it (`.NAME.tmp-PID`),
/// renamed over the target by `commit()` — `rename(2)` replaces it atomically — or removed by
/// `discard()`. A crash or Ctrl-C leaves the old file (or none), never half of a new one.
/// Text is buffered and written in large pieces, so a 100 MB output streams in bounded memory.
public final class AtomicFile {
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    public let path: String
    public let temporaryPath: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private var failure: String?

    /// Creates the temporary file (a stale one of the same name, left by a killed run with the
    /// same process id, is replaced).
    public init(path: String) throws(WriteError) {
        self.path = path
        temporaryPath = Self.temporaryPath(for: path)
        // A folder cannot be replaced by a file: say so before writing anything.
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw WriteError(description: "\(path): cannot write: \(String(cString: strerror(EISDIR)))")
        }
        unlink(temporaryPath)
        fd = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(description: "\(path): cannot write: \(Self.errorText())") }
        buffer.reserveCapacity(1 << 16)
    }

    /// The whole text, atomically.
    public static func write(_ text: String, to path: String) throws(WriteError) {
        let file = try AtomicFile(path: path)
        file.write(text)
        do throws(WriteError) {
            try file.close()
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    private func flush() {
        guard failure == nil, !buffer.isEmpty else { buffer.removeAll(keepingCapacity: true); return }
        var offset = 0
        buffer.withUnsafeBytes { raw in
            while offset < raw.count {
                #if canImport(Glibc)
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                #else
                let n = Darwin.write(fd, raw.baseAddress! + offset, raw.count - offset)
                #endif
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = "\(path): cannot write: \(Self.errorText())"
                    return
                }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and closes; the file keeps its temporary name until `commit()`.
    public func close() throws(WriteError) {
        guard fd >= 0 else { return }
        flush()
        if failure == nil, fsync(fd) != 0 { failure = "\(path): cannot write: \(Self.errorText())" }
        closeDescriptor()
        if let failure { throw WriteError(description: failure) }
    }

    /// Puts the closed file in place of the target.
    public func commit() throws(WriteError) {
        guard rename(temporaryPath, path) == 0 else {
            throw WriteError(description: "\(path): cannot rename into place: \(Self.errorText())")
        }
    }

    /// Drops the temporary file (after a failure or an interrupt).
    public func discard() {
        if fd >= 0 { closeDescriptor() }
        unlink(temporaryPath)
    }

    private func closeDescriptor() {
        #if canImport(Glibc)
        Glibc.close(fd)
        #else
        Darwin.close(fd)
        #endif
        fd = -1
    }

    static func temporaryPath(for path: String) -> String {
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return "\(directory).\(name).tmp-\(getpid())"
    }

    static func errorText() -> String { String(cString: strerror(errno)) }
}
