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
        var branch = BranchSummary(
            branch: name, reports: rows.count, scored: scores.count,
            mean: scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count),
            median: scores.isEmpty ? nil : scores[scores.count / 2], min: scores.first, grades: grades,
            redLines: rows.filter { $0.redLine != nil }.count, topFailing: [])
        branch.failGrade = rows.filter { $0.grade == "fail" }.count
        return branch
    }

    static func summary(rows: [OutletRow], rules: [RuleTally] = [], errors: Int = 0) -> BatchSummary {
        var rows = rows
        for i in rows.indices { rows[i].anchor = i }
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
            tally.outlets = min(tally.fail, Int(Double(tally.fail) * (0.4 + 0.5 * next())))
            tally.pointsLost = Double(tally.fail) * [10, 5, 2, 0.5][i % 4]
            rules.append(tally)
        }
        return summary(rows: rows, rules: rules, errors: 4)
    }

    /// The realistic batch with a previous round: every outlet but the first five of each
    /// tenth branch matched, a few gone, unreadable inputs and a superseded report.
    static func realisticWithRound() -> BatchSummary {
        var summary = realistic()
        var new: [RoundComparison.Outlet] = []
        for i in summary.outlets.indices {
            let row = summary.outlets[i]
            if i % 23 == 0 {
                new.append(.init(outletId: row.outletId, branch: row.branch, name: row.name, score: row.score, grade: row.grade))
                continue
            }
            let delta = Double((i * 37) % 21) - 10
            var trend = OutletTrend(inspectionId: "Q1-\(row.outletId)", inspectedAt: "2026-01-10 10:00",
                                    score: row.score.map { max(0, min(100, $0 - delta)) }, grade: row.grade, redLine: nil)
            trend.newFailures = i % 4
            trend.fixedFailures = i % 3
            summary.outlets[i].previous = trend
        }
        for b in summary.branches.indices {
            summary.branches[b].previousReports = summary.branches[b].reports
            summary.branches[b].previousMean = summary.branches[b].mean.map { $0 - Double(b % 5) + 2 }
        }
        for r in summary.rules.indices where r % 2 == 0 { summary.rules[r].previousOutlets = summary.rules[r].outlets + (r % 3) - 1 }
        let gone = (0..<55).map { i in
            RoundComparison.Outlet(outletId: "GONE-\(format3(i))", branch: branchNames[i % branchNames.count], name: "已撤并网点\(i)", score: 80, grade: "good")
        }
        summary.round = RoundComparison(folder: "out-2026Q1", previousScored: summary.scored - new.count + gone.count,
                                        matched: summary.scored - new.count, new: new, gone: gone, previousMean: 70.2)
        summary.unreadable = [
            UnreadableInput(path: "reports/broken.yaml", message: "第 3 行第 5 列：缩进不一致", line: 3, column: 5),
            UnreadableInput(path: "reports/empty.yaml", message: "文件为空"),
        ]
        summary.unreadableCount = 4
        summary.superseded = [(path: "reports/1101-old.yaml", by: "reports/11001.yaml")]
        return summary
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
        rule.outlets = 1
        rule.pointsLost = 10
        rule.previousOutlets = 0
        var summary = DashboardFixture.summary(rows: [
            DashboardFixture.row(branch: hostileBranch, id: "A&B'1", name: hostileName, type: "<svg onload=alert(3)>",
                                 score: 72.5, path: "x/\"<evil>'.yaml"),
            DashboardFixture.row(branch: "北京分公司", id: "BJ-2", score: 91),
        ], rules: [rule], errors: 1)
        summary.outlets[0].typeLabel = Label(zh: "<u>类型</u>", en: "<u>type</u>")
        summary.outlets[0].previous = OutletTrend(inspectionId: "<q>", inspectedAt: "", score: 70, grade: "pass", redLine: nil)
        summary.unreadable = [UnreadableInput(path: "bad/<em>x</em>.yaml", message: "unexpected <del>token</del> & more", line: 2, column: 7)]
        summary.unreadableCount = 1
        summary.superseded = [(path: "old/<s>a</s>.yaml", by: "new/<kbd>b</kbd>.yaml")]
        summary.round = RoundComparison(
            folder: "prev/<mark>", previousScored: 2, matched: 1,
            new: [.init(outletId: "<sub>N</sub>", branch: "<sup>B</sup>", name: "<small>n</small>", score: 91, grade: "<dfn>")],
            gone: [.init(outletId: "<var>G</var>", branch: "<samp>B</samp>", name: "<cite>g</cite>", score: nil, grade: nil)],
            previousMean: 80)
        return summary
    }

    static func section(_ page: String, _ id: String) -> Substring {
        guard let start = page.range(of: "<section id=\"\(id)\">") else { return "" }
        let rest = page[start.upperBound...]
        return rest[..<(rest.range(of: "</section>")?.lowerBound ?? rest.endIndex)]
    }

    @Test func hostileStringsAreEscapedEverywhere() {
        for language in Language.allCases {
            let page = Dashboard.html(Self.hostileSummary(), language: language)
            for raw in [Self.hostileName, Self.hostileBranch, "<img", "<svg onload", "<b>", "<i onmouseover", "alert(2)</script>", "\"<evil>",
                        "<u>", "<q>", "<em>", "<del>", "<s>", "<kbd>", "<mark>", "<sub>", "<sup>", "<small>", "<dfn>", "<var>", "<samp>", "<cite>"] {
                #expect(!page.contains(raw), "raw \(raw) in the \(language) page")
            }
            let escapedName = "&lt;script&gt;alert(1)&lt;/script&gt;"
            let escapedBranch = "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"
            // The table cells (a link to the detail), the filters, the ranking and the grade mix.
            #expect(page.contains("<td data-v=\"\(escapedName)\"><a href=\"#o0\">\(escapedName)</a></td>"))
            #expect(page.contains("<td data-v=\"\(escapedBranch)\">\(escapedBranch)</td>"))
            #expect(page.contains("<option value=\"\(escapedBranch)\">\(escapedBranch)</option>"))
            #expect(page.contains("<option value=\"&lt;svg onload=alert(3)&gt;\">&lt;u&gt;"))
            #expect(page.contains("data-branch=\"\(escapedBranch)\" data-type=\"&lt;svg onload=alert(3)&gt;\""))
            #expect(page.contains("<a class=\"drill\" href=\"#table\" data-branch=\"\(escapedBranch)\">\(escapedBranch)</a>"))
            #expect(page.contains("<title>\(escapedBranch)</title>\(escapedBranch)</text>"))
            #expect(page.contains("<title>\(escapedBranch) · "))
            #expect(page.contains("<code>ETQ-&lt;b&gt;</code>"))
            #expect(page.contains("title=\"x/&quot;&lt;evil&gt;&#39;.yaml\""))
            #expect(page.contains("A&amp;B&#39;1"))
            #expect(page.contains(language == .zh ? "标题&lt;script&gt;alert(2)&lt;/script&gt;" : "title &lt;i onmouseover=&#39;x&#39;&gt;"))
            // The errors, the superseded reports and the round comparison.
            #expect(page.contains("<code>bad/&lt;em&gt;x&lt;/em&gt;.yaml</code></td><td class=\"n\">2:7</td><td class=\"wrap\">unexpected &lt;del&gt;token&lt;/del&gt; &amp; more</td>"))
            #expect(page.contains("<code>old/&lt;s&gt;a&lt;/s&gt;.yaml</code> → <code>new/&lt;kbd&gt;b&lt;/kbd&gt;.yaml</code>"))
            #expect(page.contains("<code>prev/&lt;mark&gt;</code>"))
            #expect(page.contains("<code>&lt;sub&gt;N&lt;/sub&gt;</code> &lt;small&gt;n&lt;/small&gt; <span class=\"muted\">&lt;sup&gt;B&lt;/sup&gt;</span> · 91.0 &lt;dfn&gt;"))
            #expect(page.contains("<code>&lt;var&gt;G&lt;/var&gt;</code> &lt;cite&gt;g&lt;/cite&gt;"))
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
        let page = Dashboard.html(DashboardFixture.realisticWithRound(), language: .zh)
        // The hash covers the element's exact content, and no other script or handler exists.
        #expect(page.contains("<script>\(Dashboard.scriptElement)</script>"))
        let policy = "default-src 'none'; style-src 'unsafe-inline'; script-src \(Dashboard.cspHash(Dashboard.scriptElement)); base-uri 'none'; form-action 'none'"
        #expect(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"\(policy)\">"))
        #expect(!page.contains(" onclick=") && !page.contains(" onchange=") && !page.contains(" oninput="))
        #expect(page.components(separatedBy: "<script").count == 2)
    }

    @Test func outputIsDeterministic() {
        let summary = DashboardFixture.realisticWithRound()
        for language in Language.allCases {
            let first = Dashboard.html(summary, language: language)
            let second = Dashboard.html(DashboardFixture.realisticWithRound(), language: language)
            #expect(first == second)
            // Streamed in pieces, the same bytes.
            var pieces: [String] = []
            Dashboard.write(summary, language: language, details: { $0("<section class=\"detail\" id=\"o0\"></section>\n") }) { pieces.append($0) }
            let streamed = pieces.joined()
            #expect(streamed.replacingOccurrences(of: "<section class=\"detail\" id=\"o0\"></section>\n", with: "") == first)
        }
        #expect(Dashboard.html(summary, language: .zh) != Dashboard.html(summary, language: .en))
    }

    @Test func histogramCountsPerBinInOneNeutralColour() {
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
        // Score bands are not grades: every bin in one neutral colour, no grade legend.
        let histogram = Self.section(page, "histogram")
        #expect(histogram.components(separatedBy: "fill=\"#8c959f\" rx=\"2\"").count - 1 == 10)
        #expect(!page.contains("≥"))
    }

    /// Red-line outlets (graded 不合格 whatever their score) are counted in the 不合格 bar,
    /// marked there, never in a high band's bar.
    @Test func gradeBarsCountGradesWithRedLinesInsideTheFailBar() {
        let rows = [
            DashboardFixture.row(id: "E1", score: 95), DashboardFixture.row(id: "E2", score: 92.5),
            DashboardFixture.row(id: "G1", score: 85), DashboardFixture.row(id: "P1", score: 70),
            DashboardFixture.row(id: "F1", score: 50),
            DashboardFixture.row(id: "R1", score: 97.9, grade: "fail", redLine: "SVC-001"),
            DashboardFixture.row(id: "R2", score: 88, grade: "fail", redLine: "ETQ-002"),
            DashboardFixture.row(id: "N1", score: nil),
        ]
        for language in Language.allCases {
            let page = Dashboard.html(DashboardFixture.summary(rows: rows), language: language)
            let grades = Self.section(page, "grades")
            for (grade, count) in [("excellent", 2), ("good", 1), ("pass", 1)] {
                #expect(grades.contains("data-grade=\"\(grade)\" data-count=\"\(count)\" style="), "\(grade) \(count)")
            }
            #expect(grades.contains("data-grade=\"fail\" data-count=\"3\" data-redlines=\"2\""))
            #expect(grades.contains("data-grade=\"-\" data-count=\"1\""))
            #expect(grades.components(separatedBy: "class=\"fill gbar\"").count - 1 == 5)
            // The marked segment: 2 of 3 of the fail bar, and the legend says how many.
            #expect(grades.contains("<div class=\"red hatch\" style=\"width:66.7%\""))
            #expect(grades.contains(language == .zh ? "触碰红线 2</span>" : "red line 2</span>"))
            #expect(grades.components(separatedBy: "class=\"red hatch\"").count - 1 == 1)
            // The 不合格 card counts the grade, red lines beside it.
            #expect(page.contains(language == .zh
                ? "<div class=\"v\">3</div><div class=\"k\">不合格</div><div class=\"s\">其中触碰红线 2</div>"
                : "<div class=\"v\">3</div><div class=\"k\">fail</div><div class=\"s\">2 by a red line</div>"))
            #expect(!page.contains("≥"))
        }
    }

    static func rankingOrder(_ page: String) -> [String] {
        Self.section(page, "ranking").components(separatedBy: "<tr data-branch=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test func rankingPutsBranchesWithAFailGradeAfterCleanOnes() {
        let rows = [
            // Higher mean but one 不合格 outlet (a red line).
            DashboardFixture.row(branch: "甲分公司", id: "A1", score: 99),
            DashboardFixture.row(branch: "甲分公司", id: "A2", score: 97.9, grade: "fail", redLine: "SVC-001"),
            // Clean, lower mean.
            DashboardFixture.row(branch: "乙分公司", id: "B1", score: 92),
            DashboardFixture.row(branch: "乙分公司", id: "B2", score: 90),
            // Clean, same mean as 乙: ties by name (code points).
            DashboardFixture.row(branch: "丙分公司", id: "C1", score: 91),
            // Half 不合格.
            DashboardFixture.row(branch: "丁分公司", id: "D1", score: 50),
            DashboardFixture.row(branch: "丁分公司", id: "D2", score: 100),
        ]
        var summary = DashboardFixture.summary(rows: rows)
        let page = Dashboard.html(summary, language: .zh)
        #expect(Self.rankingOrder(page) == ["丙分公司", "乙分公司", "甲分公司", "丁分公司"])
        #expect(page.contains("排名规则：先按不合格占比升序"))
        // The share and red-line columns.
        #expect(Self.section(page, "ranking").contains("<td class=\"n\" data-v=\"0.5\">1 <span class=\"muted\">(50%)</span></td>"))
        // The order given by --branches wins.
        summary.branchOrderGiven = true
        let given = Dashboard.html(summary, language: .en)
        #expect(Self.rankingOrder(given) == ["甲分公司", "乙分公司", "丙分公司", "丁分公司"])
        #expect(given.contains("In the order given (--branches)."))
    }

    static func axis(_ means: [Double]) -> [Double] {
        let a = Dashboard.zoomedAxis(means)
        return [a.lower, a.upper]
    }

    @Test func rankingAxisIsZoomedToTheMeans() {
        #expect(Self.axis([91.3, 95.3, 93]) == [91, 96])
        #expect(Self.axis([90, 95]) == [89, 95])
        #expect(Self.axis([62.5, 95.3]) == [60, 100])
        #expect(Self.axis([100]) == [99, 100])
        #expect(Self.axis([0]) == [0, 1])
        #expect(Self.axis([]) == [0, 100])
        let rows = [
            DashboardFixture.row(branch: "甲", id: "A1", score: 91.3), DashboardFixture.row(branch: "乙", id: "B1", score: 95.3),
            DashboardFixture.row(branch: "丙", id: "C1", score: 93.3),
        ]
        let page = Dashboard.html(DashboardFixture.summary(rows: rows), language: .zh)
        let ranking = Self.section(page, "ranking")
        #expect(ranking.contains("data-axis-lower=\"91\" data-axis-upper=\"96\""))
        #expect(ranking.contains("(轴 91–96)"))
        // 95.3 on 91–96 is 86%, 93.3 is 46%, 91.3 is 6%.
        #expect(ranking.contains("style=\"width:86%\""))
        #expect(ranking.contains("style=\"width:46%\""))
        #expect(ranking.contains("style=\"width:6%\""))
    }

    @Test func clausesRankCriticalFirstThenOutletsThenPoints() {
        func tally(_ id: String, _ severity: Severity, outlets: Int, points: Double, fail: Int) -> RuleTally {
            var t = RuleTally(rule: id, section: .etiquette, severity: severity, title: Label(zh: "标题 \(id)", en: "title \(id)"))
            t.outlets = outlets
            t.pointsLost = points
            t.fail = fail
            return t
        }
        let rows = (0..<10).map { DashboardFixture.row(id: "O\($0)", score: 80) }
        let long = "ETQ-GREETING-WITHIN-THIRTY-SECONDS-OF-ENTRY-LONG-ID"
        var rules = [
            tally(long, .minor, outlets: 9, points: 3, fail: 1400),
            tally("BLD-002", .major, outlets: 4, points: 20, fail: 4),
            tally("BLD-001", .major, outlets: 4, points: 40, fail: 4),
            tally("SVC-009", .critical, outlets: 1, points: 10, fail: 1),
            tally("SVC-003", .critical, outlets: 2, points: 20, fail: 2),
            tally("ZZZ-000", .critical, outlets: 0, points: 0, fail: 0),
        ]
        let page = Dashboard.html(DashboardFixture.summary(rows: rows, rules: rules), language: .en)
        let clauses = Self.section(page, "clauses")
        let order = clauses.components(separatedBy: "<tr><td data-v=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(order == ["SVC-003", "SVC-009", "BLD-001", "BLD-002", long])
        // Full ids, titles, outlets affected, share of scored, points lost, fail results.
        #expect(clauses.contains("<code>\(long)</code></td><td class=\"wrap\">title \(long)</td>"))
        #expect(clauses.contains("<td class=\"n\" data-v=\"9\"><strong>9</strong></td><td class=\"n\" data-v=\"0.9\">90%</td><td class=\"n\" data-v=\"3\">3.0</td><td class=\"n\" data-v=\"1400\">1400</td>"))
        #expect(!clauses.contains("Only the first"))
        // More than 50: capped, and said so.
        rules = (0..<60).map { tally("R-\(DashboardFixture.format3($0))", .major, outlets: 1 + $0, points: 1, fail: 1) }
        let capped = Self.section(Dashboard.html(DashboardFixture.summary(rows: rows, rules: rules), language: .zh), "clauses")
        #expect(capped.components(separatedBy: "<tr><td data-v=").count - 1 == 50)
        #expect(capped.contains("仅列出前 50 条，共 60 条"))
        #expect(capped.contains("<tr><td data-v=\"R-059\">"))
        #expect(!capped.contains("<tr><td data-v=\"R-009\">"))
    }

    @Test func outletTableHasFiltersLinksAndDataAttributes() {
        let summary = DashboardFixture.realistic()
        let page = Dashboard.html(summary, language: .zh)
        let table = Self.section(page, "table")
        #expect(table.components(separatedBy: "</tr>\n").count - 1 == summary.outlets.count)
        for name in ["branch", "type", "grade", "red", "q"] { #expect(table.contains("id=\"f-\(name)\"")) }
        // Without the script the controls would do nothing: hidden until it shows them.
        #expect(table.contains("<form id=\"filters\" class=\"filters\" role=\"search\" hidden>"))
        #expect(table.contains("显示 <span id=\"f-shown\">\(summary.outlets.count)</span> / \(summary.outlets.count) 家网点"))
        // "All" in each select, one option per branch, type and grade (and "no grade"), red line yes/no.
        #expect(table.components(separatedBy: "<option value=\"").count - 1 == 4 + summary.branches.count + 2 + 4 + 2 + (summary.outlets.contains { $0.grade == nil } ? 1 : 0))
        let red = summary.outlets.first { $0.redLine != nil }!
        #expect(table.contains("<tr id=\"r\(red.anchor)\" class=\"red\" data-branch=\"\(red.branch)\" data-type=\"\(red.type)\" data-grade=\"fail\" data-red=\"yes\" data-q=\"\(red.outletId) \(red.name) \(red.branch)\">"))
        #expect(table.contains("<a href=\"#o\(red.anchor)\">\(red.outletId)</a>"))
        #expect(!page.contains("上轮得分"))
        let en = Dashboard.html(summary, language: .en)
        #expect(en.contains("Showing <span id=\"f-shown\">\(summary.outlets.count)</span> / \(summary.outlets.count) outlets"))
    }

    @Test func trendsShowArrowsMostImprovedAndNewAndGone() {
        let summary = DashboardFixture.realisticWithRound()
        let page = Dashboard.html(summary, language: .zh)
        let trends = Self.section(page, "trends")
        let moved = summary.outlets.compactMap { row in row.scoreChange.map { (row, $0) } }
        let best = moved.filter { $0.1 > 0 }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.outletId < $1.0.outletId }.prefix(10)
        let worst = moved.filter { $0.1 < 0 }.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0.outletId < $1.0.outletId }.prefix(10)
        #expect(best.count == 10 && worst.count == 10)
        func links(_ list: String) -> [String] {
            guard let start = trends.range(of: "<ol id=\"\(list)\">") else { return [] }
            let rest = trends[start.upperBound...]
            return rest[..<rest.range(of: "</ol>")!.lowerBound].components(separatedBy: "<li><a href=\"#o").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        }
        #expect(links("improved") == best.map { String($0.0.anchor) })
        #expect(links("declined") == worst.map { String($0.0.anchor) })
        #expect(trends.contains("<span class=\"up\">▲ +\(JSONFormat.one(best.first!.1))</span>"))
        #expect(trends.contains("<span class=\"down\">▼ -\(JSONFormat.one(-worst.first!.1))</span>"))
        // New and gone: the first 50, then a count.
        #expect(trends.contains("本轮新增网点 (\(summary.round!.new.count))"))
        #expect(trends.contains("上轮有、本轮无的网点 (55)"))
        #expect(trends.contains("以及另外 5 家。"))
        #expect(!trends.contains("GONE-050") && trends.contains("GONE-049"))
        // A new outlet links to its detail in this round.
        let fresh = summary.outlets[0]
        #expect(trends.contains("<li><code>\(fresh.outletId)</code> <a href=\"#o\(fresh.anchor)\">\(fresh.name)</a>"))
        // Cards, ranking change, outlet table trend columns, clause previous outlets.
        #expect(page.contains("<div class=\"k\">两轮均有</div><div class=\"s\">新增 \(summary.round!.new.count) · 消失 55</div>"))
        #expect(page.contains("<div class=\"v\">76.1</div><div class=\"k\">平均分</div><div class=\"s\">上一轮 70.2 · <span class=\"up\">▲ +5.9</span></div>"))
        #expect(Self.section(page, "ranking").contains("<th scope=\"col\" tabindex=\"0\" aria-sort=\"none\" class=\"n\" data-type=\"num\">较上轮</th>"))
        for head in ["上轮得分", "变化", "新增不符合", "已整改"] { #expect(Self.section(page, "table").contains(">\(head)</th>")) }
        #expect(Self.section(page, "clauses").contains(">上轮网点</th>"))
        let en = Dashboard.html(summary, language: .en)
        #expect(en.contains("Most improved (top 10)") && en.contains("and 5 more."))
    }

    @Test func unreadableInputsAreListedWithACount() {
        let summary = DashboardFixture.realisticWithRound()
        for language in Language.allCases {
            let errors = Self.section(Dashboard.html(summary, language: language), "errors")
            #expect(errors.contains("<tr><td><code>reports/broken.yaml</code></td><td class=\"n\">3:5</td><td class=\"wrap\">第 3 行第 5 列：缩进不一致</td></tr>"))
            #expect(errors.contains("<tr><td><code>reports/empty.yaml</code></td><td class=\"n\">—</td><td class=\"wrap\">文件为空</td></tr>"))
            #expect(errors.contains(language == .zh ? "以及另外 2 个，见 errors.jsonl。" : "and 2 more, see errors.jsonl."))
            #expect(errors.contains("<code>reports/1101-old.yaml</code> → <code>reports/11001.yaml</code>"))
        }
        // No errors, no section.
        let clean = DashboardFixture.summary(rows: [DashboardFixture.row()])
        #expect(!Dashboard.html(clean, language: .zh).contains("<section id=\"errors\">"))
    }

    @Test func headersAreKeyboardAccessibleInEveryTable() {
        let page = Dashboard.html(DashboardFixture.realisticWithRound(), language: .en)
        for id in ["ranking-table", "clause-table", "outlets"] {
            #expect(page.contains("<table id=\"\(id)\" class=\"sortable\""), "\(id)")
        }
        let heads = page.components(separatedBy: "<th scope=\"col\"").dropFirst()
        let sortable = heads.filter { $0.hasPrefix(" tabindex=\"0\" aria-sort=") }
        #expect(sortable.count == 9 + 9 + 18)
        #expect(Dashboard.script.contains("event.key === \"Enter\"") && Dashboard.script.contains("table.sortable"))
    }

    @Test func pageIsSelfContained() {
        for language in Language.allCases {
            let page = Dashboard.html(DashboardFixture.realisticWithRound(), language: language)
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

    @Test func sectionsAreInBothLanguages() {
        let summary = DashboardFixture.realisticWithRound()
        let zh = Dashboard.html(summary, language: .zh), en = Dashboard.html(summary, language: .en)
        #expect(zh.contains("<h2>等级分布 <span class=\"alt\">Grade distribution</span></h2>"))
        #expect(en.contains("<h2>Grade distribution <span class=\"alt\">等级分布</span></h2>"))
        #expect(zh.contains(">涉及网点</th>") && en.contains(">Outlets affected</th>"))
        #expect(zh.contains("进步最大（前 10）") && !en.contains("进步最大（前 10）"))
        #expect(zh.contains(summary.rules[0].title.zh) && en.contains(summary.rules[0].title.en))
        #expect(!en.contains(summary.rules[0].title.en.isEmpty ? "∅" : "class=\"wrap\">\(summary.rules[0].title.zh)<"))
        #expect(zh.contains("scored \(summary.scored), errors 4, total \(summary.total)"))
        // Every branch once in the ranking and once in the grade mix.
        for branch in summary.branches {
            #expect(Self.section(zh, "ranking").contains("data-branch=\"\(branch.branch)\">\(branch.branch)</a>"))
            #expect(Self.section(zh, "mix").contains("<title>\(branch.branch)</title>"))
        }
    }
}

/// One decimal as the dashboard shows a score.
enum JSONFormat {
    static func one(_ v: Double) -> String {
        let s = JSON.format(v, decimals: 1)
        return s.contains(".") ? s : s + ".0"
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
