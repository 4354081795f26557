import AuditCalendar
import AuditCore
import AuditEngine
import AuditReport
import AuditRules

/// `--format html`: the outlet report to print and hand to the outlet manager. One
/// self-contained page (inline CSS, no script, nothing fetched: a Content-Security-Policy
/// forbids any load), laid out for A4 paper; several reports make one page each, every one
/// starting on a new sheet (`break-before: page`).
///
/// Each report: a header (outlet, branch, sub-branch, inspection id, date, inspector), the
/// score, grade, red line, coverage and tier, the findings per section (rule id and title,
/// severity, status, item, evidence — the finding's message and the report path — and the
/// clause with its quote), a separate "未检查 / 待补充" part listing what the inspector must
/// still observe (not assessed, by the schema's label of the missing evidence) or correct
/// (an `error`: records that contradict each other), the legend of the sources cited, and
/// lines to sign. Every string a report or rule provides is HTML-escaped (control and bidi
/// characters shown visibly first). No clock, no locale: the same results give the same bytes.
public enum HTMLFormatter {
    public static func format(_ results: [AuditResult], _ options: OutputOptions) -> String {
        guard !results.isEmpty else { return "" }
        let zh = options.language == .zh
        let kind = zh ? "网点服务检查报告" : "Outlet inspection report"
        var title = kind
        if results.count == 1, let result = results.first {
            title += " · " + (result.text("outlet.name") ?? "?") + Punctuation(options.language).parenthesized(result.text("outlet.id") ?? "?")
        } else {
            title += zh ? " · \(results.count) 份" : " · \(results.count) reports"
        }
        var page = "<!DOCTYPE html>\n<html lang=\"\(zh ? "zh-CN" : "en")\">\n<head>\n<meta charset=\"utf-8\">\n"
        page += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        page += "<title>\(escape(title))</title>\n<style>\n\(style)</style>\n</head>\n<body>\n"
        for result in results { page += OutletPage(result: result, options: options).render() }
        page += "</body>\n</html>\n"
        return page
    }

    /// Report and rule text for element content and attribute values: control and bidi
    /// characters made visible (`\e`, `\u{202E}`), then markup characters as entities.
    static func escape(_ text: String) -> String {
        MarkupEscaping.escape(VisibleEscaping.escape(text), for: .html)
    }

    /// A4 first: the screen view is the same sheet on a grey desk.
    static let style = """
    @page { size: A4; margin: 14mm 13mm 15mm;
      @bottom-right { content: counter(page); color: #8c959f; font-size: 8pt; } }
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    body { margin: 0; background: #e9ebee; color: #1f2328;
      font: 10pt/1.5 "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei",
        "Noto Serif CJK SC", sans-serif; }
    .report { background: #fff; max-width: 210mm; margin: 12px auto; padding: 14mm 13mm; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.15); }
    .report + .report { break-before: page; page-break-before: always; }
    .kind { margin: 0; color: #57606a; font-size: 9.5pt; letter-spacing: 0.08em; }
    h1 { margin: 0; font-size: 16pt; line-height: 1.3; }
    h1 .id { margin-left: 6pt; color: #57606a; font-size: 10.5pt; font-weight: normal; }
    dl.meta { display: grid; grid-template-columns: repeat(3, 1fr); gap: 1pt 12pt; margin: 6pt 0 0; padding: 5pt 0;
      border-top: 1.5pt solid #1f2328; border-bottom: 0.5pt solid #8c959f; }
    dl.meta div { display: flex; gap: 6pt; }
    dt { color: #57606a; white-space: nowrap; }
    dd { margin: 0; }
    h2 { margin: 14pt 0 4pt; padding-bottom: 2pt; border-bottom: 0.5pt solid #d0d7de; font-size: 12pt; break-after: avoid; page-break-after: avoid; }
    h3 { margin: 9pt 0 3pt; font-size: 10.5pt; break-after: avoid; page-break-after: avoid; }
    h3 .score { margin-left: 6pt; color: #57606a; font-weight: normal; }
    .cards { display: flex; gap: 8pt; margin: 10pt 0 6pt; }
    .card { flex: 1; border: 0.5pt solid #d0d7de; border-radius: 3pt; padding: 3pt 8pt; }
    .card .k { color: #57606a; font-size: 8.5pt; }
    .card .v { font-size: 14pt; font-weight: 700; font-variant-numeric: tabular-nums; }
    .card.bad .v { color: #b2182b; }
    .card .sub { color: #57606a; font-size: 8.5pt; }
    table { width: 100%; border-collapse: collapse; font-size: 8.5pt; line-height: 1.45; }
    th, td { padding: 2.5pt 4pt; border: 0.5pt solid #d0d7de; text-align: left; vertical-align: top; }
    thead { display: table-header-group; }
    thead th { background: #f3f5f7; font-weight: 600; }
    tr { break-inside: avoid; page-break-inside: avoid; }
    table.summary th { width: 24%; background: #f3f5f7; font-weight: normal; color: #444c56; }
    td.n { font-variant-numeric: tabular-nums; }
    td.item { white-space: nowrap; }
    .rid { display: block; font-weight: 600; white-space: nowrap; }
    .path { display: block; margin-top: 1pt; color: #57606a; }
    .src { display: block; font-weight: 600; }
    .quote { display: block; color: #444c56; }
    .status-fail .st, .status-error .st { color: #b2182b; font-weight: 700; }
    .status-waived .st { color: #3b6fb6; }
    .sev-critical { color: #b2182b; font-weight: 700; }
    .sev-major { color: #c24e00; font-weight: 600; }
    .note { margin: 3pt 0; color: #444c56; }
    .none { margin: 3pt 0; color: #57606a; }
    dl.legend { margin: 0; font-size: 8.5pt; }
    dl.legend div { display: flex; gap: 8pt; }
    dl.legend dt { min-width: 5em; color: #1f2328; font-weight: 600; }
    footer { break-inside: avoid; page-break-inside: avoid; }
    .signoff { display: flex; gap: 14pt; margin-top: 26pt; }
    .sign { flex: 1; display: flex; align-items: flex-end; gap: 6pt; }
    .sign .line { flex: 1; height: 22pt; border-bottom: 0.75pt solid #1f2328; }
    .foot { margin-top: 12pt; color: #8c959f; font-size: 7.5pt; }
    @media print {
      body { background: none; }
      .report { max-width: none; margin: 0; padding: 0; box-shadow: none; }
    }

    """
}

/// One report's part of the page.
private struct OutletPage {
    let result: AuditResult
    let options: OutputOptions

    var zh: Bool { options.language == .zh }
    var p: Punctuation { Punctuation(options.language) }
    var schema: ObjectSchema { result.report.root.schema }

    func t(_ zh: String, _ en: String) -> String { self.zh ? zh : en }
    func esc(_ text: String) -> String { HTMLFormatter.escape(text) }

    /// A report value as shown: a token by its schema label, a timestamp in the outlet's time.
    func value(_ path: String) -> String? {
        guard let field = result.report.value(at: path) else { return nil }
        switch field.value {
        case .string(let text):
            let parts = path.split(separator: ".")
            if let name = parts.last, let fieldSchema = objectSchema(parts.dropLast())?.field(named: String(name)),
               case .token(let values) = fieldSchema.type,
               let label = values.labels[text]?.text(options.language), !label.isEmpty {
                return label
            }
            return text
        case .timestamp(let time): return time.formatted(offsetSeconds: result.report.utcOffsetSeconds)
        case .date(let date): return "\(date)"
        default: return nil
        }
    }

    /// The object schema at a dotted path of objects (`inspection`).
    func objectSchema(_ parts: ArraySlice<Substring>) -> ObjectSchema? {
        var object = schema
        for name in parts {
            guard let field = object.field(named: String(name)), case .object(let next) = field.type else { return nil }
            object = next
        }
        return object
    }

    func line(_ finding: Finding) -> String? {
        finding.location.line.map { t("第 \($0) 行", "line \($0)") }
    }

    func render() -> String {
        let findings = ordered(result.findings, where: options.shows)
        // What the inspector still has to do: evidence to observe, records to correct.
        let pending = findings.filter { $0.status == .notAssessed || $0.status == .error }
        let judged = findings.filter { $0.status != .notAssessed && $0.status != .error }
        var out = "<article class=\"report\">\n"
        out += header()
        out += summary()
        out += findingsPart(judged, pending: pending)
        out += pendingPart(pending)
        out += legend(SourceLegend(findings.map(\.rule.cite)))
        out += signoff()
        out += "</article>\n"
        return out
    }

    func header() -> String {
        var out = "<header>\n<p class=\"kind\">\(t("网点服务检查报告", "Outlet inspection report"))</p>\n"
        out += "<h1>\(esc(result.text("outlet.name") ?? "?"))<span class=\"id\">\(esc(result.text("outlet.id") ?? "?"))</span></h1>\n"
        let rows: [(String, String?)] = [
            (t("分公司", "Branch"), value("outlet.branch")),
            (t("中心支公司", "Sub-branch"), value("outlet.sub_branch")),
            (t("网点类型", "Outlet type"), value("outlet.type")),
            (t("检查编号", "Inspection"), value("inspection.id")),
            (t("检查时间", "Inspected"), value("inspection.inspected_at")),
            (t("检查人", "Inspector"), value("inspection.inspector")),
            (t("检查方式", "Method"), value("inspection.method")),
        ]
        out += "<dl class=\"meta\">\n"
        for (key, value) in rows {
            guard let value else { continue }
            out += "<div><dt>\(key)</dt><dd>\(esc(value))</dd></div>\n"
        }
        return out + "</dl>\n</header>\n"
    }

    func summary() -> String {
        let s = result.score
        let text = ScoreText(result: result, options: options)
        var out = "<section class=\"score\">\n<div class=\"cards\">\n"
        func card(_ key: String, _ value: String, sub: String? = nil, bad: Bool = false) {
            out += "<div class=\"card\(bad ? " bad" : "")\"><div class=\"k\">\(key)</div><div class=\"v\">\(esc(value))</div>"
            if let sub { out += "<div class=\"sub\">\(esc(sub))</div>" }
            out += "</div>\n"
        }
        card(t("总分", "Score"), ScoreText.number(s.total))
        card(t("等级", "Grade"), s.grade.map { options.text($0.label) } ?? "—", sub: s.provisional ? t("暂定：证据不足", "provisional: evidence missing") : nil)
        let redLineTitle = s.redLine.flatMap { id in result.findings.first { $0.rule.id == id } }.map { options.text($0.rule.title) }
        card(t("一票否决", "Red line"), s.redLine ?? t("无", "none"), sub: redLineTitle, bad: s.redLine != nil)
        card(t("覆盖率", "Coverage"), text.coverageValue)
        out += "</div>\n<table class=\"summary\">\n<tbody>\n"
        for section in Section.allCases {
            out += "<tr><th>\(esc(options.text(section.label)))</th><td class=\"n\">\(ScoreText.number(s.sections[section] ?? nil))</td></tr>\n"
        }
        out += "<tr><th>\(t("星级", "Tier"))</th><td>\(esc(text.tierValue))</td></tr>\n"
        if let next = text.nextTier { out += "<tr><th>\(t("升级尚缺", "Next tier"))</th><td>\(esc(next))</td></tr>\n" }
        if let advice = text.advice { out += "<tr><th>\(t("星级建议", "Tier advice"))</th><td>\(esc(advice))</td></tr>\n" }
        out += "<tr><th>\(t("结果", "Results"))</th><td>\(esc(text.counts))</td></tr>\n"
        if let configuration = text.configuration { out += "<tr><th>\(t("规则调整", "Rules changed"))</th><td>\(esc(configuration))</td></tr>\n" }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    func ruleCell(_ finding: Finding) -> String {
        "<td><span class=\"rid\">\(esc(finding.rule.id))</span>\(esc(options.text(finding.rule.title)))</td>"
    }

    func citeCell(_ finding: Finding) -> String {
        let cite = finding.rule.cite
        return "<td><span class=\"src\">[\(esc(cite.source))] \(esc(cite.clause))</span><span class=\"quote\">「\(esc(cite.quote))」</span></td>"
    }

    func findingsPart(_ findings: [Finding], pending: [Finding]) -> String {
        var out = "<section class=\"findings\">\n<h2>\(t("检查结果", "Findings"))</h2>\n"
        for section in Section.allCases {
            let inSection = findings.filter { $0.rule.section == section }
            let score = ScoreText.number(result.score.sections[section] ?? nil)
            out += "<h3>\(esc(options.text(section.label)))<span class=\"score\">\(t("得分", "score")) \(score)</span></h3>\n"
            guard !inSection.isEmpty else {
                out += pending.contains { $0.rule.section == section }
                    ? "<p class=\"none\">\(t("本部分没有其他结果；未能评估的项目见“未检查 / 待补充”。", "Nothing else to report in this part; what could not be assessed is under “Not assessed / to complete”."))</p>\n"
                    : "<p class=\"none\">\(t("本部分没有需要关注的结果。", "Nothing to report in this part."))</p>\n"
                continue
            }
            out += "<table>\n<colgroup><col style=\"width:18%\"><col style=\"width:6%\"><col style=\"width:7%\"><col style=\"width:11%\">"
            out += "<col style=\"width:28%\"><col style=\"width:30%\"></colgroup>\n"
            out += "<thead><tr><th>\(t("规则", "Rule"))</th><th>\(t("严重度", "Severity"))</th><th>\(t("状态", "Status"))</th>"
            out += "<th>\(t("对象", "Item"))</th><th>\(t("证据", "Evidence"))</th><th>\(t("依据条款", "Clause"))</th></tr></thead>\n<tbody>\n"
            for f in inSection {
                out += "<tr class=\"status-\(f.status.rawValue)\">" + ruleCell(f)
                out += "<td class=\"sev-\(f.rule.severity.rawValue)\">\(esc(options.text(f.rule.severity.label)))</td>"
                out += "<td class=\"st\">\(esc(options.text(f.status.label)))</td>"
                out += "<td class=\"item\">\(esc(f.item ?? "—"))</td>"
                out += "<td>\(esc(f.text(options.language, schema: schema)))"
                let place = [f.path.map { evidenceName($0, schema: schema, options.language) }, line(f)].compactMap { $0 }
                if !place.isEmpty { out += "<span class=\"path\">\(esc(place.joined(separator: " · ")))</span>" }
                out += "</td>" + citeCell(f) + "</tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        return out + "</section>\n"
    }

    /// Not assessed findings by the evidence they lack (several rules may need the same
    /// observation), then errors by their message: what the inspector must still observe or
    /// correct before the report is complete.
    func pendingPart(_ findings: [Finding]) -> String {
        var out = "<section class=\"pending\">\n<h2>\(t("未检查 / 待补充", "Not assessed / to complete"))</h2>\n"
        guard !findings.isEmpty else {
            return out + "<p class=\"none\">\(t("无：所有适用的检查项均已评估。", "None: every applicable check was assessed."))</p>\n</section>\n"
        }
        struct Row {
            var what: String
            var items: [String] = []
            var rules: [String] = []
            var lines: [String] = []
        }
        var rows: [Row] = []
        var index: [String: Int] = [:]
        for f in findings {
            let keys: [String]
            if f.status == .error {
                keys = [t("需核实：", "To check: ") + f.text(options.language, schema: schema)]
            } else {
                keys = (f.missing.isEmpty ? (f.path.map { [$0] } ?? []) : f.missing).map { evidenceName($0, schema: schema, options.language) }
            }
            for key in keys {
                let i = index[key] ?? rows.count
                if i == rows.count {
                    index[key] = i
                    rows.append(Row(what: key))
                }
                let rule = f.rule.id + " " + options.text(f.rule.title)
                if let item = f.item, !rows[i].items.contains(item) { rows[i].items.append(item) }
                if !rows[i].rules.contains(rule) { rows[i].rules.append(rule) }
                if let line = line(f), !rows[i].lines.contains(line) { rows[i].lines.append(line) }
            }
        }
        let note = t("以下检查项因报告缺少证据或记录矛盾未能评估：请检查人补充观察或核实记录后重新运行检查。",
                     "These checks could not be assessed: the report lacks the evidence, or its records contradict each other. "
                        + "The inspector should observe or correct them and run the audit again.")
        out += "<p class=\"note\">\(note)</p>\n"
        out += "<table>\n<colgroup><col style=\"width:34%\"><col style=\"width:14%\"><col style=\"width:40%\"><col style=\"width:12%\"></colgroup>\n"
        out += "<thead><tr><th>\(t("待补充的证据", "Evidence to complete"))</th><th>\(t("对象", "Item"))</th><th>\(t("相关规则", "Rules"))</th>"
        out += "<th>\(t("位置", "Location"))</th></tr></thead>\n<tbody>\n"
        for row in rows {
            out += "<tr><td>\(esc(row.what))</td><td>\(esc(row.items.isEmpty ? "—" : row.items.joined(separator: p.enumeration)))</td>"
            out += "<td>\(row.rules.map(esc).joined(separator: "<br>"))</td><td>\(esc(row.lines.joined(separator: p.enumeration)))</td></tr>\n"
        }
        return out + "</tbody>\n</table>\n</section>\n"
    }

    func legend(_ legend: SourceLegend) -> String {
        guard !legend.isEmpty else { return "" }
        var out = "<section class=\"sources\">\n<h2>\(t("依据来源", "Sources"))</h2>\n<dl class=\"legend\">\n"
        for entry in legend.entries {
            out += "<div><dt>[\(esc(entry.source))]</dt><dd>\(esc(entry.document))</dd></div>\n"
        }
        return out + "</dl>\n</section>\n"
    }

    /// The lines to sign, and the report file they sign for: kept together on one sheet.
    func signoff() -> String {
        var out = "<footer>\n<div class=\"signoff\">\n"
        for key in [t("检查人", "Inspector"), t("网点负责人", "Outlet manager"), t("日期", "Date")] {
            out += "<div class=\"sign\"><span class=\"k\">\(key)\(p.colon)</span><span class=\"line\"></span></div>\n"
        }
        out += "</div>\n<p class=\"foot\">\(t("报告文件", "Report file"))\(p.colon)\(esc(result.report.file))</p>\n"
        return out + "</footer>\n"
    }
}
