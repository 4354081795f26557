import AuditTestSupport
import Foundation
import Testing

/// The human formats (text, Markdown, HTML) read in the inspector's language: severity and
/// status words, missing evidence by its schema label, one punctuation style per language,
/// a readable tier line and a legend of the sources cited.
@Suite struct ReadableOutputTests {
    /// The example without E1077's and E1023's `stood_to_greet`: not assessed, by its label.
    func reportWithoutGreeting(in dir: String) throws -> String {
        try exampleReport(replacing: [(of: "    stood_to_greet: true\n", with: "")], in: dir)
    }

    /// The lines the tool writes above the findings (everything before the first blank line).
    func header(_ output: String) -> [Substring] {
        Array(output.split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.isEmpty })
    }

    @Test func headerLinesUseOnePunctuationStylePerLanguage() throws {
        let dir = try temporaryFolder("punctuation")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A provisional score (missing evidence listed) and a profile's changes would add lines:
        // the greeting removed gives the missing-evidence line only when provisional, so the
        // sparse fixture adds it.
        for report in ["fixtures/example-report.yaml", "fixtures/reports/sparse.yaml", "fixtures/reports/tier-ineligible-flagship.yaml",
                       "fixtures/reports/flagship-upstairs.yaml", try reportWithoutGreeting(in: dir)] {
            let zh = header(try audit([report, "--lang", "zh"]).stdout)
            let en = header(try audit([report, "--lang", "en"]).stdout)
            #expect(zh.count >= 7 && en.count == zh.count, "\(report)")
            // The first line ends with the report's path, which is not ours to change.
            for line in zh.dropFirst() {
                let ascii = line.filter { ",;:()".contains($0) }
                #expect(ascii.isEmpty, "zh line with ASCII punctuation: \(line)")
            }
            #expect(zh.first?.contains("（") == true && zh.first?.contains("）") == true)
            for line in en {
                let fullWidth = line.filter { "，；：（）、".contains($0) }
                #expect(fullWidth.isEmpty, "en line with full-width punctuation: \(line)")
            }
        }
        let sparse = header(try audit(["fixtures/reports/sparse.yaml", "--lang", "zh"]).stdout)
        #expect(sparse.contains { $0.hasPrefix("缺少证据：电话抽检（calls）、案件抽检（cases）、") })
    }

    @Test func theTierLineNamesTheBlockingRulesByIdAndTitle() throws {
        let zh = try audit(["fixtures/example-report.yaml", "--lang", "zh"]).stdout
        #expect(zh.contains("\n星级：申报 标准店；认定 无；未达标：BLD-POSTINGS 宣传材料悬挂齐全\n距标准店尚缺：BLD-POSTINGS 宣传材料悬挂齐全（不符合）\n"))
        let en = try audit(["fixtures/example-report.yaml", "--lang", "en"]).stdout
        #expect(en.contains("\ntier: claimed standard; qualifies none; blocked by: BLD-POSTINGS Required postings on the wall\n"))
        let markdown = try audit(["fixtures/example-report.yaml", "--lang", "zh", "--format", "markdown"]).stdout
        #expect(markdown.contains("| 星级 | 申报 标准店；认定 无；未达标：BLD-POSTINGS 宣传材料悬挂齐全 |\n"))
        // A flagship rule is not a finding of a standard outlet, but the next-tier line still
        // has its title.
        let standard = try audit(["fixtures/reports/red-line.yaml", "--lang", "zh"]).stdout
        #expect(standard.contains("距旗舰店尚缺：BLD-FLAGSHIP-SIGNAGE 旗舰店灯箱门头与营业铭牌（不符合）、"))
        #expect(standard.contains("一票否决：TML-LAW23-PAY-10D 达成协议后十日内支付"))
    }

    @Test func severityAndStatusFollowTheLanguage() throws {
        let zh = try audit(["fixtures/example-report.yaml", "--lang", "zh"]).stdout
        for word in ["不符合 [主要] ", "未到期 [严重] ", "未检查 [提示] "] { #expect(zh.contains(word), "\(word)") }
        for word in ["[critical]", "[major]", "[minor]", "[advisory]", "fail", "not assessed"] { #expect(!zh.contains(word), "\(word)") }
        let en = try audit(["fixtures/example-report.yaml", "--lang", "en"]).stdout
        for word in ["fail [major] ", "not due [critical] ", "not assessed [advisory] "] { #expect(en.contains(word), "\(word)") }
        // The finding lines (the quotes below them are the sources' own Chinese).
        let findingLines = en.split(separator: "\n").filter { $0.hasPrefix("fixtures/") }
        #expect(findingLines.count == 12)
        for word in ["主要", "严重", "提示", "不符合", "未检查"] { #expect(!findingLines.contains { $0.contains(word) }, "\(word)") }
        let markdown = try audit(["fixtures/example-report.yaml", "--lang", "zh", "--format", "markdown"]).stdout
        #expect(markdown.contains("| 未到期 | TML-LAW23-DECIDE-30D 三十日内作出核定 | 严重 | CLM-0409-02 |"))
    }

    @Test func missingEvidenceIsNamedByItsSchemaLabel() throws {
        let dir = try temporaryFolder("labels")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let report = try reportWithoutGreeting(in: dir)
        let zh = try audit([report, "--lang", "zh"]).stdout
        #expect(zh.contains(" E1077：缺少检查证据：起身迎客（staff[1].stood_to_greet）\n    位置：起身迎客（staff[1].stood_to_greet）\n"))
        let en = try audit([report, "--lang", "en"]).stdout
        #expect(en.contains(" E1077: evidence missing: stood to greet (staff[1].stood_to_greet)\n    at: stood to greet (staff[1].stood_to_greet)\n"))
        let markdown = try audit([report, "--lang", "zh", "--format", "markdown"]).stdout
        #expect(markdown.contains("| 缺少检查证据：起身迎客（staff\\[1\\].stood\\_to\\_greet） |"))
        let html = try audit([report, "--lang", "zh", "--format", "html"]).stdout
        let pending = try #require(html.range(of: "<section class=\"pending\">"))
        #expect(html[pending.upperBound...].contains("<td>起身迎客（staff[1].stood_to_greet）</td><td>E1077</td>"))
        // The machine formats keep the path as the message names it.
        #expect(try audit([report, "--format", "json"]).stdout.contains("\"message\": \"evidence missing: staff[1].stood_to_greet\""))
    }

    @Test func citedSourcesAreExpandedOnceInALegend() throws {
        let legendZh = """

            依据来源
            [CS] 中国人寿财产保险股份有限公司客户服务规范
            [LB] 人身保险业务基本服务规定(保监会令2010年第4号)
            [CC] 客服中心服务规范
            [服务规范] 保险公司客户服务人员的服务规范
            [CP] 中国人寿保险股份有限公司服务承诺(2012)
            [IL] 中华人民共和国保险法(2015)
            [SPC2] 最高人民法院关于适用《中华人民共和国保险法》若干问题的解释(二)(法释〔2013〕14号)

            """
        let zh = try audit(["fixtures/example-report.yaml", "--lang", "zh"]).stdout
        #expect(zh.hasSuffix(legendZh))
        #expect(zh.components(separatedBy: "[CS] 中国人寿").count == 2, "once")
        // Only what the shown findings cite: the red-line report fails one IL clause.
        let one = try audit(["fixtures/reports/red-line.yaml", "--lang", "en"]).stdout
        #expect(one.hasSuffix("\nSources\n[IL] 中华人民共和国保险法(2015)\n"))
        #expect(try audit(["fixtures/reports/red-line.yaml", "--lang", "en", "--show", "passed"]).stdout.contains("\n[CS] 中国人寿财产保险股份有限公司客户服务规范\n"))
        let markdown = try audit(["fixtures/example-report.yaml", "--lang", "en", "--format", "markdown"]).stdout
        #expect(markdown.contains("\n## Sources\n\n- \\[CS\\] 中国人寿财产保险股份有限公司客户服务规范\n"))
    }
}

/// `--format html`, read as markup (the printed result is `PrintedReportTests`).
@Suite struct HTMLReportTests {
    func articles(_ html: String) -> [Substring] {
        html.components(separatedBy: "<article class=\"report\">").dropFirst().map { Substring($0) }
    }

    @Test func oneSelfContainedPrintablePage() throws {
        let run = try audit(["fixtures/example-report.yaml", "--lang", "zh", "--format", "html"])
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        let html = run.stdout
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"))
        #expect(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline';"))
        #expect(!html.contains("<script") && !html.contains("<link") && !html.contains("<img") && !html.contains("url("))
        #expect(!html.contains("http://") && !html.contains("https://"))
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("@media print"))
        #expect(html.contains("\"Noto Sans CJK SC\"") && html.contains("\"Noto Serif CJK SC\", sans-serif"))
        #expect(html.hasSuffix("</body>\n</html>\n"))
        #expect(articles(html).count == 1)
        // The header, the score, a finding with its title and quote, the pending part, the
        // legend and the sign-off.
        for text in ["<h1>哈尔滨市道里客户服务中心<span class=\"id\">HLJ-HRB-DL-001</span></h1>",
                     "<div><dt>分公司</dt><dd>黑龙江分公司</dd></div>", "<div><dt>中心支公司</dt><dd>哈尔滨中心支公司</dd></div>",
                     "<div><dt>检查编号</dt><dd>INS-2026-HLJ-0414-01</dd></div>", "<div><dt>检查时间</dt><dd>2026-04-14 10:30</dd></div>",
                     "<div><dt>检查人</dt><dd>李敏</dd></div>", "<div><dt>网点类型</dt><dd>客户服务中心</dd></div>",
                     "<div class=\"k\">总分</div><div class=\"v\">87.9</div>", "<div class=\"k\">等级</div><div class=\"v\">良好</div>",
                     "<div class=\"k\">覆盖率</div><div class=\"v\">96.4%</div>",
                     "<tr><th>星级</th><td>申报 标准店；认定 无；未达标：BLD-POSTINGS 宣传材料悬挂齐全</td></tr>",
                     "<span class=\"rid\">BLD-POSTINGS</span>宣传材料悬挂齐全</td>",
                     "<span class=\"src\">[CS] 2.2.3</span><span class=\"quote\">「服务网点客户接待区域使用面积",
                     "<h2>未检查 / 待补充</h2>", "<td>服务用语记录（staff[1].utterances）</td><td>E1077</td>",
                     "<div><dt>[SPC2]</dt><dd>最高人民法院关于适用《中华人民共和国保险法》若干问题的解释(二)(法释〔2013〕14号)</dd></div>",
                     "<span class=\"k\">检查人：</span>", "<span class=\"k\">网点负责人：</span>", "<span class=\"k\">日期：</span>"] {
            #expect(html.contains(text), "\(text)")
        }
        // Not assessed findings are in their own part, not in the findings tables.
        let findings = try #require(html.range(of: "<section class=\"findings\">"))
        let pending = try #require(html.range(of: "<section class=\"pending\">"))
        #expect(!html[findings.upperBound..<pending.lowerBound].contains("status-not_assessed"))
        #expect(html[findings.upperBound..<pending.lowerBound].contains("<tr class=\"status-fail\">"))

        let en = try audit(["fixtures/example-report.yaml", "--lang", "en", "--format", "html"]).stdout
        for text in ["<html lang=\"en\">", "<h2>Not assessed / to complete</h2>", "<span class=\"k\">Inspector: </span>",
                     "<span class=\"k\">Outlet manager: </span>", "<span class=\"k\">Date: </span>", "<div><dt>Branch</dt><dd>黑龙江分公司</dd></div>",
                     "<div><dt>Outlet type</dt><dd>customer service centre</dd></div>"] {
            #expect(en.contains(text), "\(text)")
        }
    }

    @Test func severalReportsMakeOnePageEachAndTheOutputFileIsTheSame() throws {
        let dir = try temporaryFolder("html")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let reports = ["fixtures/example-report.yaml", "fixtures/reports/red-line.yaml", "fixtures/reports/sparse.yaml"]
        let run = try audit(reports + ["--lang", "zh", "--format", "html"])
        #expect(run.status == 1, "the red line fails at --fail-on critical")
        let pages = articles(run.stdout)
        #expect(pages.count == 3)
        #expect(run.stdout.contains(".report + .report { break-before: page;"))
        for (page, name) in zip(pages, ["哈尔滨市道里客户服务中心", "广州市天河客户服务中心", "沈阳市和平客户服务中心"]) {
            #expect(page.contains("<h1>\(name)<span"), "\(name)")
            #expect(page.contains("网点负责人"), "\(name)")
        }
        #expect(run.stdout.contains("<title>网点服务检查报告 · 3 份</title>"))
        let file = dir + "/报告 out.html"
        let written = try audit(reports + ["--lang", "zh", "--format", "html", "--output", file])
        #expect(written.stdout.isEmpty)
        #expect(try String(contentsOfFile: file, encoding: .utf8) == run.stdout, "same bytes in the file")
        #expect(try audit(reports + ["--lang", "zh", "--format", "html"]).stdout == run.stdout, "deterministic")
        // A report that cannot be read leaves the others' pages; nothing audited, nothing written.
        let broken = try audit(["fixtures/example-report.yaml", dir + "/missing.yaml", "--format", "html"])
        #expect(broken.status == 2)
        #expect(articles(broken.stdout).count == 1)
        #expect(try audit([dir + "/missing.yaml", "--format", "html"]).stdout.isEmpty)
    }
}
