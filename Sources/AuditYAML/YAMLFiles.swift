#if canImport(Glibc)
import Glibc
#endif
import AuditCore

/// The one input walker: the YAML files under the given paths — every `*.yaml`/`*.yml` file
/// below a folder (following links, never looping, skipping hidden names), and any file
/// named directly. Whatever cannot be an input (a missing path, a broken link or a FIFO
/// named x.yaml, an unreadable folder) is reported, so that every path the user meant is
/// accounted for. Reports, rule files and fixtures are all found this way.
public enum YAMLFiles {
    public struct Problem: Sendable {
        public var path: String
        public var reason: Message
    }

    public struct Result: Sendable {
        /// Sorted (bytewise), without duplicates.
        public var files: [String]
        public var problems: [Problem]

        public init(files: [String], problems: [Problem]) {
            self.files = files
            self.problems = problems
        }
    }

    public static func find(_ paths: [String]) -> Result {
        var files: Set<String> = []
        var problems: [Problem] = []
        var visited: Set<[UInt64]> = []
        // One report reached by two spellings (`a//x.yaml`, `./a/x.yaml`, a link) is one input.
        var seenFiles: Set<[UInt64]> = []
        func add(_ path: String, _ info: stat) {
            if seenFiles.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted { files.insert(path) }
        }

        func isReport(_ name: String) -> Bool { name.hasSuffix(".yaml") || name.hasSuffix(".yml") }

        func walk(_ directory: String) {
            var info = stat()
            guard RawPath.with(directory, { stat($0, &info) }) == 0 else {
                problems.append(Problem(path: directory, reason: .cannotReadFolder(SystemError.current)))
                return
            }
            // A folder reached twice (a link loop, or two links to one place) is walked once.
            guard visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { return }
            guard let handle = RawPath.with(directory, { opendir($0) }) else {
                problems.append(Problem(path: directory, reason: .cannotReadFolder(SystemError.current)))
                return
            }
            defer { closedir(handle) }
            var names: [String] = []
            let directoryBytes = RawPath.bytes(directory)
            while let entry = readdir(handle) {
                let raw = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
                let (name, exact) = RawPath.display(raw)
                if name == "." || name == ".." || name.hasPrefix(".") { continue }
                names.append(name)
                // A name that is not UTF-8 is shown escaped and opened by its bytes.
                let shown = directory == "." ? name : (directory.hasSuffix("/") ? directory + name : directory + "/" + name)
                if !exact || directoryBytes != Array(directory.utf8) {
                    RawPath.register(shown, directoryBytes == Array(".".utf8) ? raw : directoryBytes + (directory.hasSuffix("/") ? [] : [UInt8(ascii: "/")]) + raw)
                }
            }
            for name in names.sorted(by: { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }) {
                let path = directory == "." ? name : (directory.hasSuffix("/") ? directory + name : directory + "/" + name)
                var target = stat()
                if RawPath.with(path, { stat($0, &target) }) != 0 {
                    // A dangling link named like a report is an input that cannot be read.
                    if isReport(name) { problems.append(Problem(path: path, reason: .cannotReadInput(SystemError.current))) }
                    continue
                }
                switch target.st_mode & S_IFMT {
                case S_IFDIR: walk(path)
                case S_IFREG: if isReport(name) { add(path, target) }
                default:
                    if isReport(name) { problems.append(Problem(path: path, reason: .inputNotRegularFile)) }
                }
            }
        }

        for path in paths.map(normalize) {
            var info = stat()
            guard RawPath.with(path, { stat($0, &info) }) == 0 else {
                problems.append(Problem(path: path, reason: .cannotReadInput(SystemError.current)))
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                walk(path)
            } else if info.st_mode & S_IFMT == S_IFREG {
                add(path, info)  // named directly: an input whatever its extension
            } else {
                problems.append(Problem(path: path, reason: .inputNotRegularFile))
            }
        }
        let sorted = files.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        return Result(files: sorted, problems: problems)
    }

    /// Whether `path` is a folder (following links).
    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return RawPath.with(path, { stat($0, &info) }) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    /// One spelling per path, so that output never depends on how the same path was typed
    /// (`./a//b/` and `a/b` are one input): repeated slashes and `.` components go, and a
    /// trailing slash. `..` stays (it depends on links); an absolute path stays absolute.
    public static func normalize(_ path: String) -> String {
        guard !path.isEmpty else { return path }
        let absolute = path.hasPrefix("/")
        let parts = path.split(separator: "/", omittingEmptySubsequences: true).filter { $0 != "." }
        let joined = parts.joined(separator: "/")
        if absolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
