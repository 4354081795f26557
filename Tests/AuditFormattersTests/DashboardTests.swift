@testable import AuditFormatters
import AuditCore
import AuditReport
import AuditRules
import Foundation
import Testing

/// Builds batch summaries for the dashboard without running any audit.
enum DashboardFixture {
    static let grades = ScoringSettings.standard.grades

    static func row(
        branch: String = "北京分公司", id: String = "BJ-001", name: String = "北京朝阳门营业部", type: String = "branch_office",
        score: Double? = 85, grade: String? = nil, redLine: String? = nil, path: String = "reports/bj-001.yaml"
    ) -> OutletRow {
        let band = grade.flatMap { id in grades.first { $0.id == id } } ?? score.flatMap { ScoringSettings.standard.grade(for: $0) }
        return OutletRow(
            path: path, branch: branch, outletId: id, name: name, type: type, tierClaimed: "standard",
            tierQualified: score.map { $0 >= 60 ? "standard" : "none" } ?? "none", score: score, grade: band?.id,
            gradeLabel: band?.label, provisional: score == nil, redLine: redLine,
            fails: [.critical: redLine == nil ? 0 : 1, .major: 2, .minor: 1], coverage: score == nil ? nil : 0.95,
            failingRules: [])
    }

    static func branch(_ name: String, rows: [OutletRow]) -> BranchSummary {
        let scores = rows.compactMap(\.score).sorted()
        var grades: [(grade: String, count: Int)] = self.grades.map { g in (g.id, rows.filter { $0.grade == g.id }.count) }
        grades.append(("", rows.filter { $0.grade == nil }.count))
        return BranchSummary(
            branch: name, reports: rows.count, scored: scores.count,
            mean: scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count),
            median: scores.isEmpty ? nil : scores[scores.count / 2], min: scores.first, grades: grades,
            redLines: rows.filter { $0.redLine != nil }.count, topFailing: [])
    }

    static func summary(rows: [OutletRow], rules: [RuleTally] = [], errors: Int = 0) -> BatchSummary {
        var names: [String] = []
        for row in rows where !names.contains(row.branch) { names.append(row.branch) }
        let branches = names.map { name in branch(name, rows: rows.filter { $0.branch == name }) }
        return BatchSummary(
            scored: rows.count, errors: errors, total: rows.count + errors, outlets: rows, branches: branches,
            rules: rules, grades: grades, rulesDigest: "3f9a0c2e7b1d4a5f8e6c9b0a1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d0e")
    }

    static let branchNames = [
        "黑龙江分公司", "吉林分公司", "辽宁分公司", "内蒙古自治区分公司", "北京分公司", "天津分公司", "河北分公司", "山西分公司",
        "山东分公司", "河南分公司", "江苏分公司", "安徽分公司", "上海分公司", "浙江分公司", "福建分公司", "江西分公司",
        "湖北分公司", "湖南分公司", "广东分公司", "广西壮族自治区分公司", "海南分公司", "重庆分公司", "四川分公司", "贵州分公司",
        "云南分公司", "西藏自治区分公司", "陕西分公司", "甘肃分公司", "青海分公司", "宁夏回族自治区分公司", "新疆维吾尔自治区分公司",
    ]

    static let ruleTitles = [
        "网点门楣标识规范", "营业厅功能分区", "无障碍通道设置", "服务公示牌", "便民服务设施", "叫号系统运行", "消防设施完好",
        "监控设备正常", "员工着装规范", "员工佩戴工号牌", "微笑服务与文明用语", "首问负责制", "一次性告知", "禁止推诿客户",
        "柜面服务时长", "投诉受理时限", "投诉反馈时限", "理赔资料一次性告知", "理赔时效承诺", "客户回访", "晨会制度",
        "服务质量自查", "应急预案演练", "客户信息保护", "宣传资料合规", "禁止误导销售", "营业时间公示", "等候区舒适度",
        "饮水设施", "老年客户专属服务",
    ]

    /// A realistic batch: 31 branches, ~300 outlets, 30 rules, scores spread over every band.
    static func realistic() -> BatchSummary {
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> Double {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(seed >> 11) / Double(1 << 53)
        }
        var rows: [OutletRow] = []
        for (b, branch) in branchNames.enumerated() {
            let quality = 60 + 35 * next()
            let count = 5 + Int(next() * 10)
            for i in 0..<count {
                let id = "\(String(format2(b + 11)))\(String(format3(i + 1)))"
                let unscored = next() < 0.03
                var s = quality + (next() - 0.5) * 40
                s = max(0, min(100, (s * 10).rounded() / 10))
                let red = next() < 0.05 ? "ETQ-\(String(format3(Int(next() * 30) + 1)))" : nil
                if red != nil { s = min(s, 59.9) }
                let city = branch.replacingOccurrences(of: "分公司", with: "")
                rows.append(row(
                    branch: branch, id: id, name: "\(city)第\(i + 1)营业网点", type: i % 3 == 0 ? "sales_office" : "branch_office",
                    score: unscored ? nil : s, grade: red != nil ? "fail" : nil, redLine: red,
                    path: "reports/\(id).yaml"))
            }
        }
        let severities: [Severity] = [.critical, .major, .minor, .advisory]
        let sections: [Section] = [.build, .etiquette, .timeliness]
        var rules: [RuleTally] = []
        for (i, title) in ruleTitles.enumerated() {
            var tally = RuleTally(
                rule: "\(["BLD", "ETQ", "TML"][i % 3])-\(format3(i + 1))", section: sections[i % 3],
                severity: severities[i % 4], title: Label(zh: title, en: "Clause \(i + 1) (\(title.count) chars)"))
            tally.applicable = rows.count - Int(next() * 40)
            tally.fail = Int(next() * next() * 120)
            tally.waived = Int(next() * 5)
            tally.pass = tally.applicable - tally.fail - tally.waived
            rules.append(tally)
        }
        return summary(rows: rows, rules: rules, errors: 4)
    }

    static func format2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
    static func format3(_ n: Int) -> String { n < 10 ? "00\(n)" : n < 100 ? "0\(n)" : "\(n)" }
}

@Suite struct DashboardTests {
    static let hostileName = "<script>alert(1)</script>"
    static let hostileBranch = "\"><img src=x onerror=alert(1)>"

    static func hostileSummary() -> BatchSummary {
        var rule = RuleTally(rule: "ETQ-<b>", section: .etiquette, severity: .critical,
                             title: Label(zh: "标题<script>alert(2)</script>", en: "title <i onmouseover='x'>"))
        rule.applicable = 2
        rule.fail = 1
        rule.pass = 1
        return DashboardFixture.summary(rows: [
            DashboardFixture.row(branch: hostileBranch, id: "A&B'1", name: hostileName, type: "<svg onload=alert(3)>",
                                 score: 72.5, path: "x/\"<evil>'.yaml"),
            DashboardFixture.row(branch: "北京分公司", id: "BJ-2", score: 91),
        ], rules: [rule])
    }

    @Test func hostileStringsAreEscapedEverywhere() {
        for language in Language.allCases {
            let page = Dashboard.html(Self.hostileSummary(), language: language)
            for raw in [Self.hostileName, Self.hostileBranch, "<img", "<svg onload", "<b>", "<i onmouseover", "alert(2)</script>", "\"<evil>"] {
                #expect(!page.contains(raw), "raw \(raw) in the \(language) page")
            }
            let escapedName = "&lt;script&gt;alert(1)&lt;/script&gt;"
            let escapedBranch = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
            // The table cell, and the charts' labels and tooltips.
            #expect(page.contains("<td data-v=\"\(escapedName)\">\(escapedName)</td>"))
            #expect(page.contains("<td data-v=\"\(escapedBranch)\">\(escapedBranch)</td>"))
            #expect(page.contains("<title>\(escapedBranch)</title>\(escapedBranch)</text>"))
            #expect(page.contains("<title>\(escapedBranch): 72.5"))
            #expect(page.contains("<title>\(escapedBranch) · "))
            #expect(page.contains("ETQ-&lt;b&gt;"))
            #expect(page.contains("title=\"x/&quot;&lt;evil&gt;&#39;.yaml\""))
            #expect(page.contains("A&amp;B&#39;1"))
            #expect(page.contains(language == .zh ? "标题&lt;script&gt;alert(2)&lt;/script&gt;" : "title &lt;i onmouseover=&#39;x&#39;&gt;"))
            // Exactly one script element: ours.
            #expect(page.components(separatedBy: "<script").count == 2)
        }
    }

    @Test func escapeCoversTheFiveCharactersAndControls() {
        #expect(Dashboard.escape("a&b<c>d\"e'f") == "a&amp;b&lt;c&gt;d&quot;e&#39;f")
        #expect(Dashboard.escape("x\u{0}y\u{1B}z") == "x\u{FFFD}y\u{FFFD}z")
        #expect(Dashboard.escape("黑龙江分公司") == "黑龙江分公司")
    }

    @Test func scriptIsAllowedByItsHashAlone() {
        // Known answers (`openssl dgst -sha256 -binary | base64`).
        #expect(Dashboard.cspHash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='")
        #expect(Dashboard.cspHash("abc") == "'sha256-ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='")
        let page = Dashboard.html(DashboardFixture.realistic(), language: .zh)
        // The hash covers the element's exact content, and no other script or handler exists.
        #expect(page.contains("<script>\(Dashboard.scriptElement)</script>"))
        let policy = "default-src 'none'; style-src 'unsafe-inline'; script-src \(Dashboard.cspHash(Dashboard.scriptElement)); base-uri 'none'; form-action 'none'"
        #expect(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"\(policy)\">"))
        #expect(!page.contains(" onclick=") && page.components(separatedBy: "<script").count == 2)
    }

    @Test func outputIsDeterministic() {
        let summary = DashboardFixture.realistic()
        for language in Language.allCases {
            let first = Dashboard.html(summary, language: language)
            let second = Dashboard.html(DashboardFixture.realistic(), language: language)
            #expect(first == second)
        }
        #expect(Dashboard.html(summary, language: .zh) != Dashboard.html(summary, language: .en))
    }

    @Test func histogramCountsPerBin() {
        let scores: [Double?] = [55, 59.9, 60, 100, nil, 0, 9.9, 90]
        let rows = scores.enumerated().map { DashboardFixture.row(id: "O-\($0.offset)", score: $0.element) }
        let page = Dashboard.html(DashboardFixture.summary(rows: rows), language: .en)
        let expected = [0: 2, 1: 0, 2: 0, 3: 0, 4: 0, 5: 2, 6: 1, 7: 0, 8: 0, 9: 2]
        for (bin, count) in expected {
            let range = "\(bin * 10)–\(bin * 10 + 10)"
            #expect(page.contains("<g class=\"bin\" data-bin=\"\(range)\" data-count=\"\(count)\"><title>\(range): \(count)</title>"), "bin \(range)")
        }
        #expect(page.contains("1 report without a score (nothing assessed) not counted."))
        #expect(Dashboard.bin(100) == 9 && Dashboard.bin(59.9) == 5 && Dashboard.bin(60) == 6 && Dashboard.bin(-1) == 0)
        let zh = Dashboard.html(DashboardFixture.summary(rows: rows), language: .zh)
        #expect(zh.contains("另有 1 份报告无得分"))
    }

    @Test func pageIsSelfContained() {
        for language in Language.allCases {
            let page = Dashboard.html(DashboardFixture.realistic(), language: language)
            let allowed = "http://www.w3.org/2000/svg"
            let stripped = page.components(separatedBy: allowed).joined()
            #expect(!stripped.contains("http://"))
            #expect(!stripped.contains("https://"))
            #expect(!page.contains("src="))
            #expect(!page.contains("<link"))
            #expect(!page.contains("@import"))
            #expect(!page.contains("url("))
            #expect(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language == .zh ? "zh-CN" : "en")\">\n<head>\n<meta charset=\"utf-8\">"))
            #expect(page.contains("script-src \(Dashboard.scriptHash);"))
        }
    }

    @Test func chartsAreOrderedAndLabelled() {
        let summary = DashboardFixture.realistic()
        let page = Dashboard.html(summary, language: .zh)
        // Totals.
        #expect(page.contains("scored \(summary.scored), errors 4, total \(summary.total)"))
        // Every branch appears in the ranking and in the grade mix, ranking by mean descending.
        let ranked = summary.branches.filter { $0.mean != nil }.sorted { $0.mean! > $1.mean! }
        var last = page.startIndex
        let rankingStart = page.range(of: "<section id=\"ranking\">")!.upperBound
        last = rankingStart
        for branch in ranked {
            let r = page[last...].range(of: "<title>\(branch.branch)</title>")
            #expect(r != nil, "\(branch.branch) out of order")
            if let r { last = r.upperBound }
        }
        // The top failing clauses: 15, most fails first, with zh titles.
        let top = summary.rules.filter { $0.fail > 0 }.sorted { $0.fail != $1.fail ? $0.fail > $1.fail : $0.rule < $1.rule }.prefix(15)
        var cursor = page.range(of: "<section id=\"clauses\">")!.upperBound
        for rule in top {
            let r = page[cursor...].range(of: "<text class=\"id\" x=\"0\"")
            #expect(r != nil)
            if let r { cursor = r.upperBound }
            #expect(page.contains("<title>\(rule.rule) \(rule.title.zh) · "))
        }
        let clauses = page[page.range(of: "<section id=\"clauses\">")!.upperBound...]
        let clauseSection = clauses[..<clauses.range(of: "</section>")!.lowerBound]
        #expect(clauseSection.components(separatedBy: "<g class=\"rule\">").count == 16)
        // The table has one row per outlet.
        #expect(page.components(separatedBy: "</tr>\n").count - 1 == summary.outlets.count)
    }
}

/// `AUDIT_DASHBOARD_PREVIEW=/tmp/dashboard.html swift test --filter DashboardPreview` writes the
/// realistic page (zh; `.en.html` next to it) to look at in a browser; skipped otherwise.
@Suite struct DashboardPreview {
    static let path = ProcessInfo.processInfo.environment["AUDIT_DASHBOARD_PREVIEW"]

    @Test(.enabled(if: path != nil, "AUDIT_DASHBOARD_PREVIEW is not set"))
    func writePreview() throws {
        let path = try #require(Self.path)
        let summary = DashboardFixture.realistic()
        try Dashboard.html(summary, language: .zh).write(toFile: path, atomically: true, encoding: .utf8)
        try Dashboard.html(summary, language: .en).write(toFile: path + ".en.html", atomically: true, encoding: .utf8)
        // Edge cases: hostile strings, a very long branch name, a branch without any score.
        var edge = DashboardTests.hostileSummary()
        edge.outlets.append(DashboardFixture.row(branch: "新疆生产建设兵团第十四师昆玉市分公司营业部直属网点管理中心", id: "X-1", score: 100))
        edge.outlets.append(DashboardFixture.row(branch: "无分数分公司", id: "X-2", score: nil))
        edge = DashboardFixture.summary(rows: edge.outlets, rules: edge.rules, errors: 1)
        try Dashboard.html(edge, language: .en).write(toFile: path + ".edge.html", atomically: true, encoding: .utf8)
        for file in [path, path + ".en.html", path + ".edge.html"] {
            #expect(try String(contentsOfFile: file, encoding: .utf8).hasPrefix("<!DOCTYPE html>"), "\(file)")
        }
    }
}
