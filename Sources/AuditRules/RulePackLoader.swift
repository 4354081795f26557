import AuditCore
import AuditReport
import AuditYAML

/// A rule pack file: a named, versioned list of rules of one section.
public struct RulePack: Sendable {
    public var name: String
    public var version: String
    public var file: String
    public var rules: [RuleDefinition]
    /// Built into the binary.
    public var shipped = false
}

extension RulePack {
    /// Reads a pack's structure: required keys, enums, citations, examples. Expressions are
    /// kept as source here and checked by `RuleCompiler`.
    public static func parse(_ document: YAMLDocument) throws(DiagnosticList) -> RulePack {
        let (pack, diagnostics) = parseLeniently(document)
        if diagnostics.hasErrors { throw diagnostics }
        return pack
    }

    /// The rules that parse, and the problems of the others: lint reports every problem and
    /// still checks the expressions of the rules that are well formed.
    public static func parseLeniently(_ document: YAMLDocument) -> (RulePack, DiagnosticList) {
        var reader = NodeReader(file: document.file)
        var pack = RulePack(name: "", version: "", file: document.file, rules: [])
        guard let top = reader.mapping(document.root, .aRulePack, keys: PackKey.self) else { return (pack, reader.diagnostics) }
        // The defaults first, wherever they are written: every rule reads them.
        var defaults = RuleDefaults()
        if let node = top.first(where: { $0.key == .defaults })?.value { defaults = RuleDefaults(node, &reader) }
        for (key, _, value) in top {
            switch key {
            case .pack: pack.name = reader.string(value, .code("pack")) ?? ""
            case .version: pack.version = reader.string(value, .code("version")) ?? ""
            case .description: _ = reader.string(value, .code("description"))
            case .defaults: break
            case .rules:
                guard let items = value.sequence else {
                    reader.error(.rulesMustBeList(found: value.kindLabel), at: value)
                    continue
                }
                for item in items {
                    var rule = RuleReader(document: document, defaults: defaults, reader: reader)
                    if let definition = rule.read(item, pack: pack.name) { pack.rules.append(definition) }
                    reader = rule.reader
                }
            }
        }
        return (pack, reader.diagnostics)
    }

    /// What `RuleReader.readId` accepts: A-Z, 0-9 and `-` (as a JSON Schema pattern).
    public static let ruleIdPattern = "^[A-Z0-9-]*$"

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0) }
    }
}

/// `defaults:` of a pack: what its rules share, so that they do not repeat it —
/// `{section: build, cite: {source: CS, document: 中国人寿财产保险股份有限公司客户服务规范}}`.
/// A rule that says otherwise wins.
struct RuleDefaults {
    var section: Section?
    var source: String?
    var document: String?

    init() {}

    init(_ node: YAMLNode, _ reader: inout NodeReader) {
        for (key, _, value) in reader.mapping(node, .code("defaults"), keys: DefaultsKey.self) ?? [] {
            switch key {
            case .section: section = RuleReader.section(value, &reader)
            case .cite:
                for (k, _, v) in reader.mapping(value, .code("defaults.cite"), keys: DefaultsCiteKey.self) ?? [] {
                    let text = reader.string(v, .code("defaults.cite.\(k.rawValue)"))
                    switch k {
                    case .source: source = text
                    case .document: document = text
                    }
                }
            }
        }
    }
}

/// Reads one rule, key by key; what a key holds is read by a step of its own.
struct RuleReader {
    let document: YAMLDocument
    let defaults: RuleDefaults
    var reader: NodeReader

    private var id = "", title = Label(zh: "", en: ""), description: String?
    private var section: Section?, severity = Severity.minor, points: Double?, tier: Tier?
    private var cite = Citation(source: "", document: "", clause: "", quote: "")
    private var applies: ExpressionSource?, due: ExpressionSource?, check: ExpressionSource?, evidence: ExpressionSource?
    private var forEach: [RuleDefinition.ListSource] = []
    private var lets: [(name: String, source: ExpressionSource)] = []
    private var message: (zh: ExpressionSource, en: ExpressionSource)?
    private var params: [RuleParameter] = []
    private var examples: [RuleExample] = []

    init(document: YAMLDocument, defaults: RuleDefaults, reader: NodeReader) {
        self.document = document
        self.defaults = defaults
        self.reader = reader
        section = defaults.section
        cite.source = defaults.source ?? ""
        cite.document = defaults.document ?? ""
    }

    mutating func read(_ node: YAMLNode, pack: String) -> RuleDefinition? {
        let waived: Set<RuleKey> = defaults.section == nil ? [] : [.section]
        guard let pairs = reader.mapping(node, .aRule, keys: RuleKey.self, waiving: waived) else { return nil }
        for (key, _, value) in pairs {
            switch key {
            case .id: readId(value)
            case .title: title = reader.label(value, .code("title")) ?? title
            case .description: description = reader.string(value, .code("description"))
            case .section: section = Self.section(value, &reader) ?? section
            case .severity:
                let text = reader.string(value, .code("severity")) ?? ""
                if let s = Severity(rawValue: text) { severity = s } else {
                    reader.error(.unknownSeverity(text, hint: Suggestion.hint(for: text, among: Severity.allCases.map(\.rawValue))), at: value)
                }
            case .points: readPoints(value)
            case .tier:
                let text = reader.string(value, .code("tier")) ?? ""
                if let t = Tier(rawValue: text) { tier = t } else {
                    reader.error(.unknownTier(text, hint: Suggestion.hint(for: text, among: Tier.allCases.map(\.rawValue))), at: value)
                }
            case .cite: readCite(value)
            case .applies: applies = expression(value, "applies")
            case .due: due = expression(value, "due")
            case .check: check = expression(value, "check")
            case .evidence: evidence = expression(value, "evidence")
            case .let: lets = readLets(value)
            case .forEach: readForEach(value)
            case .message: readMessage(value)
            case .params: readParams(value)
            case .examples: readExamples(value)
            }
        }
        checkFixedNumbersAreQuoted()
        // A rule with problems of its structure is still returned when its expressions are there:
        // lint (parseLeniently) checks them in the same run; `parse` refuses the pack anyway.
        guard let check, let message, let section else { return nil }
        return RuleDefinition(
            id: id, title: title, description: description, section: section, severity: severity, points: points,
            tier: tier, cite: cite, applies: applies, due: due, forEach: forEach, lets: lets, check: check, message: message,
            evidence: evidence, params: params, examples: examples, location: reader.location(node), pack: pack)
    }

    static func section(_ node: YAMLNode, _ reader: inout NodeReader) -> Section? {
        let text = reader.string(node, .code("section")) ?? ""
        if let s = Section(rawValue: text) { return s }
        reader.error(.unknownSection(text, hint: Suggestion.hint(for: text, among: Section.allCases.map(\.rawValue))), at: node)
        return nil
    }

    private mutating func readId(_ node: YAMLNode) {
        id = reader.string(node, .code("id")) ?? ""
        if !id.isEmpty, !id.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
            reader.error(.invalidRuleId(id), at: node)
        }
    }

    private mutating func readPoints(_ node: YAMLNode) {
        switch node.scalar?.value {
        case .int(let i)? where i >= 0 && i <= 1000: points = Double(i)
        case .float(let d)? where d >= 0 && d <= 1000: points = d
        default: reader.error(.pointsOutOfRange(found: reader.describe(node)), at: node)
        }
    }

    /// `cite: {source, document, clause, quote}`; source and document may come from the defaults.
    private mutating func readCite(_ node: YAMLNode) {
        var waived: Set<CiteKey> = []
        if defaults.source != nil { waived.insert(.source) }
        if defaults.document != nil { waived.insert(.document) }
        guard let fields = reader.mapping(node, .code("cite"), keys: CiteKey.self, waiving: waived) else { return }
        for (k, _, v) in fields {
            let text = reader.string(v, .code("cite.\(k.rawValue)")) ?? ""
            switch k {
            case .source: cite.source = text
            case .document: cite.document = text
            case .clause: cite.clause = text
            case .quote:
                cite.quote = text
                if text.allSatisfy(\.isWhitespace) { reader.error(.quoteMustQuote, at: v) }
            }
        }
    }

    private mutating func expression(_ node: YAMLNode, _ what: String) -> ExpressionSource? {
        guard let scalar = node.scalar else {
            reader.error(.mustBeExpression(what, found: node.kindLabel), at: node)
            return nil
        }
        if case .null = scalar.value {
            reader.error(.expressionEmpty(what), at: node)
            return nil
        }
        return ExpressionSource(node: node, text: scalar.text, file: document.file, documentText: document.text)
    }

    private mutating func readLets(_ node: YAMLNode) -> [(name: String, source: ExpressionSource)] {
        var result: [(name: String, source: ExpressionSource)] = []
        for (name, keyNode, value) in reader.mapping(node, .code("let")) ?? [] {
            guard RulePack.isIdentifier(name) else {
                reader.error(.invalidName(name), at: keyNode)
                continue
            }
            if let source = expression(value, "let \(name)") { result.append((name, source)) }
        }
        return result
    }

    /// `for_each: staff` (one list), or one `{in, let}` entry per list for a rule over several
    /// lists whose items need names of their own.
    private mutating func readForEach(_ node: YAMLNode) {
        if node.scalar != nil {
            if let list = expression(node, "for_each") { forEach.append(.init(list: list, lets: [])) }
            return
        }
        guard let entries = node.sequence, !entries.isEmpty else {
            reader.error(.forEachShape, at: node)
            return
        }
        for entry in entries {
            guard entry.mapping != nil else {
                reader.error(.forEachShape, at: entry)
                continue
            }
            guard let fields = reader.mapping(entry, .aForEachEntry, keys: ForEachKey.self) else { continue }
            var list: ExpressionSource?, entryLets: [(name: String, source: ExpressionSource)] = []
            for (k, _, v) in fields {
                switch k {
                case .in: list = expression(v, "for_each.in")
                case .let: entryLets = readLets(v)
                }
            }
            if let list { forEach.append(.init(list: list, lets: entryLets)) }
        }
    }

    private mutating func readMessage(_ node: YAMLNode) {
        guard let fields = reader.mapping(node, .code("message"), keys: MessageKey.self) else { return }
        var zh: ExpressionSource?, en: ExpressionSource?
        for (k, _, v) in fields {
            let source = expression(v, "message.\(k.rawValue)")
            switch k {
            case .zh: zh = source
            case .en: en = source
            }
        }
        if let zh, let en { message = (zh, en) }
    }

    /// `name: 3`, or `name: {value: 30, fixed: true}` for a number set by law.
    private mutating func readParams(_ node: YAMLNode) {
        for (name, keyNode, v) in reader.mapping(node, .code("params")) ?? [] {
            guard RulePack.isIdentifier(name) else {
                reader.error(.invalidParameterName(name), at: keyNode)
                continue
            }
            var valueNode = v, fixed = false
            if v.mapping != nil {
                guard let spec = reader.mapping(v, .parameterNamed(name), keys: ParameterKey.self) else { continue }
                for (k, _, n) in spec {
                    switch k {
                    case .value: valueNode = n
                    case .fixed: fixed = reader.bool(n, .code("fixed")) ?? false
                    }
                }
            }
            if let (paramValue, type) = ParameterValue.read(valueNode, &reader) {
                params.append(RuleParameter(name: name, value: paramValue, type: type, location: reader.location(keyNode), fixed: fixed))
                if fixed { RulePack.checkFixed(name, paramValue, keyNode, &reader) }
            }
        }
    }

    private mutating func readExamples(_ node: YAMLNode) {
        guard let fields = reader.mapping(node, .code("examples"), keys: ExamplesKey.self) else { return }
        for (k, _, v) in fields {
            guard let items = v.sequence, !items.isEmpty else {
                reader.error(.examplesNeedList(k.rawValue), at: v)
                continue
            }
            for item in items {
                guard item.mapping != nil else {
                    reader.error(.exampleMustBeMapping(found: item.kindLabel), at: item)
                    continue
                }
                examples.append(RuleExample(expectation: k == .pass ? .pass : .fail, fragment: item, location: reader.location(item)))
            }
        }
    }

    /// A fixed number is the clause's own: it must be the number the quote states. (A value
    /// checkFixed refused — not a whole number, negative, huge — is reported already.)
    private mutating func checkFixedNumbersAreQuoted() {
        for param in params where param.fixed {
            let number: Int64 = switch param.value {
            case .int(let i): i
            case .number(let d): Int64(exactly: d) ?? -1
            default: -1
            }
            if number >= 0, !cite.quote.isEmpty, !Numerals.numbers(in: cite.quote).contains(number) {
                reader.diagnostics.append(.error(.fixedNotInQuote(param.name, number), at: param.location))
            }
        }
    }
}

extension RulePack {
    /// Only a whole number can be fixed: it is compared with the numbers of the quote.
    static func checkFixed(_ name: String, _ value: Value, _ node: YAMLNode, _ reader: inout NodeReader) {
        switch value {
        case .int(let i) where i >= 0: return
        case .number(let d) where d >= 0 && d == d.rounded() && d < 1e15: return
        default:
            reader.error(.fixedMustBeWhole(name), at: node)
        }
    }
}

/// Parameter values: scalars and lists of scalars, typed by their YAML value.
public enum ParameterValue {
    public static func read(_ node: YAMLNode, _ reader: inout NodeReader) -> (Value, ExprType)? {
        if let items = node.sequence {
            var values: [Value] = []
            var element = ExprType.any
            for item in items {
                guard let (v, t) = scalar(item, &reader) else { return nil }
                guard let unified = ExprType.unify(element, t) else {
                    reader.error(.parameterListMixed, at: item)
                    return nil
                }
                element = unified
                values.append(v)
            }
            return (.list(values), .list(element))
        }
        return scalar(node, &reader)
    }

    static func scalar(_ node: YAMLNode, _ reader: inout NodeReader) -> (Value, ExprType)? {
        guard let scalar = node.scalar else {
            reader.error(.parameterKind(found: node.kindLabel), at: node)
            return nil
        }
        switch scalar.value {
        case .bool(let b): return (.bool(b), .bool)
        case .int(let i): return (.int(i), .int)
        case .float(let d): return (.number(d), .number)
        case .string(let s): return (.string(s), .string)
        case .null:
            reader.error(.parameterNeedsValue, at: node)
            return nil
        }
    }

    /// A value as it is written on the command line (`30`, `[a, b]`).
    public static func text(_ value: Value) -> String {
        switch value {
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .number(let d): return JSON.format(d, decimals: 6)
        case .string(let s): return s
        case .list(let items): return "[" + items.map(text).joined(separator: ", ") + "]"
        default: return "?"
        }
    }

    /// Whether two parameter values are the same (as JSON: `2` and `2.0` differ in type).
    public static func same(_ a: Value, _ b: Value) -> Bool { json(a).serialized() == json(b).serialized() }

    /// A value as JSON, for the record of applied parameters.
    public static func json(_ value: Value) -> JSON {
        switch value {
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(Int(i))
        case .number(let d): return .number(d, decimals: 6)
        case .string(let s): return .string(s)
        case .list(let items): return .array(items.map(json))
        default: return .null
        }
    }

    /// Converts an override (`--param max_rings=2`) to the declared parameter's type.
    public static func coerce(_ value: Value, from type: ExprType, to expected: ExprType) -> Value? {
        if type == expected { return value }
        switch (value, expected) {
        case (.int(let i), .number): return .number(Double(i))
        case (.list(let items), .list(let element)):
            if items.isEmpty { return value }
            if type == .list(.int), element == .number {
                return .list(items.map { if case .int(let i) = $0 { .number(Double(i)) } else { $0 } })
            }
            if type == .list(.any) { return value }
            return nil
        case (.int, .string), (.number, .string), (.bool, .string):
            return nil
        default:
            return nil
        }
    }
}
