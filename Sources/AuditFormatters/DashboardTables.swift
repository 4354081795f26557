import AuditCore
import AuditEngine
import AuditReport
import AuditRules

/// The dashboard's tables: the branch ranking, the clauses, the trends, the inputs not
/// scored and the outlet table with its filters.
extension DashboardPage {
    // MARK: - Branch ranking

    /// The share of a branch's reports graded the red-line grade (0 without reports).
    static func failShare(_ branch: BranchSummary) -> Double {
        branch.reports > 0 ? Double(branch.failGrade) / Double(branch.reports) : 0
    }

    /// The order `--branches` gave, else: 不合格 share, lowest first (a branch with a 不合格
    /// outlet never ranks above one without at the same mean), then mean score, highest
    /// first (branches without a mean last), then name.
    var rankedBranches: [BranchSummary] {
        if summary.branchOrderGiven { return summary.branches }
        return summary.branches.sorted { a, b in
            let sa = Self.failShare(a), sb = Self.failShare(b)
            if sa != sb { return sa < sb }
            switch (a.mean, b.mean) {
            case let (x?, y?) where x != y: return x > y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return Self.precedes(a.branch, b.branch)
            }
        }
    }

    /// The ranking's bar axis: from the lowest mean rounded down to the highest rounded up,
    /// on a step of 1, 2, 5 or 10 points (a step lower when the lowest mean is on a step, so
    /// its bar is not empty), within 0–100. Means of 91.3–95.3 give 91–96, not 0–100.
    static func zoomedAxis(_ means: [Double]) -> (lower: Double, upper: Double) {
        let finite = means.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else { return (0, 100) }
        let range = hi - lo
        let step: Double = range <= 5 ? 1 : range <= 10 ? 2 : range <= 25 ? 5 : 10
        var lower = (lo / step).rounded(.down) * step
        if lower == lo { lower -= step }
        var upper = (hi / step).rounded(.up) * step
        if upper == lower { upper += step }
        lower = max(0, lower)
        upper = min(100, upper)
        if upper - lower < step {
            if lower + step <= 100 { upper = lower + step } else { lower = upper - step }
        }
        return (lower, upper)
    }

    /// A branch's drill-down link: the script filters the outlet table by it; without the
    /// script it goes to the table.
    func drill(_ branch: String) -> String {
        "<a class=\"drill\" href=\"#table\" data-branch=\"\(esc(branch.isEmpty ? "-" : branch))\">\(esc(displayName(branch)))</a>"
    }

    func ranking() -> String {
        let branches = rankedBranches
        guard !branches.isEmpty else { return "<p class=\"note\">\(t("没有分公司。", "No branches."))</p>\n" }
        let axis = Self.zoomedAxis(branches.compactMap(\.mean))
        let trend = summary.round != nil
        let axisText = "\(Int(axis.lower))–\(Int(axis.upper))"
        var out = "<div class=\"scroll\">\n<table id=\"ranking-table\" class=\"sortable\" data-axis-lower=\"\(n(axis.lower))\" data-axis-upper=\"\(n(axis.upper))\">\n<thead><tr>"
        out += th(t("排名", "Rank"), numeric: true, right: true, sorted: "ascending")
        out += th(t("分公司", "Branch"))
        out += th(t("报告", "Reports"), numeric: true, right: true)
        out += th(t("平均分", "Mean") + " <span class=\"muted axis\">(\(t("轴", "axis")) \(axisText))</span>", numeric: true)
        out += th(t("中位数", "Median"), numeric: true, right: true)
        out += th(t("最低分", "Min"), numeric: true, right: true)
        out += th(t("触碰红线", "Red lines"), numeric: true, right: true)
        out += th(esc(failGradeName) + t(" 占比", " share"), numeric: true, right: true)
        if trend { out += th(t("较上轮", "Change"), numeric: true, right: true) }
        out += "</tr></thead>\n<tbody>\n"
        for (i, b) in branches.enumerated() {
            out += "<tr data-branch=\"\(esc(b.branch))\"><td class=\"n\" data-v=\"\(i + 1)\">\(i + 1)</td>"
            out += "<td data-v=\"\(esc(b.branch))\">\(drill(b.branch))</td>"
            out += "<td class=\"n\" data-v=\"\(b.reports)\">\(b.reports)</td>"
            if let mean = b.mean {
                let fraction = max(0, min(1, (mean - axis.lower) / (axis.upper - axis.lower)))
                out += "<td class=\"bar\" data-v=\"\(key(mean))\"><span class=\"track\"><span class=\"fill\" style=\"width:\(n(fraction * 100))%\"></span></span><strong>\(score(mean))</strong></td>"
            } else {
                out += "<td class=\"bar\" data-v=\"\">—</td>"
            }
            for v in [b.median, b.min] {
                out += v.map { "<td class=\"n\" data-v=\"\(key($0))\">\(score($0))</td>" } ?? "<td class=\"n\" data-v=\"\">—</td>"
            }
            out += "<td class=\"n\(b.redLines > 0 ? " redline" : "")\" data-v=\"\(b.redLines)\">\(b.redLines)</td>"
            let share = Self.failShare(b)
            out += "<td class=\"n\" data-v=\"\(key(share))\">\(b.failGrade) <span class=\"muted\">(\(percent(share)))</span></td>"
            if trend {
                let change = b.meanChange
                out += "<td class=\"n\" data-v=\"\(change.map(key) ?? "")\">\(arrow(change))</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n<p class=\"note\">"
        if summary.branchOrderGiven {
            out += t("按给定的分公司顺序（--branches）。", "In the order given (--branches). ")
        } else {
            out += t("排名规则：先按\(esc(failGradeName))占比升序（有\(esc(failGradeName))网点的分公司不会排在同分且没有的分公司之前），再按平均分降序，最后按名称。",
                     "Ranked by \(esc(failGradeName)) share, lowest first (a branch with a \(esc(failGradeName)) outlet never ranks above one without at the same mean), then by mean score, highest first, then by name. ")
        }
        out += t("平均分条形的轴为 \(axisText) 分（不是 0–100），以便看出差别。点击分公司名称可筛选下方网点明细；点击表头排序。",
                 "The mean bars run on a \(axisText) axis (not 0–100) so differences show. Click a branch to filter the outlet table below; click a header to sort.")
        if trend { out += t("“较上轮”为平均分与上一轮之差。", " Change is the mean minus the previous round's.") }
        return out + "</p>\n"
    }

    // MARK: - Clauses

    /// Every rule that failed in at least one outlet: severity (critical first), outlets
    /// affected, points lost, rule id.
    var rankedClauses: [RuleTally] {
        let severities = Severity.allCases
        return summary.rules.filter { $0.outlets > 0 }.sorted { a, b in
            let sa = severities.firstIndex(of: a.severity) ?? 0, sb = severities.firstIndex(of: b.severity) ?? 0
            if sa != sb { return sa < sb }
            if a.outlets != b.outlets { return a.outlets > b.outlets }
            if a.pointsLost != b.pointsLost { return a.pointsLost > b.pointsLost }
            return Self.precedes(a.rule, b.rule)
        }
    }

    static let clauseRows = 50

    func clauses() -> String {
        let all = rankedClauses
        guard !all.isEmpty else { return "<p class=\"note\">\(t("没有不符合项。", "No rule failed."))</p>\n" }
        let shown = all.prefix(Self.clauseRows)
        let trend = summary.round != nil
        let severities = Severity.allCases
        var out = "<div class=\"scroll\">\n<table id=\"clause-table\" class=\"sortable\">\n<thead><tr>"
        out += th(t("规则", "Rule")) + th(t("标题", "Title")) + th(t("严重度", "Severity"), numeric: true)
        out += th(t("涉及网点", "Outlets affected"), numeric: true, right: true)
        out += th(t("占已评分", "Share of scored"), numeric: true, right: true)
        out += th(t("失分", "Points lost"), numeric: true, right: true)
        out += th(t("不符合结果", "Fail results"), numeric: true, right: true,
                  title: t("不符合的检查结果数（同一网点多名员工各计一次）", "failing results (one per staff member or item)"))
        if trend {
            out += th(t("上轮网点", "Previous outlets"), numeric: true, right: true) + th(t("变化", "Change"), numeric: true, right: true)
        }
        out += "</tr></thead>\n<tbody>\n"
        let scored = max(1, summary.scored)
        for rule in shown {
            let rank = severities.firstIndex(of: rule.severity) ?? 0
            out += "<tr><td data-v=\"\(esc(rule.rule))\"><code>\(esc(rule.rule))</code></td>"
            out += "<td class=\"wrap\">\(esc(text(rule.title)))</td>"
            out += "<td class=\"sev-\(rule.severity.rawValue)\" data-v=\"\(rank)\">\(esc(severityName(rule.severity)))</td>"
            out += "<td class=\"n\" data-v=\"\(rule.outlets)\"><strong>\(rule.outlets)</strong></td>"
            let share = Double(rule.outlets) / Double(scored)
            out += "<td class=\"n\" data-v=\"\(key(share))\">\(percent(share))</td>"
            out += "<td class=\"n\" data-v=\"\(key(rule.pointsLost))\">\(score(rule.pointsLost))</td>"
            out += "<td class=\"n\" data-v=\"\(rule.fail)\">\(rule.fail)</td>"
            if trend {
                if let previous = rule.previousOutlets {
                    let change = Double(rule.outlets - previous)
                    out += "<td class=\"n\" data-v=\"\(previous)\">\(previous)</td>"
                    out += "<td class=\"n\" data-v=\"\(Int(change))\">\(arrow(change, upIsGood: false, decimals: false))</td>"
                } else {
                    out += "<td class=\"n\" data-v=\"\">—</td><td class=\"n\" data-v=\"\">—</td>"
                }
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n<p class=\"note\">"
        out += t("按严重度（严重在前）、涉及网点数、失分、规则编号排序；涉及网点 = 该规则至少一次不符合的网点数（同一网点多名员工只计一次），占比以已评分报告 \(summary.scored) 份为分母。",
                 "By severity (critical first), outlets affected, points lost, rule id. Outlets affected = outlets where the rule failed at least once (three staff of one outlet count once); the share is of the \(summary.scored) scored reports.")
        if all.count > shown.count {
            out += t(" 仅列出前 \(shown.count) 条，共 \(all.count) 条（完整列表见 rules.csv）。", " Only the first \(shown.count) of \(all.count) are listed (rules.csv has them all).")
        }
        return out + "</p>\n"
    }

    // MARK: - Trends

    /// A link to an outlet's detail, its id and branch.
    func outletLink(_ row: OutletRow) -> String {
        "<a href=\"#o\(row.anchor)\">\(esc(displayName(row.name)))</a> <code>\(esc(row.outletId))</code> <span class=\"muted\">\(esc(displayName(row.branch)))</span>"
    }

    func trends() -> String {
        guard let round = summary.round else { return "" }
        let moved = summary.outlets.compactMap { row in row.scoreChange.map { (row: row, change: $0) } }
        let improved = moved.filter { $0.change > 0 }.sorted {
            $0.change != $1.change ? $0.change > $1.change : Self.precedes($0.row.outletId, $1.row.outletId)
        }.prefix(10)
        let declined = moved.filter { $0.change < 0 }.sorted {
            $0.change != $1.change ? $0.change < $1.change : Self.precedes($0.row.outletId, $1.row.outletId)
        }.prefix(10)
        func list(_ id: String, _ title: String, _ items: ArraySlice<(row: OutletRow, change: Double)>) -> String {
            var out = "<div><h3>\(title)</h3>\n"
            guard !items.isEmpty else { return out + "<p class=\"note\">\(t("无。", "None."))</p>\n</div>\n" }
            out += "<ol id=\"\(id)\">\n"
            for item in items {
                let before = item.row.previous?.score.map(score) ?? "—"
                let now = item.row.score.map(score) ?? "—"
                out += "<li>\(outletLink(item.row)) · \(before) → \(now) \(arrow(item.change))</li>\n"
            }
            return out + "</ol>\n</div>\n"
        }
        func others(_ id: String, _ title: String, _ items: [RoundComparison.Outlet], linked: Bool) -> String {
            var out = "<div><h3>\(title) (\(items.count))</h3>\n"
            guard !items.isEmpty else { return out + "<p class=\"note\">\(t("无。", "None."))</p>\n</div>\n" }
            out += "<ul id=\"\(id)\">\n"
            for o in items.prefix(50) {
                // A new outlet is in this round's table: its name links to its findings.
                let name = esc(displayName(o.name))
                let shown = linked ? summary.outlets.first { $0.outletId == o.outletId }.map { "<a href=\"#o\($0.anchor)\">\(name)</a>" } ?? name : name
                out += "<li><code>\(esc(o.outletId))</code> \(shown) <span class=\"muted\">\(esc(displayName(o.branch)))</span>"
                out += " · \(o.score.map(score) ?? "—") \(esc(o.grade.map { gradeName($0) } ?? ""))</li>\n"
            }
            out += "</ul>\n"
            if items.count > 50 { out += "<p class=\"note\">\(t("以及另外 \(items.count - 50) 家。", "and \(items.count - 50) more."))</p>\n" }
            return out + "</div>\n"
        }
        var out = "<div class=\"lists\">\n"
        out += list("improved", t("进步最大（前 10）", "Most improved (top 10)"), improved)
        out += list("declined", t("退步最大（前 10）", "Most declined (top 10)"), declined)
        out += others("new", t("本轮新增网点", "New outlets (this round only)"), round.new, linked: true)
        out += others("gone", t("上轮有、本轮无的网点", "Gone outlets (previous round only)"), round.gone, linked: false)
        out += "</div>\n<p class=\"note\">"
        out += t("按网点编号（outlet.id）匹配两轮：两轮均有 \(round.matched) 家；上一轮已评分 \(round.previousScored) 份。变化为本轮得分减上轮得分（各取一位小数）。",
                 "Rounds matched by outlet id (outlet.id): \(round.matched) in both; \(round.previousScored) scored in the previous round. A change is this score minus the previous one (each to one decimal).")
        return out + "</p>\n"
    }

    // MARK: - Inputs not scored

    func unreadable() -> String {
        var out = ""
        if summary.unreadable.isEmpty {
            if summary.errors > 0 {
                out += "<p class=\"note\">\(t("\(summary.errors) 个文件无法评分，见 errors.jsonl。", "\(summary.errors) input\(summary.errors == 1 ? "" : "s") could not be scored (see errors.jsonl)."))</p>\n"
            }
        } else {
            out += "<div class=\"scroll\">\n<table id=\"error-table\">\n<thead><tr><th scope=\"col\">\(t("文件", "File"))</th>"
            out += "<th scope=\"col\">\(t("位置", "Line:col"))</th><th scope=\"col\">\(t("错误", "Error"))</th></tr></thead>\n<tbody>\n"
            for input in summary.unreadable {
                let place = input.line.map { line in input.column.map { "\(line):\($0)" } ?? "\(line)" } ?? "—"
                out += "<tr><td><code>\(esc(input.path))</code></td><td class=\"n\">\(place)</td><td class=\"wrap\">\(esc(input.message))</td></tr>\n"
            }
            out += "</tbody>\n</table>\n</div>\n"
            let more = max(summary.unreadableCount, summary.unreadable.count) - summary.unreadable.count
            if more > 0 {
                out += "<p class=\"note more\">\(t("以及另外 \(more) 个，见 errors.jsonl。", "and \(more) more, see errors.jsonl."))</p>\n"
            } else {
                out += "<p class=\"note\">\(t("errors.jsonl 中有同样的列表。", "errors.jsonl has the same list."))</p>\n"
            }
        }
        if !summary.superseded.isEmpty {
            out += "<h3>\(t("被后一次检查取代的报告（\(summary.superseded.count)）", "Reports superseded by a later inspection (\(summary.superseded.count))"))</h3>\n<ul id=\"superseded\">\n"
            for s in summary.superseded {
                out += "<li><code>\(esc(s.path))</code> → <code>\(esc(s.by))</code></li>\n"
            }
            out += "</ul>\n<p class=\"note\">\(t("同一网点在本批中检查两次时，以较晚的一次计分；较早的一次不计入，也列在 errors.jsonl。", "When one outlet was inspected twice in the batch the later inspection counts; the earlier is left out and listed in errors.jsonl."))</p>\n"
        }
        return out
    }

    // MARK: - Outlet table

    /// A filter value: the token, `-` for none (the select's "all" is "").
    static func filterValue(_ s: String?) -> String {
        guard let s, !s.isEmpty else { return "-" }
        return s
    }

    func filters() -> String {
        func select(_ name: String, _ label: String, _ options: [(value: String, label: String)]) -> String {
            var out = "<label>\(label)<select id=\"f-\(name)\" name=\"\(name)\"><option value=\"\">\(t("全部", "all"))</option>"
            for o in options { out += "<option value=\"\(esc(o.value))\">\(esc(o.label))</option>" }
            return out + "</select></label>\n"
        }
        var branches: [String] = rankedBranches.map(\.branch)
        for row in summary.outlets where !branches.contains(row.branch) { branches.append(row.branch) }
        var types: [(token: String, label: Label?)] = []
        for row in summary.outlets where !types.contains(where: { $0.token == row.type }) { types.append((row.type, row.typeLabel)) }
        types.sort { Self.precedes($0.token, $1.token) }
        var grades: [(value: String, label: String)] = summary.grades.map { ($0.id, text($0.label)) }
        for row in summary.outlets {
            let value = Self.filterValue(row.grade)
            if !grades.contains(where: { $0.value == value }) { grades.append((value, row.grade == nil ? t("无等级", "no grade") : value)) }
        }
        // Hidden until the script shows it: without the script the controls would do nothing.
        var out = "<form id=\"filters\" class=\"filters\" role=\"search\" hidden>\n"
        out += select("branch", t("分公司", "Branch"), branches.map { (Self.filterValue($0), displayName($0)) })
        out += select("type", t("类型", "Type"), types.map { (Self.filterValue($0.token), $0.label.map(text) ?? displayName($0.token)) })
        out += select("grade", t("等级", "Grade"), grades)
        out += select("red", t("触碰红线", "Red line"), [("yes", t("是", "yes")), ("no", t("否", "no"))])
        out += "<label>\(t("搜索（编号、名称、分公司）", "Search (id, name, branch)"))<input type=\"search\" id=\"f-q\" name=\"q\" autocomplete=\"off\"></label>\n"
        out += "<button type=\"reset\">\(t("清除筛选", "Clear"))</button>\n"
        let total = summary.outlets.count
        out += "<span id=\"f-count\" aria-live=\"polite\">\(t("显示 <span id=\"f-shown\">\(total)</span> / \(total) 家网点", "Showing <span id=\"f-shown\">\(total)</span> / \(total) outlets"))</span>\n"
        return out + "</form>\n"
    }

    func table(_ sink: (String) -> Void) {
        let trend = summary.round != nil
        // (zh, en, sorts numerically, right-aligned)
        var columns: [(zh: String, en: String, numeric: Bool, right: Bool)] = [
            ("分公司", "Branch", false, false), ("网点编号", "Outlet ID", false, false), ("网点名称", "Name", false, false),
            ("类型", "Type", false, false), ("申报星级", "Tier claimed", false, false), ("达标星级", "Tier qualified", false, false),
            ("得分", "Score", true, true), ("等级", "Grade", true, false), ("暂定", "Prov.", false, false),
            ("红线", "Red line", false, false), ("严重", "Critical", true, true), ("主要", "Major", true, true),
            ("一般", "Minor", true, true), ("覆盖率", "Coverage", true, true),
        ]
        if trend {
            columns += [("上轮得分", "Previous score", true, true), ("变化", "Change", true, true),
                        ("新增不符合", "New failures", true, true), ("已整改", "Fixed", true, true)]
        }
        var out = filters()
        out += "<p class=\"note\">\(t("点击表头（或按 Enter）排序，再次点击切换升序/降序；空值总在最后。点击网点编号或名称查看其检查结果。", "Click a header (or press Enter on it) to sort; again to reverse. Empty values stay last. Click an outlet's id or name for its findings."))</p>\n"
        out += "<div class=\"scroll\">\n<table id=\"outlets\" class=\"sortable\">\n<thead><tr>"
        for c in columns {
            out += th(t(c.zh, c.en), numeric: c.numeric, right: c.right,
                      title: c.en == "Prov." ? t("暂定评分（覆盖率不足）", "provisional (coverage below the minimum)") : nil)
        }
        out += "</tr></thead>\n<tbody>\n"
        let gradeCount = summary.grades.count
        for row in summary.outlets {
            out += "<tr id=\"r\(row.anchor)\"\(row.redLine != nil ? " class=\"red\"" : "") data-branch=\"\(esc(Self.filterValue(row.branch)))\""
            out += " data-type=\"\(esc(Self.filterValue(row.type)))\" data-grade=\"\(esc(Self.filterValue(row.grade)))\""
            out += " data-red=\"\(row.redLine != nil ? "yes" : "no")\" data-q=\"\(esc(row.outletId + " " + row.name + " " + row.branch))\">"
            func cell(_ s: String, sortKey: String? = nil, title: String? = nil, link: Bool = false) {
                out += "<td"
                if let title { out += " title=\"\(esc(title))\"" }
                if let sortKey { out += " data-v=\"\(esc(sortKey))\"" }
                out += link ? "><a href=\"#o\(row.anchor)\">\(esc(s))</a></td>" : ">\(esc(s))</td>"
            }
            func number(_ v: Double?, shown: (Double) -> String) {
                if let v { out += "<td class=\"n\" data-v=\"\(key(v))\">\(shown(v))</td>" } else { out += "<td class=\"n\" data-v=\"\">—</td>" }
            }
            cell(displayName(row.branch), sortKey: row.branch)
            cell(displayName(row.outletId), sortKey: row.outletId, title: row.path, link: true)
            cell(displayName(row.name), sortKey: row.name, link: true)
            cell(row.typeLabel.map(text) ?? displayName(row.type), sortKey: row.type)
            cell(tierName(row.tierClaimed))
            cell(tierName(row.tierQualified))
            number(row.score, shown: score)
            if let id = row.grade {
                let index = summary.grades.firstIndex { $0.id == id }
                let shown = row.gradeLabel.map(text) ?? index.map { text(summary.grades[$0].label) } ?? id
                let sortKey = index.map { String(gradeCount - 1 - $0) } ?? ""
                out += "<td data-v=\"\(sortKey)\"><span class=\"chip\" style=\"background:\(gradeColour(id: id))\"></span>\(esc(shown))</td>"
            } else {
                out += "<td data-v=\"\">—</td>"
            }
            out += row.provisional ? "<td>\(t("是", "yes"))</td>" : "<td data-v=\"\"></td>"
            if let red = row.redLine { out += "<td class=\"redline\">\(esc(red))</td>" } else { out += "<td></td>" }
            for s in [Severity.critical, .major, .minor] {
                let count = row.fails[s] ?? 0
                out += "<td class=\"n\" data-v=\"\(count)\">\(count == 0 ? "·" : String(count))</td>"
            }
            number(row.coverage, shown: percent)
            if trend {
                number(row.previous?.score, shown: score)
                let change = row.scoreChange
                out += "<td class=\"n\" data-v=\"\(change.map(key) ?? "")\">\(arrow(change))</td>"
                if let previous = row.previous {
                    out += "<td class=\"n\" data-v=\"\(previous.newFailures)\">\(previous.newFailures)</td>"
                    out += "<td class=\"n\" data-v=\"\(previous.fixedFailures)\">\(previous.fixedFailures)</td>"
                } else {
                    out += "<td class=\"n\" data-v=\"\">\(t("新", "new"))</td><td class=\"n\" data-v=\"\">—</td>"
                }
            }
            out += "</tr>\n"
            if out.utf8.count > 1 << 16 {
                sink(out)
                out = ""
            }
        }
        out += "</tbody>\n</table>\n</div>\n"
        if summary.outlets.isEmpty { out += "<p class=\"note\">\(t("没有已评分的报告。", "No scored reports."))</p>\n" }
        sink(out)
    }
}
