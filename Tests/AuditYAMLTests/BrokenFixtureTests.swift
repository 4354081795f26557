import AuditCore
import AuditYAML
import Testing

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every file in fixtures/broken-yaml, with the exact diagnostics it must produce.
@Suite("Broken YAML fixtures")
struct BrokenFixtureTests {
    static let coreTags = "only the core tags !!str, !!int, !!float, !!bool, !!null, !!seq and !!map are allowed"

    static let expectations: [(String, String)] = [
        ("duplicate-key.yaml", """
            duplicate-key.yaml:14:3: error: duplicate key 'name' (first defined on line 11)
            duplicate-key.yaml:11:3: note: 'name' first defined here
            """),
        ("invalid-utf8.yaml",
         "invalid-utf8.yaml:6:17: error: invalid UTF-8 at byte offset 122 (byte 0xE9): the file must be saved as UTF-8"),
        ("nul-byte.yaml",
         "nul-byte.yaml:11:11: error: NUL byte (0x00) at byte offset 187: a YAML file must be UTF-8 text (is it UTF-16 or binary?)"),
        ("control-char.yaml",
         "control-char.yaml:10:11: error: control characters are not allowed (U+001B at byte offset 166)"),
        ("two-documents.yaml",
         "two-documents.yaml:11:1: error: a second YAML document starts here; a file must hold exactly one document"),
        ("empty.yaml", "empty.yaml:1:1: error: empty document: expected a mapping"),
        ("root-sequence.yaml",
         "root-sequence.yaml:1:1: error: the root of the document must be a mapping, found a sequence"),
        ("root-scalar.yaml",
         "root-scalar.yaml:1:1: error: the root of the document must be a mapping, found a scalar (string)"),
        ("too-deep.yaml", "too-deep.yaml:10:73: error: nesting is deeper than the limit of 64 levels"),
        ("billion-laughs.yaml",
         "billion-laughs.yaml:13:38: error: aliases expand to more than 10000 nodes (billion laughs?)"),
        ("bad-tag.yaml", "bad-tag.yaml:11:10: error: unsupported tag !!binary: \(coreTags)"),
        ("int-overflow.yaml", "int-overflow.yaml:11:12: error: integer 99999999999999999999 does not fit in 64 bits"),
        ("float-inf.yaml", "float-inf.yaml:10:22: error: float .inf is not finite"),
        ("syntax-error.yaml", """
            syntax-error.yaml:11:9: error: the quote '"' opened here is never closed; end the value with '"' on the same line
            """),
        ("bad-indentation.yaml", """
            bad-indentation.yaml:11:4: error: 'transit_nearby' is indented by 3 spaces, which lines up with no key above; keys of one mapping must line up: indent it by 2 spaces like 'reception_area_m2' on line 10
            """),
        ("tab-indent.yaml", """
            tab-indent.yaml:10:1: error: tab in the indentation; indent with spaces, not tabs
            """),
        ("complex-key.yaml", "complex-key.yaml:10:5: error: only scalar keys are supported; this key is a sequence"),
        ("unknown-alias.yaml",
         "unknown-alias.yaml:11:12: error: alias *default_hosting refers to an unknown anchor &default_hosting"),
    ]

    @Test("each broken fixture reports its problem at its place", arguments: expectations)
    func fixture(name: String, expected: String) {
        #expect(renderedErrors(loading: name) == expected)
    }

    @Test func everyFixtureIsCovered() throws {
        guard let dir = opendir(Fixtures.brokenYAML) else {
            Issue.record("cannot open \(Fixtures.brokenYAML)")
            return
        }
        defer { closedir(dir) }
        var names: Set<String> = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasSuffix(".yaml") { names.insert(name) }
        }
        #expect(names == Set(Self.expectations.map(\.0)))
    }

    @Test func billionLaughsFailsFast() {
        let start = ContinuousClock.now
        #expect(renderedErrors(loading: "billion-laughs.yaml") != nil)
        #expect(ContinuousClock.now - start < .milliseconds(500))
    }

    @Test func tooLargeIsRejectedBeforeReading() {
        let limits = YAMLLimits(maxFileSize: 100)
        #expect(
            renderedErrors(loading: "duplicate-key.yaml", limits: limits)
                == "duplicate-key.yaml: error: file is too large: 283 bytes, over the limit of 100 bytes (raise it with --max-file-size)"
        )
        #expect(
            renderedErrors(text: String(repeating: "a", count: 101), limits: limits)
                == "t.yaml: error: file is too large: 101 bytes, over the limit of 100 bytes (raise it with --max-file-size)")
    }

    @Test func missingFile() {
        #expect(renderedErrors(loading: "no-such-file.yaml") == "no-such-file.yaml: error: cannot open file: No such file or directory")
    }

    @Test func directoryIsNotAFile() {
        let path = Fixtures.brokenYAML
        #expect(throws: DiagnosticList.self) { try YAMLLoader.load(path: path) }
        do {
            _ = try YAMLLoader.load(path: path)
        } catch {
            #expect(error.description == "\(path): error: is a directory, not a YAML file")
        }
    }

    @Test func deviceIsNotARegularFile() {
        do {
            _ = try YAMLLoader.load(path: "/dev/null")
            Issue.record("/dev/null loaded")
        } catch {
            #expect(error.description == "/dev/null: error: not a regular file")
        }
    }

    @Test(.enabled(if: getuid() != 0, "root can read anything"))
    func unreadableFile() throws {
        let path = "/tmp/audit-yaml-unreadable-\(getpid()).yaml"
        let fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0o000)
        try #require(fd >= 0)
        close(fd)
        defer { unlink(path) }
        do {
            _ = try YAMLLoader.load(path: path)
            Issue.record("unreadable file loaded")
        } catch {
            #expect(error.description == "\(path): error: cannot open file: Permission denied")
        }
    }
}
