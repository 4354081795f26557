@testable import AuditCore
import Foundation
import Testing

struct AtomicFileTests {
    /// A device is never replaced by a file (as root, /dev/null once became one): refused
    /// before anything is created beside it.
    @Test func aDeviceIsRefused() throws {
        for device in ["/dev/null", "/dev/full"] {
            do {
                let file = try AtomicFile(path: device)
                file.discard()
                Issue.record("\(device) was accepted")
            } catch {
                #expect(error.description == "\(device): not a regular file (a device); --output writes only regular files")
            }
        }
    }

    /// A temporary of this naming left by a process that is gone is removed by the next write
    /// to the same file; one of a live process is left alone.
    @Test func staleTemporariesAreRemoved() throws {
        let dir = NSTemporaryDirectory() + "atomic-stale-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let dead = try deadProcessId()
        let live = getppid()
        for pid in [dead, live] { try "partial".write(toFile: "\(dir)/.out.txt.tmp-\(pid)", atomically: false, encoding: .utf8) }
        try "other".write(toFile: "\(dir)/.other.txt.tmp-\(dead)", atomically: false, encoding: .utf8)
        try AtomicFile.write("new", to: dir + "/out.txt")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).sorted()
        #expect(names == [".other.txt.tmp-\(dead)", ".out.txt.tmp-\(live)", "out.txt"])
    }
}

/// The id of a process that has ended (and been reaped).
func deadProcessId() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
}
