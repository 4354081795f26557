import AuditTestSupport
import Foundation
import Testing

/// Issue 13, items 4 and 5: outlets.csv for Excel (inspection columns, headers and labels in
/// the run's language), the branch order (`--branches`), an outlet inspected twice, the
/// terminal summary, `--exclude`, and the output folder's guard.
@Suite(.serialized) struct BatchTablesCLITests {
    static let example = repositoryRoot + "/fixtures/example-report.yaml"

    /// A report: the example with its outlet id, branch and inspection time replaced.
    func report(id: String, branch: String = "黑龙江分公司", at time: String = "2026-04-14T10:30:00+08:00") throws -> String {
        try String(contentsOfFile: Self.example, encoding: .utf8)
            .replacingOccurrences(of: "id: HLJ-HRB-DL-001", with: "id: \(id)")
            .replacingOccurrences(of: "branch: 黑龙江分公司", with: "branch: \(branch)")
            .replacingOccurrences(of: "inspected_at: 2026-04-14T10:30:00+08:00", with: "inspected_at: \(time)")
    }

    func folder(_ label: String, _ files: [String: String]) throws -> String {
        let dir = try temporaryFolder("tables-" + label)
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        for (name, text) in files {
            let path = dir + "/in/" + name
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: false, encoding: .utf8)
        }
        return dir
    }

    func lines(_ path: String) throws -> [String] {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        return text.split(separator: "\r\n", omittingEmptySubsequences: true).map(String.init)
    }

    @Test func outletsCSVHasInspectionColumnsAndChineseHeadersAndLabelsUnderZh() throws {
        let dir = try folder("zh", ["a.yaml": try report(id: "HLJ-1")])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try audit(["batch", "in", "--out", "out", "--lang", "zh"], cwd: dir)
        #expect(run.stdout.hasPrefix("已评分 1，错误 0，共 1\n"), "\(run.stdout)\(run.stderr)")
        let rows = try lines(dir + "/out/outlets.csv")
        #expect(rows.count == 2)
        let header = rows[0].split(separator: ",").map(String.init)
        #expect(header.prefix(8) == ["分公司", "网点编号", "网点名称", "网点类型", "网点类型代码", "检查编号", "检查时间", "检查人"])
        #expect(header.contains("触碰红线规则") && header.contains("等级代码") && header.contains("认定星级代码"))
        let fields = rows[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        #expect(fields.count == header.count)
        func value(_ column: String) -> String { header.firstIndex(of: column).map { fields[$0] } ?? "?" }
        #expect(value("网点类型") == "客户服务中心")
        #expect(value("网点类型代码") == "service_center")
        #expect(value("检查编号") == "INS-2026-HLJ-0414-01")
        #expect(value("检查时间") == "2026-04-14 10:30")
        #expect(value("检查人") == "李敏")
        #expect(value("申报星级代码") == "standard")
        #expect(value("申报星级") != "standard" && !value("申报星级").isEmpty)
        #expect(!value("等级代码").isEmpty && value("等级") != value("等级代码"), "the grade by its label, the id beside it")
        let branches = try lines(dir + "/out/branches.csv")
        #expect(branches[0].hasPrefix("分公司,报告数,已评分,平均分"))
    }

    @Test func englishRunKeepsTokenHeadersAndShowsEnglishLabels() throws {
        let dir = try folder("en", ["a.yaml": try report(id: "HLJ-1")])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try audit(["batch", "in", "--out", "out", "--lang", "en"], cwd: dir).status <= 1)
        let rows = try lines(dir + "/out/outlets.csv")
        #expect(rows[0] == "branch,outlet_id,name,type,type_code,inspection_id,inspected_at,inspector,tier_claimed,tier_claimed_code,"
            + "tier_qualified,tier_qualified_code,score,grade,grade_code,provisional,red_line_rule,fails_critical,fails_major,"
            + "fails_minor,fails_advisory,coverage,path")
        #expect(rows[1].contains(",customer service centre,service_center,INS-2026-HLJ-0414-01,2026-04-14 10:30,李敏,"), "\(rows[1])")
    }

    /// The same outlet twice: the later inspection counts (here the earlier path), the other
    /// is listed as superseded and every table is as if it had not been given.
    @Test func theLaterInspectionOfAnOutletCountsAndTheEarlierIsSuperseded() throws {
        let dir = try folder("dup", [
            "a.yaml": try report(id: "HLJ-1", at: "2026-04-20T09:00:00+08:00"),
            "b.yaml": try report(id: "HLJ-1", at: "2026-04-14T10:30:00+08:00"),
            "c.yaml": try report(id: "HLJ-2", branch: "吉林分公司"),
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try audit(["batch", "in", "--out", "out", "--jobs", "2"], cwd: dir)
        #expect(run.status == 0, "a superseded report alone is no error of the run: \(run.stderr)")
        #expect(run.stdout.hasPrefix("scored 2, errors 1, total 3\n"), "\(run.stdout)")
        #expect(run.stdout.contains("in/b.yaml: superseded by in/a.yaml"), "\(run.stdout)")
        let errors = try lines(dir + "/out/errors.jsonl")
        #expect(errors.count == 1)
        #expect(errors[0].contains(#""path":"in/b.yaml","code":"batch.superseded""#), "\(errors)")
        #expect(errors[0].contains("superseded by in/a.yaml"))
        let results = try String(contentsOfFile: dir + "/out/results.jsonl", encoding: .utf8)
        #expect(results.split(separator: "\n").count == 2)
        #expect(!results.contains("in/b.yaml"))
        #expect(try lines(dir + "/out/actions.jsonl").count > 0, "the example's failures are actions")
        let tables = ["results.jsonl", "outlets.csv", "branches.csv", "rules.csv", "actions.csv", "actions.jsonl"].map { name in
            FileManager.default.contents(atPath: dir + "/out/" + name)
        }
        // The same tables as a run without the superseded report.
        try FileManager.default.removeItem(atPath: dir + "/in/b.yaml")
        #expect(try audit(["batch", "in", "--out", "out"], cwd: dir).stdout.hasPrefix("scored 2, errors 0, total 2\n"))
        for (i, name) in ["results.jsonl", "outlets.csv", "branches.csv", "rules.csv", "actions.csv", "actions.jsonl"].enumerated() {
            #expect(tables[i] == FileManager.default.contents(atPath: dir + "/out/" + name), "\(name)")
        }
    }

    /// Equal inspection times: the later path counts. Under zh the terminal says so in Chinese.
    @Test func equalTimesGoByPathOrder() throws {
        let dir = try folder("dup-tie", ["a.yaml": try report(id: "HLJ-1"), "b.yaml": try report(id: "HLJ-1")])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try audit(["batch", "in", "--out", "out", "--lang", "zh"], cwd: dir)
        #expect(run.stdout.contains("in/a.yaml：已被 in/b.yaml 取代"), "\(run.stdout)")
        #expect(try lines(dir + "/out/outlets.csv").count == 2)
        #expect(try String(contentsOfFile: dir + "/out/errors.jsonl", encoding: .utf8).contains("已被 in/b.yaml 取代"))
    }

    @Test func branchesFollowTheGivenOrderThenByScoreAndName() throws {
        let dir = try folder("order", [
            "a.yaml": try report(id: "A", branch: "A分公司"), "b.yaml": try report(id: "B", branch: "B分公司"),
            "c.yaml": try report(id: "C", branch: "C分公司"), "d.yaml": try report(id: "D", branch: "D分公司"),
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "- C分公司\n- 不存在分公司\n- A分公司\n".write(toFile: dir + "/branches.yaml", atomically: false, encoding: .utf8)
        #expect(try audit(["batch", "in", "--out", "out", "--branches", "branches.yaml"], cwd: dir).status == 0)
        let given = try lines(dir + "/out/branches.csv").dropFirst().map { String($0.prefix { $0 != "," }) }
        #expect(given == ["C分公司", "A分公司", "B分公司", "D分公司"])
        let page = try String(contentsOfFile: dir + "/out/dashboard.html", encoding: .utf8)
        let c = page.range(of: "<title>C分公司</title>"), a = page.range(of: "<title>A分公司</title>")
        #expect(c != nil && a != nil && c!.lowerBound < a!.lowerBound, "the dashboard's ranking in the given order")
        #expect(try audit(["batch", "in", "--out", "out"], cwd: dir).status == 0)
        let plain = try lines(dir + "/out/branches.csv").dropFirst().map { String($0.prefix { $0 != "," }) }
        #expect(plain == ["A分公司", "B分公司", "C分公司", "D分公司"], "equal means: by name")
    }

    @Test func aBranchesFileThatIsNotAListIsRefusedWithItsPlace() throws {
        let dir = try folder("order-bad", ["a.yaml": try report(id: "A")])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "- A分公司\n- {name: B}\n".write(toFile: dir + "/branches.yaml", atomically: false, encoding: .utf8)
        let run = try audit(["batch", "in", "--out", "out", "--branches", "branches.yaml"], cwd: dir)
        #expect(run.status == 2)
        #expect(run.stderr.contains("branches.yaml:2:3"), "\(run.stderr)")
        #expect(run.stderr.contains("--branches"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"))
    }

    /// The terminal: the accounting line, the first ten unreadable files with their message,
    /// then how many more, and where the outputs are.
    @Test func theSummaryNamesUnreadableFilesAndWhereTheOutputsAre() throws {
        var files = ["ok.yaml": try report(id: "A")]
        for i in 0..<12 { files["bad\(String(format: "%02d", i)).yaml"] = "outlet: [\n" }
        let dir = try folder("summary", files)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try audit(["batch", "in", "--out", "out"], cwd: dir)
        #expect(run.status == 2)
        let shown = run.stdout.split(separator: "\n").map(String.init)
        #expect(shown.first == "scored 1, errors 12, total 13")
        #expect(shown.contains("could not be scored (12, listed in errors.jsonl):"), "\(run.stdout)")
        #expect(shown.filter { $0.hasPrefix("  in/bad") }.count == 10)
        #expect(shown.contains { $0.hasPrefix("  in/bad00.yaml: ") && $0.count > "  in/bad00.yaml: ".count })
        #expect(!run.stdout.contains("bad10.yaml"))
        #expect(shown.contains("  … and 2 more (errors.jsonl)"))
        #expect(shown.last == "outputs: out (dashboard: out/dashboard.html)")
        let zh = try audit(["batch", "in", "--out", "out/", "--lang", "zh"], cwd: dir)
        #expect(zh.stdout.contains("无法评分的文件（12 个，详见 errors.jsonl）："))
        #expect(zh.stdout.contains("  ……另有 2 个（见 errors.jsonl）"))
        #expect(zh.stdout.hasSuffix("输出：out（看板：out/dashboard.html）\n"), "\(zh.stdout)")
    }

    @Test func excludeLeavesOutMatchingFilesByNameOrRelativePath() throws {
        let dir = try folder("exclude", [
            "a.yaml": try report(id: "A"), "a.expect.yaml": "expect: nothing\n",
            "drafts/b.yaml": try report(id: "B"), "keep/c.yaml": try report(id: "C"),
        ])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let all = try audit(["batch", "in", "--out", "out"], cwd: dir)
        #expect(all.stdout.hasPrefix("scored 3, errors 1, total 4\n"), "\(all.stdout)")
        let run = try audit(["batch", "in", "--out", "out", "--exclude", "*.expect.yaml", "--exclude", "drafts/*"], cwd: dir)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasPrefix("scored 2, errors 0, total 2\n"), "\(run.stdout)")
        #expect(run.stdout.contains("left out by --exclude: 2"))
        let outlets = try lines(dir + "/out/outlets.csv").joined(separator: "\n")
        #expect(outlets.contains("in/keep/c.yaml") && !outlets.contains("drafts"))
        // A file named directly is an input whatever its name.
        let named = try audit(["batch", "in/a.yaml", "--out", "out", "--exclude", "a.yaml"], cwd: dir)
        #expect(named.stdout.hasPrefix("scored 1, errors 0, total 1\n"), "\(named.stdout)")
    }

    /// `--out ~` by accident: a folder holding other things (a home folder) is refused and left
    /// as it was; an empty existing folder is taken.
    @Test func aHomeLikeFolderIsRefusedAndAnEmptyOneTaken() throws {
        let dir = try folder("home", ["a.yaml": try report(id: "A")])
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let home = dir + "/home"
        try FileManager.default.createDirectory(atPath: home + "/Documents", withIntermediateDirectories: true)
        try "export PATH\n".write(toFile: home + "/.bashrc", atomically: false, encoding: .utf8)
        try "x".write(toFile: home + "/results.jsonl", atomically: false, encoding: .utf8)
        let before = try FileManager.default.contentsOfDirectory(atPath: home).sorted()
        let run = try audit(["batch", "in", "--out", "home"], cwd: dir)
        #expect(run.status == 2)
        #expect(run.stderr.contains("home: holds files that are not batch outputs (.bashrc, Documents)"), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: home).sorted() == before)
        #expect(try String(contentsOfFile: home + "/results.jsonl", encoding: .utf8) == "x")
        try FileManager.default.createDirectory(atPath: dir + "/empty", withIntermediateDirectories: true)
        #expect(try audit(["batch", "in", "--out", "empty"], cwd: dir).status == 0)
        #expect(FileManager.default.fileExists(atPath: dir + "/empty/dashboard.html"))
    }
}
