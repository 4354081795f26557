import AuditCore
import AuditYAML

/// The pieces every `audit schema` kind is built from (JSON Schema draft 2020-12): titles are
/// Chinese, descriptions give the Chinese line then the English one, objects are closed
/// (unknown keys refused, as the loaders refuse them), and text is what `NodeReader.string`
/// reads as text.
public enum JSONSchemaParts {
    public static let draft = "https://json-schema.org/draft/2020-12/schema"

    public typealias Pairs = [(String, JSON)]

    /// The Chinese notes joined with `；`, a newline, the English ones joined with `; `.
    public static func describe(_ zh: [String], _ en: [String]) -> String {
        zh.joined(separator: "；") + "\n" + en.joined(separator: "; ")
    }

    public static func describe(_ label: Label) -> String { describe([label.zh], [label.en]) }

    /// `title` and `description` of what a key means, then the keywords of its value.
    public static func titled(_ label: Label, _ value: Pairs) -> JSON {
        .object([("title", .string(label.zh)), ("description", .string(describe(label)))] + value)
    }

    /// A scalar read as text: a string, or a number or boolean taken as its text (`clause: 2.2`);
    /// never null, a list or a mapping.
    public static let text: Pairs = [("type", .array([.string("string"), .string("number"), .string("boolean")]))]

    /// Text that is not blank.
    public static let nonBlankText: Pairs = text + [("pattern", .string("\\S"))]

    public static let boolean: Pairs = [("type", .string("boolean"))]

    /// A `YYYY-MM-DD` date (whether the day exists in its month is the loader's).
    public static let date: Pairs = [("type", .string("string")), ("pattern", .string("^\(ReportJSONSchema.date)$"))]

    public static func ref(_ name: String) -> Pairs { [("$ref", .string("#/$defs/\(name)"))] }

    /// A list of `items`, with at least one when `nonEmpty`.
    public static func list(_ items: Pairs, nonEmpty: Bool = false) -> Pairs {
        [("type", .string("array")), ("items", .object(items))] + (nonEmpty ? [("minItems", .int(1))] : [])
    }

    /// A mapping with exactly `properties` (each described), `required` among them.
    public static func closed(_ properties: [(String, JSON)], required: [String]) -> Pairs {
        var pairs: Pairs = [("type", .string("object")), ("properties", .object(properties))]
        if !required.isEmpty { pairs.append(("required", .array(required.map { .string($0) }))) }
        pairs.append(("additionalProperties", .bool(false)))
        return pairs
    }

    /// A mapping with exactly `Key`'s keys (each described by `value`), its required ones
    /// required unless `waived`.
    public static func closed<Key: FormatKey>(_ keys: Key.Type, waiving waived: Set<Key> = [], _ value: (Key) -> Pairs) -> Pairs {
        closed(Key.allCases.map { ($0.rawValue, titled($0.meaning, value($0))) }, required: Key.requiredNames(waiving: waived))
    }

    /// One of `choices` (token, label): each a `const` titled with its Chinese label and
    /// described with its English one, so an editor offers them with their names.
    public static func oneOfTokens(_ choices: [(token: String, label: Label)]) -> Pairs {
        [("anyOf", .array(choices.map { choice in
            .object([("const", .string(choice.token)), ("title", .string(choice.label.zh)), ("description", .string(choice.label.en))])
        }))]
    }

    /// `{zh: …, en: …}`, both, as `NodeReader.label` reads it.
    public static let label: Pairs = closed(
        [("zh", .object([("title", .string("中文")), ("description", .string("中文\nChinese"))] + text)),
         ("en", .object([("title", .string("英文")), ("description", .string("英文\nEnglish"))] + text))],
        required: ["zh", "en"])

    /// `value`, or null.
    public static func nullable(_ value: Pairs) -> Pairs {
        [("anyOf", .array([.object(value), .object([("type", .string("null"))])]))]
    }

    /// A schema document: `$schema`, title and description, `body`, then `$defs`; pretty,
    /// ending with a newline.
    public static func document(title: String, description: String, _ body: Pairs, defs: [(String, JSON)]) -> String {
        var top: Pairs = [("$schema", .string(draft)), ("title", .string(title)), ("description", .string(description))]
        top += body
        if !defs.isEmpty { top.append(("$defs", .object(defs))) }
        return JSON.object(top).serialized(pretty: true) + "\n"
    }
}
