import AuditCore
import AuditReport

// What `audit template` writes around the fields: the header that says how to fill the
// template in, and each field's comment. zh and en side by side. Keys, tokens and values to
// type (`true`, `[]`, `YYYY-MM-DD`) read the same in both languages.

enum TemplateWording {
    /// The file the first line's `$schema=` names: relative, so it is the one beside the
    /// template, written by `audit schema report > report.schema.json`.
    static let schemaFile = "report.schema.json"

    static func title(type: String, typeLabel: Label?, tier: String, tierLabel: Label?) -> Label {
        func named(_ token: String, _ label: Label?, _ language: Language) -> String {
            guard let text = label?.text(language), !text.isEmpty, text != token else { return token }
            return language == .zh ? "\(text)(\(token))" : "\(text) (\(token))"
        }
        return Label(zh: "检查报告模板：\(named(type, typeLabel, .zh))，星级：\(named(tier, tierLabel, .zh))",
                     en: "inspection report template: \(named(type, typeLabel, .en)), tier: \(named(tier, tierLabel, .en))")
    }

    static func rulesApply(_ count: Int) -> Label {
        Label(zh: "audit template：适用规则 \(count) 条，只列出它们读取的字段。",
              en: "audit template: \(count) rules apply; only the fields they read are listed.")
    }

    /// How to write "not observed", "no", "none" and "has not happened" (report-format.md,
    /// General rules; docs/rules.md: an absent list is not assessed, `[]` has no items).
    static let howToFill: [Label] = [
        Label(zh: "填写说明：", en: "How to fill it in:"),
        Label(zh: "  未观察的项目：留空（或删去该行），需要它的规则记为“未检查”；",
              en: "  not observed: leave the value empty (or delete the line); the rules that need it are not assessed;"),
        Label(zh: "  观察到的检查项：写 true 或 false（不写 是/否）；",
              en: "  an item you observed: true or false;"),
        Label(zh: "  列表（可多选项、人员、电话、案件）：观察过但一个也没有时写 []，例如 plaque: [] 表示没有营业铭牌；未观察就删去该行（留空会收到提醒，以免把“没有”误作“未检查”）；",
              en: "  a list (tokens, staff, calls, cases) you observed with nothing in it: [], e.g. plaque: [] = no business plaque; not observed: delete the line (an empty one gets a reminder, lest \"none\" be read as \"not observed\");"),
        Label(zh: "  标有“留空表示尚未发生”的字段：尚未发生就留空，不算缺少证据。",
              en: "  a field marked “empty: has not happened”: leave it empty when it has not happened; that is not missing evidence."),
    ]

    static func schemaLines(extended: Bool) -> [Label] {
        [
            Label(zh: "第一行让 VS Code 的 YAML 扩展边写边补全、检查；在本文件旁生成它指向的模式文件：",
                  en: "The first line lets VS Code's YAML extension complete and check as you type; write the schema it names beside this file:"),
            extended
                ? Label(zh: "  audit schema report --rules …（与本模板相同） > \(schemaFile)",
                        en: "  audit schema report --rules … (as for this template) > \(schemaFile)")
                : Label(zh: "  audit schema report > \(schemaFile)", en: "  audit schema report > \(schemaFile)"),
        ]
    }

    /// Between the notes of a field's comment, and between the tokens of a list.
    static let noteSeparator = Label(zh: "；", en: "; ")
    static let listSeparator = Label(zh: "、", en: ", ")
    static func tokenWithLabel(_ token: String, _ label: String, _ language: Language) -> String {
        label.isEmpty || label == token ? token : language == .zh ? "\(token)（\(label)）" : "\(token) (\(label))"
    }

    static let required = Label(zh: "必填", en: "required")
    static let oneEntryEach = Label(zh: "每项一条，以 “- ” 开头", en: "one entry each, starting with “- ”")
    static let orACount = Label(zh: "或只写份数，如 2", en: "or just the number of them, e.g. 2")
    static let noneIsEmptyList = Label(zh: "一个也没有写 []", en: "none: []")
    static let notHappened = Label(zh: "留空表示尚未发生", en: "empty: has not happened")
    static let integer = Label(zh: "整数", en: "integer")
    static let number = Label(zh: "数字", en: "number")
    static func oneOf(_ values: String) -> Label { Label(zh: "可选 \(values)", en: "one of \(values)") }
    static func anyOf(_ values: String) -> Label { Label(zh: "可多选 \(values)", en: "any of \(values)") }
    static func atLeast(_ value: String) -> Label { Label(zh: "不小于 \(value)", en: "at least \(value)") }
    static let verbatim = Label(zh: "逐字记录听到的话，每句一项", en: "what was heard, verbatim, one item each")
    static let timeZone = Label(zh: "如 \(ReportValidator.defaultTimeZone)，留空即 \(ReportValidator.defaultTimeZone)",
                                en: "e.g. \(ReportValidator.defaultTimeZone); empty: \(ReportValidator.defaultTimeZone)")
}

extension TemplateWording {
    static func unknownValue(_ value: String, option: String, expected: Label, hint: Label) -> Message {
        Message("template.unknown-value",
                en: "\(option) '\(value)' is not one of \(expected.en), nor a Chinese label of one\(hint.en)",
                zh: "\(option) '\(value)' 不是可选值 \(expected.zh) 之一，也不是其中文名称\(hint.zh)")
    }
}
