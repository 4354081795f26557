import AuditTestSupport
import Foundation
import Testing

/// `--format html` printed as the outlet manager gets it: headless Chromium prints the page to
/// PDF (`.build/outlet-report.zh.pdf`, to look at), poppler's `pdfinfo`, `pdffonts` and
/// `pdftotext` read it back. `make deps` installs Chromium, poppler-utils and fonts-noto-cjk;
/// without them these tests fail (never skip), saying so.
@Suite(.serialized) struct PrintedReportTests {
    static let missingTools = "run `make deps` (it installs chromium, poppler-utils and fonts-noto-cjk)"

    /// Two reports in one page, the example first: each starts on a new sheet.
    @Test func theOutletReportPrintsOnA4WithItsText() throws {
        guard let tools = PrintTools.find() else { return }
        let html = repositoryRoot + "/.build/outlet-report.zh.html"
        let pdf = repositoryRoot + "/.build/outlet-report.zh.pdf"
        let render = try audit(["fixtures/example-report.yaml", "fixtures/reports/red-line.yaml", "--lang", "zh", "--format", "html", "--output", html])
        #expect(render.status == 1, "the red-line report fails at --fail-on critical: \(render.stderr)")
        guard try tools.print(html, to: pdf) else { return }

        let info = try tools.run(tools.pdfinfo, ["-f", "1", "-l", "99", pdf])
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) } ?? 0
        #expect((3...12).contains(pages), "a sensible page count: \(pages)\n\(info)")
        let sizes = info.split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains("size:") }
        #expect(sizes.count == pages && sizes.allSatisfy { $0.hasSuffix("(A4)") }, "every page A4:\n\(info)")

        let text = try (1...max(1, pages)).map { try tools.text(pdf, page: $0) }
        let all = text.joined()
        for expected in ["哈尔滨市道里客户服务中心", "网点负责人", "检查人", "宣传材料悬挂齐全", "服务网点客户接待区域使用面积", "未检查/待补充",
                         "服务用语记录（staff[1].utterances）", "[SPC2]最高人民法院关于适用"] {
            #expect(all.contains(expected), "\(expected) not in the PDF text")
        }
        // The second report starts on a sheet of its own, after the first one's sign-off.
        #expect(text.first?.hasPrefix("网点服务检查报告哈尔滨市道里客户服务中心") == true, "\(text.first ?? "")")
        let second = text.firstIndex { $0.contains("GD-GZ-TH-001") }
        #expect(second != nil && second! >= 1, "the second report's page")
        if let second, second >= 1 {
            #expect(text[second].hasPrefix("网点服务检查报告广州市天河客户服务中心"), "\(text[second])")
            #expect(text[second - 1].contains("网点负责人"), "the first report ends with its sign-off")
            #expect(!text[second - 1].contains("广州市天河"))
        }
        #expect(text.last?.contains("网点负责人") == true)
        #expect(try tools.cjkProblems(pdf, expecting: ["哈尔滨市道里客户服务中心", "网点负责人", "检查人", "日期"]) == [])
    }

    /// The check above must be able to fail: printed where fontconfig finds no CJK font, the
    /// same page has no Noto CJK font in it (the Chinese may still extract as text, drawn as
    /// boxes), and the check says so.
    @Test func theGlyphCheckFailsWithoutCJKFonts() throws {
        guard let tools = PrintTools.find() else { return }
        let dir = NSTemporaryDirectory() + "audit-nocjk-\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: dir + "/fonts", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // One Latin font if there is one (the realistic case: text drawn, Chinese as boxes).
        if let latin = try tools.latinFont() {
            try FileManager.default.createSymbolicLink(atPath: dir + "/fonts/latin" + (latin.hasSuffix(".otf") ? ".otf" : ".ttf"), withDestinationPath: latin)
        }
        try """
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
            <fontconfig><dir>\(dir)/fonts</dir><cachedir>\(dir)/cache</cachedir></fontconfig>
            """.write(toFile: dir + "/fonts.conf", atomically: true, encoding: .utf8)
        let html = dir + "/report.html"
        #expect(try audit(["fixtures/example-report.yaml", "--lang", "zh", "--format", "html", "--output", html]).status == 0)
        guard try tools.print(html, to: dir + "/report.pdf", environment: ["FONTCONFIG_FILE": dir + "/fonts.conf"]) else { return }
        let problems = try tools.cjkProblems(dir + "/report.pdf", expecting: ["哈尔滨市道里客户服务中心"])
        #expect(problems.contains { $0.hasPrefix("no Noto CJK font is embedded") }, "\(problems)")
    }
}

/// Chromium and poppler's tools, found on the machine.
struct PrintTools {
    var chromium: String
    var timeout: String
    var pdfinfo: String
    var pdffonts: String
    var pdftotext: String
    var fcList: String?

    static func program(_ name: String) -> String? {
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "") + ":/usr/local/bin:/usr/bin:/bin"
        for dir in path.split(separator: ":") where !dir.isEmpty {
            let candidate = "\(dir)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The tools, or nil after recording which are missing (a failure, not a skip).
    static func find(sourceLocation: SourceLocation = #_sourceLocation) -> PrintTools? {
        let chromium = program("chromium") ?? program("chromium-browser")
        let found = (program("timeout"), program("pdfinfo"), program("pdffonts"), program("pdftotext"))
        guard let chromium, let timeout = found.0, let pdfinfo = found.1, let pdffonts = found.2, let pdftotext = found.3 else {
            let missing = [("chromium", chromium), ("timeout", found.0), ("pdfinfo", found.1), ("pdffonts", found.2), ("pdftotext", found.3)]
                .filter { $0.1 == nil }.map(\.0)
            Issue.record("\(missing.joined(separator: ", ")) not installed: \(PrintedReportTests.missingTools)", sourceLocation: sourceLocation)
            return nil
        }
        return PrintTools(chromium: chromium, timeout: timeout, pdfinfo: pdfinfo, pdffonts: pdffonts, pdftotext: pdftotext, fcList: program("fc-list"))
    }

    /// Prints `html` to `pdf` with headless Chromium: a fresh profile, at most 60 seconds (then
    /// the whole process group is killed), its chatter to a log file (a pipe could fill and
    /// block it). Records a failure and returns false when no PDF came out.
    func print(_ html: String, to pdf: String, environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation) throws -> Bool {
        let profile = NSTemporaryDirectory() + "audit-chromium-\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: profile, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: profile) }
        try? FileManager.default.removeItem(atPath: pdf)
        let log = profile + "/chromium.log"
        guard FileManager.default.createFile(atPath: log, contents: nil) else { throw FormatTestError("cannot create \(log)") }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: timeout)
        process.arguments = ["--kill-after=5", "60", chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                             "--no-first-run", "--user-data-dir=\(profile)/data", "--print-to-pdf=\(pdf)", URL(fileURLWithPath: html).absoluteString]
        process.environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": profile].merging(environment) { $1 }
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        let status = process.terminationStatus
        guard status == 0, FileManager.default.fileExists(atPath: pdf) else {
            let tail = (try? String(contentsOfFile: log, encoding: .utf8)).map { String($0.suffix(2000)) } ?? ""
            let why = status == 124 || status == 137 ? "did not finish within 60 s (killed)" : "exited with \(status) and no PDF"
            Issue.record("chromium \(why): \(html)\n\(tail)", sourceLocation: sourceLocation)
            return false
        }
        return true
    }

    /// A tool's standard output (its errors appended on failure).
    func run(_ program: String, _ arguments: [String]) throws -> String {
        let result = try AuditCLITests.run([program] + arguments, environment: ["PATH": "/usr/bin:/bin"], cwd: repositoryRoot)
        return result.status == 0 ? result.stdout : result.stdout + result.stderr + " (exit \(result.status))"
    }

    /// One page's text, without white space (table cells wrap anywhere).
    func text(_ pdf: String, page: Int) throws -> String {
        try run(pdftotext, ["-f", String(page), "-l", String(page), "-enc", "UTF-8", pdf, "-"]).filter { !$0.isWhitespace }
    }

    /// Why the PDF's Chinese would not print: no Noto CJK font embedded, a font not embedded,
    /// expected text missing. Chromium embeds the CJK OpenType (CFF) fonts as Type 3 fonts,
    /// which `pdffonts` lists as `[none]`; their font descriptors keep the name
    /// (`/FontName /AAAAAA+NotoSansCJKsc-Regular`), so that is what is looked for.
    func cjkProblems(_ pdf: String, expecting expected: [String]) throws -> [String] {
        var problems: [String] = []
        let raw = String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)
        let names = try Regex(#"/FontName\s*/[A-Z]{6}\+(Noto(Sans|Serif)CJK[A-Za-z-]*)"#)
        if !raw.contains(names) {
            problems.append("no Noto CJK font is embedded (is fonts-noto-cjk installed? \(PrintedReportTests.missingTools))")
        }
        let fonts = try run(pdffonts, [pdf]).split(separator: "\n").dropFirst(2)
        if fonts.isEmpty { problems.append("the PDF has no font at all") }
        for font in fonts {
            // name, type…, encoding, emb, sub, uni, object, generation: `emb` is the 5th from the end.
            let columns = font.split(separator: " ", omittingEmptySubsequences: true)
            if columns.count >= 6, columns[columns.count - 5] != "yes" { problems.append("font not embedded: \(font)") }
        }
        let text = try run(pdftotext, ["-enc", "UTF-8", pdf, "-"]).filter { !$0.isWhitespace }
        for e in expected where !text.contains(e) { problems.append("text not in the PDF: \(e)") }
        return problems
    }

    /// A font file for Latin text only (no CJK), if the machine has one.
    func latinFont() throws -> String? {
        guard let fcList else { return nil }
        let files = try run(fcList, ["--format", "%{file}\n", ":lang=en"]).split(separator: "\n").map(String.init)
        return files.filter { ($0.hasSuffix(".ttf") || $0.hasSuffix(".otf")) && !$0.lowercased().contains("cjk") }.sorted().first
    }
}
