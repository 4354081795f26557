import AuditTestSupport
import Foundation
import Testing

/// The README's inspector walkthrough, in Chinese: template → fill → audit → print, with no
/// English message on the way.
@Suite(.serialized) struct InspectorWalkthroughTests {
    @Test func theWalkthroughSpeaksChineseThroughout() throws {
        let dir = try temporaryFolder("walkthrough")
        let report = dir + "/报告.yaml"

        // 1. The checklist.
        let template = try audit(["template", "--type", "客户服务中心", "--tier", "标准店", "--lang", "zh", "--output", report])
        #expect(template.status == 0)
        #expect(template.stderr.isEmpty)
        let blank = try String(contentsOfFile: report, encoding: .utf8)
        let comments = blank.split(separator: "\n").compactMap { line in line.firstRange(of: "#").map { String(line[$0.upperBound...]) } }
        #expect(englishWords(comments.joined(separator: "\n")) == [], "the template's comments")

        // 2. Filled in (the example report), with two slips an inspector makes.
        var filled = try String(contentsOfFile: repositoryRoot + "/fixtures/example-report.yaml", encoding: .utf8)
        filled = filled.replacingOccurrences(of: "  type: service_center", with: "  type: 客户服务中心")
        filled = filled.replacingOccurrences(of: "  reception_area_m2: 76", with: "  reception_area_m2: 76平方米")
        try filled.write(toFile: report, atomically: true, encoding: .utf8)
        let slips = try audit([report, "--lang", "zh"])
        #expect(slips.status == 2)
        #expect(slips.stdout.isEmpty)
        #expect(slips.stderr.contains("76平方米"), "the snippet shows the slip")
        // The messages (a snippet shows the report's own lines, whatever their language).
        let messages = slips.stderr.split(separator: "\n").filter { $0.hasPrefix(report) }.map { $0.dropFirst(report.count) }
        #expect(!messages.isEmpty)
        #expect(englishWords(messages.joined(separator: "\n")) == [], "\(slips.stderr)")

        // 3. Corrected: the findings.
        try filled.replacingOccurrences(of: "76平方米", with: "76").write(toFile: report, atomically: true, encoding: .utf8)
        let checked = try audit([report, "--lang", "zh", "--report", "html:\(dir)/报告.html"])
        #expect(checked.status == 0)
        #expect(checked.stderr.isEmpty)
        #expect(checked.stdout.contains("总分：87.9"), "the Chinese label of the type is the token: same score as the example")
        #expect(englishWords(checked.stdout.replacingOccurrences(of: report, with: "报告.yaml")) == [], "\(checked.stdout)")

        // 4. The page to print.
        let page = try String(contentsOfFile: dir + "/报告.html", encoding: .utf8)
        #expect(page.contains("网点负责人"))
        #expect(page.contains("哈尔滨市道里客户服务中心"))
    }

    @Test func theCheckerFindsEnglish() {
        #expect(englishWords("报告.yaml:3:1: error: cannot open file") == ["error", "cannot", "open", "file"])
        #expect(englishWords("报告.yaml:3:1: 错误: 缺少 'name'（outlet.name）BLD-AREA-CENTER [CS] true") == [])
    }
}

/// The English words left in `text` once what is not prose is taken out: file paths and
/// positions, quoted text, rule and record ids, field paths and tokens (with `.`, `_` or
/// `[`), source abbreviations, and the few words that are the format itself (true, false, …).
func englishWords(_ text: String) -> [String] {
    var rest = text
    let notProse: [Regex<Substring>] = [
        #/audit [a-z]+/#,                                      // a command to run
        #/\b[a-z][a-z0-9_]*(?=[（(]|: \[\])/#,                // a token before its label, a key in an example
        #/[^\s：:（(]+\.(?:yaml|yml|html|json)(?::\d+(?::\d+)?)?/#,   // files and positions
        #/'[^'\n]*'|“[^”\n]*”|「[^」\n]*」|`[^`\n]*`|"[^"\n]*"/#,  // quoted text
        #/\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\b/#,                 // rule ids, inspection and case ids
        #/\b[A-Za-z0-9_]*[._\[][A-Za-z0-9_.\[\]]*/#,          // field paths, tokens
        #/\b[A-Z]{1,5}[0-9]*\b/#,                             // CS, LB, SPC2, E1077
        #/[（(][a-z][a-z0-9_]*[)）]/#,                         // a token after its label
    ]
    for pattern in notProse { rest = rest.replacing(pattern, with: " ") }
    let allowed: Set<String> = ["true", "false", "yaml", "language", "server", "schema", "report", "json", "VS", "Code",
                                "YAML", "Asia", "Shanghai", "HH", "MM", "YYYY", "DD"]
    return rest.matches(of: #/[A-Za-z]{2,}/#).map { String($0.output) }.filter { !allowed.contains($0) }
}
