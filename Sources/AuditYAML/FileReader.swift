import AuditCore

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file with POSIX calls, checking its kind and size with `fstat` before
/// reading a byte.
enum FileReader {
    /// The file's bytes, or a diagnostic (without a line, it concerns the whole file).
    static func read(path: String, maxSize: Int) -> Result<[UInt8], Diagnostic> {
        func failure(_ message: Message) -> Result<[UInt8], Diagnostic> {
            .failure(.error(message, at: SourceLocation(file: path)))
        }
        // O_NONBLOCK so that opening a FIFO cannot hang; it has no effect on regular files.
        let fd = RawPath.with(path) { open($0, O_RDONLY | O_CLOEXEC | O_NONBLOCK) }
        if fd < 0 { return failure(.cannotOpen(SystemError.current)) }
        defer { close(fd) }

        var info = stat()
        if fstat(fd, &info) != 0 { return failure(.cannotRead(SystemError.current)) }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR { return failure(.isDirectory) }
        if kind != S_IFREG { return failure(.notRegularFile) }

        let size = Int(truncatingIfNeeded: info.st_size)
        if size > maxSize { return .failure(tooLarge(file: path, size: size, limit: maxSize)) }
        return readAll(fd, file: path, maxSize: maxSize, sizeHint: size)
    }

    /// The name standard input goes by in diagnostics and findings.
    static let standardInputName = "<stdin>"

    /// Standard input to its end (a report given as `-`), within the same limit as a file.
    static func readStandardInput(maxSize: Int) -> Result<[UInt8], Diagnostic> {
        var info = stat()
        if fstat(0, &info) != 0 {
            return .failure(.error(.cannotRead(SystemError.current), at: SourceLocation(file: standardInputName)))
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            return .failure(.error(.isDirectory, at: SourceLocation(file: standardInputName)))
        }
        let size = info.st_mode & S_IFMT == S_IFREG ? Int(truncatingIfNeeded: info.st_size) : 0
        return readAll(0, file: standardInputName, maxSize: maxSize, sizeHint: min(size, maxSize))
    }

    private static func readAll(_ fd: Int32, file path: String, maxSize: Int, sizeHint size: Int) -> Result<[UInt8], Diagnostic> {
        // Read to the end, whatever fstat said: a file may grow after it, and some report no
        // size at all (/proc, /sys: st_size 0). Never more than the limit, and never a buffer
        // sized by the limit (which may be far beyond memory), only by what has been read.
        var readError: Int32 = 0
        var bytes: [UInt8] = []
        bytes.reserveCapacity(size)
        var chunk = [UInt8](repeating: 0, count: min(max(size, 4096), 1 << 20) + 1)
        while true {
            let count = chunk.withUnsafeMutableBufferPointer { posixRead(fd, $0.baseAddress!, $0.count) }
            if count > 0 {
                if bytes.count + count > maxSize {
                    return .failure(tooLarge(file: path, size: bytes.count + count, limit: maxSize))
                }
                bytes.append(contentsOf: chunk[0..<count])
            } else if count == 0 {
                break
            } else if errno == EINTR {
                continue
            } else if errno == EAGAIN {
                // A non-blocking pipe (standard input): wait until there is something to read.
                var wanted = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                _ = poll(&wanted, 1, -1)
                continue
            } else {
                readError = errno
                break
            }
        }
        if readError != 0 { return .failure(.error(.cannotRead(SystemError.reason(readError)), at: SourceLocation(file: path))) }
        return .success(bytes)
    }

    /// The diagnostic for input over `--max-file-size`.
    static func tooLarge(file: String, size: Int, limit: Int) -> Diagnostic {
        .error(.tooLarge(size, limit: limit), at: SourceLocation(file: file))
    }
}

@inline(__always)
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    read(fd, buffer, count)
}
