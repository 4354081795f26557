import AuditCore
import AuditEngine
import AuditFormatters
import AuditReport
import AuditRules
import AuditTestSupport
import Foundation
import Testing

/// A batch summary as `audit batch --previous` makes it, built from real audit results (the
/// fixture reports, whose detail sections are embedded) and generated outlets around them:
/// four branches, a red line, an unreadable input, a round comparison.
enum BrowserFixture {
    static let reports = ["fixtures/example-report.yaml", "fixtures/reports/red-line.yaml", "fixtures/reports/service-hall.yaml",
                          "fixtures/reports/standard-center.yaml"]

    static func results() throws -> [AuditResult] {
        try reports.map { try auditor().audit(reportFile($0)) }
    }

    static func row(_ result: AuditResult, path: String) -> OutletRow {
        let s = result.score
        var row = OutletRow(
            path: path, branch: result.text("outlet.branch") ?? "", outletId: result.text("outlet.id") ?? "",
            name: result.text("outlet.name") ?? "", type: result.text("outlet.type") ?? "", tierClaimed: "standard",
            tierQualified: "standard", score: s.total.map { ($0 * 10).rounded() / 10 }, grade: s.grade?.id, gradeLabel: s.grade?.label,
            provisional: s.provisional, redLine: s.redLine, fails: [:], coverage: s.coverage, failingRules: [])
        row.inspectionId = result.text("inspection.id") ?? ""
        return row
    }

    static func generated(branch: String, index: Int, score: Double) -> OutletRow {
        let grade = ScoringSettings.standard.grade(for: score)
        return OutletRow(
            path: "in/gen-\(index).yaml", branch: branch, outletId: "GEN-\(index < 10 ? "0" : "")\(index)", name: "\(branch)第\(index)网点",
            type: index % 3 == 0 ? "service_hall" : "service_center", tierClaimed: "standard", tierQualified: "standard",
            score: score, grade: grade?.id, gradeLabel: grade?.label, provisional: false, redLine: nil,
            fails: [.major: index % 3], coverage: 0.9, failingRules: [])
    }

    /// The summary and the detail sections (in table order).
    static func build(language: Language) throws -> (summary: BatchSummary, details: [String]) {
        let results = try results()
        var rows: [OutletRow] = []
        var details: [String] = []
        for (i, result) in results.enumerated() {
            var row = row(result, path: reports[i])
            row.anchor = rows.count
            details.append(Dashboard.outletDetail(result, anchor: row.anchor, language: language))
            rows.append(row)
        }
        let branches = Array(Set(rows.map(\.branch))).sorted()
        for i in 0..<24 {
            var row = generated(branch: branches[i % branches.count], index: i, score: 58 + Double((i * 37) % 41))
            row.anchor = rows.count
            rows.append(row)
        }
        // Previous scores for all but two; one fell, one rose a lot.
        for i in rows.indices where i % 13 != 5 {
            var trend = OutletTrend(inspectionId: "Q1-\(i)", inspectedAt: "2026-01-10 10:00",
                                    score: rows[i].score.map { max(0, min(100, $0 + Double(i % 7) - 3)) }, grade: rows[i].grade, redLine: nil)
            trend.newFailures = i % 3
            trend.fixedFailures = i % 2
            rows[i].previous = trend
        }
        let branchSummaries = branches.map { name -> BranchSummary in
            let mine = rows.filter { $0.branch == name }
            let scores = mine.compactMap(\.score).sorted()
            var b = BranchSummary(
                branch: name, reports: mine.count, scored: mine.count, mean: scores.reduce(0, +) / Double(scores.count),
                median: scores[scores.count / 2], min: scores.first,
                grades: ScoringSettings.standard.grades.map { g in (g.id, mine.filter { $0.grade == g.id }.count) }, redLines: mine.filter { $0.redLine != nil }.count, topFailing: [])
            b.failGrade = mine.filter { $0.grade == "fail" }.count
            b.previousReports = mine.count
            b.previousMean = b.mean.map { $0 - 1.5 }
            return b
        }
        var rule = RuleTally(rule: "SVC-REDLINE", section: .etiquette, severity: .critical, title: Label(zh: "红线条款", en: "red-line clause"))
        rule.outlets = 1
        rule.fail = 1
        rule.pointsLost = 20
        var minor = RuleTally(rule: "ETQ-GREETING", section: .etiquette, severity: .minor, title: Label(zh: "问候", en: "greeting"))
        minor.outlets = 12
        minor.fail = 40
        minor.pointsLost = 24
        var summary = BatchSummary(
            scored: rows.count, errors: 1, total: rows.count + 1, outlets: rows, branches: branchSummaries, rules: [minor, rule],
            grades: ScoringSettings.standard.grades, rulesDigest: "0123456789abcdef")
        summary.unreadable = [UnreadableInput(path: "in/broken.yaml", message: "mapping values are not allowed here", line: 4, column: 9)]
        summary.unreadableCount = 1
        summary.round = RoundComparison(
            folder: "previous-out", previousScored: rows.count, matched: rows.count - 2,
            new: [.init(outletId: "NEW-1", branch: branches[0], name: "新网点", score: 88, grade: "good")],
            gone: [.init(outletId: "GONE-1", branch: branches[1], name: "撤并网点", score: 70, grade: "pass")], previousMean: 80)
        return (summary, details)
    }

    /// The ranking rule, written out again: 不合格 share ascending, mean descending, name.
    static func expectedRanking(_ summary: BatchSummary) -> [String] {
        summary.branches.sorted { a, b in
            let sa = Double(a.failGrade) / Double(a.reports), sb = Double(b.failGrade) / Double(b.reports)
            if sa != sb { return sa < sb }
            if a.mean != b.mean { return (a.mean ?? -1) > (b.mean ?? -1) }
            return a.branch < b.branch
        }.map(\.branch)
    }
}

/// The dashboard in a real browser (headless Chromium, as `make deps` installs it): the page is
/// loaded in an iframe of a harness page (no CSP) whose script uses the controls as a person
/// would — selects a branch, a grade, a red line, types a search, clicks a branch to drill
/// down, clicks a header, presses Enter on another — and writes what it saw into its own DOM,
/// which `--dump-dom` hands back. A screenshot goes to `.build/dashboard.png` for people.
@Suite(.serialized) struct DashboardBrowserTests {
    static let build = repositoryRoot + "/.build"

    static func write(language: Language, name: String) throws -> (BatchSummary, String) {
        let (summary, details) = try BrowserFixture.build(language: language)
        var page = ""
        Dashboard.write(summary, language: language, details: { sink in details.forEach(sink) }) { page += $0 }
        let path = build + "/" + name
        try page.write(toFile: path, atomically: true, encoding: .utf8)
        return (summary, path)
    }

    /// Runs Chromium headless on `url` with extra arguments; its standard output, or nil after
    /// recording why there is none.
    static func chromium(_ arguments: [String], _ url: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> String? {
        guard let tools = PrintTools.find(sourceLocation: sourceLocation) else { return nil }
        let profile = NSTemporaryDirectory() + "audit-chromium-\(getpid())-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: profile, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let out = profile + "/stdout", log = profile + "/stderr"
        _ = FileManager.default.createFile(atPath: out, contents: nil)
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        let stdout = try FileHandle(forWritingTo: URL(fileURLWithPath: out)), stderr = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tools.timeout)
        process.arguments = ["--kill-after=5", "60", tools.chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                             "--hide-scrollbars", "--user-data-dir=\(profile)/data"] + arguments + [url]
        process.environment = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": profile]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        process.waitUntilExit()
        try stdout.close()
        try stderr.close()
        guard process.terminationStatus == 0 else {
            let tail = (try? String(contentsOfFile: log, encoding: .utf8)).map { String($0.suffix(2000)) } ?? ""
            Issue.record("chromium exited with \(process.terminationStatus): \(url)\n\(tail)", sourceLocation: sourceLocation)
            return nil
        }
        return try String(contentsOfFile: out, encoding: .utf8)
    }

    /// The harness: its script drives the dashboard in the iframe and reports as JSON.
    static func harness(dashboard: String, branch: String, search: String, detail: Int) -> String {
        func js(_ s: String) -> String {
            // A JSON string literal is a JavaScript string literal; `<` escaped so it cannot close the script.
            let data = try! JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])
            return String(decoding: data, as: UTF8.self).dropFirst().dropLast().replacingOccurrences(of: "<", with: "\\u003c")
        }
        let file = URL(fileURLWithPath: dashboard).lastPathComponent
        return """
            <!DOCTYPE html>
            <html><head><meta charset="utf-8"><title>dashboard harness</title></head>
            <body><pre id="result">pending</pre>
            <iframe id="main" src="\(file)" width="1280" height="900"></iframe>
            <iframe id="hash" width="1280" height="900"></iframe>
            <iframe id="detail" width="1280" height="900"></iframe>
            <script>
            var BRANCH = \(js(branch)), SEARCH = \(js(search)), DETAIL = \(detail), FILE = \(js(file));
            var result = {}, pending = 3;
            function finish() { if (--pending === 0) document.getElementById("result").textContent = JSON.stringify(result); }
            function rowsOf(d) { return Array.prototype.slice.call(d.querySelectorAll("#outlets tbody tr")); }
            function visible(d) { return rowsOf(d).filter(function (r) { return !r.hidden; }); }
            function ids(rows, n) { return rows.slice(0, n).map(function (r) { return r.id; }); }
            function fire(w, el, type) { el.dispatchEvent(new w.Event(type, { bubbles: true })); }
            function set(w, d, name, value, type) { var c = d.getElementById("f-" + name); c.value = value; fire(w, c, type || "change"); }
            document.getElementById("main").addEventListener("load", function () {
              var f = this, d = f.contentDocument, w = f.contentWindow, r = result.main = {};
              try {
                r.rows = rowsOf(d).length;
                r.gradeBars = d.querySelectorAll("#grades .gbar").length;
                var fail = d.querySelector("#grades .gbar[data-grade=fail]");
                r.failBar = fail ? [fail.getAttribute("data-count"), fail.getAttribute("data-redlines"), fail.querySelectorAll(".red").length] : null;
                r.ranking = Array.prototype.map.call(d.querySelectorAll("#ranking-table tbody tr"), function (t) { return t.getAttribute("data-branch"); });
                r.clauses = d.querySelectorAll("#clause-table tbody tr").length;
                r.initialCount = d.getElementById("f-count").textContent;
                r.filtersShown = w.getComputedStyle(d.getElementById("filters")).display === "none" ? "hidden" : "shown";
                set(w, d, "branch", BRANCH);
                r.branch = visible(d).length;
                r.branchCount = d.getElementById("f-shown").textContent;
                set(w, d, "grade", "fail");
                r.branchFail = visible(d).length;
                set(w, d, "branch", ""); set(w, d, "grade", "");
                set(w, d, "red", "yes");
                r.red = ids(visible(d), 10);
                set(w, d, "red", "");
                set(w, d, "q", SEARCH, "input");
                r.search = ids(visible(d), 10);
                set(w, d, "q", "", "input");
                r.cleared = visible(d).length;
                var links = d.querySelectorAll("#ranking-table a.drill"), link = null;
                for (var i = 0; i < links.length; i++) if (links[i].getAttribute("data-branch") === BRANCH) link = links[i];
                link.click();
                r.drill = [d.getElementById("f-branch").value, visible(d).length];
                set(w, d, "branch", "");
                var score = d.querySelectorAll("#outlets thead th")[6];
                score.click();
                r.sortAscending = [score.getAttribute("aria-sort")].concat(ids(rowsOf(d), 3));
                score.click();
                r.sortDescending = [score.getAttribute("aria-sort")].concat(ids(rowsOf(d), 3));
                var mean = d.querySelectorAll("#ranking-table thead th")[3];
                r.tabIndex = mean.tabIndex;
                mean.focus();
                mean.dispatchEvent(new w.KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true }));
                r.keyboard = [mean.getAttribute("aria-sort"), d.querySelector("#ranking-table tbody tr").getAttribute("data-branch"), d.activeElement === mean ? "focused" : "not focused"];
                mean.dispatchEvent(new w.KeyboardEvent("keydown", { key: " ", bubbles: true, cancelable: true }));
                r.keyboardAgain = [mean.getAttribute("aria-sort"), d.querySelector("#ranking-table tbody tr").getAttribute("data-branch")];
                var detail = d.getElementById("o" + DETAIL);
                r.detailHidden = detail ? w.getComputedStyle(detail).display : "missing";
              } catch (e) { r.error = String(e); }
              finish();
              var h = document.getElementById("hash");
              h.addEventListener("load", function () {
                var d = h.contentDocument;
                try {
                  result.hash = [visible(d).length, d.getElementById("f-branch").value, d.getElementById("f-grade").value, d.getElementById("f-shown").textContent];
                } catch (e) { result.hash = String(e); }
                finish();
              });
              h.src = FILE + "#branch=" + encodeURIComponent(BRANCH) + "&grade=fail";
              var o = document.getElementById("detail");
              o.addEventListener("load", function () {
                var d = o.contentDocument, w = o.contentWindow, target = d.getElementById("o" + DETAIL);
                try {
                  result.detail = [target ? w.getComputedStyle(target).display : "missing", target ? target.querySelectorAll("li.f").length : -1,
                                   target && target.querySelector("a[href='#table']") ? 1 : 0];
                } catch (e) { result.detail = String(e); }
                finish();
              });
              o.src = FILE + "#o" + DETAIL;
            });
            </script>
            </body></html>

            """
    }

    static func decodeResult(_ dom: String) -> [String: Any]? {
        guard let start = dom.range(of: "<pre id=\"result\">"), let end = dom[start.upperBound...].range(of: "</pre>") else { return nil }
        let text = String(dom[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
        return (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
    }

    @Test func filtersSortingDrillDownAndDetailsWorkInChromium() throws {
        let (summary, path) = try Self.write(language: .zh, name: "dashboard-browser.html")
        let rows = summary.outlets
        let redRow = try #require(rows.first { $0.redLine != nil })
        let branch = redRow.branch
        let search = "GEN-1"
        let harness = Self.build + "/dashboard-harness.html"
        try Self.harness(dashboard: path, branch: branch, search: search, detail: redRow.anchor).write(toFile: harness, atomically: true, encoding: .utf8)
        guard let dom = try Self.chromium(["--allow-file-access-from-files", "--virtual-time-budget=15000", "--dump-dom"],
                                          URL(fileURLWithPath: harness).absoluteString) else { return }
        let decoded = Self.decodeResult(dom)
        let result = try #require(decoded, "no result in the harness DOM:\n\(dom.suffix(3000))")
        let mainResult = result["main"] as? [String: Any]
        let main = try #require(mainResult, "\(result)")
        #expect(main["error"] == nil, "\(main["error"] ?? "")")

        // Counts: one row per outlet, one bar per grade with outlets (the 4 grades here), the red line in 不合格.
        #expect(main["rows"] as? Int == rows.count)
        let present = Set(rows.map { $0.grade ?? "-" })
        #expect(main["gradeBars"] as? Int == ScoringSettings.standard.grades.count + (present.contains("-") ? 1 : 0))
        let failCount = rows.filter { $0.grade == "fail" }.count, redLines = rows.filter { $0.redLine != nil }.count
        #expect(main["failBar"] as? [AnyHashable] == [String(failCount), String(redLines), 1] as [AnyHashable])
        #expect(main["clauses"] as? Int == 2)
        #expect(main["filtersShown"] as? String == "shown", "the script shows the filters")
        #expect(main["initialCount"] as? String == "显示 \(rows.count) / \(rows.count) 家网点")
        // Ranking: a branch with a 不合格 outlet after every clean one.
        let rankingResult = main["ranking"] as? [String]
        let ranking = try #require(rankingResult)
        #expect(ranking == BrowserFixture.expectedRanking(summary))
        #expect(ranking.last == branch || summary.branches.filter { $0.failGrade > 0 }.count > 1, "\(ranking)")

        // Filters.
        let inBranch = rows.filter { $0.branch == branch }
        #expect(main["branch"] as? Int == inBranch.count)
        #expect(main["branchCount"] as? String == String(inBranch.count))
        #expect(main["branchFail"] as? Int == inBranch.filter { $0.grade == "fail" }.count)
        #expect(main["red"] as? [String] == rows.filter { $0.redLine != nil }.map { "r\($0.anchor)" })
        let found = rows.filter { ($0.outletId + " " + $0.name + " " + $0.branch).lowercased().contains(search.lowercased()) }
        #expect(!found.isEmpty && main["search"] as? [String] == Array(found.prefix(10).map { "r\($0.anchor)" }))
        #expect(main["cleared"] as? Int == rows.count)
        #expect(main["drill"] as? [AnyHashable] == [branch, inBranch.count] as [AnyHashable])

        // Sorting by score, by click; by Enter and Space on a header.
        let byScore = rows.sorted { ($0.score ?? -1, $1.anchor) < ($1.score ?? -1, $0.anchor) }
        #expect(main["sortAscending"] as? [String] == ["ascending"] + byScore.prefix(3).map { "r\($0.anchor)" })
        let descending = rows.sorted { ($0.score ?? -1, $1.anchor) > ($1.score ?? -1, $0.anchor) }
        #expect(main["sortDescending"] as? [String] == ["descending"] + descending.prefix(3).map { "r\($0.anchor)" })
        #expect(main["tabIndex"] as? Int == 0)
        let lowestMean = summary.branches.min { ($0.mean ?? 0) < ($1.mean ?? 0) }!.branch
        let highestMean = summary.branches.max { ($0.mean ?? 0) < ($1.mean ?? 0) }!.branch
        #expect(main["keyboard"] as? [String] == ["ascending", lowestMean, "focused"])
        #expect(main["keyboardAgain"] as? [String] == ["descending", highestMean])
        // Details are hidden until they are the target.
        #expect(main["detailHidden"] as? String == "none")

        // The URL fragment filters on load.
        #expect(result["hash"] as? [AnyHashable] == [inBranch.filter { $0.grade == "fail" }.count, branch, "fail",
                                                    String(inBranch.filter { $0.grade == "fail" }.count)] as [AnyHashable])
        // `#o<anchor>` shows that outlet's findings, with a way back.
        let detailResult = result["detail"] as? [AnyHashable]
        let detail = try #require(detailResult, "\(result)")
        #expect(detail.first == "block" as AnyHashable && detail.last == 1 as AnyHashable, "\(detail)")
        #expect((detail[1] as? Int ?? 0) > 0, "the red-line outlet's findings are listed")
    }

    /// A picture of the page for people to look at: `.build/dashboard.png`.
    @Test func aScreenshotIsWritten() throws {
        let (_, path) = try Self.write(language: .zh, name: "dashboard-screenshot.html")
        let png = Self.build + "/dashboard.png"
        try? FileManager.default.removeItem(atPath: png)
        guard try Self.chromium(["--screenshot=\(png)", "--window-size=1280,2400", "--virtual-time-budget=5000"],
                                URL(fileURLWithPath: path).absoluteString) != nil else { return }
        let data = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
        #expect(data.count > 100_000, "a page with charts and tables, not a blank one: \(data.count) bytes")
    }
}

/// The outlet detail sections, from real audit results.
@Suite struct DashboardDetailTests {
    @Test func detailListsTheFindingsThatAreNotAPass() throws {
        let result = try auditor().audit(reportFile("fixtures/reports/red-line.yaml"))
        for language in Language.allCases {
            let html = Dashboard.outletDetail(result, anchor: 7, language: language)
            #expect(html.hasPrefix("<section class=\"detail\" id=\"o7\">\n<p><a href=\"#table\">"))
            #expect(html.contains("广州市天河客户服务中心 <code>GD-GZ-TH-001</code>"))
            #expect(html.contains(language == .zh ? "<dt>检查编号</dt><dd>INS-2026-GD-1020-04</dd>" : "<dt>Inspection</dt><dd>INS-2026-GD-1020-04</dd>"))
            let notPass = result.findings.filter { $0.status != .pass && $0.status != .notApplicable }
            #expect(html.components(separatedBy: "<li class=\"f\">").count - 1 == notPass.count)
            for f in notPass { #expect(html.contains("<code>\(f.rule.id)</code>"), "\(f.rule.id)") }
            #expect(!result.findings.filter { $0.status == .pass }.contains { f in !notPass.contains { $0.rule.id == f.rule.id } && html.contains("<code>\(f.rule.id)</code>") })
            let red = try #require(result.score.redLine)
            #expect(html.contains(language == .zh ? "<dt>一票否决</dt><dd>\(red)</dd>" : "<dt>Red line</dt><dd>\(red)</dd>"))
            // Compact: the clause by reference, never its quote.
            for f in notPass where f.rule.cite.quote.count > 12 { #expect(!html.contains(f.rule.cite.quote)) }
            #expect(html.utf8.count < 400 * max(1, notPass.count) + 1500, "\(html.utf8.count) bytes")
        }
    }

    /// The batch's way (the rules' markup made once) writes the same bytes as the plain one,
    /// also for a finding whose rule it does not know (a profile's re-rated definition).
    @Test func sharedFragmentsWriteTheSameBytes() throws {
        let auditor = auditor()
        let names = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/fixtures/reports")
            .filter { $0.hasSuffix(".yaml") && !$0.hasSuffix(".expect.yaml") }.sorted()
        #expect(names.count >= 10)
        for language in Language.allCases {
            let shared = Dashboard.OutletDetails(rules: auditor.rules.map(\.definition), schema: shippedRules.schema.root, language: language)
            let none = Dashboard.OutletDetails(rules: [], language: language)
            for name in names {
                let result = auditor.audit(try reportFile("fixtures/reports/" + name))
                let plain = Dashboard.outletDetail(result, anchor: 3, language: language)
                #expect(shared.section(result, anchor: 3) == plain, "\(name)")
                #expect(none.section(result, anchor: 3) == plain, "\(name)")
            }
        }
    }

    @Test func detailEscapesReportText() throws {
        let yaml = minimalReport().replacingOccurrences(of: "name: 哈尔滨市道里客户服务中心", with: "name: \"<img src=x onerror=alert(1)>\"")
            .replacingOccurrences(of: "id: O1", with: "id: \"O1'<b>\"").replacingOccurrences(of: "branch: 黑龙江分公司", with: "branch: \"&<i>\"")
        let result = auditor().audit(try report(yaml))
        let html = Dashboard.outletDetail(result, anchor: 0, language: .zh)
        for raw in ["<img", "<b>", "<i>", "'<"] { #expect(!html.contains(raw), "\(raw)") }
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt; <code>O1&#39;&lt;b&gt;</code>"))
        #expect(html.contains("<dd>&amp;&lt;i&gt;</dd>"))
    }
}
