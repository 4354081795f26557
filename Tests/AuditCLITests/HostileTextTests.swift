import AuditTestSupport
import Foundation
import Testing

/// Scalars a terminal, a log viewer or a Markdown table must never receive raw: C0 controls
/// (but the output's own line breaks), DEL, C1 controls and bidi formatting characters.
func rawControls(_ text: String) -> [UInt32] {
    text.unicodeScalars.map(\.value).filter { v in
        (v < 0x20 && v != 0x0A) || (0x7F...0x9F).contains(v) || v == 0x061C || v == 0x200E || v == 0x200F
            || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x2028 || v == 0x2029
    }
}

/// Report values with escape sequences (title, hyperlink, CSI), BEL, a C1 CSI, a bidi override,
/// and a CR-LF followed by a forged workflow command.
let hostileReplacements: [(of: String, with: String)] = [
    (of: "  name: 哈尔滨市道里客户服务中心\n", with: "  name: \"\\e]0;pwned\\a\\e]8;;http://evil\\e\\\\道里\\u009B31m\\u202Egnp.exe\\r\\n::set-output name=x::y\"\n"),
    (of: "  id: HLJ-HRB-DL-001\n", with: "  id: \"HLJ-HRB-DL-001\\e[2J\\n::error::forged\"\n"),
    (of: "  id: INS-2026-HLJ-0414-01\n", with: "  id: \"INS\\0\\x07\\u2066x\"\n"),
]

@Suite(.serialized) struct HostileTextTests {
    func hostileReport() throws -> (dir: String, path: String) {
        let dir = try temporaryFolder("hostile\u{1B}[31m")
        let path = try exampleReport(replacing: hostileReplacements + [badgelessManager], in: dir, named: "r\u{1B}]0;t\u{7}.yaml")
        return (dir, path)
    }

    @Test func textShowsReportStringsEscaped() throws {
        let (dir, path) = try hostileReport()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try audit([path, "--waivers", try badgeWaiver(in: dir)])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(rawControls(run.stdout) == [])
        #expect(run.stdout.contains("\\e]0;pwned\\u{7}\\e]8;;http://evil\\e\\道里\\u{9B}31m\\u{202E}gnp.exe\\r\\n::set-output name=x::y"))
        #expect(run.stdout.contains("(HLJ-HRB-DL-001\\e[2J\\n::error::forged)"))
        #expect(run.stdout.contains("INS\\0\\u{7}\\u{2066}x"))
        #expect(run.stdout.contains("r\\e]0;t\\u{7}.yaml"))
        #expect(!run.stdout.split(separator: "\n").contains { $0.hasPrefix("::") })
    }

    @Test func markdownShowsReportStringsEscapedAndKeepsRowsWhole() throws {
        let (dir, path) = try hostileReport()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try audit([path, "--format", "markdown"])
        #expect(rawControls(run.stdout) == [])
        #expect(run.stdout.hasPrefix("# \\\\e\\]0;pwned") || run.stdout.hasPrefix("# \\e\\]0;pwned"))
        // The CR-LF inside the name is shown, and the forged command stays inside the heading.
        #expect(!run.stdout.split(separator: "\n").contains { $0.hasPrefix("::") })
        #expect(run.stdout.contains("\\r\\n::set-output"))
    }

    @Test func githubNeverStartsALineFromAValue() throws {
        let (dir, path) = try hostileReport()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try audit([path, "--format", "github"])
        #expect(rawControls(run.stdout) == [])
        let lines = run.stdout.split(separator: "\n")
        #expect(!lines.isEmpty)
        #expect(lines.allSatisfy { $0.hasPrefix("::error ") || $0.hasPrefix("::warning ") || $0.hasPrefix("::notice ") })
        #expect(run.stdout.contains("title=audit HLJ-HRB-DL-001\\e[2J\\n%3A%3Aerror%3A%3Aforged"))
    }

    /// The printable page: markup in report text is text, controls and bidi characters are
    /// shown visibly, and the page still has its one header per report and no script.
    @Test func htmlEscapesEveryReportString() throws {
        let dir = try temporaryFolder("html")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let markup = [(of: "  inspector: 李敏\n", with: "  inspector: \"<script>alert('x')</script>&amp;\"\n"),
                      (of: "  branch: 黑龙江分公司\n", with: "  branch: \"黑龙江</dd></dl><h1 onclick=x>\"\n")]
        let path = try exampleReport(replacing: hostileReplacements + markup, in: dir, named: "r<i>\u{1B}]0;t\u{7}.yaml")
        for language in ["zh", "en"] {
            let run = try audit([path, "--format", "html", "--lang", language])
            #expect(run.status == 0, "\(run.stderr)")
            let html = run.stdout
            #expect(rawControls(html) == [], "\(language)")
            #expect(!html.contains("<script") && !html.contains("<h1 onclick") && !html.contains("<i>"), "\(language)")
            #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;"), "\(language)")
            #expect(html.contains("黑龙江&lt;/dd&gt;&lt;/dl&gt;&lt;h1 onclick=x&gt;"), "\(language)")
            #expect(html.contains("\\e]0;pwned\\u{7}\\e]8;;http://evil\\e\\道里\\u{9B}31m\\u{202E}gnp.exe\\r\\n::set-output name=x::y"), "\(language)")
            #expect(html.contains("r&lt;i&gt;\\e]0;t\\u{7}.yaml"), "\(language)")
            #expect(html.components(separatedBy: "<h1>").count == 2, "one heading: \(language)")
        }
    }

    @Test func junitCarriesNoC0Controls() throws {
        let (dir, path) = try hostileReport()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try audit([path, "--format", "junit"])
        let bad = run.stdout.unicodeScalars.filter { $0.value < 0x20 && !["\t", "\n", "\r"].contains($0) }
        #expect(bad.isEmpty)
        #expect(try XMLParsed(data: Data(run.stdout.utf8)).rootElement()?.name == "testsuites")
    }

    @Test func diagnosticsEscapeFileNamesMessagesAndSnippets() throws {
        let dir = try temporaryFolder("diag")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = try exampleReport(replacing: [(of: "  reception_area_m2: 76", with: "  \"recep\\e[31m\\u202Eton\": 76")], in: dir,
                                     named: "bad\u{1B}[2J\u{9B}1m.yaml")
        let run = try audit([path])
        #expect(run.status == 2)
        #expect(rawControls(run.stderr) == [])
        #expect(run.stderr.contains("bad\\e[2J\\u{9B}1m.yaml:27:3: error: unknown key 'premises.recep\\e[31m\\u{202E}ton'"))
    }

    @Test func lintEscapesFileNamesAndSnippetsOfHostileFiles() throws {
        let dir = try temporaryFolder("lint")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/pack\u{1B}]0;x\u{7}.yaml"
        try "pack: \"p\u{9B}2J\"\nrules: 3\u{1B}[31m\u{202E}\n".write(toFile: path, atomically: true, encoding: .utf8)
        for format in ["text", "github"] {
            let run = try audit(["lint", path, "--format", format])
            #expect(run.status != 0)
            #expect(rawControls(run.stdout) == [], "\(format)")
            #expect(rawControls(run.stderr) == [], "\(format)")
            #expect(run.stdout.contains("pack\\e]0;x\\u{7}.yaml"), "\(format): \(run.stdout)")
        }
    }
}
