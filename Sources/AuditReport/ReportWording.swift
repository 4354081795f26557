import AuditCore

// What the report phase says: the report schema file, then the validation of a report
// against it. zh and en side by side. Paths (`outlet.staff[2].badge`) and tokens read the
// same in both languages.

extension Label {
    static let reportSchema = Label(zh: "报告格式定义", en: "the report schema")
    static let anAllowedValue = Label(zh: "允许的取值", en: "an allowed value")
    static func enumNamed(_ name: String) -> Label { Label(zh: "枚举 '\(name)'", en: "enum '\(name)'") }
    static func objectNamed(_ name: String) -> Label { Label(zh: "对象 '\(name)'", en: "object '\(name)'") }
    static func fieldNamed(_ name: String) -> Label { Label(zh: "字段 '\(name)'", en: "field '\(name)'") }
    static func labelOf(_ name: String) -> Label { Label(zh: "'\(name)' 的名称", en: "the label of '\(name)'") }
    static let schemaExtension = Label(zh: "报告格式扩展", en: "the schema extension")
}

extension Message {
    // MARK: The report schema

    static func unknownObjectType(_ name: String, hint: Label) -> Message {
        Message("schema.unknown-object", en: "unknown object type '\(name)'\(hint.en)", zh: "未知的对象类型 '\(name)'\(hint.zh)")
    }

    static func objectContainsItself(_ name: String) -> Message {
        Message("schema.recursive-object", en: "object type '\(name)' contains itself", zh: "对象类型 '\(name)' 包含了它自身")
    }

    static let absentMustBeNotHappened = Message(
        "schema.absent", en: "absent must be 'not_happened'", zh: "absent 只能为 'not_happened'")

    static func fieldNeedsValues(_ typeName: String) -> Message {
        Message("schema.needs-values", en: "a \(typeName) field needs 'values' naming an enum", zh: "\(typeName) 字段需要用 'values' 指明枚举")
    }

    static func unknownEnum(_ name: String, hint: Label) -> Message {
        Message("schema.unknown-enum", en: "unknown enum '\(name)'\(hint.en)", zh: "未知的枚举 '\(name)'\(hint.zh)")
    }

    static func fieldNeedsOf(_ typeName: String) -> Message {
        Message("schema.needs-of", en: "a \(typeName) field needs 'of' naming an object type", zh: "\(typeName) 字段需要用 'of' 指明对象类型")
    }

    static func unknownFieldType(_ name: String, hint: Label) -> Message {
        Message("schema.unknown-type", en: "unknown field type '\(name)'\(hint.en)", zh: "未知的字段类型 '\(name)'\(hint.zh)")
    }

    static let countOnlyForLists = Message(
        "schema.count", en: "count: true is only for list fields (a count of items)", zh: "count: true 只用于列表字段（表示条目数）")

    static let minOnlyForNumbers = Message(
        "schema.min", en: "min is only for int and number fields", zh: "min 只用于 int 与 number 字段")

    static func minMustBeNumber(found: Label) -> Message {
        Message("schema.min-number", en: "min must be a finite number, found \(found.en)", zh: "min 须为有限数，实际为\(found.zh)")
    }

    static let unmetOnlyForBools = Message(
        "schema.unmet", en: "unmet: is only for bool fields (what false means)", zh: "unmet: 只用于布尔字段（表示为 false 时的含义）")

    static func needsAToken(_ what: Label) -> Message {
        Message("schema.needs-token", en: "\(what.en) needs a token", zh: "\(what.zh) 需要一个取值")
    }

    static let deprecatedReplacesItself = Message(
        "schema.deprecated-self", en: "a deprecated field cannot replace itself", zh: "弃用字段不能以自身替代")

    static func unknownReplacement(_ field: String, _ replacement: String) -> Message {
        Message("schema.deprecated-unknown", en: "deprecated field '\(field)' names an unknown replacement '\(replacement)'",
                zh: "弃用字段 '\(field)' 指定的替代字段 '\(replacement)' 不存在")
    }

    static func replacementNotToken(_ replacement: String, type: String) -> Message {
        Message("schema.deprecated-type",
                en: "the replacement of a deprecated field must be a token field, '\(replacement)' is \(type)",
                zh: "弃用字段的替代字段须为取值（token）字段，'\(replacement)' 是 \(type)")
    }

    static func notATokenOf(_ token: String, for old: String, _ enumName: String, hint: Label) -> Message {
        Message("schema.deprecated-token", en: "'\(token)' (for \(old)) is not a token of \(enumName)\(hint.en)",
                zh: "'\(token)'（对应 \(old)）不是 \(enumName) 的取值\(hint.zh)")
    }

    // MARK: Schema extensions

    static func extensionFieldExists(_ path: String) -> Message {
        Message("schema-extension.field-exists",
                en: "field '\(path)' is already defined by the report schema: an extension can add fields, never redefine one",
                zh: "字段 '\(path)' 已由报告格式定义：扩展只能新增字段，不能重新定义已有字段")
    }

    static func extensionFieldTwice(_ path: String, first: String, second: String) -> Message {
        Message("schema-extension.field-twice",
                en: "field '\(path)' is added by two extensions: '\(first)' and '\(second)'",
                zh: "字段 '\(path)' 被两个扩展重复新增：'\(first)' 和 '\(second)'")
    }

    static func extensionTokenExists(_ enumName: String, _ token: String) -> Message {
        Message("schema-extension.token-exists",
                en: "'\(token)' is already a token of \(enumName) in the report schema",
                zh: "'\(token)' 已是报告格式中 \(enumName) 的取值")
    }

    static func extensionTokenTwice(_ enumName: String, _ token: String, first: String, second: String) -> Message {
        Message("schema-extension.token-twice",
                en: "token '\(token)' of \(enumName) is added by two extensions: '\(first)' and '\(second)'",
                zh: "\(enumName) 的取值 '\(token)' 被两个扩展重复新增：'\(first)' 和 '\(second)'")
    }

    static func extensionUnknownObject(_ name: String, hint: Label) -> Message {
        Message("schema-extension.unknown-object",
                en: "unknown object type '\(name)'\(hint.en); an extension adds fields to the report schema's objects",
                zh: "未知的对象类型 '\(name)'\(hint.zh)；扩展只能为报告格式中已有的对象新增字段")
    }

    static func extensionFieldRequired(_ path: String, _ origin: String) -> Message {
        Message("schema-extension.required",
                en: "extension field '\(path)' cannot be required: every report written before '\(origin)' would be invalid; leave it optional (a rule that reads it is not assessed where it is missing)",
                zh: "扩展字段 '\(path)' 不能设为必填：'\(origin)' 之前的报告都将无效；请保留为选填（缺少该字段时，读取它的规则不作评估）")
    }

    static func extensionFieldIsFree(_ path: String) -> Message {
        Message("schema-extension.free-key",
                en: "extension field '\(path)' starts with x_: reports' x_ keys are free and never read; choose another name",
                zh: "扩展字段 '\(path)' 以 x_ 开头：报告中 x_ 开头的键可自由使用且不会被读取；请换一个名称")
    }

    static func firstAddedBy(_ origin: String) -> Message {
        Message("schema-extension.first", en: "first added here by '\(origin)'", zh: "首次由 '\(origin)' 在此新增")
    }

    static let definedInSchema = Message("schema-extension.defined-here", en: "defined here", zh: "定义于此")

    static let schemaNotExtensible = Message(
        "schema-extension.no-source", en: "this report schema was not loaded from a file and cannot be extended",
        zh: "该报告格式不是从文件加载的，无法扩展")

    // MARK: Validating a report

    static func reportMustBeMapping(_ path: String, found: Label) -> Message {
        let what = path.isEmpty ? Label(zh: "报告", en: "the report") : .code(path)
        return Message("report.not-mapping", en: "\(what.en) must be a mapping, found \(found.en)",
                       zh: "\(what.zh) 应为映射（键：值），实际为\(found.zh)")
    }

    static func reportKeysMustBeStrings(found: Label) -> Message {
        Message("report.key-type", en: "keys must be strings, found \(found.en)", zh: "键须为字符串，实际为\(found.zh)")
    }

    static func unknownReportKey(_ path: String, hint: Label) -> Message {
        Message("report.unknown-key", en: "unknown key '\(path)'\(hint.en)", zh: "未知的键 '\(path)'\(hint.zh)")
    }

    static func deprecatedContradicts(_ path: String, _ text: String, field: String, replacement: String, given: String) -> Message {
        Message("report.deprecated-conflict",
                en: "\(path): \(text) contradicts \(replacement): \(given) (\(field) is deprecated; keep only \(replacement))",
                zh: "\(path)：\(text) 与 \(replacement)：\(given) 矛盾（\(field) 已弃用，只保留 \(replacement)）")
    }

    static func deprecatedRepeats(_ path: String, replacement: String) -> Message {
        Message("report.deprecated-repeat", en: "\(path) is deprecated and repeats \(replacement): remove it",
                zh: "\(path) 已弃用，且与 \(replacement) 重复：请删除")
    }

    static func deprecatedWrite(_ path: String, replacement: String, token: String) -> Message {
        Message("report.deprecated", en: "\(path) is deprecated: write \(replacement): \(token)",
                zh: "\(path) 已弃用：请改写为 \(replacement)：\(token)")
    }

    /// `name:` with nothing after it: what the key is, and what to write (`fill`).
    static func requiredKeyEmpty(_ path: String, _ label: Label, fill: Label) -> Message {
        Message("report.empty-key", en: "required key '\(path)' (\(label.en)) is empty; \(fill.en)",
                zh: "必填项 '\(path)'（\(label.zh)）为空；\(fill.zh)")
    }

    static func belowMinimum(_ path: String, minimum: String, found: String) -> Message {
        Message("report.minimum", en: "\(path) must be at least \(minimum), found \(found)", zh: "\(path) 不能小于 \(minimum)，实际为 \(found)")
    }

    static func inspectionFarFromCases(_ inspected: String, years: Int, nearest: String) -> Message {
        Message("report.inspected-at", en: "inspection.inspected_at \(inspected) is more than \(years) years from every case's received_at (nearest \(nearest)); check the year",
                zh: "inspection.inspected_at \(inspected) 与所有案件的 received_at 相差超过 \(years) 年（最近的为 \(nearest)），请检查年份")
    }

    static func missingReportKey(_ path: String) -> Message {
        Message("report.missing-key", en: "missing required key '\(path)'", zh: "缺少必填的键 '\(path)'")
    }

    static func unsupportedReportFormat(_ declared: String, expected: String) -> Message {
        Message("report.format", en: "unsupported report format '\(declared)', expected '\(expected)'",
                zh: "不支持的报告格式 '\(declared)'，应为 '\(expected)'")
    }

    static func mustBeAList(_ path: String, found: Label) -> Message {
        Message("report.not-list", en: "\(path) must be a list, found \(found.en)", zh: "\(path) 应为列表，实际为\(found.zh)")
    }

    static func emptyItem(_ path: String) -> Message {
        Message("report.empty-item", en: "\(path) is empty", zh: "\(path) 为空")
    }

    static func duplicateId(_ idName: String, _ id: String, in path: String) -> Message {
        Message("report.duplicate-id", en: "duplicate \(idName) '\(id)' in \(path)", zh: "\(path) 中的 \(idName) '\(id)' 重复")
    }

    static let firstUsedHere = Message("report.duplicate-id-first", en: "first used here", zh: "首次出现于此")

    static func countOutOfRange(_ path: String, maximum: Int64, found: Int64) -> Message {
        Message("report.count", en: "\(path) must be a list or a count from 0 to \(maximum), found \(found)",
                zh: "\(path) 应为列表或 0 到 \(maximum) 之间的数量，实际为 \(found)")
    }

    static func countsTooLarge(_ path: String, maximum: Int) -> Message {
        Message("report.count-total", en: "\(path): the counts of this report add up to more than \(maximum) items; give the items",
                zh: "\(path)：本报告中的数量合计超过 \(maximum) 条；请逐条列出")
    }

    static func mustBe(_ path: String, _ expected: Label, found: Label) -> Message {
        Message("report.type", en: "\(path) must be \(expected.en), found \(found.en)",
                zh: "\(path) 应为\(expected.zh)，实际为\(found.zh)")
    }

    static func mustBeOneOf(_ path: String, _ allowed: String, found: Int64) -> Message {
        Message("report.int-value", en: "\(path) must be one of \(allowed), found \(found)", zh: "\(path) 应为 \(allowed) 之一，实际为 \(found)")
    }

    /// `expected` lists the tokens (with their zh labels in Chinese, which are accepted too).
    static func unknownToken(_ token: String, in path: String, hint: Label, expected: Label) -> Message {
        Message("report.unknown-token", en: "unknown token '\(token)' in \(path)\(hint.en); expected one of: \(expected.en)",
                zh: "\(path) 中有未知的取值 '\(token)'\(hint.zh)；应为以下之一（也可写中文名称）：\(expected.zh)")
    }

    static func invalidTimestamp(_ path: String, _ text: String, en reason: String, zh zhReason: String) -> Message {
        Message("report.timestamp", en: "\(path): invalid timestamp '\(text)': \(reason)", zh: "\(path)：无效的时间 '\(text)'：\(zhReason)")
    }

    static func invalidDate(_ path: String, _ text: String) -> Message {
        Message("report.date", en: "\(path): invalid date '\(text)' (expected an existing date as YYYY-MM-DD)",
                zh: "\(path)：无效的日期 '\(text)'（应为存在的日期，格式 YYYY-MM-DD）")
    }

    static func invalidTime(_ path: String, _ text: String) -> Message {
        Message("report.time", en: "\(path): invalid time '\(text)' (expected HH:MM)", zh: "\(path)：无效的时刻 '\(text)'（应为 HH:MM）")
    }

    static func invalidHours(_ path: String, _ text: String) -> Message {
        Message("report.hours", en: "\(path): invalid opening hours '\(text)' (expected HH:MM-HH:MM, opening before closing)",
                zh: "\(path)：无效的营业时间 '\(text)'（应为 HH:MM-HH:MM，开门早于关门）")
    }

    static func daylightSavingZone(_ path: String, _ text: String) -> Message {
        Message("report.timezone-dst",
                en: "\(path): time zone '\(text)' observes daylight saving time; only fixed-offset zones (such as Asia/Shanghai) are supported",
                zh: "\(path)：时区 '\(text)' 实行夏令时；只支持固定时差的时区（如 Asia/Shanghai）")
    }

    static func unknownTimeZone(_ path: String, _ text: String) -> Message {
        Message("report.timezone", en: "\(path): unknown time zone '\(text)' (expected an IANA name such as Asia/Shanghai)",
                zh: "\(path)：未知的时区 '\(text)'（应为 IANA 名称，如 Asia/Shanghai）")
    }

    // MARK: Slips made filling a report (ReportSlips)

    /// `postings:` with nothing after it, where a list is expected: null, the same as absent
    /// (not observed), which may not be what was meant.
    static func emptyList(_ path: String) -> Message {
        Message("report.empty-list",
                en: "\(path) has no value, which reads as not observed; write [] if there are none, or leave the key out if it was not observed",
                zh: "\(path) 没有填写，按未检查处理；写 [] 表示没有，未检查请删去此键")
    }

    /// `clean: 是`.
    static func booleanWord(_ path: String, _ text: String, _ value: Bool) -> Message {
        Message("report.bool-word",
                en: "\(path) must be true or false, found '\(text)': write \(value) (\(text) → \(value))",
                zh: "\(path) 应为 true 或 false，实际为 '\(text)'：请写 \(value)（\(text) → \(value)）")
    }

    /// `reception_area_m2: 18平方米`.
    static func numberWithUnit(_ path: String, _ expected: Label, _ text: String, number: String, unit: String) -> Message {
        Message("report.number-unit",
                en: "\(path) must be \(expected.en), found '\(text)': write \(number), the number without the unit '\(unit)'",
                zh: "\(path) 应为\(expected.zh)，实际为 '\(text)'：请只写数字 \(number)，不带单位 '\(unit)'")
    }

    /// `floor: １` (full-width digits) or `floor: "1"` (quoted).
    static func numberAsText(_ path: String, _ expected: Label, _ text: String, number: String) -> Message {
        Message("report.number-text",
                en: "\(path) must be \(expected.en), found the text '\(text)': write \(number) (half-width digits, no quotes)",
                zh: "\(path) 应为\(expected.zh)，实际为文字 '\(text)'：请写成 \(number)（半角数字，不加引号）")
    }

    /// `received_at: 2026/4/3 10:20`, `2026年4月3日 10点20分`.
    static func timestampWrittenAs(_ path: String, _ text: String, write: String, note: Label) -> Message {
        Message("report.date-format",
                en: "\(path): write \(write), not '\(text)' (a timestamp is YYYY-MM-DD HH:MM)\(note.en)",
                zh: "\(path)：请写成 \(write)，而不是 '\(text)'（时间的格式为 YYYY-MM-DD HH:MM）\(note.zh)")
    }

    /// `received_at: 2026/4/3`: a date where a timestamp is expected.
    static func timestampNeedsTime(_ path: String, _ text: String, date: String, note: Label) -> Message {
        Message("report.date-format",
                en: "\(path): '\(text)' has no time of day; write \(date) HH:MM with the time, e.g. \(date) 10:20 (a timestamp is YYYY-MM-DD HH:MM)\(note.en)",
                zh: "\(path)：'\(text)' 缺少时刻；请写成 \(date) HH:MM 并填上时刻，如 \(date) 10:20（时间的格式为 YYYY-MM-DD HH:MM）\(note.zh)")
    }

    /// `2026/4/3` where a date is expected.
    static func dateWrittenAs(_ path: String, _ text: String, write: String, note: Label) -> Message {
        Message("report.date-format",
                en: "\(path): write \(write), not '\(text)' (a date is YYYY-MM-DD)\(note.en)",
                zh: "\(path)：请写成 \(write)，而不是 '\(text)'（日期的格式为 YYYY-MM-DD）\(note.zh)")
    }

    /// `opened_at: 8:30`, `8点半`.
    static func timeWrittenAs(_ path: String, _ text: String, write: String) -> Message {
        Message("report.time-format",
                en: "\(path): write \(write), not '\(text)' (a time is HH:MM, two digits each)",
                zh: "\(path)：请写成 \(write)，而不是 '\(text)'（时刻的格式为 HH:MM，时和分各两位）")
    }

    /// `posted_hours: 8:30～17:00`.
    static func hoursWrittenAs(_ path: String, _ text: String, write: String) -> Message {
        Message("report.hours-format",
                en: "\(path): write \(write), not '\(text)' (opening hours are HH:MM-HH:MM)",
                zh: "\(path)：请写成 \(write)，而不是 '\(text)'（营业时间的格式为 HH:MM-HH:MM）")
    }

    /// `zones: [reception，cashier]`: one item to YAML, two to the inspector.
    static func fullWidthComma(_ path: String, comma: Label, write: String) -> Message {
        Message("report.full-width-comma",
                en: "\(comma.en) in the list \(path); separate the items with a half-width ', ': \(write)",
                zh: "列表 \(path) 中用了\(comma.zh)，请用半角 ', ' 分隔各项：\(write)")
    }

    /// `zones: reception, cashier` or `zones: ［reception, cashier］`: a list written as text.
    static func listWrittenAsText(_ path: String, _ text: String, write: String, brackets: String?) -> Message {
        Message("report.list-as-text",
                en: "\(path) must be a list, found the text '\(text)': write \(write)\(brackets.map { " (half-width brackets '[' and ']', not '\($0)')" } ?? "")",
                zh: "\(path) 应为列表，实际为文字 '\(text)'：请写成 \(write)\(brackets.map { "（用半角方括号 '[' ']'，不要用 '\($0)'）" } ?? "")")
    }

    /// A key with a full-width space in it (`name　`, `　name`), which YAML keeps as part of the key.
    static func fullWidthSpaceInKey(_ path: String, write: String) -> Message {
        Message("yaml.full-width-space",
                en: "full-width space (U+3000) in the key '\(path)'; write \(write) with half-width spaces",
                zh: "键 '\(path)' 中有全角空格（U+3000），请用半角空格写成 \(write)")
    }
}

extension Label {
    /// `4月3日`: the year was taken from the inspection.
    static let yearOfInspection = Label(zh: "；年份按检查时间 inspection.inspected_at 补全，如不是请改正",
                                        en: "; the year is the inspection's (inspection.inspected_at), correct it if not")
    /// `4月3日` in a report whose inspection year is unknown.
    static let yearMissing = Label(zh: "；请补上年份", en: "; fill in the year")

    static func commaName(_ comma: String) -> Label {
        comma == "、" ? Label(zh: "顿号 '、'", en: "the enumeration comma '、'") : Label(zh: "全角逗号 '\(comma)'", en: "full-width comma '\(comma)'")
    }

    // What to write in an empty required key.
    static func fillIn(_ key: String, _ label: Label) -> Label {
        Label(zh: "请在 '\(key):' 后填写\(label.zh)", en: "write the \(label.en) after '\(key):'")
    }

    static func fillInOneOf(_ key: String, _ choices: Label) -> Label {
        Label(zh: "请在 '\(key):' 后填写以下之一：\(choices.zh)", en: "write one of these after '\(key):': \(choices.en)")
    }

    static func fillInTimestamp(_ key: String) -> Label {
        Label(zh: "请按 YYYY-MM-DD HH:MM 填写，如 \(key): 2026-04-14 10:30", en: "write it as YYYY-MM-DD HH:MM, e.g. \(key): 2026-04-14 10:30")
    }

    static func fillInDate(_ key: String) -> Label {
        Label(zh: "请按 YYYY-MM-DD 填写，如 \(key): 2026-04-14", en: "write it as YYYY-MM-DD, e.g. \(key): 2026-04-14")
    }

    static func fillInSchema(_ version: String) -> Label {
        Label(zh: "请写 schema: \(version)", en: "write schema: \(version)")
    }

    /// ` (did you mean 'service_hall' (客户服务大厅)?)`: a token suggested for a zh label.
    static func didYouMean(_ token: String, label: String) -> Label {
        Label(zh: "（是否应为 '\(token)'（\(label)）？）", en: " (did you mean '\(token)' (\(label))?)")
    }

    /// ` (did you mean 'vip_room'?)`, with the token's zh label in Chinese: a misspelt token.
    static func didYouMean(_ token: String, labelInChinese label: String) -> Label {
        Label(zh: "（是否应为 '\(token)'（\(label)）？）", en: " (did you mean '\(token)'?)")
    }
}

extension EnumSchema {
    /// The tokens for "one of" messages: `service_center, service_hall, …`, in Chinese with
    /// their labels (`service_center(客户服务中心)、…`), which a report may write instead.
    var choices: Label {
        Label(zh: values.map { token in labels[token].map { "\(token)(\($0.zh))" } ?? token }.joined(separator: "、"),
              en: values.joined(separator: ", "))
    }
}

extension ValueType {
    /// What a value of this type looks like, for "must be …" messages.
    func expected(format: StringFormat) -> Label {
        switch self {
        case .bool: Label(zh: " true 或 false", en: "true or false")
        case .int: Label(zh: "整数", en: "an integer")
        case .number: Label(zh: "数字", en: "a number")
        case .string: format == .hours ? Label(zh: "营业时间 HH:MM-HH:MM", en: "opening hours HH:MM-HH:MM") : Label(zh: "字符串", en: "a string")
        case .timestamp: Label(zh: "时间（2026-04-01 09:12 或带时差的 ISO 8601）", en: "a timestamp (2026-04-01 09:12 or ISO 8601 with offset)")
        case .date: Label(zh: "日期（YYYY-MM-DD）", en: "a date (YYYY-MM-DD)")
        case .time: Label(zh: "时刻（HH:MM）", en: "a time (HH:MM)")
        case .token(let e): Label(zh: "以下之一：\(e.values.joined(separator: ", "))", en: "one of: \(e.values.joined(separator: ", "))")
        case .list: Label(zh: "列表", en: "a list")
        case .object: Label(zh: "映射（键：值）", en: "a mapping")
        }
    }
}
