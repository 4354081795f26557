import AuditCore
import AuditEngine
import AuditReport
import AuditRules

// The wording of results: what the engine found, said in the output's language. zh and en
// side by side, one place for all of them. One punctuation style per language in the prose
// the formatters write (`Punctuation`): full-width ，；：（） in zh, ASCII in en. Text the
// rules and reports provide (messages, quotes, values) is shown as written.

/// The punctuation of the output's language.
struct Punctuation {
    let zh: Bool

    init(_ language: Language) { zh = language == .zh }

    /// After a label: `星级：` / `tier: `.
    var colon: String { zh ? "：" : ": " }
    /// Between the parts of a line: `申报 标准店；认定 无` / `claimed standard; qualifies none`.
    var semicolon: String { zh ? "；" : "; " }
    /// Between counts and clauses: `不符合 5，未检查 4`.
    var comma: String { zh ? "，" : ", " }
    /// Between the items of a list: `A、B` / `A, B`.
    var enumeration: String { zh ? "、" : ", " }

    /// A remark after a word: `标准店（不符合）` / `standard (fail)`.
    func parenthesized(_ text: String) -> String { zh ? "（\(text)）" : " (\(text))" }
}

extension ObjectSchema {
    /// The schema's label of the field a report path names (`staff[1].stood_to_greet` →
    /// 起身迎客 / stood to greet), through objects and lists of objects; nil when the path
    /// names no field of the schema.
    public func label(atPath path: String) -> Label? {
        var object: ObjectSchema? = self
        var label: Label?
        for segment in path.split(separator: ".", omittingEmptySubsequences: false) {
            guard let current = object, let field = current.field(named: String(segment.prefix { $0 != "[" })) else { return nil }
            label = field.label
            object = Self.objectType(field.type)
        }
        return label
    }

    private static func objectType(_ type: ValueType) -> ObjectSchema? {
        switch type {
        case .object(let object): object
        case .list(let element): objectType(element)
        default: nil
        }
    }
}

/// A piece of evidence by its schema label, then its path: `起身迎客（staff[1].stood_to_greet）`,
/// `stood to greet (staff[1].stood_to_greet)`; the path alone without a schema or a label.
public func evidenceName(_ path: String, schema: ObjectSchema?, _ language: Language) -> String {
    guard let label = schema?.label(atPath: path)?.text(language), !label.isEmpty else { return path }
    return label + Punctuation(language).parenthesized(path)
}

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
    /// What the finding says, in `language`; missing evidence is named by its label in
    /// `schema` (the report's, `result.report.root.schema`) when one is given.
    public func text(_ language: Language, schema: ObjectSchema? = nil) -> String {
        let zh = language == .zh
        let p = Punctuation(language)
        var text: String
        switch message {
        case .rule(let rule):
            text = rule.text(language)
        case .title:
            text = rule.title.text(language)
        case .notApplicable:
            text = zh ? "不适用" : "not applicable"
        case .missingEvidence(let paths):
            let named = paths.map { evidenceName($0, schema: schema, language) }.joined(separator: p.enumeration)
            text = (zh ? "缺少检查证据" : "evidence missing") + p.colon + named
        case .notDue(let day?, .exact):
            text = zh ? "尚未到期（期限 \(day)）" : "not due yet (deadline \(day))"
        case .notDue(let day?, .atLeast):
            text = zh ? "尚未到期（期限不早于 \(day)）" : "not due yet (deadline \(day) at the earliest)"
        case .notDue(_, .stopped):
            text = zh ? "尚未到期（期限暂停计算，待补充资料到达）" : "not due yet (the clock is stopped until the requested documents arrive)"
        case .notDue(nil, _):
            text = zh ? "尚未到期" : "not due yet"
        case .error(let error):
            text = zh ? error.zh ?? error.message : error.message
        }
        if status == .waived, let waiver {
            text += zh
                ? "（已豁免：\(waiver.reason)；\(waiver.approvedBy) 批准，有效期至 \(waiver.expires)）"
                : " (waived: \(waiver.reason); approved by \(waiver.approvedBy), until \(waiver.expires))"
        }
        return text
    }
}
