import AuditBatch
import AuditCore
import AuditEngine
import AuditFormatters
import AuditReport
import AuditRules
import AuditYAML
import AuditTestSupport
import Foundation
import Testing

/// A corpus in a temporary folder: the fixture reports in two branch folders, two broken
/// reports, a FIFO and a dangling link named like reports, a link loop, a report with
/// hostile text for CSV and HTML.
func makeCorpus(_ label: String) throws -> String {
    let root = NSTemporaryDirectory() + "audit-batch-\(label)-\(getpid())"
    let fm = FileManager.default
    try? fm.removeItem(atPath: root)
    try fm.createDirectory(atPath: root + "/in/north", withIntermediateDirectories: true)
    try fm.createDirectory(atPath: root + "/in/south/deeper", withIntermediateDirectories: true)
    let reports = try fm.contentsOfDirectory(atPath: repositoryRoot + "/fixtures/reports").filter { !$0.hasSuffix(".expect.yaml") }.sorted()
    for (i, name) in reports.enumerated() {
        try fm.copyItem(atPath: repositoryRoot + "/fixtures/reports/" + name, toPath: root + (i % 2 == 0 ? "/in/north/" : "/in/south/deeper/") + name)
    }
    try fm.copyItem(atPath: repositoryRoot + "/fixtures/broken-reports/unknown-key.yaml", toPath: root + "/in/north/zz-broken.yaml")
    try fm.copyItem(atPath: repositoryRoot + "/fixtures/broken-yaml/syntax-error.yaml", toPath: root + "/in/south/broken.yml")
    let example = try String(contentsOfFile: repositoryRoot + "/fixtures/example-report.yaml", encoding: .utf8)
    let hostile = example
        .replacingOccurrences(of: "name: 哈尔滨市道里客户服务中心", with: "name: \"<script>alert(1)</script>=SUM(A1),\\\"引号\\\"\\n换行\"")
        .replacingOccurrences(of: "branch: 黑龙江分公司", with: "branch: \"=HYPERLINK(\\\"http://x\\\")\"")
        .replacingOccurrences(of: "id: HLJ-HRB-DL-001", with: "id: HOSTILE-001")  // its own outlet: not superseded by example.yaml
    try hostile.write(toFile: root + "/in/north/hostile.yaml", atomically: true, encoding: .utf8)
    try example.write(toFile: root + "/in/south/example.yaml", atomically: true, encoding: .utf8)
    try "not a report".write(toFile: root + "/in/south/notes.txt", atomically: true, encoding: .utf8)
    _ = mkfifo(root + "/in/north/pipe.yaml", 0o644)
    try fm.createSymbolicLink(atPath: root + "/in/south/gone.yaml", withDestinationPath: root + "/nowhere.yaml")
    try fm.createSymbolicLink(atPath: root + "/in/south/deeper/loop", withDestinationPath: root + "/in/south")
    return root
}

func runBatch(_ root: String, jobs: Int, out: String) throws -> BatchRunner.Outcome {
    let auditor = ProfiledAuditor(ruleSet: shippedRules, rules: shippedCompiled, params: [:],
                                  context: EvaluationContext(calendar: shippedRules.calendar))
    let options = BatchRunner.Options(
        outDirectory: out, jobs: jobs, limits: YAMLLimits(), failOn: .critical,
        output: OutputOptions(language: .zh, rulesDigest: "test"), progress: false)
    return try BatchRunner(auditor: auditor, ruleSet: shippedRules, options: options).run([root + "/in"])
}

let outputNames = ["actions.csv", "actions.jsonl", "branches.csv", "dashboard.html", "errors.jsonl", "outlets.csv", "results.jsonl", "rules.csv"]

@Suite(.serialized) struct BatchTests {
    @Test func everyInputIsScoredOrAnError() throws {
        let root = try makeCorpus("accounting")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let outcome = try runBatch(root, jobs: 2, out: root + "/out")
        let s = outcome.summary
        // The fixture reports + hostile + example are scored; zz-broken, broken.yml, pipe.yaml,
        // gone.yaml = 4 errors; two pairs of fixtures share an outlet id (JS-SZ-KS-003,
        // LN-SY-HP-001): one of each pair is superseded, listed with the errors.
        let fixtures = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/fixtures/reports")
            .filter { !$0.hasSuffix(".expect.yaml") }.count
        #expect(fixtures == 15)
        #expect(s.scored == fixtures + 2 - 2)
        #expect(s.errors == 4 + 2)
        #expect(s.total == fixtures + 6)
        #expect(s.scored + s.errors == s.total)
        #expect(outcome.superseded.count == 2 && outcome.unreadableCount == 4)
        let errors = try String(contentsOfFile: root + "/out/errors.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(errors.count == 6)
        #expect(errors.filter { $0.contains(#""code":"batch.superseded""#) }.count == 2)
        #expect(errors.contains { $0.contains("pipe.yaml") && $0.contains("not a regular file") })
        #expect(errors.contains { $0.contains("gone.yaml") && $0.contains("cannot read") })
        #expect(errors.contains { $0.contains("zz-broken.yaml") && $0.contains("\"line\":27") })
        let results = try String(contentsOfFile: root + "/out/results.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(results.count == fixtures + 2 - 2)
        // Input path order, bytewise: in/north/… before in/south/….
        #expect(results.first?.contains("/in/north/flagship-center.yaml") == true || results.first?.contains("/in/north/") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root + "/out").sorted() == outputNames)
    }

    @Test func sameBytesForAnyNumberOfJobs() throws {
        let root = try makeCorpus("jobs")
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try runBatch(root, jobs: 1, out: root + "/one")
        _ = try runBatch(root, jobs: 2, out: root + "/two")
        _ = try runBatch(root, jobs: 5, out: root + "/five")
        for name in outputNames {
            let one = try Data(contentsOf: URL(fileURLWithPath: root + "/one/" + name))
            #expect(one == (try Data(contentsOf: URL(fileURLWithPath: root + "/two/" + name))), "\(name) differs between 1 and 2 jobs")
            #expect(one == (try Data(contentsOf: URL(fileURLWithPath: root + "/five/" + name))), "\(name) differs between 1 and 5 jobs")
            #expect(!one.isEmpty || name == "errors.jsonl")
        }
    }

    @Test func csvOpensInExcelAndNeverRunsAFormula() throws {
        let root = try makeCorpus("csv")
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try runBatch(root, jobs: 2, out: root + "/out")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: root + "/out/outlets.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let rows = parseCSV(String(decoding: bytes.dropFirst(3), as: UTF8.self))
        #expect(rows.first?.first == "分公司", "headers in the run's language (zh)")
        #expect(rows.allSatisfy { $0.count == rows[0].count })
        let hostile = rows.first { $0.last?.hasSuffix("hostile.yaml") == true }
        #expect(hostile?[0] == "'=HYPERLINK(\"http://x\")")
        #expect(hostile?[2] == "<script>alert(1)</script>=SUM(A1),\"引号\"\n换行")
        #expect(rows.dropFirst().allSatisfy { row in row.allSatisfy { !($0.first.map { "=+-@".contains($0) } ?? false) } })
        for name in ["branches.csv", "rules.csv"] {
            let data = try Data(contentsOf: URL(fileURLWithPath: root + "/out/" + name))
            #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
            let parsed = parseCSV(String(decoding: data.dropFirst(3), as: UTF8.self))
            #expect(parsed.count > 1 && parsed.allSatisfy { $0.count == parsed[0].count }, "\(name)")
        }
    }

    @Test func dashboardEscapesReportText() throws {
        let root = try makeCorpus("html")
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try runBatch(root, jobs: 2, out: root + "/out")
        let html = try String(contentsOfFile: root + "/out/dashboard.html", encoding: .utf8)
        #expect(!html.contains("<script>alert(1)</script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    @Test func csvFieldQuoting() {
        #expect(CSV.field("plain") == "plain")
        #expect(CSV.field("a,b") == "\"a,b\"")
        #expect(CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.field("two\nlines") == "\"two\nlines\"")
        #expect(CSV.field("=1+1") == "'=1+1")
        // A plain number is a number to a spreadsheet, not a formula: left as it is.
        #expect(CSV.field("-2") == "-2")
        #expect(CSV.field("+8.4") == "+8.4")
        #expect(CSV.field("-2-1") == "'-2-1")
        #expect(CSV.field("-") == "'-")
        #expect(CSV.field("-1.") == "'-1.")
        #expect(CSV.field("+1e5") == "'+1e5")
        #expect(CSV.field("@cmd,x") == "\"'@cmd,x\"")
        #expect(CSV.row(["a", "b"]) == "a,b\r\n")
    }
}


@Suite struct DiscoveryTests {
    @Test func oneFileSpelledTwiceIsOneInput() throws {
        let root = try makeCorpus("spelling")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let once = YAMLFiles.find([root + "/in"]).files.count
        let twice = YAMLFiles.find([root + "/in", root + "/in//north/hostile.yaml", root + "/./in/north/hostile.yaml"]).files.count
        #expect(twice == once)
    }

    @Test func csvGuardsTabAndCarriageReturnToo() {
        #expect(CSV.field("\t=1+1") == "'\t=1+1")
        #expect(CSV.field("\r=1") == "\"'\r=1\"")
    }
}
