import AuditCalendar
import AuditCore
import AuditEngine
import AuditReport
import AuditRules

/// `audit diff OLD NEW`: one outlet's two audits side by side, as text, Markdown or JSON, in
/// the output's language: score and grade before and after with the change, each section,
/// then the new failures, the fixed ones and the other results that changed.
public enum ResultDiffFormatter {
    public enum Format: String, CaseIterable, Sendable { case text, json, markdown }

    public static func format(_ diff: ResultDiff, _ format: Format, _ options: OutputOptions) -> String {
        switch format {
        case .text: text(diff, options)
        case .markdown: markdown(diff, options)
        case .json: json(diff, options).serialized(pretty: true) + "\n"
        }
    }

    /// The warning when the two reports name different outlets (also for standard error).
    public static func mismatchWarning(_ diff: ResultDiff, language: Language) -> String? {
        guard let mismatch = diff.outletMismatch else { return nil }
        let a = mismatch.old ?? "?", b = mismatch.new ?? "?"
        return language == .zh
            ? "注意：两份报告不是同一网点（\(a) → \(b)），仍按规则编号和对象逐项对比。"
            : "warning: the two reports are of different outlets (\(a) → \(b)); compared by rule id and item all the same."
    }

    // MARK: - text

    public static func text(_ diff: ResultDiff, _ options: OutputOptions) -> String {
        let zh = options.language == .zh
        let p = Punctuation(options.language)
        let clean = TextFormatter.clean
        var out = (zh ? "对比" : "diff") + p.colon + clean(diff.old.report.file) + " → " + clean(diff.new.report.file) + "\n"
        if let warning = mismatchWarning(diff, language: options.language) { out += clean(warning) + "\n" }
        out += (zh ? "网点" : "outlet") + p.colon + clean(outlet(diff.new, p)) + "\n"
        out += (zh ? "检查" : "inspection") + p.colon + clean(inspection(diff.old, p)) + " → " + clean(inspection(diff.new, p)) + "\n"
        out += (zh ? "总分" : "score") + p.colon + clean(scoreLine(diff, options)) + "\n"
        if diff.old.score.redLine != nil || diff.new.score.redLine != nil {
            out += (zh ? "一票否决" : "red line") + p.colon + clean(redLine(diff.old, options)) + " → " + clean(redLine(diff.new, options)) + "\n"
        }
        out += (zh ? "星级认定" : "tier qualified") + p.colon + tier(diff.old, options) + " → " + tier(diff.new, options) + "\n"
        out += (zh ? "分项：" : "sections:") + "\n"
        for section in Section.allCases {
            out += "  " + options.text(section.label) + p.colon + sectionLine(diff, section) + "\n"
        }
        for kind in ResultDiff.Change.Kind.allCases {
            let changes = diff.changes(kind)
            out += "\n" + heading(kind, zh) + p.parenthesized(String(changes.count)) + "\n"
            if changes.isEmpty { out += "  " + (zh ? "无" : "none") + "\n" }
            for change in changes {
                out += "  " + clean(ruleItem(change)) + " [\(options.text(change.finding.rule.severity.label))] "
                out += clean(options.text(change.finding.rule.title)) + p.colon + statusChange(change, options) + "\n"
                if change.new == .fail {
                    out += "    " + clean(change.finding.text(options.language, schema: diff.new.report.root.schema)) + "\n"
                }
            }
        }
        return out
    }

    // MARK: - markdown

    public static func markdown(_ diff: ResultDiff, _ options: OutputOptions) -> String {
        let zh = options.language == .zh
        let p = Punctuation(options.language)
        let cell = MarkdownFormatter.cell
        var out = "# " + (zh ? "检查对比：" : "Inspection comparison: ") + cell(outlet(diff.new, p)) + "\n\n"
        if let warning = mismatchWarning(diff, language: options.language) { out += "> " + cell(warning) + "\n\n" }
        out += zh ? "| 项目 | 上次 | 本次 | 变化 |\n| --- | --- | --- | --- |\n" : "| | Previous | Now | Change |\n| --- | --- | --- | --- |\n"
        out += "| \(zh ? "报告" : "Report") | \(cell(diff.old.report.file)) | \(cell(diff.new.report.file)) | |\n"
        out += "| \(zh ? "检查" : "Inspection") | \(cell(inspection(diff.old, p))) | \(cell(inspection(diff.new, p))) | |\n"
        out += "| \(zh ? "总分" : "Score") | \(ScoreText.number(diff.old.score.total)) | \(ScoreText.number(diff.new.score.total)) | \(change(diff.totalChange)) |\n"
        out += "| \(zh ? "等级" : "Grade") | \(cell(grade(diff.old, options))) | \(cell(grade(diff.new, options))) | |\n"
        out += "| \(zh ? "一票否决" : "Red line") | \(cell(redLine(diff.old, options))) | \(cell(redLine(diff.new, options))) | |\n"
        out += "| \(zh ? "星级认定" : "Tier qualified") | \(tier(diff.old, options)) | \(tier(diff.new, options)) | |\n"
        for section in Section.allCases {
            out += "| \(cell(options.text(section.label))) | \(ScoreText.number(diff.old.score.sections[section] ?? nil)) "
            out += "| \(ScoreText.number(diff.new.score.sections[section] ?? nil)) | \(change(diff.sectionChange(section))) |\n"
        }
        for kind in ResultDiff.Change.Kind.allCases {
            let changes = diff.changes(kind)
            out += "\n## " + heading(kind, zh) + p.parenthesized(String(changes.count)) + "\n\n"
            if changes.isEmpty {
                out += (zh ? "无。" : "None.") + "\n"
                continue
            }
            out += zh ? "| 规则 | 对象 | 严重度 | 上次 | 本次 | 说明 |\n| --- | --- | --- | --- | --- | --- |\n"
                : "| Rule | Item | Severity | Previous | Now | Message |\n| --- | --- | --- | --- | --- | --- |\n"
            for c in changes {
                let message = c.new == .fail ? c.finding.text(options.language, schema: diff.new.report.root.schema) : ""
                out += "| \(cell(c.rule)) \(cell(options.text(c.finding.rule.title))) | \(cell(c.item ?? "—")) "
                out += "| \(options.text(c.finding.rule.severity.label)) | \(status(c.old, options)) | \(status(c.new, options)) | \(cell(message)) |\n"
            }
        }
        return out
    }

    // MARK: - json

    public static func json(_ diff: ResultDiff, _ options: OutputOptions) -> JSON {
        func side(_ result: AuditResult) -> JSON {
            .object([
                ("file", .string(result.report.file)),
                ("outlet", .optional(result.text("outlet.id"))),
                ("inspection", .optional(result.text("inspection.id"))),
                ("inspected_at", .optional(inspectedAt(result)?.description)),
                ("score", number(result.score.total)),
                ("grade", .optional(result.score.grade?.id)),
                ("provisional", .bool(result.score.provisional)),
                ("red_line", .optional(result.score.redLine)),
                ("tier", .optional(result.tier.qualifies?.rawValue)),
                ("sections", .object(Section.allCases.map { ($0.rawValue, number(result.score.sections[$0] ?? nil)) })),
            ])
        }
        func entry(_ c: ResultDiff.Change) -> JSON {
            .object([
                ("rule", .string(c.rule)),
                ("item", .optional(c.item)),
                ("title", .string(options.text(c.finding.rule.title))),
                ("severity", .string(c.finding.rule.severity.rawValue)),
                ("section", .string(c.finding.rule.section.rawValue)),
                ("old", .optional(c.old?.rawValue)),
                ("new", .optional(c.new?.rawValue)),
                ("message", c.new == .fail ? .string(c.finding.text(options.language)) : .null),
            ])
        }
        return .object([
            ("old", side(diff.old)),
            ("new", side(diff.new)),
            ("same_outlet", .bool(diff.outletMismatch == nil)),
            ("score_change", number(diff.totalChange)),
            ("section_changes", .object(Section.allCases.map { ($0.rawValue, number(diff.sectionChange($0))) })),
            ("new_failures", .array(diff.changes(.newFailure).map(entry))),
            ("fixed", .array(diff.changes(.fixed).map(entry))),
            ("flipped", .array(diff.changes(.flipped).map(entry))),
        ])
    }

    // MARK: - parts

    static func number(_ value: Double?) -> JSON { value.map { .number($0, decimals: 1) } ?? .null }

    static func heading(_ kind: ResultDiff.Change.Kind, _ zh: Bool) -> String {
        switch kind {
        case .newFailure: zh ? "新增不符合" : "New failures"
        case .fixed: zh ? "已整改" : "Fixed"
        case .flipped: zh ? "其他变化" : "Other changes"
        }
    }

    /// `+5.3 ↑`, `-4.0 ↓`, `0.0 =`; `—` when a side has no score.
    static func change(_ value: Double?) -> String {
        guard let value else { return "—" }
        let shown = ScoreText.number(abs(value))
        if value > 0 { return "+" + shown + " ↑" }
        if value < 0 { return "-" + shown + " ↓" }
        return shown + " ="
    }

    static func outlet(_ result: AuditResult, _ p: Punctuation) -> String {
        (result.text("outlet.name") ?? "?") + p.parenthesized(result.text("outlet.id") ?? "?")
    }

    static func inspection(_ result: AuditResult, _ p: Punctuation) -> String {
        let id = result.text("inspection.id") ?? "?"
        return inspectedAt(result).map { id + p.parenthesized($0.formatted(offsetSeconds: result.report.utcOffsetSeconds)) } ?? id
    }

    static func inspectedAt(_ result: AuditResult) -> Timestamp? {
        if case .timestamp(let t)? = result.report.value(at: "inspection.inspected_at")?.value { return t }
        return nil
    }

    static func grade(_ result: AuditResult, _ options: OutputOptions) -> String {
        var text = result.score.grade.map { options.text($0.label) } ?? "—"
        if result.score.provisional { text += Punctuation(options.language).parenthesized(options.language == .zh ? "暂定" : "provisional") }
        return text
    }

    /// The tier the outlet qualifies for (`无` / `none` for none).
    static func tier(_ result: AuditResult, _ options: OutputOptions) -> String { options.text(Tier.label(result.tier.qualifies)) }

    static func redLine(_ result: AuditResult, _ options: OutputOptions) -> String {
        result.score.redLine.map { ScoreText(result: result, options: options).ruleName($0) } ?? "—"
    }

    /// `87.9 良好 → 93.2 优秀  +5.3 ↑`
    static func scoreLine(_ diff: ResultDiff, _ options: OutputOptions) -> String {
        ScoreText.number(diff.old.score.total) + " " + grade(diff.old, options) + " → "
            + ScoreText.number(diff.new.score.total) + " " + grade(diff.new, options) + "  " + change(diff.totalChange)
    }

    static func sectionLine(_ diff: ResultDiff, _ section: Section) -> String {
        ScoreText.number(diff.old.score.sections[section] ?? nil) + " → " + ScoreText.number(diff.new.score.sections[section] ?? nil)
            + "  " + change(diff.sectionChange(section))
    }

    static func ruleItem(_ change: ResultDiff.Change) -> String { change.rule + (change.item.map { " " + $0 } ?? "") }

    static func status(_ status: Status?, _ options: OutputOptions) -> String {
        status.map { options.text($0.label) } ?? (options.language == .zh ? "（无）" : "(absent)")
    }

    static func statusChange(_ change: ResultDiff.Change, _ options: OutputOptions) -> String {
        status(change.old, options) + " → " + status(change.new, options)
    }
}
