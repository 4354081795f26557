import AuditCore
import AuditEngine
import AuditReport
import AuditRules

/// For people: a header naming the outlet, counts, then findings grouped by section,
/// failures first, each with `file:line:col`, the evidence by its label, the clause and its
/// quote; last the legend of the sources cited. In the output's language and punctuation.
public enum TextFormatter {
    public static func format(_ result: AuditResult, _ options: OutputOptions) -> String {
        let zh = options.language == .zh
        let p = Punctuation(options.language)
        let schema = result.report.root.schema
        var out = ""
        let name = clean(result.text("outlet.name") ?? "?")
        let id = clean(result.text("outlet.id") ?? "?")
        out += bold(name, options) + p.parenthesized(id) + (zh ? "— " : " — ") + clean(result.report.file) + "\n"
        if let inspection = result.text("inspection.id") {
            out += (zh ? "检查编号" : "inspection") + p.colon + clean(inspection) + "\n"
        }
        let summary = ScoreText(result: result, options: options)
        out += bold(clean(summary.total), options) + "\n"
        out += clean(summary.sections) + "\n"
        out += clean(summary.coverage) + "\n"
        out += clean(summary.tier) + "\n"
        if let next = summary.nextTier { out += clean(next) + "\n" }
        if let advice = summary.advice { out += clean(advice) + "\n" }
        if let missing = summary.missingEvidence { out += clean(missing) + "\n" }
        out += clean(summary.counts) + "\n"
        if let configuration = summary.configuration { out += clean(configuration) + "\n" }
        let findings = ordered(result.findings, where: options.shows)
        if findings.isEmpty {
            out += zh ? "\n没有需要关注的结果。\n" : "\nNothing to report.\n"
            return out
        }
        for section in Section.allCases {
            let inSection = findings.filter { $0.rule.section == section }
            if inSection.isEmpty { continue }
            out += "\n" + bold(options.text(section.label) + p.parenthesized(section.rawValue), options) + "\n"
            for finding in inSection {
                // `file:line:col: ` first, as compilers write it: editors and terminals open it.
                let status = colored(options.text(finding.status.label), finding, options)
                let item = finding.item.map { " \($0)" } ?? ""
                out += "\(clean(finding.location.description)): \(status) [\(options.text(finding.rule.severity.label))] "
                out += "\(clean(finding.rule.id))\(clean(item))\(p.colon)\(clean(finding.text(options.language, schema: schema)))\n"
                if let path = finding.path {
                    out += "    " + (zh ? "位置" : "at") + p.colon + clean(evidenceName(path, schema: schema, options.language)) + "\n"
                }
                for related in finding.related { out += "    " + (zh ? "另见" : "see also") + p.colon + clean(related.description) + "\n" }
                let cite = finding.rule.cite
                out += "    [\(clean(cite.source))] \(clean(cite.clause))「\(clean(cite.quote))」\n"
            }
        }
        let legend = SourceLegend(findings.map(\.rule.cite))
        if !legend.isEmpty {
            out += "\n" + bold(zh ? "依据来源" : "Sources", options) + "\n"
            for entry in legend.entries { out += "[\(clean(entry.source))] \(clean(entry.document))\n" }
        }
        return out
    }

    /// Report text may hold control characters (escape sequences); never pass them to a terminal.
    static func clean(_ text: String) -> String { VisibleEscaping.escape(text) }

    private static func bold(_ text: String, _ options: OutputOptions) -> String {
        options.color ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }

    private static func colored(_ text: String, _ finding: Finding, _ options: OutputOptions) -> String {
        guard options.color else { return text }
        let code: String
        switch finding.status {
        case .fail: code = finding.rule.severity >= .major ? "31" : "33"
        case .error: code = "35"
        case .notAssessed, .notDue: code = "36"
        case .waived: code = "34"
        case .pass: code = "32"
        case .notApplicable: code = "2"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }
}
