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

    var total: String {
        var text = (zh ? "总分 " : "score ") + Self.number(result.score.total)
        if let grade = result.score.grade { text += "  " + options.text(grade.label) }
        if result.score.provisional { text += zh ? "  (暂定:证据不足)" : "  (provisional: evidence missing)" }
        if let rule = result.score.redLine { text += zh ? "  一票否决:\(rule)" : "  red line: \(rule)" }
        return text
    }

    var sections: String {
        let parts = Section.allCases.map { section -> String in
            let value = result.score.sections[section] ?? nil
            return "\(options.text(section.label)) \(Self.number(value))"
        }
        return (zh ? "分项 " : "sections ") + parts.joined(separator: " · ")
    }

    var coverage: String {
        let value = result.score.coverage.map { JSON.format($0 * 100, decimals: 1) + "%" } ?? "—"
        return (zh ? "覆盖率 " : "coverage ") + value
    }

    func tierName(_ tier: Tier?) -> String { options.text(Tier.label(tier)) }

    var tier: String {
        let t = result.tier
        var text = zh
            ? "星级 认定 \(tierName(t.claimed)),达到 \(tierName(t.qualifies))"
            : "tier claimed \(tierName(t.claimed)), qualifies \(tierName(t.qualifies))"
        if !t.eligible && t.claimed != nil {
            text += zh ? "(该类型网点不能认定星级,CS 2.1.1)" : " (this type of outlet cannot hold a tier, CS 2.1.1)"
        }
        if !t.blocking.isEmpty {
            text += (zh ? ";未达标规则 " : "; blocked by ") + t.blocking.joined(separator: ", ")
        }
        return text
    }

    /// Failed advisory tier rules: what the outlet should do "as far as possible".
    var advice: String? {
        guard !result.tier.advice.isEmpty else { return nil }
        return (zh ? "星级建议(不影响认定) " : "tier advice (does not block): ") + result.tier.advice.joined(separator: ", ")
    }

    /// What the run changed of the rules as written, for this outlet: the profiles applied,
    /// parameters set, rules disabled or re-rated (nil when nothing was changed).
    var configuration: String? {
        guard let p = result.provenance, !(p.profiles.isEmpty && p.params.isEmpty && p.disabled.isEmpty && p.rerated.isEmpty) else {
            return nil
        }
        var parts: [String] = []
        if !p.profiles.isEmpty { parts.append((zh ? "配置 " : "profiles ") + p.profiles.map(\.name).joined(separator: ", ")) }
        for param in p.params {
            parts.append("\(param.rule).\(param.name)=\(ParameterValue.text(param.value))" + (zh ? "(默认 " : " (default ") + ParameterValue.text(param.defaultValue) + ")")
        }
        if !p.disabled.isEmpty { parts.append((zh ? "停用 " : "disabled ") + p.disabled.map(\.rule).joined(separator: ", ")) }
        for change in p.rerated {
            var what: [String] = []
            if let s = change.severity { what.append("\(s.from.rawValue)→\(s.to.rawValue)") }
            if let points = change.points { what.append("\(JSON.format(points.from, decimals: 2))→\(JSON.format(points.to, decimals: 2))") }
            parts.append((zh ? "调整 " : "re-rated ") + "\(change.rule) " + what.joined(separator: " "))
        }
        return (zh ? "规则调整: " : "rules changed: ") + parts.joined(separator: "; ")
    }

    /// What keeps the outlet from the next tier up, with each rule's status.
    var nextTier: String? {
        guard !result.tier.missing.isEmpty else { return nil }
        let next: Tier = result.tier.qualifies == nil ? .standard : .flagship
        let items = result.tier.missing.map { "\($0.rule) (\(options.text($0.status.label)))" }
        return (zh ? "距\(tierName(next))尚缺 " : "missing for \(tierName(next)): ") + items.joined(separator: ", ")
    }

    var missingEvidence: String? {
        guard result.score.provisional, !result.score.missingEvidence.isEmpty else { return nil }
        let shown = result.score.missingEvidence.prefix(12)
        let more = result.score.missingEvidence.count - shown.count
        return (zh ? "缺少证据 " : "missing evidence: ") + shown.joined(separator: ", ") + (more > 0 ? (zh ? " 等 \(more) 项" : " and \(more) more") : "")
    }

    var counts: String {
        Status.allCases.compactMap { status -> String? in
            let n = result.count(status)
            return n == 0 ? nil : "\(options.text(status.label)) \(n)"
        }.joined(separator: zh ? "，" : ", ")
    }
}
