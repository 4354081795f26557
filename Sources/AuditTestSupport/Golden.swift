import Foundation
import Testing

/// `AUDIT_UPDATE_SNAPSHOTS=1` rewrites golden files. The test still fails then, so an update
/// can never pass silently: read the diff, rerun without it.
public let updatingGoldens = ProcessInfo.processInfo.environment["AUDIT_UPDATE_SNAPSHOTS"] == "1"

/// Compares `actual` with the golden file at `path` byte for byte, or writes it when updating;
/// a difference is recorded with the first line that differs, and the actual output is kept
/// in the temporary folder for a diff. `name` is how messages call the file.
public func assertGolden(_ actual: String, path: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    if updatingGoldens {
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: URL(fileURLWithPath: path))
        Issue.record("updated golden \(name) (AUDIT_UPDATE_SNAPSHOTS=1): review it, then rerun without the variable",
                     sourceLocation: sourceLocation)
        return
    }
    guard let expected = FileManager.default.contents(atPath: path) else {
        Issue.record("missing golden \(path): run the tests with AUDIT_UPDATE_SNAPSHOTS=1 to create it", sourceLocation: sourceLocation)
        return
    }
    let actualData = Data(actual.utf8)
    guard actualData != expected else { return }
    let actualPath = NSTemporaryDirectory() + "audit-golden-" + name.replacingOccurrences(of: "/", with: "_")
    try? actualData.write(to: URL(fileURLWithPath: actualPath))
    let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let e = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let line = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
    let shown = { (lines: [Substring]) in line < lines.count ? String(lines[line]) : "<end of file>" }
    Issue.record("""
        output differs from golden \(name) at line \(line + 1):
          expected: \(shown(e))
          actual:   \(shown(a))
        (actual output in \(actualPath); AUDIT_UPDATE_SNAPSHOTS=1 rewrites the golden)
        """, sourceLocation: sourceLocation)
}
