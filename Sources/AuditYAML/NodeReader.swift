import AuditCore


/// Reads typed values out of YAML nodes for the project's own file formats (schema, rule
/// packs, calendar, waivers), collecting a diagnostic with a location for every problem
/// instead of stopping at the first.
public struct NodeReader {
    public let file: String
    public var diagnostics = DiagnosticList()

    public init(file: String) {
        self.file = file
    }

    public func location(_ node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, mark: node.mark)
    }

    public mutating func error(_ message: Message, at node: YAMLNode, related: [Diagnostic.Related] = []) {
        diagnostics.append(.error(message, at: location(node), related: related))
    }

    public mutating func warning(_ message: Message, at node: YAMLNode) {
        diagnostics.append(Diagnostic(.warning, message, at: location(node)))
    }

    /// The pairs of a mapping with string keys; reports keys not in `allowed` (with a hint)
    /// and missing `required` keys. Pass `allowed: nil` to accept any key.
    public mutating func mapping(
        _ node: YAMLNode, _ what: Label, allowed: [String]? = nil, required: [String] = []
    ) -> [(key: String, keyNode: YAMLNode, value: YAMLNode)]? {
        guard let pairs = node.mapping else {
            error(.mustBeMapping(what, found: node.kindLabel), at: node)
            return nil
        }
        var result: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []
        result.reserveCapacity(pairs.count)
        for pair in pairs {
            guard let key = pair.key.scalar?.text else {
                error(.keysMustBeStrings(what), at: pair.key)
                continue
            }
            if let allowed, !allowed.contains(key) {
                error(.unknownKey(key, in: what, hint: Suggestion.hint(for: key, among: allowed)), at: pair.key)
                continue
            }
            result.append((key, pair.key, pair.value))
        }
        for key in required where !result.contains(where: { $0.key == key }) {
            error(.missingKey(key, in: what), at: node)
        }
        return result
    }

    public mutating func string(_ node: YAMLNode, _ what: Label) -> String? {
        guard let scalar = node.scalar else {
            error(.mustBeString(what, found: node.kindLabel), at: node)
            return nil
        }
        switch scalar.value {
        case .string(let text): return text
        case .null:
            error(.mustNotBeEmpty(what), at: node)
            return nil
        default:
            // A number or boolean where text is expected is accepted as its source text
            // (`clause: 2.2`), since these fields are prose, not data.
            return scalar.text
        }
    }

    public mutating func bool(_ node: YAMLNode, _ what: Label) -> Bool? {
        if case .bool(let value)? = node.scalar?.value { return value }
        error(.mustBeBool(what, found: describe(node)), at: node)
        return nil
    }

    public mutating func int(_ node: YAMLNode, _ what: Label) -> Int64? {
        if case .int(let value)? = node.scalar?.value { return value }
        error(.mustBeInteger(what, found: describe(node)), at: node)
        return nil
    }

    public mutating func stringList(_ node: YAMLNode, _ what: Label) -> [(String, YAMLNode)]? {
        guard let items = node.sequence else {
            error(.mustBeList(what, found: node.kindLabel), at: node)
            return nil
        }
        let item = Label(zh: "\(what.zh)的列表项", en: "an item of \(what.en)")
        return items.compactMap { node in string(node, item).map { ($0, node) } }
    }

    public mutating func label(_ node: YAMLNode, _ what: Label) -> Label? {
        guard let pairs = mapping(node, what, allowed: ["zh", "en"], required: ["zh", "en"]) else { return nil }
        var zh: String?, en: String?
        for (key, _, value) in pairs {
            if key == "zh" { zh = string(value, what.key("zh")) } else { en = string(value, what.key("en")) }
        }
        guard let zh, let en else { return nil }
        return Label(zh: zh, en: en)
    }

    /// `string 'yes'`, `integer 3`, `a mapping` — for type-mismatch messages.
    public func describe(_ node: YAMLNode) -> Label {
        guard let scalar = node.scalar else { return Label(zh: node.kindLabel.zh, en: "a \(node.kindName)") }
        switch scalar.value {
        case .null: return Label(zh: "空值", en: "null")
        case .bool(let b): return Label(zh: "布尔值 \(b)", en: "boolean \(b)")
        case .int(let i): return Label(zh: "整数 \(i)", en: "integer \(i)")
        case .float(let f): return Label(zh: "数字 \(f)", en: "number \(f)")
        case .string(let s): return Label(zh: "字符串 '\(s)'", en: "string '\(s)'")
        }
    }
}
