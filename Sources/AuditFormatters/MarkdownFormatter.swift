import AuditCore
import AuditEngine
import AuditReport
import AuditRules

/// A report an inspector can paste or print: a summary table, then one table of findings
/// per section, failures first, then the legend of the sources cited. Every report-provided
/// string is escaped for Markdown tables.
public enum MarkdownFormatter {
    public static func format(_ result: AuditResult, _ options: OutputOptions) -> String {
        let zh = options.language == .zh
        let p = Punctuation(options.language)
        let schema = result.report.root.schema
        let summary = ScoreText(result: result, options: options)
        var out = "# \(cell(result.text("outlet.name") ?? "?"))\(p.parenthesized(cell(result.text("outlet.id") ?? "?")))\n\n"
        let s = result.score
        let rows: [(String, String)] = [
            (zh ? "检查编号" : "Inspection", result.text("inspection.id") ?? "—"),
            (zh ? "分公司" : "Branch", result.text("outlet.branch") ?? "—"),
            (zh ? "总分" : "Score", ScoreText.number(s.total)),
            (zh ? "等级" : "Grade", (s.grade.map { options.text($0.label) } ?? "—")
                + (s.provisional ? p.parenthesized(zh ? "暂定" : "provisional") : "")),
            (zh ? "一票否决" : "Red line", s.redLine.map(summary.ruleName) ?? "—"),
            (zh ? "覆盖率" : "Coverage", summary.coverageValue),
        ] + Section.allCases.map { (options.text($0.label), ScoreText.number(s.sections[$0] ?? nil)) } + [
            (zh ? "星级" : "Tier", summary.tierValue),
            (zh ? "结果" : "Results", summary.counts),
        ]
        out += zh ? "| 项目 | 结果 |\n| --- | --- |\n" : "| | |\n| --- | --- |\n"
        for (k, v) in rows { out += "| \(cell(k)) | \(cell(v)) |\n" }
        if let next = summary.nextTier { out += "\n\(cell(next))\n" }
        if let advice = summary.advice { out += "\n\(cell(advice))\n" }
        if let missing = summary.missingEvidence { out += "\n\(cell(missing))\n" }
        if let configuration = summary.configuration { out += "\n\(cell(configuration))\n" }
        let findings = ordered(result.findings, where: options.shows)
        for section in Section.allCases {
            let inSection = findings.filter { $0.rule.section == section }
            if inSection.isEmpty { continue }
            out += "\n## \(options.text(section.label))\n\n"
            out += zh
                ? "| 状态 | 规则 | 严重度 | 对象 | 说明 | 位置 | 依据 |\n| --- | --- | --- | --- | --- | --- | --- |\n"
                : "| Status | Rule | Severity | Item | Message | Location | Clause |\n| --- | --- | --- | --- | --- | --- | --- |\n"
            for f in inSection {
                let location = "\(f.location.line.map(String.init) ?? "—")" + (f.path.map { " `\(code($0))`" } ?? "")
                let rule = cell(f.rule.id) + " " + cell(options.text(f.rule.title))
                let cite = cell("[\(f.rule.cite.source)] \(f.rule.cite.clause)")
                out += "| \(options.text(f.status.label)) | \(rule) | \(options.text(f.rule.severity.label)) | \(cell(f.item ?? "—")) "
                out += "| \(cell(f.text(options.language, schema: schema))) | \(location) | \(cite) |\n"
            }
        }
        let legend = SourceLegend(findings.map(\.rule.cite))
        if !legend.isEmpty {
            out += "\n## \(zh ? "依据来源" : "Sources")\n\n"
            for entry in legend.entries { out += "- \(cell("[\(entry.source)]")) \(cell(entry.document))\n" }
        }
        return out
    }

    /// Pipes, line breaks, HTML and Markdown markers from report text must not break the table
    /// or render as markup. Control and bidi characters are escaped visibly first
    /// (`VisibleEscaping`), scalar by scalar: "\r\n" is one `Character` but two escapes.
    static func cell(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in VisibleEscaping.escape(text).unicodeScalars {
            switch scalar {
            case "|": out.append(contentsOf: "\\|".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "`", "*", "_", "[", "]": out.append("\\"); out.append(scalar)
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// Text inside a code span (an evidence path), where backslash escapes do not apply: control
    /// characters escaped visibly, a pipe escaped for the table (GFM removes the backslash),
    /// and a backtick, which would end the span, shown as `\u{60}`.
    static func code(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in VisibleEscaping.escape(text).unicodeScalars {
            switch scalar {
            case "|": out.append(contentsOf: "\\|".unicodeScalars)
            case "`": out.append(contentsOf: "\\u{60}".unicodeScalars)
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
