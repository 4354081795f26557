#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file written whole or not at all: into a temporary file beside it (`.NAME.tmp-PID`),
/// renamed over the target by `commit()` — `rename(2)` replaces it atomically — or removed by
/// `discard()`. A crash or Ctrl-C leaves the old file (or none), never half of a new one.
/// Text is buffered and written in large pieces, so a 100 MB output streams in bounded memory.
///
/// Only a regular file (or nothing) is replaced: a device, FIFO, socket or folder at the path
/// is refused, as is a file that is one of the run's inputs (same device and inode, however
/// spelled). A link is written through: the file it points to is replaced (in its own
/// folder) and the link stays; a link to nothing is refused. An existing file keeps its
/// permissions (and, when allowed, its owner). Temporaries of this naming left by processes
/// that are gone are removed.
public final class AtomicFile {
    public struct WriteError: Error, CustomStringConvertible, Sendable {
        public var message: Message
        public var description: String { message.en }
        public init(_ message: Message) { self.message = message }
    }

    /// The path as given (messages name it).
    public let path: String
    /// The file replaced: `path`, or the file it links to.
    public let target: String
    public let temporaryPath: String
    private var fd: Int32
    private var buffer: [UInt8] = []
    private var failure: Message?

    /// Checks the target and creates the temporary file. `inputs`: files the run reads, which
    /// must not be replaced.
    public init(path: String, inputs: [String] = []) throws(WriteError) {
        self.path = path
        var info = stat()
        var exists = false
        var target = path
        if lstat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFLNK {
                guard let resolved = realpath(path, nil) else {
                    throw WriteError(errno == ENOENT ? .danglingLink(path) : .cannotWriteFile(path, reason: SystemError.current))
                }
                target = String(cString: resolved)
                free(resolved)
                guard stat(target, &info) == 0 else { throw WriteError(.cannotWriteFile(path, reason: SystemError.current)) }
            }
            exists = true
            if let kind = Self.kind(info.st_mode) { throw WriteError(.notARegularFile(path, kind: kind)) }
            for input in inputs {
                var other = stat()
                if stat(input, &other) == 0, other.st_dev == info.st_dev, other.st_ino == info.st_ino {
                    throw WriteError(.outputIsInput(path, input: input))
                }
            }
        } else if errno != ENOENT {
            throw WriteError(.cannotWriteFile(path, reason: SystemError.current))
        }
        self.target = target
        temporaryPath = Self.temporaryPath(for: target)
        Self.removeStaleTemporaries(of: target)
        unlink(temporaryPath)
        fd = open(temporaryPath, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(.cannotWriteFile(path, reason: SystemError.current)) }
        if exists {
            if info.st_uid != geteuid() || info.st_gid != getegid() { _ = fchown(fd, info.st_uid, info.st_gid) }
            _ = fchmod(fd, info.st_mode & 0o7777)
        }
        buffer.reserveCapacity(1 << 16)
    }

    /// The whole text, atomically.
    public static func write(_ text: String, to path: String, inputs: [String] = []) throws(WriteError) {
        let file = try AtomicFile(path: path, inputs: inputs)
        file.write(text)
        do throws(WriteError) {
            try file.close()
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    /// Several files, each whole: all are written and closed before the first is put in place,
    /// so a file that cannot be written leaves every target as it was. (A rename that fails
    /// after others succeeded, which takes a file system error, leaves those in place.)
    public static func write(_ outputs: [(path: String, text: String)], inputs: [String] = []) throws(WriteError) {
        var files: [AtomicFile] = []
        do throws(WriteError) {
            for output in outputs {
                let file = try AtomicFile(path: output.path, inputs: inputs)
                files.append(file)
                file.write(output.text)
            }
            for file in files { try file.close() }
        } catch {
            files.forEach { $0.discard() }
            throw error
        }
        for (i, file) in files.enumerated() {
            do throws(WriteError) { try file.commit() } catch {
                files[i...].forEach { $0.discard() }
                throw error
            }
        }
    }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func write(bytes: UnsafeRawBufferPointer) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    private func flush() {
        guard failure == nil, !buffer.isEmpty else { buffer.removeAll(keepingCapacity: true); return }
        let error = buffer.withUnsafeBytes { FileDescriptor.writeAll(fd, $0) }
        if error != 0 { failure = .cannotWriteFile(path, reason: SystemError.reason(error)) }
        buffer.removeAll(keepingCapacity: true)
    }

    /// Writes what is buffered and closes; the file keeps its temporary name until `commit()`.
    public func close() throws(WriteError) {
        guard fd >= 0 else { return }
        flush()
        if failure == nil, fsync(fd) != 0 { failure = .cannotWriteFile(path, reason: SystemError.current) }
        closeDescriptor()
        if let failure { throw WriteError(failure) }
    }

    /// Puts the closed file in place of the target.
    public func commit() throws(WriteError) {
        guard rename(temporaryPath, target) == 0 else {
            throw WriteError(.cannotRename(path, reason: SystemError.current))
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

    /// What a file type that is not a regular file is called in messages; nil for a regular file.
    public static func kind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "folder"
        case S_IFIFO: "FIFO"
        case S_IFCHR, S_IFBLK: "device"
        case S_IFSOCK: "socket"
        default: "special file"
        }
    }

    static func temporaryPath(for path: String) -> String {
        let (directory, name) = split(path)
        return "\(directory).\(name).tmp-\(getpid())"
    }

    /// The folder part (with its slash, or empty) and the name.
    static func split(_ path: String) -> (directory: String, name: String) {
        let slash = path.lastIndex(of: "/")
        return (slash.map { String(path[...$0]) } ?? "", slash.map { String(path[path.index(after: $0)...]) } ?? path)
    }

    /// Removes `.NAME.tmp-PID` beside `path` whose process is gone.
    static func removeStaleTemporaries(of path: String) {
        let (directory, name) = split(path)
        for entry in StaleTemporaries.entries(in: directory.isEmpty ? "." : directory, prefix: ".\(name).tmp-") {
            unlink(directory + entry)
        }
    }
}

/// Temporaries named `PREFIX` + a process id, left by runs that were killed.
public enum StaleTemporaries {
    /// The names in `directory` that are `prefix` followed by the id of a process that is gone
    /// (not this one: a reused id of ours is stale too, but ours are made after this runs).
    public static func entries(in directory: String, prefix: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var found: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            guard name.hasPrefix(prefix), let pid = Int32(name.dropFirst(prefix.count)), pid > 0,
                  name.dropFirst(prefix.count).allSatisfy(\.isASCII) else { continue }
            if pid == getpid() || !isAlive(pid) { found.append(name) }
        }
        return found.sorted()
    }

    public static func isAlive(_ pid: Int32) -> Bool { kill(pid, 0) == 0 || errno == EPERM }
}

/// Writes to a descriptor without traps or silent losses.
public enum FileDescriptor {
    /// Writes all of `bytes`, again after EINTR and partial writes: 0, or the errno of the
    /// write that failed.
    public static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32 {
        guard let base = bytes.baseAddress else { return 0 }
        var offset = 0
        while offset < bytes.count {
            #if canImport(Glibc)
            let n = Glibc.write(fd, base + offset, bytes.count - offset)
            #else
            let n = Darwin.write(fd, base + offset, bytes.count - offset)
            #endif
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            if n == 0 { return EIO }
            offset += n
        }
        return 0
    }

    public static func writeAll(_ fd: Int32, _ text: String) -> Int32 {
        var text = text
        return text.withUTF8 { writeAll(fd, UnsafeRawBufferPointer($0)) }
    }
}
