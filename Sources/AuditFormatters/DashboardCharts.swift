import AuditCore
import AuditEngine
import AuditReport
import AuditRules

/// The dashboard's charts: the grade distribution, the score histogram, the grade mix per branch.
extension DashboardPage {
    // MARK: - Grade distribution

    /// One bar per grade, in the scoring file's band order, then grades it does not know, then
    /// "no grade"; coloured by grade. Outlets graded by a red line are a hatched segment inside
    /// the red-line grade's bar (they are graded so whatever their score).
    func gradeDistribution() -> String {
        var bars: [(id: String?, label: String, colour: String)] = summary.grades.enumerated().map {
            ($0.element.id, text($0.element.label), gradeColour($0.offset))
        }
        let known = Set(summary.grades.map(\.id))
        var extra: [String] = []
        for row in summary.outlets {
            if let g = row.grade, !known.contains(g), !extra.contains(g) { extra.append(g) }
        }
        extra.sort(by: Self.precedes)
        for id in extra { bars.append((id, id, Self.neutral)) }
        bars.append((nil, t("无等级", "no grade"), Self.noGradeColour))
        var counts = [Int](repeating: 0, count: bars.count)
        var redLinesInFail = 0
        for row in summary.outlets {
            let index = bars.firstIndex { $0.id == row.grade } ?? bars.count - 1
            counts[index] += 1
            if row.redLine != nil, row.grade == summary.redLineGrade { redLinesInFail += 1 }
        }
        let total = max(1, summary.outlets.count)
        let maxCount = max(1, counts.max() ?? 0)
        var out = String(legend(bars.map { ($0.colour, $0.label) }).dropLast(7))
            + "<span><span class=\"chip hatch\" style=\"background-color:#7f0000\"></span>\(t("触碰红线", "red line")) \(redLinesInFail)</span></div>\n"
        out += "<div class=\"gdist\" role=\"list\">\n"
        for (bar, count) in zip(bars, counts) {
            if bar.id == nil && count == 0 { continue }
            let isFail = bar.id == summary.redLineGrade
            let red = isFail ? redLinesInFail : 0
            let share = percent(Double(count) / Double(total))
            out += "<div class=\"glabel\"><span class=\"chip\" style=\"background:\(bar.colour)\"></span>\(esc(bar.label))</div>"
            out += "<div class=\"track\" role=\"listitem\"><div class=\"fill gbar\" data-grade=\"\(esc(bar.id ?? "-"))\" data-count=\"\(count)\""
            out += isFail ? " data-redlines=\"\(red)\"" : ""
            out += " style=\"width:\(n(Double(count) / Double(maxCount) * 100))%;background:\(bar.colour)\">"
            if red > 0 {
                out += "<div class=\"red hatch\" style=\"width:\(n(Double(red) / Double(count) * 100))%\" title=\"\(t("触碰红线", "red line")) \(red)\"></div>"
            }
            out += "</div></div>"
            out += "<div class=\"v\"><strong>\(count)</strong> <span class=\"muted\">\(share)</span>"
            if isFail { out += " · \(t("其中触碰红线", "of which red line")) \(red)" }
            out += "</div>\n"
        }
        out += "</div>\n<p class=\"note\">"
        out += t("按等级计数（不是按得分分档）；触碰红线的网点一律评为\(esc(failGradeName))，在其条形中以斜纹标出。百分比为占全部已评分报告的比例。",
                 "Counted by grade (not by score band); an outlet with a red line is graded \(esc(failGradeName)) whatever its score and is the hatched part of that bar. Percentages are of all scored reports.")
        return out + "</p>\n"
    }

    // MARK: - Histogram

    /// A tick step of 1, 2 or 5 × 10^k giving at most 5 steps up to `maximum`.
    static func step(for maximum: Int) -> Int {
        var magnitude = 1
        while true {
            for m in [1, 2, 5] where (maximum + m * magnitude - 1) / (m * magnitude) <= 5 { return m * magnitude }
            magnitude *= 10
        }
    }

    func histogram() -> String {
        var counts = [Int](repeating: 0, count: 10)
        var unscored = 0
        for row in summary.outlets {
            if let s = row.score { counts[Dashboard.bin(s)] += 1 } else { unscored += 1 }
        }
        let maxCount = max(1, counts.max() ?? 0)
        let step = Self.step(for: maxCount)
        let top = ((maxCount + step - 1) / step) * step
        let height = 330.0, left = 60.0, right = 16.0, upper = 24.0, bottom = 60.0
        let plotW = width - left - right, plotH = height - upper - bottom
        let baseY = upper + plotH
        var svg = "<svg viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-label=\"\(t("得分分布直方图", "score histogram"))\">\n"
        // Grid and y axis.
        var tick = 0
        while tick <= top {
            let y = baseY - Double(tick) / Double(top) * plotH
            svg += "<line class=\"grid\" x1=\"\(n(left))\" x2=\"\(n(left + plotW))\" y1=\"\(n(y))\" y2=\"\(n(y))\"/>"
            svg += "<text class=\"muted\" x=\"\(n(left - 8))\" y=\"\(n(y + 4))\" text-anchor=\"end\">\(tick)</text>\n"
            tick += step
        }
        svg += "<line class=\"axis\" x1=\"\(n(left))\" x2=\"\(n(left))\" y1=\"\(n(upper))\" y2=\"\(n(baseY))\"/>"
        svg += "<line class=\"axis\" x1=\"\(n(left))\" x2=\"\(n(left + plotW))\" y1=\"\(n(baseY))\" y2=\"\(n(baseY))\"/>\n"
        let binW = plotW / 10
        for (i, count) in counts.enumerated() {
            let range = "\(i * 10)–\(i * 10 + 10)"
            let h = Double(count) / Double(top) * plotH
            let x = left + Double(i) * binW
            let colour = Self.neutral
            svg += "<g class=\"bin\" data-bin=\"\(range)\" data-count=\"\(count)\"><title>\(range): \(count)</title>"
            svg += "<rect x=\"\(n(x + binW * 0.1))\" y=\"\(n(baseY - h))\" width=\"\(n(binW * 0.8))\" height=\"\(n(h))\" fill=\"\(colour)\" rx=\"2\"/>"
            svg += "<text class=\"count\" x=\"\(n(x + binW / 2))\" y=\"\(n(baseY - h - 5))\" text-anchor=\"middle\" font-weight=\"600\">\(count)</text>"
            svg += "<text class=\"muted\" x=\"\(n(x + binW / 2))\" y=\"\(n(baseY + 18))\" text-anchor=\"middle\">\(range)</text></g>\n"
        }
        svg += "<text x=\"\(n(left + plotW / 2))\" y=\"\(n(height - 12))\" text-anchor=\"middle\">\(t("得分（分）", "score (points)"))</text>\n"
        svg += "<text x=\"16\" y=\"\(n(upper + plotH / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(n(upper + plotH / 2)))\">\(t("网点数", "outlets"))</text>\n"
        svg += "</svg>\n"
        var out = svg
        out += "<p class=\"note\">"
        out += t("每档 10 分，100 分计入 90–100 档；按得分分档，不是等级（触碰红线的网点按其得分计入，等级见上方等级分布）。",
                 "10-point bins; 100 is in the 90–100 bin. Bands of score, not grades (a red-line outlet is counted by its score; grades are above). ")
        out += unscored > 0
            ? t("另有 \(unscored) 份报告无得分（无可评估项），未计入。", "\(unscored) report\(unscored == 1 ? "" : "s") without a score (nothing assessed) not counted.")
            : t("所有已评分报告均有得分。", "Every scored report has a score.")
        if summary.errors > 0 {
            out += t(" \(summary.errors) 个文件无法评分，见 errors.jsonl。", " \(summary.errors) input\(summary.errors == 1 ? "" : "s") could not be scored (see errors.jsonl).")
        }
        return out + "</p>\n"
    }

    // MARK: - Grade mix per branch

    /// The label column shared by the ranking and the grade mix: rank number, then the name.
    func branchLabelWidth(_ branches: [BranchSummary]) -> Double {
        min(230, max(60, branches.map { textWidth(displayName($0.branch)) }.max() ?? 60))
    }

    func branchLabel(rank: Int, _ branch: BranchSummary, y: Double, nameWidth: Double) -> String {
        let name = displayName(branch.branch)
        var out = "<text class=\"muted\" x=\"26\" y=\"\(n(y))\" text-anchor=\"end\">\(rank)</text>"
        out += "<text x=\"34\" y=\"\(n(y))\"><title>\(esc(name))</title>\(esc(fit(name, nameWidth)))</text>"
        return out
    }

    func gradeMix() -> String {
        let branches = rankedBranches
        guard !branches.isEmpty else { return "<p class=\"note\">\(t("没有分公司。", "No branches."))</p>\n" }
        // Bands in the scoring file's order, then any id it does not know, then "no grade".
        var bands: [(id: String, colour: String, label: String)] = summary.grades.enumerated().map {
            ($0.element.id, gradeColour($0.offset), text($0.element.label))
        }
        let known = Set(summary.grades.map(\.id))
        var extra: [String] = []
        for branch in branches {
            for g in branch.grades where !g.grade.isEmpty && !known.contains(g.grade) && !extra.contains(g.grade) {
                extra.append(g.grade)
            }
        }
        extra.sort { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        let greys = ["#8c959f", "#6e7781", "#57606a"]
        for (i, id) in extra.enumerated() { bands.append((id, greys[i % greys.count], id)) }
        bands.append(("", Self.noGradeColour, t("无等级", "no grade")))

        let rowH = 22.0, upper = 8.0, nameWidth = branchLabelWidth(branches)
        let plotX = 34 + nameWidth + 12, valueW = 80.0
        let plotW = width - plotX - valueW
        let height = upper + Double(branches.count) * rowH + 8
        var svg = "<svg viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-label=\"\(t("各分公司等级构成", "grade mix per branch"))\">\n"
        for (i, branch) in branches.enumerated() {
            let y = upper + Double(i) * rowH
            let textY = y + rowH / 2 + 4
            svg += "<g class=\"branch\">"
            svg += branchLabel(rank: i + 1, branch, y: textY, nameWidth: nameWidth)
            var byBand: [Int] = bands.map { band in branch.grades.filter { $0.grade == band.id }.reduce(0) { $0 + $1.count } }
            let total = byBand.reduce(0, +)
            if total == 0 { byBand = [] }
            var x = plotX
            svg += "<rect x=\"\(n(plotX))\" y=\"\(n(y + 3.5))\" width=\"\(n(plotW))\" height=\"\(n(rowH - 7))\" fill=\"none\" stroke=\"#e4e7eb\"/>"
            for (band, count) in zip(bands, byBand) where count > 0 {
                let w = Double(count) / Double(total) * plotW
                svg += "<rect x=\"\(n(x))\" y=\"\(n(y + 3.5))\" width=\"\(n(w))\" height=\"\(n(rowH - 7))\" fill=\"\(band.colour)\">"
                svg += "<title>\(esc(displayName(branch.branch))) · \(esc(band.label)): \(count) (\(percent(Double(count) / Double(total))))</title></rect>"
                if w >= textWidth(String(count)) + 6 {
                    svg += "<text x=\"\(n(x + w / 2))\" y=\"\(n(textY))\" text-anchor=\"middle\" fill=\"\(Self.ink(on: band.colour))\" style=\"fill:\(Self.ink(on: band.colour))\">\(count)</text>"
                }
                x += w
            }
            svg += "<text class=\"muted\" x=\"\(n(plotX + plotW + 8))\" y=\"\(n(textY))\">\(t("\(branch.reports) 份", "n=\(branch.reports)"))</text>"
            svg += "</g>\n"
        }
        svg += "</svg>\n"
        return legend(bands.map { ($0.colour, $0.label) }) + svg
            + "<p class=\"note\">\(t("顺序同排名；每条为该分公司报告的等级占比，数字为报告数。", "Ordered like the ranking; each bar is the share of the branch's reports per grade, numbers are reports."))</p>\n"
    }

}
