import AuditYAML

/// What a YAML file given among the rules is, by its keys: decided here once for loading,
/// lint and `audit test`.
public enum RuleFileKind: Equatable, Sendable {
    case schema, calendar, scoring, pack, waivers
    /// Fields and tokens added to the report schema (`schema_extension: NAME/VERSION`).
    case schemaExtension
    /// An inspection report (it has `inspection:` and is not a schema's `objects:`).
    case report
    /// Anything else, by its first key (empty when the root is not a mapping).
    case unknown(String)

    public init(_ document: YAMLDocument) {
        let keys = document.root.mapping?.compactMap { $0.key.scalar?.text } ?? []
        if keys.contains("inspection") && !keys.contains("objects") {
            self = .report
            return
        }
        let first = keys.first ?? ""
        switch first {
        case "schema": self = .schema
        case "calendar": self = .calendar
        case "scoring": self = .scoring
        case "pack": self = .pack
        case "waivers": self = .waivers
        case "schema_extension": self = .schemaExtension
        default: self = .unknown(first)
        }
    }

    /// The kind of a file's bytes; `nil` when they are not YAML.
    public init?(bytes: [UInt8]) {
        guard let document = try? YAMLLoader.load(bytes: bytes, file: "") else { return nil }
        self.init(document)
    }

    /// The first key, as a message names it.
    public var firstKey: String {
        switch self {
        case .schema: "schema"
        case .calendar: "calendar"
        case .scoring: "scoring"
        case .pack: "pack"
        case .waivers: "waivers"
        case .schemaExtension: "schema_extension"
        case .report: "report"
        case .unknown(let key): key
        }
    }
}
