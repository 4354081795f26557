import AuditCore
import AuditEngine
import AuditRules

// The wording of results: what the engine found, said in the output's language. zh and en
// side by side, one place for all of them.

extension Status {
    public var label: Label {
        switch self {
        case .fail: Label(zh: "不符合", en: "fail")
        case .error: Label(zh: "无法评估", en: "error")
        case .notAssessed: Label(zh: "未检查", en: "not assessed")
        case .notDue: Label(zh: "未到期", en: "not due")
        case .waived: Label(zh: "已豁免", en: "waived")
        case .pass: Label(zh: "符合", en: "pass")
        case .notApplicable: Label(zh: "不适用", en: "not applicable")
        }
    }
}

extension Finding {
    /// What the finding says, in `language`.
    public func text(_ language: Language) -> String {
        let zh = language == .zh
        var text: String
        switch message {
        case .rule(let rule):
            text = rule.text(language)
        case .title:
            text = rule.title.text(language)
        case .notApplicable:
            text = zh ? "不适用" : "not applicable"
        case .missingEvidence(let paths):
            text = zh ? "缺少检查证据:\(paths.joined(separator: "、"))" : "evidence missing: \(paths.joined(separator: ", "))"
        case .notDue(let day?, .exact):
            text = zh ? "尚未到期(期限 \(day))" : "not due yet (deadline \(day))"
        case .notDue(let day?, .atLeast):
            text = zh ? "尚未到期(期限不早于 \(day))" : "not due yet (deadline \(day) at the earliest)"
        case .notDue(_, .stopped):
            text = zh ? "尚未到期(期限暂停计算,待补充资料到达)" : "not due yet (the clock is stopped until the requested documents arrive)"
        case .notDue(nil, _):
            text = zh ? "尚未到期" : "not due yet"
        case .error(let error):
            text = zh ? error.zh ?? error.message : error.message
        }
        if status == .waived, let waiver {
            text += zh
                ? "(已豁免:\(waiver.reason);\(waiver.approvedBy) 批准,有效期至 \(waiver.expires))"
                : " (waived: \(waiver.reason); approved by \(waiver.approvedBy), until \(waiver.expires))"
        }
        return text
    }
}
