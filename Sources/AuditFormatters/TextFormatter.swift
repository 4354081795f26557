import AuditCore
import AuditEngine
import AuditReport
import AuditRules

/// For people: a header naming the outlet, counts, then findings grouped by section,
/// failures first, each with `file:line:col`, the clause and its quote.
public enum TextFormatter {
    public static func format(_ result: AuditResult, _ options: OutputOptions) -> String {
        let zh = options.language == .zh
        var out = ""
        let name = clean(result.text("outlet.name") ?? "?")
        let id = clean(result.text("outlet.id") ?? "?")
        out += "\(bold(name, options)) (\(id)) — \(clean(result.report.file))\n"
        if let inspection = result.text("inspection.id") {
            out += (zh ? "检查编号 " : "inspection ") + clean(inspection) + "\n"
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
        let findings = ordered(result.findings).filter(options.shows)
        if findings.isEmpty {
            out += zh ? "\n没有需要关注的结果。\n" : "\nNothing to report.\n"
            return out
        }
        for section in Section.allCases {
            let inSection = findings.filter { $0.rule.section == section }
            if inSection.isEmpty { continue }
            out += "\n" + bold("\(options.text(section.label)) (\(section.rawValue))", options) + "\n"
            for finding in inSection {
                let status = colored(options.text(finding.status.label), finding, options)
                let item = finding.item.map { " \($0)" } ?? ""
                out += "\(clean(finding.location.description)): \(status) [\(finding.rule.severity.rawValue)] \(clean(finding.rule.id))\(clean(item)): \(clean(finding.text(options.language)))\n"
                if let path = finding.path { out += "    \(zh ? "位置" : "at") \(clean(path))\n" }
                for related in finding.related { out += "    \(zh ? "另见" : "see also") \(clean(related.description))\n" }
                let cite = finding.rule.cite
                out += "    [\(clean(cite.source))] \(clean(cite.clause))「\(clean(cite.quote))」\n"
            }
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
