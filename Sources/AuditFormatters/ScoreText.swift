import AuditCore
import AuditEngine
import AuditReport
import AuditRules

/// Score, grade, sections, coverage and tier as short phrases, shared by the text and
/// markdown formats.
struct ScoreText {
    let result: AuditResult
    let options: OutputOptions
    var zh: Bool { options.language == .zh }

    /// One decimal, always shown (`87.0`), rounded half-up.
    static func number(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "—" }
        let text = JSON.format(value, decimals: 1)
        return text.contains(".") ? text : text + ".0"
    }

    var p: Punctuation { Punctuation(options.language) }

    /// `总分：87.9  良好`, then a provisional grade and the red line, if any.
    var total: String {
        var text = (zh ? "总分" : "score") + p.colon + Self.number(result.score.total)
        if let grade = result.score.grade { text += "  " + options.text(grade.label) }
        if result.score.provisional { text += p.parenthesized(zh ? "暂定：证据不足" : "provisional: evidence missing") }
        if let rule = result.score.redLine { text += "  " + (zh ? "一票否决" : "red line") + p.colon + ruleName(rule) }
        return text
    }

    var sections: String {
        let parts = Section.allCases.map { section -> String in
            let value = result.score.sections[section] ?? nil
            return "\(options.text(section.label)) \(Self.number(value))"
        }
        return (zh ? "分项" : "sections") + p.colon + parts.joined(separator: " · ")
    }

    var coverageValue: String { result.score.coverage.map { JSON.format($0 * 100, decimals: 1) + "%" } ?? "—" }

    var coverage: String { (zh ? "覆盖率" : "coverage") + p.colon + coverageValue }

    func tierName(_ tier: Tier?) -> String { options.text(Tier.label(tier)) }

    /// A rule by its id and title: `BLD-POSTINGS 宣传材料悬挂齐全`.
    func ruleName(_ id: String) -> String {
        let title = result.tier.titles[id] ?? result.findings.first { $0.rule.id == id }?.rule.title
        guard let text = title.map(options.text), !text.isEmpty else { return id }
        return id + " " + text
    }

    /// `星级：申报 标准店；认定 无；未达标：BLD-POSTINGS 宣传材料悬挂齐全`
    var tier: String { (zh ? "星级" : "tier") + p.colon + tierValue }

    /// The tier line without its label (a table row has the label already).
    var tierValue: String {
        let t = result.tier
        var text = (zh ? "申报 " : "claimed ") + tierName(t.claimed) + p.semicolon + (zh ? "认定 " : "qualifies ") + tierName(t.qualifies)
        if !t.eligible && t.claimed != nil {
            text += p.parenthesized(zh ? "该类型网点不能认定星级，CS 2.1.1" : "this type of outlet cannot hold a tier, CS 2.1.1")
        }
        if !t.blocking.isEmpty {
            text += p.semicolon + (zh ? "未达标" : "blocked by") + p.colon + t.blocking.map(ruleName).joined(separator: p.enumeration)
        }
        return text
    }

    /// Failed advisory tier rules: what the outlet should do "as far as possible".
    var advice: String? {
        guard !result.tier.advice.isEmpty else { return nil }
        return (zh ? "星级建议" : "tier advice") + p.parenthesized(zh ? "不影响认定" : "does not block") + p.colon
            + result.tier.advice.map(ruleName).joined(separator: p.enumeration)
    }

    /// What the run changed of the rules as written, for this outlet: the profiles applied,
    /// parameters set, rules disabled or re-rated (nil when nothing was changed).
    var configuration: String? {
        guard let provenance = result.provenance,
              !(provenance.profiles.isEmpty && provenance.params.isEmpty && provenance.disabled.isEmpty && provenance.rerated.isEmpty) else {
            return nil
        }
        var parts: [String] = []
        if !provenance.profiles.isEmpty {
            parts.append((zh ? "配置 " : "profiles ") + provenance.profiles.map(\.name).joined(separator: p.enumeration))
        }
        for param in provenance.params {
            parts.append("\(param.rule).\(param.name)=\(ParameterValue.text(param.value))"
                + p.parenthesized((zh ? "默认 " : "default ") + ParameterValue.text(param.defaultValue)))
        }
        if !provenance.disabled.isEmpty {
            parts.append((zh ? "停用 " : "disabled ") + provenance.disabled.map(\.rule).joined(separator: p.enumeration))
        }
        for change in provenance.rerated {
            var what: [String] = []
            if let s = change.severity { what.append("\(options.text(s.from.label))→\(options.text(s.to.label))") }
            if let points = change.points { what.append("\(JSON.format(points.from, decimals: 2))→\(JSON.format(points.to, decimals: 2))") }
            parts.append((zh ? "调整 " : "re-rated ") + "\(change.rule) " + what.joined(separator: " "))
        }
        return (zh ? "规则调整" : "rules changed") + p.colon + parts.joined(separator: p.semicolon)
    }

    /// What keeps the outlet from the next tier up, with each rule's status.
    var nextTier: String? {
        guard !result.tier.missing.isEmpty else { return nil }
        let next: Tier = result.tier.qualifies == nil ? .standard : .flagship
        let items = result.tier.missing.map { ruleName($0.rule) + p.parenthesized(options.text($0.status.label)) }
        return (zh ? "距\(tierName(next))尚缺" : "missing for \(tierName(next))") + p.colon + items.joined(separator: p.enumeration)
    }

    /// The evidence a provisional score lacks, by label and path (the first 12).
    var missingEvidence: String? {
        guard result.score.provisional, !result.score.missingEvidence.isEmpty else { return nil }
        let shown = result.score.missingEvidence.prefix(12).map { evidenceName($0, schema: result.report.root.schema, options.language) }
        let more = result.score.missingEvidence.count - shown.count
        return (zh ? "缺少证据" : "missing evidence") + p.colon + shown.joined(separator: p.enumeration)
            + (more > 0 ? (zh ? " 等 \(more) 项" : " and \(more) more") : "")
    }

    var counts: String {
        Status.allCases.compactMap { status -> String? in
            let n = result.count(status)
            return n == 0 ? nil : "\(options.text(status.label)) \(n)"
        }.joined(separator: p.comma)
    }
}
