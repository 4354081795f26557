import AuditCore
import AuditYAML

/// A closed set of tokens (`outlet_type`, `zone`, …) with their labels.
public final class EnumSchema: Sendable, Hashable {
    public let name: String
    public let values: [String]
    public let labels: [String: Label]
    /// The token each zh label stands for (`客户服务大厅` → `service_hall`): a report may give
    /// a token by its exact zh label. A label two tokens share names neither.
    public let tokensByLabel: [String: String]

    public init(name: String, values: [String], labels: [String: Label]) {
        self.name = name
        self.values = values
        self.labels = labels
        var byLabel: [String: String] = [:]
        var shared: Set<String> = []
        for token in values {
            guard let zh = labels[token]?.zh, !zh.isEmpty else { continue }
            if byLabel[zh] != nil { shared.insert(zh) } else { byLabel[zh] = token }
        }
        for zh in shared { byLabel[zh] = nil }
        self.tokensByLabel = byLabel
    }

    public func contains(_ token: String) -> Bool { labels[token] != nil }

    /// The token `text` names: the token itself, or its exact zh label (the label's full-width
    /// punctuation may be written in ASCII: `服务人员监督板(带照片)`).
    public func token(named text: String) -> String? {
        contains(text) ? text : tokensByLabel[text] ?? tokensByLabel[Self.fullWidth(text)]
    }

    /// `text` with ASCII , ; : ( ) ? ! in the full-width form zh labels use.
    static func fullWidth(_ text: String) -> String {
        let wide: [Character: Character] = [",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "?": "？", "!": "！"]
        return String(text.map { wide[$0] ?? $0 })
    }

    public static func == (lhs: EnumSchema, rhs: EnumSchema) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

/// The type of a report value, shared by report validation and the rule type checker.
public indirect enum ValueType: Sendable, Hashable, CustomStringConvertible {
    case bool, int, number, string, timestamp, date, time
    case token(EnumSchema)
    case list(ValueType)
    case object(ObjectSchema)

    public var description: String {
        switch self {
        case .bool: "bool"
        case .int: "int"
        case .number: "number"
        case .string: "string"
        case .timestamp: "timestamp"
        case .date: "date"
        case .time: "time"
        case .token(let e): "token(\(e.name))"
        case .list(let element): "list<\(element)>"
        case .object(let object): object.name
        }
    }
}

/// How a string field's text is further constrained.
public enum StringFormat: String, Sendable {
    case plain, hours, timezone
}

/// One key of a report object.
public struct FieldSchema: Sendable {
    public let name: String
    public let index: Int
    public let type: ValueType
    public let format: StringFormat
    public let required: Bool
    /// The item's identifier within its list (`staff[].id`), used to name findings' items.
    public let isIdentifier: Bool
    /// Absence is a fact ("has not happened"), read as none rather than missing evidence.
    public let absentMeansNone: Bool
    public let allowedInts: [Int64]?
    public let label: Label
    /// A list that may also be written as an integer: that many items, none of whose fields
    /// is known (`document_requests: 2`, a count without dates).
    public let acceptsCount: Bool
    /// A field kept only so old reports still load: its value is carried over to a newer
    /// field (`extended: true` → `extension: once`), with a warning.
    public let deprecation: Deprecation?
    /// What a false bool field means, as a finding says it (`parking: false` → 不方便停车 /
    /// no parking): the words `unmet(…)` lists.
    public let unmet: Label?
    /// The smallest value an int or number field may hold (`min: 0`: rings, areas).
    public let minimum: Double?

    public init(
        name: String, index: Int, type: ValueType, format: StringFormat, required: Bool, isIdentifier: Bool,
        absentMeansNone: Bool, allowedInts: [Int64]?, label: Label, acceptsCount: Bool = false, deprecation: Deprecation? = nil,
        unmet: Label? = nil, minimum: Double? = nil
    ) {
        self.unmet = unmet
        self.minimum = minimum
        self.name = name
        self.index = index
        self.type = type
        self.format = format
        self.required = required
        self.isIdentifier = isIdentifier
        self.absentMeansNone = absentMeansNone
        self.allowedInts = allowedInts
        self.label = label
        self.acceptsCount = acceptsCount
        self.deprecation = deprecation
    }
}

/// How a deprecated field maps onto the field that replaced it.
public struct Deprecation: Sendable {
    /// The replacing field of the same object.
    public let replacement: String
    /// The replacement's tokens for each value of the old field, by the value's text
    /// (`"true": [once, twice]`): the first is carried over; any of them agrees with it.
    public let values: [String: [String]]

    public init(replacement: String, values: [String: [String]]) {
        self.replacement = replacement
        self.values = values
    }
}

/// A mapping in the report: its keys, in schema order.
public final class ObjectSchema: Sendable, Hashable {
    public let name: String
    public let fields: [FieldSchema]
    private let byName: [String: Int]

    init(name: String, fields: [FieldSchema]) {
        self.name = name
        self.fields = fields
        var byName: [String: Int] = [:]
        for field in fields { byName[field.name] = field.index }
        self.byName = byName
    }

    public func field(named name: String) -> FieldSchema? {
        byName[name].map { fields[$0] }
    }

    /// The field that identifies an item of a list of these objects, if any.
    public var identifier: FieldSchema? { fields.first(where: \.isIdentifier) }

    public static func == (lhs: ObjectSchema, rhs: ObjectSchema) -> Bool { lhs === rhs }
    public func hash(into hasher: inout Hasher) { hasher.combine(ObjectIdentifier(self)) }
}

/// The report format as data: loaded from `rules/report-schema.yaml`, with the fields and
/// tokens of any schema extensions (`schema_extension:` files) added.
public struct ReportSchema: Sendable {
    public let version: String
    public let root: ObjectSchema
    public let objects: [String: ObjectSchema]
    public let enums: [String: EnumSchema]
    /// The `schema_extension:` names applied, in order (`hotline/1`); empty for the schema alone.
    public let extensions: [String]
    /// The schema file and the extension files it was built from: `extended(with:)` builds
    /// again from all of them, so every object that refers to an extended one sees it.
    /// Empty for a schema made with `init`, which cannot be extended.
    let sources: [YAMLDocument]

    public init(version: String, root: ObjectSchema, objects: [String: ObjectSchema], enums: [String: EnumSchema]) {
        self.init(version: version, root: root, objects: objects, enums: enums, extensions: [], sources: [])
    }

    init(version: String, root: ObjectSchema, objects: [String: ObjectSchema], enums: [String: EnumSchema],
         extensions: [String], sources: [YAMLDocument]) {
        self.version = version
        self.root = root
        self.objects = objects
        self.enums = enums
        self.extensions = extensions
        self.sources = sources
    }
}
