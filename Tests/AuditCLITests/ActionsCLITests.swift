import AuditTestSupport
import Foundation
import Testing

/// `actions.csv` and `actions.jsonl` of `audit batch`: one row per failing finding, the same
/// findings `audit check --format json` reports as `fail`, in input order.
@Suite(.serialized) struct ActionsCLITests {
    static let reports = ["red-line.yaml", "service-hall.yaml", "sparse.yaml", "standard-center.yaml"]

    /// A folder `DIR/in` holding copies of some fixture reports.
    func corpus(_ label: String) throws -> String {
        let dir = try temporaryFolder("actions-" + label)
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        for name in Self.reports {
            try FileManager.default.copyItem(atPath: repositoryRoot + "/fixtures/reports/" + name, toPath: dir + "/in/" + name)
        }
        return dir
    }

    func jsonLines(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }

    /// `rule item` of each fail finding `audit check --format json` gives, report by report.
    func failsByCheck(_ dir: String) throws -> [String] {
        var keys: [String] = []
        for name in Self.reports {
            let run = try audit(["check", dir + "/in/" + name, "--format", "json"])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stderr)")
            let findings = try #require(json["findings"] as? [[String: Any]])
            for finding in findings where finding["status"] as? String == "fail" {
                keys.append("\(finding["rule"] as? String ?? "?") \(finding["item"] as? String ?? "-")")
            }
        }
        return keys
    }

    @Test func oneRowPerFailingFindingAsCheckReportsThem() throws {
        let dir = try corpus("match")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try audit(["batch", dir + "/in", "--out", dir + "/out", "--jobs", "2"])
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        let expected = try failsByCheck(dir)
        #expect(expected.count > 5, "the fixtures fail some rules")
        let lines = try jsonLines(dir + "/out/actions.jsonl")
        let got = lines.map { "\($0["rule"] as? String ?? "?") \($0["item"] as? String ?? "-")" }
        #expect(got == expected)
        // Every row is dated: the shipped calendar covers the fixtures' inspection days.
        let severities = ["critical", "major", "minor", "advisory"]
        for line in lines {
            #expect(line["due"] is String && line["inspected_on"] is String, "\(line)")
            let severity = line["severity"] as? String ?? ""
            #expect(severities.contains(severity))
            let days = line["due_working_days"] as? Int
            #expect(days == ["critical": 5, "major": 10, "minor": 20, "advisory": 20][severity])
            // Working days after the inspection day, which is not counted: strictly later.
            if let due = line["due"] as? String, let on = line["inspected_on"] as? String { #expect(due > on) }
        }
        #expect(lines.contains { $0["severity"] as? String == "critical" }, "red-line.yaml fails a critical rule")
        // actions.csv: a byte order mark, the English header, then the same rows.
        let bytes = try Data(contentsOf: URL(fileURLWithPath: dir + "/out/actions.csv"))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let csv = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let rows = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.first == "branch,outlet_id,outlet_name,rule,rule_title,severity,severity_code,item,message,source,clause,inspection_id,inspected_on,due_working_days,due,location,status,status_code,previous_due")
        // Without --previous every action is open, with no previous due date.
        #expect(lines.allSatisfy { $0["status"] as? String == "open" && $0["previous_due"] is NSNull })
        // A message may hold a line break inside quotes; count records by their location column instead.
        #expect(rows.filter { $0.contains("/in/") && $0.contains(".yaml:") }.count == lines.count)
    }

    @Test func headersAndLabelsInTheRunsLanguage() throws {
        let dir = try corpus("zh")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try audit(["batch", dir + "/in", "--out", dir + "/out", "--lang", "zh"])
        #expect(run.status == 0 || run.status == 1, "\(run.stderr)")
        let csv = String(decoding: try Data(contentsOf: URL(fileURLWithPath: dir + "/out/actions.csv")).dropFirst(3), as: UTF8.self)
        let header = csv.components(separatedBy: "\r\n").first ?? ""
        #expect(header == "分公司,网点编号,网点名称,规则,规则名称,严重程度,严重程度代码,对象,问题,依据来源,条款,检查编号,检查日期,整改工作日,整改期限,位置,状态,状态代码,上轮整改期限")
        // The severity label in Chinese beside its code, in both files.
        let labels = ["critical": "严重", "major": "主要", "minor": "一般", "advisory": "提示"]
        let lines = try jsonLines(dir + "/out/actions.jsonl")
        #expect(!lines.isEmpty)
        for line in lines {
            let code = line["severity"] as? String ?? ""
            #expect(line["severity_label"] as? String == labels[code], "\(line)")
            #expect(csv.contains(",\(labels[code] ?? "?"),\(code),"))
        }
    }
}
