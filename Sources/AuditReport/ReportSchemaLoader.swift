import AuditCore
import AuditYAML

extension ReportSchema {
    /// Builds the schema from its YAML file (`rules/report-schema.yaml`).
    public static func load(_ document: YAMLDocument) throws(DiagnosticList) -> ReportSchema {
        let (schema, diagnostics) = ReportSchemaBuilder.build(document, extensions: [])
        guard let schema, !diagnostics.hasErrors else { throw diagnostics }
        return schema
    }
}

/// The steps of reading a report schema: the top level, the enums, then any schema
/// extensions (their tokens and fields appended to the definitions read so far), each object
/// type (built on first use, so a field may name a type defined further down), then the
/// deprecations, which need every object built.
///
/// Every object is built once from its merged definition, so a field of type `object` or
/// `list` always refers to the object with its extension fields.
struct ReportSchemaBuilder {
    private var reader: NodeReader
    private var enumDrafts: [String: EnumDraft] = [:]
    private var enums: [String: EnumSchema] = [:]
    private var definitions: [String: ObjectDefinition] = [:]
    private var order: [String] = []
    private var built: [String: ObjectSchema] = [:]
    private var inProgress: Set<String> = []
    private var deprecations: [(object: String, field: String, node: YAMLNode, file: String)] = []
    private var extensionNames: [String] = []

    /// An enum's tokens as read so far; each token's key, and the extension that added it.
    private struct EnumDraft {
        var values: [String] = []
        var labels: [String: Label] = [:]
        var sites: [String: (location: SourceLocation, origin: String?)] = [:]
    }

    /// One field as written: its key, its spec, the file, and the extension that added it
    /// (nil for a field of the schema file).
    private struct FieldEntry {
        var name: String
        var key: YAMLNode
        var spec: YAMLNode
        var file: String
        var origin: String?
    }

    /// An object's fields as written, in order: the schema file's, then each extension's.
    private struct ObjectDefinition {
        var node: YAMLNode
        var file: String
        /// nil when the body is not a mapping (reported once, when read).
        var entries: [FieldEntry]?
    }

    private init(file: String) { reader = NodeReader(file: file) }

    /// The schema of `base` with `extensions` applied, and every problem found; the schema is
    /// nil only when the base cannot be built at all.
    static func build(_ base: YAMLDocument, extensions: [YAMLDocument]) -> (ReportSchema?, DiagnosticList) {
        var builder = ReportSchemaBuilder(file: base.file)
        let schema = builder.build(base, extensions: extensions)
        return (schema, builder.reader.diagnostics)
    }

    /// Reports what follows in `file` (the builder reads several files; one list of diagnostics).
    private mutating func at(_ file: String) {
        guard file != reader.file else { return }
        var next = NodeReader(file: file)
        next.diagnostics = reader.diagnostics
        reader = next
    }

    private mutating func build(_ base: YAMLDocument, extensions: [YAMLDocument]) -> ReportSchema? {
        guard let top = reader.mapping(base.root, .reportSchema, allowed: ["schema", "root", "enums", "objects"],
                                       required: ["schema", "root", "enums", "objects"]) else { return nil }
        var version = "", rootName = "", rootNode = base.root
        for (key, _, value) in top {
            switch key {
            case "schema": version = reader.string(value, .code("schema")) ?? ""
            case "root": rootName = reader.string(value, .code("root")) ?? ""; rootNode = value
            case "enums": readEnums(value, file: base.file, origin: nil)
            default:
                for (name, _, body) in reader.mapping(value, .code("objects")) ?? [] {
                    let entries = reader.mapping(body, .objectNamed(name))?.map {
                        FieldEntry(name: $0.key, key: $0.keyNode, spec: $0.value, file: base.file, origin: nil)
                    }
                    definitions[name] = ObjectDefinition(node: body, file: base.file, entries: entries)
                    order.append(name)
                }
            }
        }
        for document in extensions { readExtension(document) }
        for (name, draft) in enumDrafts {
            enums[name] = EnumSchema(name: name, values: draft.values, labels: draft.labels)
        }
        for name in order { _ = object(name, definitions[name]!.node) }
        checkDeprecations()
        at(base.file)
        guard let rootSchema = object(rootName, rootNode) else { return nil }
        return ReportSchema(version: version, root: rootSchema, objects: built, enums: enums,
                            extensions: extensionNames, sources: [base] + extensions)
    }

    private mutating func readEnums(_ node: YAMLNode, file: String, origin: String?) {
        for (name, _, body) in reader.mapping(node, .code("enums")) ?? [] {
            guard let tokens = reader.mapping(body, .enumNamed(name)) else { continue }
            var draft = enumDrafts[name] ?? EnumDraft()
            for (token, tokenNode, labelNode) in tokens {
                // Within one file the YAML loader refuses a repeated key: a repeat comes from an extension.
                if let first = draft.sites[token] {
                    refuseRepeat(.extensionTokenExists(name, token), .extensionTokenTwice(name, token, first: first.origin ?? "", second: origin ?? ""),
                                 first: first, at: tokenNode)
                    continue
                }
                draft.values.append(token)
                draft.labels[token] = reader.label(labelNode, .labelOf("\(name).\(token)")) ?? Label(zh: token, en: token)
                draft.sites[token] = (SourceLocation(file: file, mark: tokenNode.mark), origin)
            }
            enumDrafts[name] = draft
        }
    }

    /// A token or field an extension adds a second time: in the schema file, or in another extension.
    private mutating func refuseRepeat(
        _ shipped: Message, _ twice: Message, first: (location: SourceLocation, origin: String?), at node: YAMLNode
    ) {
        if let origin = first.origin {
            reader.error(twice, at: node, related: [.init(.firstAddedBy(origin), location: first.location)])
        } else {
            reader.error(shipped, at: node, related: [.init(.definedInSchema, location: first.location)])
        }
    }

    /// `schema_extension: NAME/VERSION`, optional `description`, and `enums:` and `objects:`
    /// written as in the schema file: new enums or tokens, new fields of existing objects.
    private mutating func readExtension(_ document: YAMLDocument) {
        at(document.file)
        guard let top = reader.mapping(document.root, .schemaExtension, keys: ExtensionKey.self) else { return }
        var name = ""
        for (key, _, value) in top where key == .schemaExtension {
            name = reader.string(value, .code("schema_extension")) ?? ""
        }
        extensionNames.append(name)
        for (key, _, value) in top {
            switch key {
            case .schemaExtension: continue
            case .description: _ = reader.string(value, .code("description"))
            case .enums: readEnums(value, file: document.file, origin: name)
            case .objects:
                for (objectName, objectKey, body) in reader.mapping(value, .code("objects")) ?? [] {
                    addFields(body, to: objectName, at: objectKey, file: document.file, origin: name)
                }
            }
        }
    }

    private mutating func addFields(_ body: YAMLNode, to objectName: String, at objectKey: YAMLNode, file: String, origin: String) {
        guard var definition = definitions[objectName] else {
            reader.error(.extensionUnknownObject(objectName, hint: Suggestion.hint(for: objectName, among: order)), at: objectKey)
            return
        }
        guard let pairs = reader.mapping(body, .objectNamed(objectName)) else { return }
        for (fieldName, fieldKey, spec) in pairs {
            let path = "\(objectName).\(fieldName)"
            if let first = definition.entries?.first(where: { $0.name == fieldName }) {
                refuseRepeat(.extensionFieldExists(path), .extensionFieldTwice(path, first: first.origin ?? "", second: origin),
                             first: (SourceLocation(file: first.file, mark: first.key.mark), first.origin), at: fieldKey)
                continue
            }
            // A report's `x_` keys are never read: a field so named would be ignored.
            if fieldName.hasPrefix("x_") {
                reader.error(.extensionFieldIsFree(path), at: fieldKey)
                continue
            }
            definition.entries?.append(FieldEntry(name: fieldName, key: fieldKey, spec: spec, file: file, origin: origin))
        }
        definitions[objectName] = definition
    }

    private mutating func object(_ name: String, _ at: YAMLNode) -> ObjectSchema? {
        if let done = built[name] { return done }
        guard let definition = definitions[name] else {
            reader.error(.unknownObjectType(name, hint: Suggestion.hint(for: name, among: order)), at: at)
            return nil
        }
        guard inProgress.insert(name).inserted else {
            reader.error(.objectContainsItself(name), at: at)
            return nil
        }
        defer { inProgress.remove(name) }
        guard let entries = definition.entries else { return nil }
        var fields: [FieldSchema] = []
        for entry in entries {
            if let field = field(entry, of: name, index: fields.count) { fields.append(field) }
        }
        let schema = ObjectSchema(name: name, fields: fields)
        built[name] = schema
        return schema
    }

    /// One field's keys, as written.
    private struct FieldSpec {
        var typeName = "", typeNode: YAMLNode
        var required = false, absentNone = false, isId = false, acceptsCount = false
        var requiredNode: YAMLNode?, valuesNode: YAMLNode?, ofNode: YAMLNode?, deprecatedNode: YAMLNode?, countNode: YAMLNode?, unmetNode: YAMLNode?
        var unmet: Label?
        var minimum: Double?, minNode: YAMLNode?
        var zh: String, en: String
    }

    /// One field, of the schema file or of an extension: the same syntax, read by the same code.
    private mutating func field(_ entry: FieldEntry, of objectName: String, index: Int) -> FieldSchema? {
        let fieldName = entry.name, node = entry.spec
        at(entry.file)
        guard let pairs = reader.mapping(node, .fieldNamed("\(objectName).\(fieldName)"), keys: FieldSpecKey.self) else { return nil }
        var spec = FieldSpec(typeNode: node, zh: fieldName, en: fieldName)
        for (key, _, value) in pairs {
            switch key {
            case .type: spec.typeName = reader.string(value, .code("type")) ?? ""; spec.typeNode = value
            case .required: spec.required = reader.bool(value, .code("required")) ?? false; spec.requiredNode = value
            case .id: spec.isId = reader.bool(value, .code("id")) ?? false
            case .absent:
                if reader.string(value, .code("absent")) == FieldSpecKey.notHappened { spec.absentNone = true } else {
                    reader.error(.absentMustBeNotHappened, at: value)
                }
            case .values: spec.valuesNode = value
            case .of: spec.ofNode = value
            case .count: spec.acceptsCount = reader.bool(value, .code("count")) ?? false; spec.countNode = value
            case .deprecated: spec.deprecatedNode = value
            case .unmet: spec.unmet = reader.label(value, .code("unmet")); spec.unmetNode = value
            case .min:
                spec.minNode = value
                switch value.scalar?.value {
                case .int(let i)?: spec.minimum = Double(i)
                case .float(let d)? where d.isFinite: spec.minimum = d
                default: reader.error(.minMustBeNumber(found: reader.describe(value)), at: value)
                }
            case .zh: spec.zh = reader.string(value, .code("zh")) ?? fieldName
            case .en: spec.en = reader.string(value, .code("en")) ?? fieldName
            }
        }
        var format = StringFormat.plain
        var allowedInts: [Int64]?
        let type: ValueType?
        switch FieldTypeName(rawValue: spec.typeName) {
        case .string?: type = .string
        case .hours?: type = .string; format = .hours
        case .timezone?: type = .string; format = .timezone
        case .int?:
            type = .int
            if let valuesNode = spec.valuesNode, let items = valuesNode.sequence {
                allowedInts = items.compactMap { reader.int($0, .anAllowedValue) }
            }
        case .number?: type = .number
        case .bool?: type = .bool
        case .timestamp?: type = .timestamp
        case .date?: type = .date
        case .time?: type = .time
        case .token?: type = enumeration(spec, node).map { .token($0) }
        case .tokens?: type = enumeration(spec, node).map { .list(.token($0)) }
        case .strings?: type = .list(.string)
        case .object?: type = nested(spec, node).map { .object($0) }
        case .list?: type = nested(spec, node).map { .list(.object($0)) }
        case nil:
            reader.error(.unknownFieldType(spec.typeName, hint: Suggestion.hint(for: spec.typeName, among: FieldTypeName.allCases.map(\.rawValue))),
                         at: spec.typeNode)
            type = nil
        }
        at(entry.file)  // a nested object may have been built from other files
        // Reports written before the extension have no such key: a required one would make them all invalid.
        if let origin = entry.origin, spec.required, let requiredNode = spec.requiredNode {
            reader.error(.extensionFieldRequired("\(objectName).\(fieldName)", origin), at: requiredNode)
        }
        guard let type else { return nil }
        let typeName = FieldTypeName(rawValue: spec.typeName)
        if spec.acceptsCount, typeName?.takesCount != true, let countNode = spec.countNode {
            reader.error(.countOnlyForLists, at: countNode)
        }
        if typeName?.takesMinimum != true, let minNode = spec.minNode {
            reader.error(.minOnlyForNumbers, at: minNode)
        }
        if typeName?.takesUnmet != true, let unmetNode = spec.unmetNode {
            reader.error(.unmetOnlyForBools, at: unmetNode)
        }
        var deprecation: Deprecation?
        if let deprecatedNode = spec.deprecatedNode {
            deprecation = self.deprecation(deprecatedNode, field: fieldName)
            deprecations.append((objectName, fieldName, deprecatedNode, entry.file))
        }
        return FieldSchema(
            name: fieldName, index: index, type: type, format: format, required: spec.required && entry.origin == nil,
            isIdentifier: spec.isId, absentMeansNone: spec.absentNone, allowedInts: allowedInts,
            label: Label(zh: spec.zh, en: spec.en), acceptsCount: spec.acceptsCount, deprecation: deprecation, unmet: spec.unmet,
            minimum: spec.minimum)
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
        guard let pairs = reader.mapping(node, .code("deprecated"), keys: DeprecationKey.self) else { return nil }
        var replacement = "", values: [String: [String]] = [:]
        for (key, _, value) in pairs {
            switch key {
            case .use:
                replacement = reader.string(value, .code("deprecated.use")) ?? ""
            case .values:
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
        for (objectName, fieldName, node, file) in deprecations {
            at(file)
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
