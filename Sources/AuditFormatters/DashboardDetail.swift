import AuditCore
import AuditEngine
import AuditReport
import AuditRules

/// One outlet's detail section of the dashboard (`Dashboard.outletDetail`): small, since a
/// batch of 2,000 reports embeds 2,000 of them. Every report and rule string is escaped as the
/// outlet report escapes it (control and bidi characters made visible, then markup).
struct DashboardDetail {
    let result: AuditResult
    let anchor: Int
    let language: Language

    var zh: Bool { language == .zh }
    func t(_ zh: String, _ en: String) -> String { self.zh ? zh : en }
    func esc(_ s: String) -> String { HTMLFormatter.escape(s) }
    func text(_ label: Label) -> String {
        let s = label.text(language)
        return s.isEmpty ? label.text(zh ? .en : .zh) : s
    }

    /// A report value as shown: a token by its schema label, a timestamp in the outlet's time.
    func value(_ path: String) -> String? {
        guard let field = result.report.value(at: path) else { return nil }
        switch field.value {
        case .string(let s):
            let parts = path.split(separator: ".")
            var object = result.report.root.schema
            for name in parts.dropLast() {
                guard let f = object.field(named: String(name)), case .object(let next) = f.type else { return s }
                object = next
            }
            if let name = parts.last, let f = object.field(named: String(name)), case .token(let values) = f.type,
               let label = values.labels[s]?.text(language), !label.isEmpty {
                return label
            }
            return s
        case .timestamp(let time): return time.formatted(offsetSeconds: result.report.utcOffsetSeconds)
        case .date(let date): return "\(date)"
        default: return nil
        }
    }

    func render() -> String {
        let s = result.score
        var out = "<section class=\"detail\" id=\"o\(anchor)\">\n<p><a href=\"#table\">\(t("← 返回网点明细", "← back to the outlet table"))</a></p>\n"
        out += "<h3>\(esc(result.text("outlet.name") ?? "?")) <code>\(esc(result.text("outlet.id") ?? "?"))</code></h3>\n<dl>"
        let total = s.total.map { ScoreText.number($0) } ?? "—"
        let grade = s.grade.map { text($0.label) } ?? "—"
        let rows: [(String, String?)] = [
            (t("分公司", "Branch"), value("outlet.branch")),
            (t("网点类型", "Type"), value("outlet.type")),
            (t("检查编号", "Inspection"), value("inspection.id")),
            (t("检查时间", "Inspected"), value("inspection.inspected_at")),
            (t("得分", "Score"), total + (s.provisional ? t("（暂定）", " (provisional)") : "")),
            (t("等级", "Grade"), grade),
            (t("一票否决", "Red line"), s.redLine ?? t("无", "none")),
        ]
        for (key, value) in rows {
            guard let value else { continue }
            out += "<div><dt>\(key)</dt><dd>\(esc(value))</dd></div>"
        }
        out += "</dl>\n"
        let schema = result.report.root.schema
        let findings = ordered(result.findings.filter { $0.status != .pass && $0.status != .notApplicable })
        if findings.isEmpty {
            return out + "<p class=\"note\">\(t("没有需要关注的结果。", "Nothing to report."))</p>\n</section>\n"
        }
        for section in Section.allCases {
            let inSection = findings.filter { $0.rule.section == section }
            guard !inSection.isEmpty else { continue }
            out += "<h4>\(esc(text(section.label)))</h4>\n<ul>\n"
            for f in inSection {
                out += "<li class=\"f\"><code>\(esc(f.rule.id))</code> \(esc(text(f.rule.title)))"
                out += " · <span class=\"sev-\(f.rule.severity.rawValue)\">\(esc(text(f.rule.severity.label)))</span>"
                out += " · <span class=\"st st-\(f.status.rawValue)\">\(esc(text(f.status.label)))</span>"
                if let item = f.item { out += " · \(esc(item))" }
                var evidence = f.text(language, schema: schema)
                let place = [f.path.map { evidenceName($0, schema: schema, language) }, f.location.line.map { t("第 \($0) 行", "line \($0)") }]
                    .compactMap { $0 }
                if !place.isEmpty { evidence += " — " + place.joined(separator: " · ") }
                let cite = f.rule.cite
                out += "<span class=\"ev\">\(esc(evidence)) · [\(esc(cite.source))] \(esc(cite.clause))</span></li>\n"
            }
            out += "</ul>\n"
        }
        return out + "</section>\n"
    }
}
