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
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if fd < 0 { return failure(.cannotOpen(errorText(errno))) }
        defer { close(fd) }

        var info = stat()
        if fstat(fd, &info) != 0 { return failure(.cannotRead(errorText(errno))) }
        let kind = info.st_mode & S_IFMT
        if kind == S_IFDIR { return failure(.isDirectory) }
        if kind != S_IFREG { return failure(.notRegularFile) }

        let size = Int(truncatingIfNeeded: info.st_size)
        if size > maxSize { return .failure(tooLarge(file: path, size: size, limit: maxSize)) }

        var readError: Int32 = 0
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            initialized = 0
            guard let base = buffer.baseAddress else { return }
            while initialized < size {
                let count = posixRead(fd, base + initialized, size - initialized)
                if count > 0 {
                    initialized += count
                } else if count == 0 {
                    break  // the file shrank since fstat; keep what is there
                } else if errno == EINTR || errno == EAGAIN {
                    continue
                } else {
                    readError = errno
                    break
                }
            }
        }
        if readError != 0 { return failure(.cannotRead(errorText(readError))) }
        return .success(bytes)
    }

    /// The diagnostic for input over `--max-file-size`.
    static func tooLarge(file: String, size: Int, limit: Int) -> Diagnostic {
        .error(.tooLarge(size, limit: limit), at: SourceLocation(file: file))
    }

    static func errorText(_ code: Int32) -> String {
        guard let text = strerror(code) else { return "error \(code)" }
        return String(cString: text)
    }
}

@inline(__always)
private func posixRead(_ fd: Int32, _ buffer: UnsafeMutablePointer<UInt8>, _ count: Int) -> Int {
    read(fd, buffer, count)
}
