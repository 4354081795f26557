import AuditCore
import AuditYAML

// The keys of the rule files' mappings (packs, waivers, profiles), each mapping an enum: the
// loaders read through them (`NodeReader.mapping(_:_:keys:)`) and `RuleFileJSONSchema`
// describes them, so `audit schema pack|waivers|profile` lists exactly the keys the loaders
// accept and require. What a key means is said here, zh and en side by side.

// MARK: - Rule packs (docs/rules.md, "A rule pack")

/// The top level of a rule pack.
enum PackKey: String, FormatKey {
    case pack, version, description, defaults, rules

    var isRequired: Bool { self != .description && self != .defaults }

    var meaning: Label {
        switch self {
        case .pack: Label(zh: "规则包名称", en: "the pack's name")
        case .version: Label(zh: "规则包版本", en: "the pack's version")
        case .description: Label(zh: "说明", en: "description")
        case .defaults: Label(zh: "本包规则共用的取值，规则自己写的优先", en: "what the pack's rules share; a rule that says otherwise wins")
        case .rules: Label(zh: "规则", en: "the rules")
        }
    }
}

/// `defaults:` of a pack.
enum DefaultsKey: String, FormatKey {
    case section, cite

    var isRequired: Bool { false }

    var meaning: Label {
        switch self {
        case .section: Label(zh: "各规则的章节", en: "the rules' section")
        case .cite: Label(zh: "各规则引用的来源与文件", en: "the source and document the rules cite")
        }
    }
}

/// `defaults.cite:` of a pack.
enum DefaultsCiteKey: String, FormatKey {
    case source, document

    var isRequired: Bool { false }
    var meaning: Label { CiteKey(rawValue: rawValue)?.meaning ?? Label(zh: rawValue, en: rawValue) }
}

/// One rule of a pack.
enum RuleKey: String, FormatKey {
    case id, title, description, section, severity, points, tier, cite, applies, due
    case forEach = "for_each"
    case `let`, check, message, evidence, params, examples

    /// `section` may come from the pack's defaults instead.
    var isRequired: Bool {
        switch self {
        case .id, .title, .section, .severity, .cite, .check, .message, .examples: true
        default: false
        }
    }

    var meaning: Label {
        switch self {
        case .id: Label(zh: "规则编号，在所有规则包中唯一，只用 A-Z、0-9 和 -", en: "rule id, unique across all packs: A-Z, 0-9 and -")
        case .title: Label(zh: "规则名称", en: "the rule's title")
        case .description: Label(zh: "说明：规则在条款未明确处所作的判断", en: "description: the judgments the rule makes where the clause leaves one open")
        case .section: Label(zh: "章节（可由 defaults 给出）", en: "section (may come from defaults)")
        case .severity: Label(zh: "严重程度", en: "severity")
        case .points: Label(zh: "分值 0–1000，默认按严重程度 10、5、2、0", en: "points, 0–1000; default by severity: 10, 5, 2, 0")
        case .tier: Label(zh: "只对此星级适用", en: "the tier the rule belongs to")
        case .cite: Label(zh: "所依据的条款及原文", en: "the clause the rule encodes, quoted")
        case .applies: Label(zh: "适用条件（表达式），默认总是适用", en: "when the rule applies (an expression); default: always")
        case .due: Label(zh: "何时可判定（表达式）：false 或无值为未到期", en: "when the clause comes due (an expression): false or none is not_due")
        case .forEach: Label(zh: "逐项检查的列表（表达式），或每个列表一项 {in, let}", en: "the list checked item by item (an expression), or one {in, let} entry per list")
        case .let: Label(zh: "命名的中间值：名称 → 表达式，按顺序", en: "named values: name → expression, in order")
        case .check: Label(zh: "检查（表达式）：布尔值或期限结果", en: "the check (an expression): a boolean or a deadline result")
        case .message: Label(zh: "不符合时的说明，{表达式} 可插值", en: "the failure message; {expr} interpolates")
        case .evidence: Label(zh: "结果指向的报告字段（表达式）", en: "the report field findings point at (an expression)")
        case .params: Label(zh: "参数及默认值：--param 规则.名称=值 或配置文件可改；{value, fixed: true} 为法定值", en: "parameters and their defaults, changed by --param RULE.name=VALUE or a profile; {value, fixed: true} is set by law")
        case .examples: Label(zh: "示例：报告片段，pass 与 fail 各至少一个", en: "examples: report fragments, at least one pass and one fail")
        }
    }
}

/// `cite:` of a rule.
enum CiteKey: String, FormatKey {
    case source, document, clause, quote

    /// `source` and `document` may come from the pack's defaults instead.
    var isRequired: Bool { true }

    var meaning: Label {
        switch self {
        case .source: Label(zh: "来源简称（CS、LB……）", en: "the source's abbreviation (CS, LB, …)")
        case .document: Label(zh: "文件名称", en: "the document's name")
        case .clause: Label(zh: "条款号", en: "the clause")
        case .quote: Label(zh: "原文，逐字引用，省略处写 ……", en: "the source's own words, exactly; …… where text is left out")
        }
    }
}

/// One entry of a rule's `for_each:` list.
enum ForEachKey: String, FormatKey {
    case `in`, `let`

    var isRequired: Bool { self == .in }

    var meaning: Label {
        switch self {
        case .in: Label(zh: "逐项检查的列表（表达式）", en: "the list checked item by item (an expression)")
        case .let: Label(zh: "此列表各项的命名值", en: "names bound per item of this list")
        }
    }
}

/// `message:` of a rule.
enum MessageKey: String, FormatKey {
    case zh, en

    var isRequired: Bool { true }

    var meaning: Label {
        switch self {
        case .zh: Label(zh: "中文说明", en: "in Chinese")
        case .en: Label(zh: "英文说明", en: "in English")
        }
    }
}

/// A parameter written `{value, fixed}`.
enum ParameterKey: String, FormatKey {
    case value, fixed

    var isRequired: Bool { self == .value }

    var meaning: Label {
        switch self {
        case .value: Label(zh: "默认值", en: "the default")
        case .fixed: Label(zh: "法律或公开承诺规定的数值：--param 不能改，须出现在引文中", en: "a number set by a law or a public commitment: --param cannot change it, and the quote must state it")
        }
    }
}

/// `examples:` of a rule.
enum ExamplesKey: String, FormatKey {
    case pass, fail

    var isRequired: Bool { true }

    var meaning: Label {
        switch self {
        case .pass: Label(zh: "应符合的报告片段：至少一个 pass，其余只能是 pass 或 not_applicable", en: "report fragments that pass: at least one pass, nothing but pass or not_applicable")
        case .fail: Label(zh: "应不符合的报告片段：至少一个 fail", en: "report fragments that fail: at least one fail")
        }
    }
}

// MARK: - Waivers (`--waivers FILE`)

/// The top level of a waivers file.
enum WaiversFileKey: String, FormatKey {
    case waivers

    var isRequired: Bool { true }
    var meaning: Label { Label(zh: "豁免", en: "the waivers") }
}

/// One waiver.
enum WaiverKey: String, FormatKey {
    case rule, outlet, item, reason
    case approvedBy = "approved_by"
    case expires

    var isRequired: Bool { self != .item }

    var meaning: Label {
        switch self {
        case .rule: Label(zh: "豁免的规则编号", en: "the rule waived")
        case .outlet: Label(zh: "网点编号，可用通配符 * 和 ?", en: "the outlet id, or a pattern with * and ?")
        case .item: Label(zh: "只豁免此对象（员工、电话或案件编号）", en: "only this item (a staff, call or case id)")
        case .reason: Label(zh: "理由", en: "the reason")
        case .approvedBy: Label(zh: "批准部门", en: "who approved it")
        case .expires: Label(zh: "到期日（含），YYYY-MM-DD", en: "the last day it applies, YYYY-MM-DD")
        }
    }
}

// MARK: - Profiles (docs/rules.md, "Profiles")

/// The top level of a profile.
enum ProfileKey: String, FormatKey {
    case profile, version, description, match, params, disable, rerate

    var isRequired: Bool { self == .profile }

    var meaning: Label {
        switch self {
        case .profile: Label(zh: "配置名称", en: "the profile's name")
        case .version: Label(zh: "版本", en: "version")
        case .description: Label(zh: "说明", en: "description")
        case .match: Label(zh: "适用的网点：所写各项都须符合（列表为任一）；不写则适用所有网点", en: "the outlets it applies to: every key given must hold (a list: any of its values); none: every outlet")
        case .params: Label(zh: "参数取值：规则.名称（或唯一的名称）→ 值", en: "parameter values: RULE.name (or a name one rule declares) → value")
        case .disable: Label(zh: "停用的规则及理由", en: "rules disabled, each with its reason")
        case .rerate: Label(zh: "调整严重程度或分值的规则及理由", en: "rules re-rated (severity or points), each with its reason")
        }
    }
}

/// `match:` of a profile.
enum MatchKey: String, FormatKey {
    case branch
    case subBranch = "sub_branch"
    case type, outlet

    var isRequired: Bool { false }

    var meaning: Label {
        switch self {
        case .branch: Label(zh: "分公司（outlet.branch）", en: "the branch (outlet.branch)")
        case .subBranch: Label(zh: "支公司（outlet.sub_branch）", en: "the sub-branch (outlet.sub_branch)")
        case .type: Label(zh: "网点类型（outlet.type）", en: "the outlet type (outlet.type)")
        case .outlet: Label(zh: "网点编号（outlet.id），可用通配符 * 和 ?", en: "the outlet id (outlet.id), or a pattern with * and ?")
        }
    }
}

/// One entry of a profile's `disable:`.
enum DisableKey: String, FormatKey {
    case rule, reason

    var isRequired: Bool { true }
    var meaning: Label { RerateKey(rawValue: rawValue)?.meaning ?? Label(zh: rawValue, en: rawValue) }
}

/// One entry of a profile's `rerate:`.
enum RerateKey: String, FormatKey {
    case rule, severity, points, reason

    var isRequired: Bool { self == .rule || self == .reason }

    var meaning: Label {
        switch self {
        case .rule: Label(zh: "规则编号", en: "the rule")
        case .severity: Label(zh: "新的严重程度", en: "the new severity")
        case .points: Label(zh: "新的分值 0–1000", en: "the new points, 0–1000")
        case .reason: Label(zh: "理由", en: "the reason")
        }
    }
}
