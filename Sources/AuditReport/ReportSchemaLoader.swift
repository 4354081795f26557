import AuditCore
import AuditYAML

extension ReportSchema {
    /// Builds the schema from its YAML file (`rules/report-schema.yaml`).
    public static func load(_ document: YAMLDocument) throws(DiagnosticList) -> ReportSchema {
        var builder = ReportSchemaBuilder(reader: NodeReader(file: document.file))
        let schema = builder.build(document.root)
        if builder.reader.diagnostics.hasErrors || schema == nil { throw builder.reader.diagnostics }
        return schema!
    }
}

/// The steps of reading a report schema: the top level, the enums, each object type (built
/// on first use, so a field may name a type defined further down), then the deprecations,
/// which need every object built.
private struct ReportSchemaBuilder {
    var reader: NodeReader
    private var enums: [String: EnumSchema] = [:]
    private var definitions: [String: YAMLNode] = [:]
    private var order: [String] = []
    private var built: [String: ObjectSchema] = [:]
    private var inProgress: Set<String> = []
    private var deprecations: [(object: String, field: String, node: YAMLNode)] = []

    private static let fieldKeys = ["type", "required", "absent", "values", "of", "id", "count", "deprecated", "unmet", "zh", "en"]
    private static let typeNames = [
        "string", "int", "number", "bool", "timestamp", "date", "time", "hours", "timezone",
        "token", "tokens", "strings", "object", "list",
    ]

    init(reader: NodeReader) { self.reader = reader }

    mutating func build(_ root: YAMLNode) -> ReportSchema? {
        guard let top = reader.mapping(root, .reportSchema, allowed: ["schema", "root", "enums", "objects"],
                                       required: ["schema", "root", "enums", "objects"]) else { return nil }
        var version = "", rootName = "", rootNode = root
        for (key, _, value) in top {
            switch key {
            case "schema": version = reader.string(value, .code("schema")) ?? ""
            case "root": rootName = reader.string(value, .code("root")) ?? ""; rootNode = value
            case "enums": readEnums(value)
            default:
                for (name, _, body) in reader.mapping(value, .code("objects")) ?? [] {
                    definitions[name] = body
                    order.append(name)
                }
            }
        }
        for name in order { _ = object(name, definitions[name]!) }
        checkDeprecations()
        guard let rootSchema = object(rootName, rootNode) else { return nil }
        return ReportSchema(version: version, root: rootSchema, objects: built, enums: enums)
    }

    private mutating func readEnums(_ node: YAMLNode) {
        for (name, _, body) in reader.mapping(node, .code("enums")) ?? [] {
            guard let tokens = reader.mapping(body, .enumNamed(name)) else { continue }
            var values: [String] = [], labels: [String: Label] = [:]
            for (token, _, labelNode) in tokens {
                values.append(token)
                labels[token] = reader.label(labelNode, .labelOf("\(name).\(token)")) ?? Label(zh: token, en: token)
            }
            enums[name] = EnumSchema(name: name, values: values, labels: labels)
        }
    }

    private mutating func object(_ name: String, _ at: YAMLNode) -> ObjectSchema? {
        if let done = built[name] { return done }
        guard let body = definitions[name] else {
            reader.error(.unknownObjectType(name, hint: Suggestion.hint(for: name, among: order)), at: at)
            return nil
        }
        guard inProgress.insert(name).inserted else {
            reader.error(.objectContainsItself(name), at: at)
            return nil
        }
        defer { inProgress.remove(name) }
        guard let entries = reader.mapping(body, .objectNamed(name)) else { return nil }
        var fields: [FieldSchema] = []
        for (fieldName, _, spec) in entries {
            if let field = field(fieldName, of: name, spec, index: fields.count) { fields.append(field) }
        }
        let schema = ObjectSchema(name: name, fields: fields)
        built[name] = schema
        return schema
    }

    /// One field's keys, as written.
    private struct FieldSpec {
        var typeName = "", typeNode: YAMLNode
        var required = false, absentNone = false, isId = false, acceptsCount = false
        var valuesNode: YAMLNode?, ofNode: YAMLNode?, deprecatedNode: YAMLNode?, countNode: YAMLNode?, unmetNode: YAMLNode?
        var unmet: Label?
        var zh: String, en: String
    }

    private mutating func field(_ fieldName: String, of objectName: String, _ node: YAMLNode, index: Int) -> FieldSchema? {
        guard let pairs = reader.mapping(node, .fieldNamed("\(objectName).\(fieldName)"), allowed: Self.fieldKeys,
                                         required: ["type", "zh", "en"]) else { return nil }
        var spec = FieldSpec(typeNode: node, zh: fieldName, en: fieldName)
        for (key, _, value) in pairs {
            switch key {
            case "type": spec.typeName = reader.string(value, .code("type")) ?? ""; spec.typeNode = value
            case "required": spec.required = reader.bool(value, .code("required")) ?? false
            case "id": spec.isId = reader.bool(value, .code("id")) ?? false
            case "absent":
                if reader.string(value, .code("absent")) == "not_happened" { spec.absentNone = true } else {
                    reader.error(.absentMustBeNotHappened, at: value)
                }
            case "values": spec.valuesNode = value
            case "of": spec.ofNode = value
            case "count": spec.acceptsCount = reader.bool(value, .code("count")) ?? false; spec.countNode = value
            case "deprecated": spec.deprecatedNode = value
            case "unmet": spec.unmet = reader.label(value, .code("unmet")); spec.unmetNode = value
            case "zh": spec.zh = reader.string(value, .code("zh")) ?? fieldName
            default: spec.en = reader.string(value, .code("en")) ?? fieldName
            }
        }
        var format = StringFormat.plain
        var allowedInts: [Int64]?
        let type: ValueType?
        switch spec.typeName {
        case "string": type = .string
        case "hours": type = .string; format = .hours
        case "timezone": type = .string; format = .timezone
        case "int":
            type = .int
            if let valuesNode = spec.valuesNode, let items = valuesNode.sequence {
                allowedInts = items.compactMap { reader.int($0, .anAllowedValue) }
            }
        case "number": type = .number
        case "bool": type = .bool
        case "timestamp": type = .timestamp
        case "date": type = .date
        case "time": type = .time
        case "token": type = enumeration(spec, node).map { .token($0) }
        case "tokens": type = enumeration(spec, node).map { .list(.token($0)) }
        case "strings": type = .list(.string)
        case "object": type = nested(spec, node).map { .object($0) }
        case "list": type = nested(spec, node).map { .list(.object($0)) }
        default:
            reader.error(.unknownFieldType(spec.typeName, hint: Suggestion.hint(for: spec.typeName, among: Self.typeNames)),
                         at: spec.typeNode)
            type = nil
        }
        guard let type else { return nil }
        if spec.acceptsCount, spec.typeName != "list", let countNode = spec.countNode {
            reader.error(.countOnlyForLists, at: countNode)
        }
        if spec.typeName != "bool", let unmetNode = spec.unmetNode {
            reader.error(.unmetOnlyForBools, at: unmetNode)
        }
        var deprecation: Deprecation?
        if let deprecatedNode = spec.deprecatedNode {
            deprecation = self.deprecation(deprecatedNode, field: fieldName)
            deprecations.append((objectName, fieldName, deprecatedNode))
        }
        return FieldSchema(
            name: fieldName, index: index, type: type, format: format, required: spec.required,
            isIdentifier: spec.isId, absentMeansNone: spec.absentNone, allowedInts: allowedInts,
            label: Label(zh: spec.zh, en: spec.en), acceptsCount: spec.acceptsCount, deprecation: deprecation, unmet: spec.unmet)
    }

    private mutating func enumeration(_ spec: FieldSpec, _ node: YAMLNode) -> EnumSchema? {
        guard let valuesNode = spec.valuesNode, let enumName = reader.string(valuesNode, .code("values")) else {
            reader.error(.fieldNeedsValues(spec.typeName), at: node)
            return nil
        }
        guard let found = enums[enumName] else {
            reader.error(.unknownEnum(enumName, hint: Suggestion.hint(for: enumName, among: enums.keys.sorted())), at: valuesNode)
            return nil
        }
        return found
    }

    private mutating func nested(_ spec: FieldSpec, _ node: YAMLNode) -> ObjectSchema? {
        guard let ofNode = spec.ofNode, let target = reader.string(ofNode, .code("of")) else {
            reader.error(.fieldNeedsOf(spec.typeName), at: node)
            return nil
        }
        return object(target, ofNode)
    }

    /// `deprecated: {use: extension, values: {"true": [once, twice], "false": none}}`.
    private mutating func deprecation(_ node: YAMLNode, field: String) -> Deprecation? {
        guard let pairs = reader.mapping(node, .code("deprecated"), allowed: ["use", "values"], required: ["use", "values"]) else { return nil }
        var replacement = "", values: [String: [String]] = [:]
        for (key, _, value) in pairs {
            if key == "use" {
                replacement = reader.string(value, .code("deprecated.use")) ?? ""
            } else {
                for (old, _, new) in reader.mapping(value, .code("deprecated.values")) ?? [] {
                    let what = Label.code("deprecated.values.\(old)")
                    let tokens = new.sequence != nil
                        ? (reader.stringList(new, what)?.map(\.0) ?? [])
                        : (reader.string(new, what).map { [$0] } ?? [])
                    if tokens.isEmpty { reader.error(.needsAToken(what), at: new) } else { values[old] = tokens }
                }
            }
        }
        if replacement == field {
            reader.error(.deprecatedReplacesItself, at: node)
            return nil
        }
        return replacement.isEmpty ? nil : Deprecation(replacement: replacement, values: values)
    }

    /// A deprecated field must map onto a token field of its own object, token by token.
    private mutating func checkDeprecations() {
        for (objectName, fieldName, node) in deprecations {
            guard let object = built[objectName], let field = object.field(named: fieldName),
                  let deprecation = field.deprecation else { continue }
            guard let replacement = object.field(named: deprecation.replacement) else {
                reader.error(.unknownReplacement("\(objectName).\(fieldName)", deprecation.replacement), at: node)
                continue
            }
            guard case .token(let tokens) = replacement.type else {
                reader.error(.replacementNotToken(deprecation.replacement, type: "\(replacement.type)"), at: node)
                continue
            }
            for (old, new) in deprecation.values.sorted(by: { $0.key < $1.key }) {
                for token in new where !tokens.contains(token) {
                    reader.error(.notATokenOf(token, for: old, tokens.name, hint: Suggestion.hint(for: token, among: tokens.values)), at: node)
                }
            }
        }
    }
}
