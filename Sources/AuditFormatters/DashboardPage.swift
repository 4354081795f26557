import AuditCore
import AuditEngine
import AuditReport
import AuditRules

/// Builds the dashboard page (`Dashboard.write`); one per call, so nothing is shared. The
/// sections live in extensions: `DashboardCharts.swift` (grades, histogram, grade mix),
/// `DashboardTables.swift` (ranking, clauses, trends, unreadable inputs, the outlet table).
struct DashboardPage {
    let summary: BatchSummary
    let zh: Bool

    /// Width of every chart (viewBox units; the SVG scales down on narrow screens).
    let width = 1100.0
    let fontSize = 12.0

    static let palette = ["#1a9850", "#66bd63", "#a6d96a", "#fee08b", "#fdae61", "#f46d43", "#d73027"]
    static let noGradeColour = "#bdbdbd"
    static let accent = "#3b6fb6"
    static let neutral = "#8c959f"

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

    /// A sort key for `data-v`: six decimals, so sorting never depends on how it is shown.
    func key(_ v: Double) -> String { JSON.format(v, decimals: 6) }

    /// A change with its arrow, signed, one decimal: `▲ +1.2`, `▼ -0.4`, `= 0.0`; `—` when
    /// unknown. `upIsGood` picks the colour (a score rising is good, failing outlets rising is not).
    func arrow(_ change: Double?, upIsGood: Bool = true, decimals: Bool = true) -> String {
        guard let change else { return "<span class=\"muted\">—</span>" }
        let magnitude = decimals ? score(abs(change)) : String(Int(abs(change).rounded()))
        if change == 0 { return "<span class=\"same\">= \(magnitude)</span>" }
        let good = (change > 0) == upIsGood
        let sign = change > 0 ? "▲ +" : "▼ -"
        return "<span class=\"\(good ? "up" : "down")\">\(sign)\(magnitude)</span>"
    }

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

    /// Code-point order, never the locale's.
    static func precedes(_ a: String, _ b: String) -> Bool { Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) }

    func gradeColour(_ index: Int) -> String {
        let count = summary.grades.count
        guard count > 1 else { return Self.palette[0] }
        let p = Int((Double(index) * Double(Self.palette.count - 1) / Double(count - 1)).rounded())
        return Self.palette[min(max(p, 0), Self.palette.count - 1)]
    }

    func gradeColour(id: String) -> String {
        summary.grades.firstIndex { $0.id == id }.map(gradeColour) ?? Self.noGradeColour
    }

    /// A grade id by its label in the page's language (the id itself when the scoring file does not know it).
    func gradeName(_ id: String?) -> String {
        guard let id else { return t("无等级", "no grade") }
        return summary.grades.first { $0.id == id }.map { text($0.label) } ?? id
    }

    /// The red-line grade's label (不合格).
    var failGradeName: String { gradeName(summary.redLineGrade) }

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

    /// The mean over every outlet with a score; nil when none has one.
    var overallMean: Double? {
        let scores = summary.outlets.compactMap(\.score)
        return scores.isEmpty ? nil : scores.reduce(0, +) / Double(scores.count)
    }

    /// A section: `<section id=…>` with its heading.
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

    /// A sortable table's header cell: focusable, sorted by click, Enter or Space (the script),
    /// `aria-sort` telling which column sorts the rows.
    func th(_ label: String, numeric: Bool = false, right: Bool = false, title: String? = nil, sorted: String? = nil) -> String {
        var out = "<th scope=\"col\" tabindex=\"0\" aria-sort=\"\(sorted ?? "none")\""
        if right { out += " class=\"n\"" }
        if numeric { out += " data-type=\"num\"" }
        if let title { out += " title=\"\(esc(title))\"" }
        return out + ">\(label)</th>"
    }

    // MARK: - Page

    func render(_ sink: (String) -> Void, details: ((String) -> Void) -> Void) {
        var out = "<!DOCTYPE html>\n<html lang=\"\(t("zh-CN", "en"))\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src \(Dashboard.scriptHash); base-uri 'none'; form-action 'none'\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>\(t("网点服务检查 · 批量汇总", "Outlet audit · batch summary")) | \(t("Outlet audit · batch summary", "网点服务检查 · 批量汇总"))</title>\n"
        out += "<style>\n\(Self.style)</style>\n</head>\n<body>\n<main>\n"
        out += header()
        out += section("grades", heading("等级分布", "Grade distribution"), gradeDistribution())
        out += section("ranking", heading("分公司排名", "Branch ranking"), ranking())
        if summary.round != nil {
            out += section("trends", heading("与上一轮相比", "Since the previous round"), trends())
        }
        out += section("clauses", heading("失分条款", "Failing clauses"), clauses())
        out += section("mix", heading("各分公司等级构成", "Grade mix per branch"), gradeMix())
        out += section("histogram", heading("得分分布", "Score distribution"), histogram())
        if summary.errors > 0 || !summary.unreadable.isEmpty || !summary.superseded.isEmpty {
            out += section("errors", heading("无法评分的文件", "Inputs not scored"), unreadable())
        }
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
    h3 { font-size: 15px; margin: 10px 0 4px; }
    a { color: #0b57b0; }
    .alt { color: #6e7781; font-weight: normal; font-size: 0.8em; margin-left: 6px; }
    .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 14px 0 6px; }
    .card { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: 8px 16px; min-width: 110px; }
    .card .v { font-size: 24px; font-weight: 600; font-variant-numeric: tabular-nums; }
    .card .k { color: #57606a; font-size: 12px; }
    .card .s { color: #57606a; font-size: 12px; }
    .card.bad .v { color: #b2182b; }
    .meta { color: #57606a; font-size: 12px; }
    .muted { color: #57606a; }
    code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; }
    section { background: #fff; border: 1px solid #d0d7de; border-radius: 8px; padding: 14px 18px; margin: 16px 0; }
    .note { color: #57606a; font-size: 12px; margin: 4px 0 0; }
    .legend { display: flex; flex-wrap: wrap; gap: 14px; font-size: 12px; margin: 2px 0 6px; }
    .chip { display: inline-block; width: 11px; height: 11px; border-radius: 2px; margin-right: 4px; vertical-align: -1px; }
    .hatch { background-image: repeating-linear-gradient(135deg, rgba(0, 0, 0, 0.55) 0 3px, transparent 3px 7px); }
    .up { color: #1a7f37; white-space: nowrap; }
    .down { color: #b2182b; white-space: nowrap; }
    .same { color: #57606a; white-space: nowrap; }
    .gdist { display: grid; grid-template-columns: minmax(90px, max-content) 1fr minmax(110px, max-content); gap: 6px 12px; align-items: center; }
    .gdist .track { height: 22px; background: #f6f8fa; border-radius: 3px; overflow: hidden; }
    .gdist .fill { display: flex; height: 100%; border-radius: 3px; }
    .gdist .red { height: 100%; background-color: #7f0000; }
    .gdist .v { font-variant-numeric: tabular-nums; }
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
    td.wrap { white-space: normal; }
    thead th { position: sticky; top: 0; background: #f6f8fa; z-index: 1;
      white-space: normal; vertical-align: bottom; line-height: 1.25; padding-top: 5px; padding-bottom: 5px; }
    table.sortable thead th { cursor: pointer; user-select: none; }
    #outlets thead th { white-space: nowrap; }
    table.sortable thead th:hover { background: #eaeef2; }
    thead th:focus-visible { outline: 2px solid #0b57b0; outline-offset: -2px; }
    th[aria-sort=ascending]::after { content: " ▲"; font-size: 10px; }
    th[aria-sort=descending]::after { content: " ▼"; font-size: 10px; }
    tbody tr:nth-child(even) td { background: #fafbfc; }
    tbody tr.red td { background: #fdecec; }
    td.redline { color: #b2182b; font-weight: 600; }
    td.bar { min-width: 220px; }
    td.bar .track { display: inline-block; width: 160px; height: 12px; background: #eef1f4; border-radius: 2px; vertical-align: -1px; margin-right: 8px; }
    td.bar .fill { display: block; height: 100%; background: #3b6fb6; border-radius: 2px; }
    .filters { display: flex; flex-wrap: wrap; gap: 10px 16px; align-items: end; margin: 6px 0 8px; font-size: 13px; }
    .filters[hidden] { display: none; }
    .filters label { display: flex; flex-direction: column; gap: 2px; color: #57606a; font-size: 12px; }
    .filters select, .filters input { font: inherit; font-size: 13px; padding: 2px 4px; }
    .lists { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 8px 24px; }
    .lists ol, .lists ul { margin: 4px 0; padding-left: 22px; font-size: 13px; }
    section.detail { display: none; }
    section.detail:target { display: block; border-color: #0b57b0; }
    .detail dl { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 0 16px; margin: 4px 0 8px; font-size: 13px; }
    .detail dl div { display: flex; gap: 6px; }
    .detail dt { color: #57606a; }
    .detail dd { margin: 0; }
    .detail h4 { font-size: 13px; margin: 8px 0 2px; }
    .detail ul { margin: 0; padding-left: 18px; font-size: 13px; }
    .detail li { margin: 2px 0; }
    .detail .st { font-weight: 600; }
    .detail .st-fail, .detail .st-error { color: #b2182b; }
    .detail .ev { display: block; color: #57606a; font-size: 12px; }
    .sev-critical { color: #b2182b; font-weight: 600; }
    .sev-major { color: #c24e00; }

    """

    // MARK: - Header

    func header() -> String {
        let mean = overallMean
        let redLines = summary.outlets.filter { $0.redLine != nil }.count
        let failing = summary.outlets.filter { $0.grade == summary.redLineGrade }.count
        var out = "<header>\n<h1>\(heading("网点服务检查 · 批量汇总", "Outlet audit · batch summary"))</h1>\n<div class=\"cards\">\n"
        func card(_ id: String, _ value: String, _ key: String, sub: String? = nil, bad: Bool = false) {
            out += "<div class=\"card\(bad ? " bad" : "")\" id=\"card-\(id)\"><div class=\"v\">\(value)</div><div class=\"k\">\(key)</div>"
            if let sub { out += "<div class=\"s\">\(sub)</div>" }
            out += "</div>\n"
        }
        card("scored", String(summary.scored), t("已评分 scored", "scored"))
        card("errors", String(summary.errors), t("错误 errors", "errors"), bad: summary.errors > 0)
        card("total", String(summary.total), t("合计 total", "total"))
        card("branches", String(summary.branches.count), t("分公司", "branches"))
        if let round = summary.round {
            let sub = t("上一轮", "previous") + " " + (round.previousMean.map(score) ?? "—") + " · " + arrow(ResultDiff.change(round.previousMean, mean))
            card("mean", mean.map(score) ?? "—", t("平均分", "mean score"), sub: sub)
        } else {
            card("mean", mean.map(score) ?? "—", t("平均分", "mean score"))
        }
        card("fail", String(failing), esc(failGradeName), sub: t("其中触碰红线 \(redLines)", "\(redLines) by a red line"), bad: failing > 0)
        if let round = summary.round {
            card("matched", String(round.matched), t("两轮均有", "in both rounds"),
                 sub: t("新增 \(round.new.count) · 消失 \(round.gone.count)", "new \(round.new.count) · gone \(round.gone.count)"))
        }
        out += "</div>\n"
        let digest = summary.rulesDigest
        let short = digest.count > 12 ? String(digest.prefix(12)) + "…" : digest
        out += "<p class=\"meta\">scored \(summary.scored), errors \(summary.errors), total \(summary.total) · "
        out += "\(t("规则摘要", "rules digest")) <code title=\"\(esc(digest))\">\(esc(short))</code> · "
        out += "\(t("规则", "rules")) \(summary.rules.count)"
        if let round = summary.round {
            out += " · \(t("上一轮", "previous round")) <code>\(esc(round.folder))</code> (\(t("已评分", "scored")) \(round.previousScored))"
        }
        out += "</p>\n</header>\n"
        return out
    }
}
