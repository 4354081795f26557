import AuditCore

extension YAMLLoader {
    /// Reads a file's bytes through the same checks as `load(path:)` (regular file, size
    /// limit checked before reading), for callers that parse the bytes later.
    public static func readFile(path: String, limits: YAMLLimits = .init()) throws(DiagnosticList) -> [UInt8] {
        switch FileReader.read(path: path, maxSize: limits.maxFileSize) {
        case .success(let bytes): return bytes
        case .failure(let diagnostic): throw DiagnosticList([diagnostic])
        }
    }
}
