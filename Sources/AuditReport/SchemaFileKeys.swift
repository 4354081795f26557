import AuditCore
import AuditYAML

// The keys and field types of the report schema's syntax, as the schema file and schema
// extensions write it (docs/rules.md, "The report schema", "Schema extensions"): the builder
// reads through them and `ExtensionJSONSchema` describes them (`audit schema extension`).
// What each means is said here, zh and en side by side.

/// The top level of a schema extension file.
enum ExtensionKey: String, FormatKey {
    case schemaExtension = "schema_extension"
    case description, enums, objects

    var isRequired: Bool { self == .schemaExtension }

    var meaning: Label {
        switch self {
        case .schemaExtension: Label(zh: "扩展名称/版本", en: "the extension's name/version")
        case .description: Label(zh: "说明", en: "description")
        case .enums: Label(zh: "新的枚举，或已有枚举的新取值：`名称 → {取值: {zh, en}}`", en: "new enums, or new tokens of existing ones: name → {token: {zh, en}}")
        case .objects: Label(zh: "已有对象的新字段：`对象 → {字段: 定义}`", en: "new fields of existing objects: object → {field: spec}")
        }
    }
}

/// One field's spec (`reception_area_m2: {type: number, min: 0, zh: …, en: …}`).
enum FieldSpecKey: String, FormatKey {
    case type, required, absent, values, of, id, count, deprecated, unmet, min, zh, en

    /// The one value `absent:` may have.
    static let notHappened = "not_happened"

    var isRequired: Bool { self == .type || self == .zh || self == .en }

    var meaning: Label {
        switch self {
        case .type: Label(zh: "类型", en: "the type")
        case .required: Label(zh: "必填（扩展字段不可必填）", en: "required (an extension's field never is)")
        case .absent: Label(zh: "not_happened：留空表示尚未发生", en: "not_happened: empty means it has not happened")
        case .values: Label(zh: "token/tokens：枚举名称；int：允许的整数", en: "token/tokens: the enum's name; int: the allowed integers")
        case .of: Label(zh: "object/list：对象类型名称", en: "object/list: the object type's name")
        case .id: Label(zh: "列表项的编号字段", en: "the field naming a list's items")
        case .count: Label(zh: "list：也可只写份数", en: "list: may be written as a count")
        case .deprecated: Label(zh: "已停用：`{use: 替代的枚举字段, values: {旧值: 新取值}}`", en: "deprecated: {use: the token field replacing it, values: {old: new tokens}}")
        case .unmet: Label(zh: "bool：为 false 时的说明 {zh, en}", en: "bool: what false means {zh, en}")
        case .min: Label(zh: "int/number：最小值", en: "int/number: the minimum")
        case .zh: Label(zh: "中文名称", en: "the Chinese label")
        case .en: Label(zh: "英文名称", en: "the English label")
        }
    }
}

/// `deprecated:` of a field.
enum DeprecationKey: String, FormatKey {
    case use, values

    var isRequired: Bool { true }

    var meaning: Label {
        switch self {
        case .use: Label(zh: "替代的枚举字段（同一对象）", en: "the token field of the same object replacing it")
        case .values: Label(zh: "旧值 → 新取值（一个或一列）", en: "old value → its token (one, or a list)")
        }
    }
}

/// The field types of the schema syntax, and which keys each takes.
enum FieldTypeName: String, CaseIterable, Sendable {
    case string, int, number, bool, timestamp, date, time, hours, timezone, token, tokens, strings, object, list

    var meaning: Label {
        switch self {
        case .string: Label(zh: "文字", en: "text")
        case .int: Label(zh: "整数", en: "an integer")
        case .number: Label(zh: "数字", en: "a number")
        case .bool: Label(zh: "是或否", en: "true or false")
        case .timestamp: Label(zh: "时间 YYYY-MM-DD HH:MM", en: "a timestamp, YYYY-MM-DD HH:MM")
        case .date: Label(zh: "日期 YYYY-MM-DD", en: "a date, YYYY-MM-DD")
        case .time: Label(zh: "时刻 HH:MM", en: "a time of day, HH:MM")
        case .hours: Label(zh: "营业时间 HH:MM-HH:MM", en: "opening hours, HH:MM-HH:MM")
        case .timezone: Label(zh: "IANA 时区名", en: "an IANA time zone")
        case .token: Label(zh: "枚举取值之一（values: 枚举名称）", en: "one token of an enum (values: its name)")
        case .tokens: Label(zh: "枚举取值的列表（values: 枚举名称）", en: "a list of an enum's tokens (values: its name)")
        case .strings: Label(zh: "文字的列表", en: "a list of texts")
        case .object: Label(zh: "对象（of: 对象类型）", en: "an object (of: its type)")
        case .list: Label(zh: "对象的列表（of: 对象类型）", en: "a list of objects (of: their type)")
        }
    }

    /// `values:` names an enum.
    var takesEnum: Bool { self == .token || self == .tokens }
    /// `values:` lists the integers allowed.
    var takesAllowedInts: Bool { self == .int }
    /// `of:` names an object type.
    var takesObject: Bool { self == .object || self == .list }
    /// `count: true`: the list may be written as a count.
    var takesCount: Bool { self == .list }
    var takesMinimum: Bool { self == .int || self == .number }
    var takesUnmet: Bool { self == .bool }
}
