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
    /// The batch's fragments, made once; nil: made here, for this section.
    var shared: Dashboard.OutletDetails?

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

    /// `staff[1].badge` → `staff.badge`: the schema's labels do not depend on the index.
    static func withoutIndices(_ path: String) -> String {
        guard path.utf8.contains(UInt8(ascii: "[")) else { return path }
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count)
        var inIndex = false
        for byte in path.utf8 {
            if byte == UInt8(ascii: "[") { inIndex = true } else if byte == UInt8(ascii: "]") { inIndex = false } else if !inIndex { out.append(byte) }
        }
        return String(decoding: out, as: UTF8.self)
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
        let all = result.findings
        let findings = orderedIndices(all) { $0 != .pass && $0 != .notApplicable }
        if findings.isEmpty {
            return out + "<p class=\"note\">\(t("没有需要关注的结果。", "Nothing to report."))</p>\n</section>\n"
        }
        // `ordered` sorts by section first: one pass, a heading where the section changes.
        var section: Section?
        var names: [String: String] = [:]
        // Through a buffer, field by field: binding a whole `Finding` copies it (tens of
        // references retained and released), which cost more than the markup.
        all.withUnsafeBufferPointer { all in
            for index in findings {
                let definition = all[index].rule
                if definition.section != section {
                    if section != nil { out += "</ul>\n" }
                    section = definition.section
                    out += "<h4>\(esc(text(definition.section.label)))</h4>\n<ul>\n"
                }
                let rule = shared?.fragments[ObjectIdentifier(definition)] ?? Dashboard.OutletDetails.fragment(definition, language)
                out += rule.head
                out += Dashboard.OutletDetails.severities[definition.severity]?.text(language) ?? ""
                out += Dashboard.OutletDetails.statuses[all[index].status]?.text(language) ?? ""
                if let item = all[index].item { out += " · \(esc(item))" }
                var evidence = all[index].text(language, schema: schema)
                // Many findings name the same field (`staff[0].badge`, `staff[1].badge`): its
                // label is looked up once.
                let name = all[index].path.map { path in
                    let field = Self.withoutIndices(path)
                    let label: String
                    if let known = shared?.labels[field] ?? names[field] { label = known } else {
                        label = schema.label(atPath: field)?.text(language) ?? ""
                        names[field] = label
                    }
                    return label.isEmpty ? path : label + Punctuation(language).parenthesized(path)
                }
                let line = all[index].location.line.map { t("第 \($0) 行", "line \($0)") }
                switch (name, line) {
                case let (name?, line?): evidence += " — " + name + " · " + line
                case let (name?, nil): evidence += " — " + name
                case let (nil, line?): evidence += " — " + line
                case (nil, nil): break
                }
                out += "<span class=\"ev\">\(esc(evidence))"
                out += rule.tail
            }
        }
        return out + "</ul>\n</section>\n"
    }
}
