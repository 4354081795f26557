import AuditTestSupport
import Foundation
import Testing

/// `audit batch --previous DIR`: two inspection rounds compared — trends.jsonl, the trend
/// columns of the CSV files, and the status of the previous round's corrective actions.
///
/// Round 1: the example report (HLJ-HRB-DL-001), red-line.yaml (GD-GZ-TH-001), sparse.yaml
/// (LN-SY-HP-001). Round 2: the example's later inspection, red-line.yaml again, and
/// service-hall.yaml (JS-SZ-KS-003, new); sparse's outlet is gone.
@Suite(.serialized) struct TrendsCLITests {
    func twoRounds(_ label: String, lang: String = "en") throws -> (dir: String, run: Run) {
        let dir = try temporaryFolder("trends-" + label)
        let fm = FileManager.default
        for sub in ["r1", "r2"] { try fm.createDirectory(atPath: dir + "/" + sub, withIntermediateDirectories: true) }
        try fm.copyItem(atPath: repositoryRoot + "/fixtures/example-report.yaml", toPath: dir + "/r1/example.yaml")
        for name in ["red-line.yaml", "sparse.yaml"] {
            try fm.copyItem(atPath: repositoryRoot + "/fixtures/reports/" + name, toPath: dir + "/r1/" + name)
        }
        try fm.copyItem(atPath: repositoryRoot + "/fixtures/diff/example-later.yaml", toPath: dir + "/r2/example.yaml")
        for name in ["red-line.yaml", "service-hall.yaml"] {
            try fm.copyItem(atPath: repositoryRoot + "/fixtures/reports/" + name, toPath: dir + "/r2/" + name)
        }
        let first = try audit(["batch", dir + "/r1", "--out", dir + "/out1", "--lang", lang])
        #expect(first.status == 1, "\(first.stderr)")  // red-line.yaml breaches
        #expect(!FileManager.default.fileExists(atPath: dir + "/out1/trends.jsonl"), "trends.jsonl only with --previous")
        let second = try audit(["batch", dir + "/r2", "--out", dir + "/out2", "--previous", dir + "/out1", "--lang", lang])
        return (dir, second)
    }

    func jsonLines(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    func keys(_ value: Any?) -> Set<String> {
        Set((value as? [[String: Any]] ?? []).map { "\($0["rule"] as? String ?? "?") \($0["item"] as? String ?? "-")" })
    }

    func csv(_ path: String) throws -> [[String: String]] {
        let text = String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)).dropFirst(3), as: UTF8.self)
        let rows = parseCSV(text)
        let header = rows.first ?? []
        return rows.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0).map { ($0, $1) }) }
    }

    @Test func trendsMatchAuditDiffAndListNewAndGoneOutlets() throws {
        let (dir, run) = try twoRounds("lines")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stdout.contains("compared with \(dir)/out1: 2 outlets in both rounds, 1 new, 1 gone (trends.jsonl)"), "\(run.stdout)")
        let lines = try jsonLines(dir + "/out2/trends.jsonl")
        #expect(lines.map { $0["outlet_id"] as? String } == ["HLJ-HRB-DL-001", "GD-GZ-TH-001", "JS-SZ-KS-003", "LN-SY-HP-001"])
        #expect(lines.map { $0["trend"] as? String } == ["matched", "matched", "new", "gone"])

        // The example's two inspections: the same changes `audit diff` finds.
        let diff = try audit(["diff", repositoryRoot + "/fixtures/example-report.yaml",
                              repositoryRoot + "/fixtures/diff/example-later.yaml", "--format", "json"])
        let expected = try #require(try JSONSerialization.jsonObject(with: Data(diff.stdout.utf8)) as? [String: Any])
        let example = lines[0]
        #expect(keys(example["new_failures"]) == keys(expected["new_failures"]))
        #expect(keys(example["fixed_failures"]) == keys(expected["fixed"]))
        #expect(!keys(example["new_failures"]).isEmpty && !keys(example["fixed_failures"]).isEmpty)
        #expect((example["score_change"] as? Double) == (expected["score_change"] as? Double))
        let previous = try #require(example["previous"] as? [String: Any])
        #expect(previous["inspection_id"] as? String == "INS-2026-HLJ-0414-01")
        #expect(previous["inspected_at"] as? String == "2026-04-14 10:30")
        #expect((previous["score"] as? Double) == ((expected["old"] as? [String: Any])?["score"] as? Double))

        // The same report twice: nothing moved.
        let same = lines[1]
        #expect((same["score_change"] as? Double) == 0)
        #expect(keys(same["new_failures"]).isEmpty && keys(same["fixed_failures"]).isEmpty)
        #expect((same["current"] as? [String: Any])?["red_line"] as? String != nil)
        // New: no previous side; gone: no current side.
        #expect(lines[2]["previous"] is NSNull && lines[2]["score_change"] is NSNull)
        #expect(lines[3]["current"] is NSNull && lines[3]["previous"] is [String: Any])
    }

    @Test func previousActionsAreClosedOverdueOrStillOpen() throws {
        let (dir, _) = try twoRounds("actions")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let before = try jsonLines(dir + "/out1/actions.jsonl")
        let after = try jsonLines(dir + "/out2/actions.jsonl")
        func find(_ lines: [[String: Any]], _ outlet: String, _ rule: String) -> [String: Any]? {
            lines.first { $0["outlet_id"] as? String == outlet && $0["rule"] as? String == rule }
        }
        // Fixed by the later inspection: closed, as the previous round wrote it.
        let closed = try #require(find(after, "HLJ-HRB-DL-001", "BLD-AREA-CENTER"))
        #expect(closed["status"] as? String == "closed")
        #expect(closed["inspection_id"] as? String == "INS-2026-HLJ-0414-01")
        #expect(closed["due"] as? String == find(before, "HLJ-HRB-DL-001", "BLD-AREA-CENTER")?["due"] as? String)
        // Still failing three months later, long after its due date: overdue.
        let overdue = try #require(find(after, "HLJ-HRB-DL-001", "TML-CLAIM-3WD"))
        let was = try #require(find(before, "HLJ-HRB-DL-001", "TML-CLAIM-3WD"))
        #expect(overdue["status"] as? String == "overdue")
        #expect(overdue["previous_due"] as? String == was["due"] as? String)
        #expect((overdue["inspected_on"] as? String ?? "") > (was["due"] as? String ?? "~"))
        // New this round.
        let fresh = try #require(find(after, "HLJ-HRB-DL-001", "ETQ-UNIFORM"))
        #expect(fresh["status"] as? String == "open" && fresh["previous_due"] is NSNull)
        // The same inspection again: failing, but not after its due date — open, with it.
        let redLine = after.filter { $0["outlet_id"] as? String == "GD-GZ-TH-001" }
        #expect(!redLine.isEmpty)
        for action in redLine {
            #expect(action["status"] as? String == "open")
            #expect(action["previous_due"] as? String == action["due"] as? String)
        }
        // The gone outlet's actions are not listed; the new outlet's are open.
        #expect(!after.contains { $0["outlet_id"] as? String == "LN-SY-HP-001" })
        #expect(after.filter { $0["outlet_id"] as? String == "JS-SZ-KS-003" }.allSatisfy { $0["status"] as? String == "open" })
        // actions.csv says the same, row for row.
        let rows = try csv(dir + "/out2/actions.csv")
        #expect(rows.map { $0["status_code"] } == after.map { $0["status"] as? String })
        #expect(rows.map { $0["previous_due"] ?? "" } == after.map { $0["previous_due"] as? String ?? "" })
    }

    @Test func csvFilesGainTrendColumns() throws {
        let (dir, run) = try twoRounds("csv", lang: "zh")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(run.stdout.contains("与 \(dir)/out1 对比：两轮均有 2 家，新增 1 家，本轮未见 1 家（trends.jsonl）"), "\(run.stdout)")
        let outlets = try csv(dir + "/out2/outlets.csv")
        let example = try #require(outlets.first { $0["网点编号"] == "HLJ-HRB-DL-001" })
        let score = Double(example["得分"] ?? "") ?? .nan, previous = Double(example["上轮得分"] ?? "") ?? .nan
        #expect(example["得分变化"] == String(format: "%+.1f", score - previous))
        #expect(example["上轮等级"] == "良好" && example["上轮等级代码"] == "good")
        #expect(example["新增不符合"] == "1" && example["已整改不符合"] == "3")
        let hall = try #require(outlets.first { $0["网点编号"] == "JS-SZ-KS-003" })
        #expect(hall["上轮得分"] == "" && hall["得分变化"] == "")

        let branches = try csv(dir + "/out2/branches.csv")
        let hlj = try #require(branches.first { $0["分公司"] == "黑龙江分公司" })
        #expect(hlj["上轮报告数"] == "1" && hlj["上轮平均分"] == String(format: "%.1f", previous))

        let rules = try csv(dir + "/out2/rules.csv")
        let uniform = try #require(rules.first { $0["rule"] == "ETQ-UNIFORM" })
        #expect(uniform["outlets_failing"] == "1" && uniform["previous_outlets_failing"] == "0" && uniform["outlets_failing_change"] == "+1")
        let area = try #require(rules.first { $0["rule"] == "BLD-AREA-CENTER" })
        #expect(area["previous_outlets_failing"] == "1" && area["outlets_failing"] == "0" && area["outlets_failing_change"] == "-1")
        // Points lost add up over the rules to what the outlets lost per severity.
        let lost = rules.compactMap { Double($0["points_lost"] ?? "") }.reduce(0, +)
        #expect(lost > 0)
    }

    @Test func thePreviousRoundMayBeTheFolderThisRoundReplaces() throws {
        let (dir, _) = try twoRounds("in-place")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let expected = try String(contentsOfFile: dir + "/out2/trends.jsonl", encoding: .utf8)
        // Round 2 again, reading round 1 from out1 and replacing it.
        let run = try audit(["batch", dir + "/r2", "--out", dir + "/out1", "--previous", dir + "/out1"])
        #expect(run.status == 1, "\(run.stderr)")
        let trends = try String(contentsOfFile: dir + "/out1/trends.jsonl", encoding: .utf8)
        #expect(trends == expected.replacingOccurrences(of: dir + "/out2", with: dir + "/out1"))
        #expect(trends.contains("\"trend\":\"gone\""))
    }

    @Test func aFolderThatIsNotABatchOutputIsRefused() throws {
        let dir = try temporaryFolder("trends-refused")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let report = repositoryRoot + "/fixtures/example-report.yaml"
        let empty = try audit(["batch", report, "--out", dir + "/out", "--previous", dir])
        #expect(empty.status == 2)
        #expect(empty.stderr.contains("\(dir) holds no results.jsonl"), "\(empty.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/out"), "nothing written")
        // A damaged line: named by file, line and column.
        try FileManager.default.createDirectory(atPath: dir + "/prev", withIntermediateDirectories: true)
        try "{\"report\":{\"outlet\":\"A\"}}\n{\"report\":{\"outlet\":\"B\"},\"score\":{\"total\":9x}}\n"
            .write(toFile: dir + "/prev/results.jsonl", atomically: true, encoding: .utf8)
        let damaged = try audit(["batch", report, "--out", dir + "/out", "--previous", dir + "/prev", "--lang", "zh"])
        #expect(damaged.status == 2)
        #expect(damaged.stderr.contains("\(dir)/prev/results.jsonl:2:44"), "\(damaged.stderr)")
        #expect(damaged.stderr.contains("不是 audit batch 的结果行"), "\(damaged.stderr)")
    }

    @Test func theDashboardEmbedsEachOutletsDetailOnceSupersededLeftOut() throws {
        let dir = try temporaryFolder("trends-details")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        // Two inspections of one outlet (the later one counts) and another outlet.
        try FileManager.default.copyItem(atPath: repositoryRoot + "/fixtures/example-report.yaml", toPath: dir + "/in/a.yaml")
        try FileManager.default.copyItem(atPath: repositoryRoot + "/fixtures/diff/example-later.yaml", toPath: dir + "/in/b.yaml")
        try FileManager.default.copyItem(atPath: repositoryRoot + "/fixtures/reports/service-hall.yaml", toPath: dir + "/in/c.yaml")
        let run = try audit(["batch", dir + "/in", "--out", dir + "/out", "--jobs", "2"])
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        let page = try String(contentsOfFile: dir + "/out/dashboard.html", encoding: .utf8)
        // Anchors are input positions: a.yaml 0 (superseded), b.yaml 1, c.yaml 2.
        #expect(!page.contains("id=\"o0\""))
        #expect(page.components(separatedBy: "id=\"o1\"").count == 2)
        #expect(page.components(separatedBy: "id=\"o2\"").count == 2)
        #expect(page.hasSuffix("</html>\n"))
        // No scratch file is left beside the outputs.
        let left = try FileManager.default.contentsOfDirectory(atPath: dir + "/out").sorted()
        #expect(left == ["actions.csv", "actions.jsonl", "branches.csv", "dashboard.html", "errors.jsonl", "outlets.csv",
                         "results.jsonl", "rules.csv"])
        let parent = try FileManager.default.contentsOfDirectory(atPath: dir)
        #expect(parent.sorted() == ["in", "out"])
    }
}
