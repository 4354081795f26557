import AuditCore
import AuditEngine
import AuditReport
import AuditRules

/// `dashboard.html` of `audit batch` (`cli.md`, Batch outputs): one self-contained page for
/// head office — totals, a score histogram, the branch ranking, the most failed clauses, the
/// grade mix per branch and a sortable table of every outlet.
///
/// Nothing is fetched: styles, charts (inline SVG) and the table's sort script are in the page,
/// and a Content-Security-Policy forbids any load and any script but that one (by its hash),
/// so even a string that escaped escaping could not run. Every string a report provides is
/// HTML-escaped wherever it is written; no report string is ever placed in the script.
/// The output depends on the summary alone (no clock, no locale), byte for byte.
public enum Dashboard {
    public static func html(_ summary: BatchSummary, language: Language) -> String {
        var page = ""
        write(summary, language: language) { page += $0 }
        return page
    }

    /// The same page, handed to `sink` in pieces (the outlet table a few rows at a time), so
    /// a batch of 10,000 reports never holds the whole page in memory.
    /// `details` writes the outlets' detail sections (`outletDetail`, in table order) into the
    /// page: the batch streams them from a scratch file, never holding them all.
    public static func write(
        _ summary: BatchSummary, language: Language, details: ((String) -> Void) -> Void = { _ in }, to sink: (String) -> Void
    ) {
        Page(summary: summary, zh: language == .zh).render(sink, details: details)
    }

    /// One outlet's detail section (`id="o<anchor>"`): its findings that are not a pass, as
    /// the outlet report lists them. Made by the worker that scored the report.
    public static func outletDetail(_ result: AuditResult, anchor: Int, language: Language) -> String {
        let zh = language == .zh
        var out = "<section class=\"detail\" id=\"o\(anchor)\">\n<h3>\(escape(result.text("outlet.name") ?? ""))"
        out += " <code>\(escape(result.text("outlet.id") ?? ""))</code></h3>\n<ul>\n"
        for finding in result.findings where finding.status == .fail {
            let title = zh ? finding.rule.title.zh : finding.rule.title.en
            out += "<li><code>\(escape(finding.rule.id))</code> \(escape(title))</li>\n"
        }
        return out + "</ul>\n</section>\n"
    }

    /// Text for element content and for attribute values in double or single quotes.
    static func escape(_ text: String) -> String { MarkupEscaping.escape(text, for: .html) }

    /// The 10-point bin of a score: 0 for [0, 10) … 9 for [90, 100] (100 is in the last bin).
    static func bin(_ score: Double) -> Int {
        guard score.isFinite else { return 0 }
        return min(9, max(0, Int((score / 10).rounded(.down))))
    }

    /// The sort script of the outlet table. It reads only the DOM; it holds no data.
    static let script = #"""
    (function () {
      var table = document.getElementById("outlets");
      if (!table || !table.tHead || !table.tBodies.length) return;
      var body = table.tBodies[0];
      var heads = table.tHead.rows[0].cells;
      var collator = window.Intl && Intl.Collator
        ? new Intl.Collator(document.documentElement.lang || undefined, { numeric: true }) : null;
      function compareText(a, b) {
        return collator ? collator.compare(a, b) : (a < b ? -1 : a > b ? 1 : 0);
      }
      function sortBy(index) {
        var th = heads[index];
        var numeric = th.getAttribute("data-type") === "num";
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        for (var i = 0; i < heads.length; i++) heads[i].removeAttribute("aria-sort");
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var items = [];
        for (var r = 0; r < body.rows.length; r++) {
          var row = body.rows[r], cell = row.cells[index];
          var raw = cell ? cell.getAttribute("data-v") : null, key;
          if (numeric) {
            key = raw === null || raw === "" ? null : Number(raw);
            if (key !== null && isNaN(key)) key = null;
          } else {
            key = raw !== null ? raw : (cell ? cell.textContent.trim() : "");
            if (key === "") key = null;
          }
          items.push({ row: row, key: key, order: r });
        }
        items.sort(function (a, b) {
          if (a.key === null || b.key === null) {
            if (a.key === b.key) return a.order - b.order;
            return a.key === null ? 1 : -1;
          }
          var c = numeric ? a.key - b.key : compareText(a.key, b.key);
          if (!ascending) c = -c;
          return c !== 0 ? c : a.order - b.order;
        });
        var fragment = document.createDocumentFragment();
        for (var k = 0; k < items.length; k++) fragment.appendChild(items[k].row);
        body.appendChild(fragment);
      }
      for (var h = 0; h < heads.length; h++) {
        (function (index) {
          heads[index].addEventListener("click", function () { sortBy(index); });
        })(h);
      }
    })();
    """#

    /// The exact content of the `<script>` element: the hash covers every byte of it.
    static let scriptElement = "\n" + script + "\n"

    /// `'sha256-…'` of the script element's content, for the Content-Security-Policy.
    static let scriptHash = cspHash(scriptElement)

    /// A CSP hash source: `'sha256-` + base64 of the SHA-256 of the UTF-8 text + `'`.
    static func cspHash(_ text: String) -> String {
        let hex = Array(SHA256.hex(Array(text.utf8)).utf8)
        var bytes: [UInt8] = []
        func nibble(_ c: UInt8) -> UInt8 { c >= 97 ? c - 87 : c - 48 }
        for i in stride(from: 0, to: hex.count - 1, by: 2) { bytes.append(nibble(hex[i]) << 4 | nibble(hex[i + 1])) }
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        for i in stride(from: 0, to: bytes.count, by: 3) {
            let b0 = UInt32(bytes[i])
            let b1 = i + 1 < bytes.count ? UInt32(bytes[i + 1]) : 0
            let b2 = i + 2 < bytes.count ? UInt32(bytes[i + 2]) : 0
            let n = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(n >> 18 & 63)])
            out.append(alphabet[Int(n >> 12 & 63)])
            out.append(i + 1 < bytes.count ? alphabet[Int(n >> 6 & 63)] : UInt8(ascii: "="))
            out.append(i + 2 < bytes.count ? alphabet[Int(n & 63)] : UInt8(ascii: "="))
        }
        return "'sha256-" + String(decoding: out, as: UTF8.self) + "'"
    }
}

/// Builds the page; one per call, so nothing is shared.
private struct Page {
    let summary: BatchSummary
    let zh: Bool

    /// Width of every chart (viewBox units; the SVG scales down on narrow screens).
    let width = 1100.0
    let fontSize = 12.0

    static let palette = ["#1a9850", "#66bd63", "#a6d96a", "#fee08b", "#fdae61", "#f46d43", "#d73027"]
    static let noGradeColour = "#bdbdbd"
    static let accent = "#3b6fb6"

    // MARK: - Small helpers

    func t(_ zh: String, _ en: String) -> String { self.zh ? zh : en }

    func text(_ label: Label) -> String {
        let s = zh ? label.zh : label.en
        return s.isEmpty ? (zh ? label.en : label.zh) : s
    }

    func esc(_ s: String) -> String { Dashboard.escape(s) }

    /// A coordinate or length, at most one decimal.
    func n(_ v: Double) -> String { JSON.format(v, decimals: 1) }

    /// A score as shown: always one decimal.
    func score(_ v: Double) -> String {
        let s = JSON.format(v, decimals: 1)
        return s.contains(".") || s == "null" ? s : s + ".0"
    }

    func percent(_ fraction: Double) -> String { JSON.format(fraction * 100, decimals: 1) + "%" }

    /// A bilingual heading: the page language first.
    func heading(_ zhText: String, _ enText: String) -> String {
        zh ? "\(zhText) <span class=\"alt\">\(enText)</span>" : "\(enText) <span class=\"alt\">\(zhText)</span>"
    }

    /// An estimate of the rendered width: CJK and other wide characters are one em, the rest
    /// about 0.6 em. Good enough to lay out labels without measuring.
    func textWidth(_ s: String, size: Double? = nil) -> Double {
        let em = size ?? fontSize
        var w = 0.0
        for c in s {
            guard let v = c.unicodeScalars.first?.value else { continue }
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || v >= 0x1F300
            w += wide ? em : em * 0.62
        }
        return w
    }

    /// `s`, cut with "…" to fit `limit`.
    func fit(_ s: String, _ limit: Double, size: Double? = nil) -> String {
        if textWidth(s, size: size) <= limit { return s }
        var out = ""
        let budget = limit - textWidth("…", size: size)
        for c in s {
            if textWidth(out + String(c), size: size) > budget { break }
            out.append(c)
        }
        return out + "…"
    }

    func displayName(_ s: String) -> String { s.isEmpty ? "—" : s }

    func gradeColour(_ index: Int) -> String {
        let count = summary.grades.count
        guard count > 1 else { return Self.palette[0] }
        let p = Int((Double(index) * Double(Self.palette.count - 1) / Double(count - 1)).rounded())
        return Self.palette[min(max(p, 0), Self.palette.count - 1)]
    }

    func gradeColour(id: String) -> String {
        summary.grades.firstIndex { $0.id == id }.map(gradeColour) ?? Self.noGradeColour
    }

    /// Dark or light text on a `#rrggbb` fill.
    static func ink(on fill: String) -> String {
        let hex = Array(fill.utf8.dropFirst())
        guard hex.count == 6 else { return "#1f2328" }
        func value(_ i: Int) -> Double {
            func d(_ c: UInt8) -> Int { c >= 97 ? Int(c) - 87 : c >= 65 ? Int(c) - 55 : Int(c) - 48 }
            return Double(d(hex[i]) * 16 + d(hex[i + 1])) / 255
        }
        let luminance = 0.2126 * value(0) + 0.7152 * value(2) + 0.0722 * value(4)
        return luminance > 0.5 ? "#1f2328" : "#ffffff"
    }

    static func severityColour(_ s: Severity) -> String {
        switch s {
        case .critical: "#b2182b"
        case .major: "#e66101"
        case .minor: "#f1a340"
        case .advisory: "#8c959f"
        }
    }

    /// 严重/主要/一般/提示, as every format names them (`Severity.label`).
    func severityName(_ s: Severity) -> String { text(s.label) }

    func tierName(_ token: String) -> String {
        if token == "none" || token.isEmpty { return Tier.label(nil).text(zh ? .zh : .en) }
        return Tier(rawValue: token).map { Tier.label($0).text(zh ? .zh : .en) } ?? token
    }

    /// Branches by mean score, highest first; branches without a mean last; ties by name —
    /// or in the order `--branches` gave, when it gave one.
    var ranked: [BranchSummary] {
        if summary.branchOrderGiven { return summary.branches }
        return summary.branches.sorted { a, b in
            switch (a.mean, b.mean) {
            case let (x?, y?) where x != y: return x > y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return Array(a.branch.utf8).lexicographicallyPrecedes(Array(b.branch.utf8))
            }
        }
    }

    // MARK: - Page

    func render(_ sink: (String) -> Void, details: ((String) -> Void) -> Void) {
        var out = "<!DOCTYPE html>\n<html lang=\"\(t("zh-CN", "en"))\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src \(Dashboard.scriptHash); base-uri 'none'; form-action 'none'\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(t("网点服务检查 · 批量汇总", "Outlet audit · batch summary")) | \(t("Outlet audit · batch summary", "网点服务检查 · 批量汇总"))</title>\n"
        out += "<style>\n\(Self.style)</style>\n</head>\n<body>\n<main>\n"
        out += header()
        out += section("histogram", heading("得分分布", "Score distribution"), histogram())
        out += section("ranking", heading("分公司排名（平均分）", "Branch ranking (mean score)"), ranking())
        out += section("clauses", heading("失分最多的条款（前 15）", "Top failing clauses (top 15)"), clauses())
        out += section("grades", heading("各分公司等级构成", "Grade mix per branch"), gradeMix())
        out += "<section id=\"table\">\n<h2>\(heading("网点明细", "Outlets"))</h2>\n"
        sink(out)
        table(sink)
        sink("</section>\n")
        withoutActuallyEscaping(sink) { details($0) }
        sink("</main>\n<script>\(Dashboard.scriptElement)</script>\n</body>\n</html>\n")
    }

    static let style = """
    :root { color-scheme: light; }
    body { margin: 0; background: #f3f4f6; color: #1f2328;
      font: 14px/1.5 "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
        "Microsoft YaHei", "WenQuanYi Zen Hei", system-ui, sans-serif; }
    main { max-width: 1180px; margin: 0 auto; padding: 20px 24px 40px; }
    h1 { font-size: 22px; margin: 0; }
    h2 { font-size: 17px; margin: 0 0 6px; }
    .alt { color: #6e7781; font-weight: normal; font-size: 0.8em; margin-left: 6px; }
    .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 14px 0 6px; }
    .card { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: 8px 16px; min-width: 110px; }
    .card .v { font-size: 24px; font-weight: 600; font-variant-numeric: tabular-nums; }
    .card .k { color: #57606a; font-size: 12px; }
    .card.bad .v { color: #b2182b; }
    .meta { color: #57606a; font-size: 12px; }
    code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
    section { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: 14px 18px; margin: 16px 0; }
    .note { color: #57606a; font-size: 12px; margin: 4px 0 0; }
    .legend { display: flex; flex-wrap: wrap; gap: 14px; font-size: 12px; margin: 2px 0 6px; }
    .chip { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 4px; vertical-align: -1px; }
    svg { display: block; max-width: 100%; height: auto; }
    svg text { font-size: 12px; fill: #1f2328; }
    svg .muted { fill: #57606a; }
    svg .axis { stroke: #8c959f; stroke-width: 1; }
    svg .grid { stroke: #e4e7eb; stroke-width: 1; }
    svg .value { paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round; }
    svg .id { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-weight: 600; }
    .scroll { overflow: auto; max-height: 80vh; border: 1px solid #eaeef2; }
    table { border-collapse: collapse; width: 100%; font-size: 13px; }
    th, td { padding: 3px 6px; border-bottom: 1px solid #eaeef2; text-align: left; white-space: nowrap; }
    td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
    thead th { position: sticky; top: 0; background: #f6f8fa; cursor: pointer; user-select: none; z-index: 1;
      white-space: normal; vertical-align: bottom; line-height: 1.25; padding-top: 5px; padding-bottom: 5px; }
    thead th:hover { background: #eaeef2; }
    th[aria-sort=ascending]::after { content: " ▲"; font-size: 10px; }
    th[aria-sort=descending]::after { content: " ▼"; font-size: 10px; }
    tbody tr:nth-child(even) td { background: #fafbfc; }
    tbody tr.red td { background: #fdecec; }
    td.redline { color: #b2182b; font-weight: 600; }

    """

    func section(_ id: String, _ title: String, _ body: String) -> String {
        "<section id=\"\(id)\">\n<h2>\(title)</h2>\n\(body)</section>\n"
    }

    func legend(_ items: [(colour: String, label: String)]) -> String {
        var out = "<div class=\"legend\">"
        for item in items {
            out += "<span><span class=\"chip\" style=\"background:\(item.colour)\"></span>\(esc(item.label))</span>"
        }
        return out + "</div>\n"
    }

    var gradeLegend: [(colour: String, label: String)] {
        summary.grades.enumerated().map { (gradeColour($0.offset), "\(text($0.element.label)) ≥ \(n($0.element.min))") }
    }

    // MARK: - Header

    func header() -> String {
        let scores = summary.outlets.compactMap(\.score)
        let mean = scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
        let redLines = summary.outlets.filter { $0.redLine != nil }.count
        var out = "<header>\n<h1>\(heading("网点服务检查 · 批量汇总", "Outlet audit · batch summary"))</h1>\n<div class=\"cards\">\n"
        func card(_ value: String, _ key: String, bad: Bool = false) {
            out += "<div class=\"card\(bad ? " bad" : "")\"><div class=\"v\">\(value)</div><div class=\"k\">\(key)</div></div>\n"
        }
        card(String(summary.scored), t("已评分 scored", "scored"))
        card(String(summary.errors), t("错误 errors", "errors"), bad: summary.errors > 0)
        card(String(summary.total), t("合计 total", "total"))
        card(String(summary.branches.count), t("分公司", "branches"))
        card(mean.map(score) ?? "—", t("平均分", "mean score"))
        card(String(redLines), t("触碰红线", "red lines"), bad: redLines > 0)
        out += "</div>\n"
        let digest = summary.rulesDigest
        let short = digest.count > 12 ? String(digest.prefix(12)) + "…" : digest
        out += "<p class=\"meta\">scored \(summary.scored), errors \(summary.errors), total \(summary.total) · "
        out += "\(t("规则摘要", "rules digest")) <code title=\"\(esc(digest))\">\(esc(short))</code> · "
        out += "\(t("规则", "rules")) \(summary.rules.count)</p>\n</header>\n"
        return out
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
            let lower = Double(i * 10)
            let colour = summary.grades.firstIndex { lower >= $0.min }.map(gradeColour) ?? Self.accent
            svg += "<g class=\"bin\" data-bin=\"\(range)\" data-count=\"\(count)\"><title>\(range): \(count)</title>"
            svg += "<rect x=\"\(n(x + binW * 0.1))\" y=\"\(n(baseY - h))\" width=\"\(n(binW * 0.8))\" height=\"\(n(h))\" fill=\"\(colour)\" rx=\"2\"/>"
            svg += "<text class=\"count\" x=\"\(n(x + binW / 2))\" y=\"\(n(baseY - h - 5))\" text-anchor=\"middle\" font-weight=\"600\">\(count)</text>"
            svg += "<text class=\"muted\" x=\"\(n(x + binW / 2))\" y=\"\(n(baseY + 18))\" text-anchor=\"middle\">\(range)</text></g>\n"
        }
        svg += "<text x=\"\(n(left + plotW / 2))\" y=\"\(n(height - 12))\" text-anchor=\"middle\">\(t("得分（分）", "score (points)"))</text>\n"
        svg += "<text x=\"16\" y=\"\(n(upper + plotH / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 16 \(n(upper + plotH / 2)))\">\(t("网点数", "outlets"))</text>\n"
        svg += "</svg>\n"
        var out = legend(gradeLegend) + svg
        out += "<p class=\"note\">"
        out += t("每档 10 分，100 分计入 90–100 档。", "10-point bins; 100 is in the 90–100 bin. ")
        out += unscored > 0
            ? t("另有 \(unscored) 份报告无得分（无可评估项），未计入。", "\(unscored) report\(unscored == 1 ? "" : "s") without a score (nothing assessed) not counted.")
            : t("所有已评分报告均有得分。", "Every scored report has a score.")
        if summary.errors > 0 {
            out += t(" \(summary.errors) 个文件无法评分，见 errors.jsonl。", " \(summary.errors) input\(summary.errors == 1 ? "" : "s") could not be scored (see errors.jsonl).")
        }
        return out + "</p>\n"
    }

    // MARK: - Branch charts

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

    func ranking() -> String {
        let branches = ranked
        guard !branches.isEmpty else { return "<p class=\"note\">\(t("没有分公司。", "No branches."))</p>\n" }
        let rowH = 22.0, upper = 28.0, nameWidth = branchLabelWidth(branches)
        let plotX = 34 + nameWidth + 12, valueW = 120.0
        let plotW = width - plotX - valueW
        let height = upper + Double(branches.count) * rowH + 30
        var svg = "<svg viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-label=\"\(t("分公司排名", "branch ranking"))\">\n"
        let plotBottom = upper + Double(branches.count) * rowH
        for v in stride(from: 0, through: 100, by: 10) {
            let x = plotX + Double(v) / 100 * plotW
            svg += "<line class=\"grid\" x1=\"\(n(x))\" x2=\"\(n(x))\" y1=\"\(n(upper - 4))\" y2=\"\(n(plotBottom))\"/>"
            svg += "<text class=\"muted\" x=\"\(n(x))\" y=\"\(n(upper - 10))\" text-anchor=\"middle\">\(v)</text>\n"
        }
        // The mean over all outlets, drawn first so bars and values stay on top of it.
        let scores = summary.outlets.compactMap(\.score)
        if !scores.isEmpty {
            let mean = scores.reduce(0, +) / Double(scores.count)
            let x = plotX + max(0, min(100, mean)) / 100 * plotW
            svg += "<line x1=\"\(n(x))\" x2=\"\(n(x))\" y1=\"\(n(upper - 4))\" y2=\"\(n(plotBottom + 6))\" stroke=\"#b2182b\" stroke-dasharray=\"4 3\"/>"
            svg += "<text x=\"\(n(x))\" y=\"\(n(plotBottom + 20))\" text-anchor=\"middle\" style=\"fill:#b2182b\">\(t("全部网点平均", "all outlets")) \(score(mean))</text>\n"
        }
        for (i, branch) in branches.enumerated() {
            let y = upper + Double(i) * rowH
            let textY = y + rowH / 2 + 4
            svg += "<g class=\"branch\">"
            svg += branchLabel(rank: i + 1, branch, y: textY, nameWidth: nameWidth)
            let count = t("\(branch.reports) 份", "n=\(branch.reports)")
            if let mean = branch.mean {
                let w = max(0, min(100, mean)) / 100 * plotW
                svg += "<rect x=\"\(n(plotX))\" y=\"\(n(y + 3.5))\" width=\"\(n(w))\" height=\"\(n(rowH - 7))\" fill=\"\(Self.accent)\" rx=\"2\">"
                svg += "<title>\(esc(displayName(branch.branch))): \(score(mean)) (\(count))</title></rect>"
                svg += "<text class=\"value\" x=\"\(n(plotX + w + 6))\" y=\"\(n(textY))\"><tspan font-weight=\"600\">\(score(mean))</tspan>"
                svg += "<tspan class=\"muted\" dx=\"8\">\(count)</tspan></text>"
            } else {
                svg += "<text class=\"muted\" x=\"\(n(plotX + 6))\" y=\"\(n(textY))\">— \(t("无得分", "no score")) (\(count))</text>"
            }
            svg += "</g>\n"
        }
        svg += "<line class=\"axis\" x1=\"\(n(plotX))\" x2=\"\(n(plotX))\" y1=\"\(n(upper - 4))\" y2=\"\(n(plotBottom))\"/>\n"
        svg += "</svg>\n"
        return svg + "<p class=\"note\">\(t("按平均分降序，同分按名称；份 = 报告数。", "By mean score, highest first; ties by name; n = reports."))</p>\n"
    }

    func gradeMix() -> String {
        let branches = ranked
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

    // MARK: - Failing clauses

    func clauses() -> String {
        let top = summary.rules.filter { $0.fail > 0 }.sorted { a, b in
            a.fail != b.fail ? a.fail > b.fail : Array(a.rule.utf8).lexicographicallyPrecedes(Array(b.rule.utf8))
        }.prefix(15)
        guard let maxFails = top.first?.fail else {
            return "<p class=\"note\">\(t("没有不合格项。", "No rule failed."))</p>\n"
        }
        let rowH = 24.0, upper = 6.0
        let idWidth = min(150, top.map { textWidth($0.rule) + 4 }.max() ?? 60)
        let titleX = idWidth + 10
        let titleWidth = min(400, max(120, top.map { textWidth(text($0.title)) }.max() ?? 120))
        let plotX = titleX + titleWidth + 12, valueW = 140.0
        let plotW = width - plotX - valueW
        let height = upper + Double(top.count) * rowH + 8
        var svg = "<svg viewBox=\"0 0 \(n(width)) \(n(height))\" width=\"\(n(width))\" height=\"\(n(height))\" role=\"img\" aria-label=\"\(t("失分最多的条款", "top failing clauses"))\">\n"
        for (i, rule) in top.enumerated() {
            let y = upper + Double(i) * rowH
            let textY = y + rowH / 2 + 4
            let title = text(rule.title)
            let rate = rule.failRate.map(percent) ?? "—"
            let colour = Self.severityColour(rule.severity)
            let w = max(2, Double(rule.fail) / Double(maxFails) * plotW)
            svg += "<g class=\"rule\"><title>\(esc(rule.rule)) \(esc(title)) · \(severityName(rule.severity)) · \(t("不合格", "fails")) \(rule.fail) · \(t("不合格率", "fail rate")) \(rate) · \(t("适用", "applicable")) \(rule.applicable)</title>"
            svg += "<text class=\"id\" x=\"0\" y=\"\(n(textY))\">\(esc(fit(rule.rule, idWidth)))</text>"
            svg += "<text x=\"\(n(titleX))\" y=\"\(n(textY))\">\(esc(fit(title, titleWidth)))</text>"
            svg += "<rect x=\"\(n(plotX))\" y=\"\(n(y + 4))\" width=\"\(n(w))\" height=\"\(n(rowH - 8))\" fill=\"\(colour)\" rx=\"2\"/>"
            svg += "<text class=\"value\" x=\"\(n(plotX + w + 6))\" y=\"\(n(textY))\"><tspan font-weight=\"600\">\(rule.fail)</tspan>"
            svg += "<tspan class=\"muted\" dx=\"8\">\(rate)</tspan></text></g>\n"
        }
        svg += "<line class=\"axis\" x1=\"\(n(plotX))\" x2=\"\(n(plotX))\" y1=\"\(n(upper))\" y2=\"\(n(height - 8))\"/>\n"
        svg += "</svg>\n"
        let severities = Severity.allCases.filter { s in top.contains { $0.severity == s } }
        return legend(severities.map { (Self.severityColour($0), severityName($0)) }) + svg
            + "<p class=\"note\">\(t("按不合格次数降序，同数按规则编号；百分比为不合格率 = 不合格 /（合格 + 不合格 + 豁免）。", "By fails, most first; ties by rule id; the percentage is the fail rate = fail / (pass + fail + waived)."))</p>\n"
    }

    // MARK: - Table

    func table(_ sink: (String) -> Void) {
        // (zh, en, sorts numerically, right-aligned)
        let columns: [(zh: String, en: String, numeric: Bool, right: Bool)] = [
            ("分公司", "Branch", false, false), ("网点编号", "Outlet ID", false, false), ("网点名称", "Name", false, false),
            ("类型", "Type", false, false), ("申报星级", "Tier claimed", false, false), ("达标星级", "Tier qualified", false, false),
            ("得分", "Score", true, true), ("等级", "Grade", true, false), ("暂定", "Prov.", false, false),
            ("红线", "Red line", false, false), ("严重", "Critical", true, true), ("主要", "Major", true, true),
            ("一般", "Minor", true, true), ("覆盖率", "Coverage", true, true),
        ]
        var out = "<p class=\"note\">\(t("点击表头排序，再次点击切换升序/降序；空值总在最后。", "Click a header to sort; click again to reverse. Empty values stay last."))</p>\n"
        out += "<div class=\"scroll\">\n<table id=\"outlets\">\n<thead><tr>"
        for c in columns {
            out += "<th scope=\"col\"\(c.right ? " class=\"n\"" : "")\(c.numeric ? " data-type=\"num\"" : "")"
            out += c.en == "Prov." ? " title=\"\(t("暂定评分（覆盖率不足）", "provisional (coverage below the minimum)"))\">" : ">"
            out += "\(t(c.zh, c.en))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        let gradeCount = summary.grades.count
        for row in summary.outlets {
            out += row.redLine != nil ? "<tr class=\"red\">" : "<tr>"
            func cell(_ s: String, sortKey: String? = nil, title: String? = nil) {
                out += "<td"
                if let title { out += " title=\"\(esc(title))\"" }
                if let sortKey { out += " data-v=\"\(esc(sortKey))\"" }
                out += ">\(esc(s))</td>"
            }
            func number(_ v: Double?, shown: (Double) -> String) {
                if let v { out += "<td class=\"n\" data-v=\"\(JSON.format(v, decimals: 6))\">\(shown(v))</td>" } else { out += "<td class=\"n\" data-v=\"\">—</td>" }
            }
            cell(displayName(row.branch), sortKey: row.branch)
            cell(displayName(row.outletId), sortKey: row.outletId, title: row.path)
            cell(displayName(row.name), sortKey: row.name)
            cell(displayName(row.type), sortKey: row.type)
            cell(tierName(row.tierClaimed))
            cell(tierName(row.tierQualified))
            number(row.score, shown: score)
            if let id = row.grade {
                let index = summary.grades.firstIndex { $0.id == id }
                let shown = row.gradeLabel.map(text) ?? index.map { text(summary.grades[$0].label) } ?? id
                let key = index.map { String(gradeCount - 1 - $0) } ?? ""
                out += "<td data-v=\"\(key)\"><span class=\"chip\" style=\"background:\(gradeColour(id: id))\"></span>\(esc(shown))</td>"
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
