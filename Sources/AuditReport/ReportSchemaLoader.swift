import AuditCore
import AuditYAML

extension ReportSchema {
    /// Builds the schema from its YAML file (`rules/report-schema.yaml`).
    public static func load(_ document: YAMLDocument) throws(DiagnosticList) -> ReportSchema {
        var reader = NodeReader(file: document.file)
        let schema = build(document.root, &reader)
        if reader.diagnostics.hasErrors || schema == nil { throw reader.diagnostics }
        return schema!
    }

    private static let fieldKeys = ["type", "required", "absent", "values", "of", "id", "count", "deprecated", "zh", "en"]
    private static let typeNames = [
        "string", "int", "number", "bool", "timestamp", "date", "time", "hours", "timezone",
        "token", "tokens", "strings", "object", "list",
    ]

    private static func build(_ root: YAMLNode, _ reader: inout NodeReader) -> ReportSchema? {
        guard let top = reader.mapping(root, "the report schema", allowed: ["schema", "root", "enums", "objects"],
                                       required: ["schema", "root", "enums", "objects"]) else { return nil }
        var version = "", rootName = "", rootNode = root
        var enumNodes: YAMLNode?, objectNodes: YAMLNode?
        for (key, _, value) in top {
            switch key {
            case "schema": version = reader.string(value, "schema") ?? ""
            case "root": rootName = reader.string(value, "root") ?? ""; rootNode = value
            case "enums": enumNodes = value
            default: objectNodes = value
            }
        }
        var enums: [String: EnumSchema] = [:]
        if let enumNodes, let entries = reader.mapping(enumNodes, "enums") {
            for (name, _, body) in entries {
                guard let tokens = reader.mapping(body, "enum '\(name)'") else { continue }
                var values: [String] = [], labels: [String: Label] = [:]
                for (token, _, labelNode) in tokens {
                    values.append(token)
                    labels[token] = reader.label(labelNode, "the label of '\(name).\(token)'")
                        ?? Label(zh: token, en: token)
                }
                enums[name] = EnumSchema(name: name, values: values, labels: labels)
            }
        }
        var definitions: [String: YAMLNode] = [:]
        var order: [String] = []
        if let objectNodes, let entries = reader.mapping(objectNodes, "objects") {
            for (name, _, body) in entries {
                definitions[name] = body
                order.append(name)
            }
        }
        var built: [String: ObjectSchema] = [:]
        var inProgress: Set<String> = []
        var deprecations: [(object: String, field: String, node: YAMLNode)] = []

        func object(_ name: String, _ at: YAMLNode, _ reader: inout NodeReader) -> ObjectSchema? {
            if let done = built[name] { return done }
            guard let body = definitions[name] else {
                reader.error("unknown object type '\(name)'\(Suggestion.hint(for: name, among: order))", at: at)
                return nil
            }
            guard inProgress.insert(name).inserted else {
                reader.error("object type '\(name)' contains itself", at: at)
                return nil
            }
            defer { inProgress.remove(name) }
            guard let entries = reader.mapping(body, "object '\(name)'") else { return nil }
            var fields: [FieldSchema] = []
            for (fieldName, _, spec) in entries {
                guard let pairs = reader.mapping(spec, "field '\(name).\(fieldName)'", allowed: fieldKeys,
                                                 required: ["type", "zh", "en"]) else { continue }
                var typeName = "", typeNode = spec, required = false, absentNone = false, isId = false
                var valuesNode: YAMLNode?, ofNode: YAMLNode?, deprecatedNode: YAMLNode?, countNode: YAMLNode?
                var acceptsCount = false
                var zh = fieldName, en = fieldName
                for (key, _, value) in pairs {
                    switch key {
                    case "type": typeName = reader.string(value, "type") ?? ""; typeNode = value
                    case "required": required = reader.bool(value, "required") ?? false
                    case "id": isId = reader.bool(value, "id") ?? false
                    case "absent":
                        if reader.string(value, "absent") == "not_happened" { absentNone = true } else {
                            reader.error("absent must be 'not_happened'", at: value)
                        }
                    case "values": valuesNode = value
                    case "of": ofNode = value
                    case "count": acceptsCount = reader.bool(value, "count") ?? false; countNode = value
                    case "deprecated": deprecatedNode = value
                    case "zh": zh = reader.string(value, "zh") ?? fieldName
                    default: en = reader.string(value, "en") ?? fieldName
                    }
                }
                func enumeration(_ reader: inout NodeReader) -> EnumSchema? {
                    guard let valuesNode, let enumName = reader.string(valuesNode, "values") else {
                        reader.error("a \(typeName) field needs 'values' naming an enum", at: spec)
                        return nil
                    }
                    guard let found = enums[enumName] else {
                        reader.error("unknown enum '\(enumName)'\(Suggestion.hint(for: enumName, among: enums.keys.sorted()))", at: valuesNode)
                        return nil
                    }
                    return found
                }
                func nested(_ reader: inout NodeReader) -> ObjectSchema? {
                    guard let ofNode, let target = reader.string(ofNode, "of") else {
                        reader.error("a \(typeName) field needs 'of' naming an object type", at: spec)
                        return nil
                    }
                    return object(target, ofNode, &reader)
                }
                var format = StringFormat.plain
                var allowedInts: [Int64]?
                let type: ValueType?
                switch typeName {
                case "string": type = .string
                case "hours": type = .string; format = .hours
                case "timezone": type = .string; format = .timezone
                case "int":
                    type = .int
                    if let valuesNode, let items = valuesNode.sequence {
                        allowedInts = items.compactMap { reader.int($0, "an allowed value") }
                    }
                case "number": type = .number
                case "bool": type = .bool
                case "timestamp": type = .timestamp
                case "date": type = .date
                case "time": type = .time
                case "token": type = enumeration(&reader).map { .token($0) }
                case "tokens": type = enumeration(&reader).map { .list(.token($0)) }
                case "strings": type = .list(.string)
                case "object": type = nested(&reader).map { .object($0) }
                case "list": type = nested(&reader).map { .list(.object($0)) }
                default:
                    reader.error("unknown field type '\(typeName)'\(Suggestion.hint(for: typeName, among: typeNames))", at: typeNode)
                    type = nil
                }
                guard let type else { continue }
                if acceptsCount, typeName != "list", let countNode {
                    reader.error("count: true is only for list fields (a count of items)", at: countNode)
                }
                var deprecation: Deprecation?
                if let deprecatedNode {
                    deprecation = Self.deprecation(deprecatedNode, field: fieldName, &reader)
                    deprecations.append((name, fieldName, deprecatedNode))
                }
                fields.append(FieldSchema(
                    name: fieldName, index: fields.count, type: type, format: format, required: required,
                    isIdentifier: isId, absentMeansNone: absentNone, allowedInts: allowedInts,
                    label: Label(zh: zh, en: en), acceptsCount: acceptsCount, deprecation: deprecation))
            }
            let schema = ObjectSchema(name: name, fields: fields)
            built[name] = schema
            return schema
        }

        for name in order { _ = object(name, definitions[name]!, &reader) }
        // A deprecated field must map onto a token field of its own object, token by token.
        for (objectName, fieldName, node) in deprecations {
            guard let object = built[objectName], let field = object.field(named: fieldName),
                  let deprecation = field.deprecation else { continue }
            guard let replacement = object.field(named: deprecation.replacement) else {
                reader.error("deprecated field '\(objectName).\(fieldName)' names an unknown replacement '\(deprecation.replacement)'", at: node)
                continue
            }
            guard case .token(let tokens) = replacement.type else {
                reader.error("the replacement of a deprecated field must be a token field, '\(deprecation.replacement)' is \(replacement.type)", at: node)
                continue
            }
            for (old, new) in deprecation.values.sorted(by: { $0.key < $1.key }) {
                for token in new where !tokens.contains(token) {
                    reader.error("'\(token)' (for \(old)) is not a token of \(tokens.name)\(Suggestion.hint(for: token, among: tokens.values))", at: node)
                }
            }
        }
        guard let rootSchema = object(rootName, rootNode, &reader) else { return nil }
        return ReportSchema(version: version, root: rootSchema, objects: built, enums: enums)
    }

    /// `deprecated: {use: extension, values: {"true": [once, twice], "false": none}}`.
    private static func deprecation(_ node: YAMLNode, field: String, _ reader: inout NodeReader) -> Deprecation? {
        guard let pairs = reader.mapping(node, "deprecated", allowed: ["use", "values"], required: ["use", "values"]) else { return nil }
        var replacement = "", values: [String: [String]] = [:]
        for (key, _, value) in pairs {
            if key == "use" {
                replacement = reader.string(value, "deprecated.use") ?? ""
            } else {
                for (old, _, new) in reader.mapping(value, "deprecated.values") ?? [] {
                    let tokens = new.sequence != nil
                        ? (reader.stringList(new, "deprecated.values.\(old)")?.map(\.0) ?? [])
                        : (reader.string(new, "deprecated.values.\(old)").map { [$0] } ?? [])
                    if tokens.isEmpty { reader.error("deprecated.values.\(old) needs a token", at: new) } else { values[old] = tokens }
                }
            }
        }
        if replacement == field {
            reader.error("a deprecated field cannot replace itself", at: node)
            return nil
        }
        return replacement.isEmpty ? nil : Deprecation(replacement: replacement, values: values)
    }
}
