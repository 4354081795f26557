#if canImport(Glibc)
import Glibc
#endif

/// A batch output written to a temporary name in the output folder and renamed into place
/// only when the whole run succeeded: readers see a complete file or none, and an
/// interrupted run leaves nothing under the final names.
final class OutputFile {
    let finalPath: String
    let temporaryPath: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private(set) var failure: String?

    init(directory: String, name: String) throws(BatchError) {
        finalPath = directory + "/" + name
        temporaryPath = directory + "/.\(name).tmp-\(getpid())"
        fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw BatchError("\(finalPath): cannot write: \(String(cString: strerror(errno)))") }
        buffer.reserveCapacity(1 << 16)
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    private func flush() {
        guard failure == nil, !buffer.isEmpty else { buffer.removeAll(keepingCapacity: true); return }
        var offset = 0
        buffer.withUnsafeBytes { raw in
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = "\(finalPath): cannot write: \(String(cString: strerror(errno)))"
                    return
                }
                offset += n
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes; the file keeps its temporary name until `commit`.
    func close() throws(BatchError) {
        flush()
        if failure == nil, fsync(fd) != 0 { failure = "\(finalPath): cannot write: \(String(cString: strerror(errno)))" }
        Glibc.close(fd)
        fd = -1
        if let failure { throw BatchError(failure) }
    }

    func commit() throws(BatchError) {
        guard rename(temporaryPath, finalPath) == 0 else {
            throw BatchError("\(finalPath): cannot rename into place: \(String(cString: strerror(errno)))")
        }
    }

    func discard() {
        if fd >= 0 { Glibc.close(fd); fd = -1 }
        unlink(temporaryPath)
    }
}

/// A batch that cannot go on (the output folder cannot be written).
public struct BatchError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
