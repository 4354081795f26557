import AuditTestSupport
import Foundation
import Testing

/// Runs a bash script with `$AUDIT` set to the built binary, in the repository root.
func shell(_ script: String, timeout: Int = 120) throws -> Run {
    try run(["/usr/bin/timeout", String(timeout), "/bin/bash", "-c", script],
            environment: ["PATH": "/usr/bin:/bin", "AUDIT": auditBinary], cwd: repositoryRoot)
}

/// The id of a process that has ended (and been reaped).
func deadProcessId() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
}

func fileMode(_ path: String) -> mode_t {
    var info = stat()
    return lstat(path, &info) == 0 ? info.st_mode : 0
}

/// Standard output and error that cannot be written: a clean exit 2 with one message, never
/// a trap (SIGILL, exit 132, and a backtrace); a reader that goes away ends the run quietly.
@Suite(.serialized) struct WriteErrorCLITests {
    @Test func aFullStandardOutputIsExitTwoWithOneMessage() throws {
        let run = try shell(#""$AUDIT" fixtures/example-report.yaml >/dev/full"#)
        #expect(run.status == 2, "status \(run.status): \(run.stderr.prefix(300))")
        #expect(run.stderr == "error: standard output: cannot write: No space left on device\n")
    }

    @Test func aClosedStandardOutputIsExitTwoWithOneMessage() throws {
        let run = try shell(#""$AUDIT" fixtures/example-report.yaml >&-"#)
        #expect(run.status == 2, "status \(run.status): \(run.stderr.prefix(300))")
        #expect(run.stderr == "error: standard output: cannot write: Bad file descriptor\n")
    }

    @Test func aFullStandardErrorIsExitTwo() throws {
        // The broken report's diagnostics go to stderr, which cannot take them.
        let run = try shell(#""$AUDIT" fixtures/broken-reports/yes-boolean.yaml 2>/dev/full; echo "status $?""#)
        #expect(run.stdout.hasSuffix("status 2\n"), "\(run.stdout)")
        let closed = try shell(#""$AUDIT" fixtures/broken-reports/yes-boolean.yaml 2>&-; echo "status $?""#)
        #expect(closed.stdout.hasSuffix("status 2\n"), "\(closed.stdout)")
    }

    @Test func helpToAFullStandardOutputIsExitTwo() throws {
        let run = try shell(#""$AUDIT" --help >/dev/full"#)
        #expect(run.status == 2, "status \(run.status)")
        #expect(run.stderr == "error: standard output: cannot write: No space left on device\n")
    }

    @Test func batchSummaryToAFullStandardOutputIsExitTwo() throws {
        let dir = try temporaryFolder("full")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try shell(#""$AUDIT" batch fixtures/example-report.yaml --out "$1" >/dev/full"#.replacingOccurrences(of: "$1", with: dir + "/out"))
        #expect(run.status == 2, "status \(run.status): \(run.stderr.prefix(300))")
        #expect(run.stderr == "error: standard output: cannot write: No space left on device\n")
    }

    @Test func aReaderThatStopsEndsTheRunQuietly() throws {
        // Far more than a pipe holds, so the writer meets the closed pipe.
        let reports = Array(repeating: "fixtures/example-report.yaml", count: 40).joined(separator: " ")
        let run = try shell(#""$AUDIT" \#(reports) --show passed | head -c 10 >/dev/null; echo "status ${PIPESTATUS[0]}""#)
        #expect(run.stdout == "status 141\n")
        #expect(run.stderr == "")
    }
}

/// `--output` writes a regular file, or through a link to one, and nothing else.
@Suite(.serialized) struct OutputTargetCLITests {
    @Test func aFIFOIsRefusedAndLeftAlone() throws {
        let dir = try temporaryFolder("fifo")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fifo = dir + "/out.fifo"
        #expect(mkfifo(fifo, 0o644) == 0)
        let run = try audit(["fixtures/example-report.yaml", "--output", fifo], timeout: 60)
        #expect(run.status == 2)
        #expect(run.stderr == "error: \(fifo): not a regular file (a FIFO); --output writes only regular files\n")
        #expect(fileMode(fifo) & S_IFMT == S_IFIFO)
        let template = try audit(["template", "--type", "service_hall", "--output", fifo], timeout: 60)
        #expect(template.status == 2)
        #expect(template.stderr.contains("not a regular file (a FIFO)"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.fifo"])
    }

    @Test func aFolderIsRefused() throws {
        let dir = try temporaryFolder("folder")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try audit(["fixtures/example-report.yaml", "--output", dir])
        #expect(run.status == 2)
        #expect(run.stderr == "error: \(dir): not a regular file (a folder); --output writes only regular files\n")
    }

    @Test func anExistingFileKeepsItsMode() throws {
        let dir = try temporaryFolder("mode")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "/out.txt"
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        chmod(target, 0o600)
        let run = try audit(["fixtures/example-report.yaml", "--output", target])
        #expect(run.status == 0)
        #expect(fileMode(target) & 0o7777 == 0o600)
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("BLD-AREA-CENTER"))
    }

    @Test func aLinkIsWrittenThroughAndStaysALink() throws {
        let dir = try temporaryFolder("link")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/real", withIntermediateDirectories: true)
        let target = dir + "/real/out.txt"
        try "old".write(toFile: target, atomically: false, encoding: .utf8)
        chmod(target, 0o640)
        symlink("real/out.txt", dir + "/link.txt")
        let run = try audit(["fixtures/example-report.yaml", "--output", dir + "/link.txt"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(fileMode(dir + "/link.txt") & S_IFMT == S_IFLNK, "the link is still a link")
        #expect(try String(contentsOfFile: target, encoding: .utf8).contains("BLD-AREA-CENTER"))
        #expect(fileMode(target) & 0o7777 == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir + "/real") == ["out.txt"])
        // A link to nothing is refused, not replaced.
        symlink("real/missing.txt", dir + "/dangling.txt")
        let dangling = try audit(["fixtures/example-report.yaml", "--output", dir + "/dangling.txt"])
        #expect(dangling.status == 2)
        #expect(dangling.stderr.contains("\(dir)/dangling.txt: a link to a missing file"))
        #expect(fileMode(dir + "/dangling.txt") & S_IFMT == S_IFLNK)
    }

    @Test func anInputIsNeverTheOutput() throws {
        let dir = try temporaryFolder("input")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let report = dir + "/r.yaml"
        try FileManager.default.copyItem(atPath: repositoryRoot + "/fixtures/example-report.yaml", toPath: report)
        let before = try Data(contentsOf: URL(fileURLWithPath: report))
        link(report, dir + "/same.yaml")
        for spelling in [report, dir + "/./r.yaml", dir + "/same.yaml"] {
            let run = try audit([report, "--output", spelling])
            #expect(run.status == 2)
            #expect(run.stderr == "error: \(spelling): is an input of this run (\(report)); choose another --output\n")
            #expect(try Data(contentsOf: URL(fileURLWithPath: report)) == before)
        }
    }

    @Test func anEmptyBatchOutputFolderIsAUsageError() throws {
        let run = try audit(["batch", "fixtures/example-report.yaml", "--out", ""])
        #expect(run.status == 64)
        #expect(run.stderr.contains("--out must name a folder"), "\(run.stderr)")
    }
}
