import AuditCore
import AuditReport
import AuditYAML

/// A rule pack file: a named, versioned list of rules of one section.
public struct RulePack: Sendable {
    public var name: String
    public var version: String
    public var file: String
    public var rules: [RuleDefinition]
}

extension RulePack {
    static let packKeys = ["pack", "version", "description", "rules"]
    static let ruleKeys = [
        "id", "title", "description", "section", "severity", "points", "tier", "cite", "applies", "due",
        "for_each", "let", "check", "message", "evidence", "params", "examples",
    ]

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
        guard let top = reader.mapping(document.root, .aRulePack, allowed: packKeys, required: ["pack", "version", "rules"])
        else { return (pack, reader.diagnostics) }
        for (key, _, value) in top {
            switch key {
            case "pack": pack.name = reader.string(value, .code("pack")) ?? ""
            case "version": pack.version = reader.string(value, .code("version")) ?? ""
            case "rules":
                guard let items = value.sequence else {
                    reader.error(.rulesMustBeList(found: value.kindLabel), at: value)
                    continue
                }
                for item in items {
                    if let rule = parseRule(item, pack: pack.name, document, &reader) { pack.rules.append(rule) }
                }
            default: break
            }
        }
        return (pack, reader.diagnostics)
    }

    private static func expression(_ node: YAMLNode, _ what: String, _ document: YAMLDocument, _ reader: inout NodeReader) -> ExpressionSource? {
        guard let scalar = node.scalar else {
            reader.error(.mustBeExpression(what, found: node.kindLabel), at: node)
            return nil
        }
        switch scalar.value {
        case .null:
            reader.error(.expressionEmpty(what), at: node)
            return nil
        default:
            return ExpressionSource(node: node, text: scalar.text, file: document.file, documentText: document.text)
        }
    }

    private static func lets(_ node: YAMLNode, _ document: YAMLDocument, _ reader: inout NodeReader) -> [(name: String, source: ExpressionSource)] {
        guard let pairs = reader.mapping(node, .code("let")) else { return [] }
        var result: [(name: String, source: ExpressionSource)] = []
        for (name, keyNode, value) in pairs {
            guard isIdentifier(name) else {
                reader.error(.invalidName(name), at: keyNode)
                continue
            }
            if let source = expression(value, "let \(name)", document, &reader) { result.append((name, source)) }
        }
        return result
    }

    static func isIdentifier(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic || first == "_" else { return false }
        return name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0 == "_" || ("0"..."9").contains($0) }
    }

    private static func parseRule(_ node: YAMLNode, pack: String, _ document: YAMLDocument, _ reader: inout NodeReader) -> RuleDefinition? {
        let required = ["id", "title", "section", "severity", "cite", "check", "message", "examples"]
        guard let pairs = reader.mapping(node, .aRule, allowed: ruleKeys, required: required) else { return nil }
        let before = reader.diagnostics.diagnostics.count
        var id = "", title = Label(zh: "", en: ""), description: String?
        var section = Section.build, severity = Severity.minor, points: Double?, tier: Tier?
        var cite = Citation(source: "", document: "", clause: "", quote: "")
        var applies: ExpressionSource?, due: ExpressionSource?, check: ExpressionSource?, evidence: ExpressionSource?
        var forEach: [RuleDefinition.ListSource] = []
        var ruleLets: [(name: String, source: ExpressionSource)] = []
        var message: (zh: ExpressionSource, en: ExpressionSource)?
        var params: [RuleParameter] = []
        var examples: [RuleExample] = []
        for (key, _, value) in pairs {
            switch key {
            case "id":
                id = reader.string(value, .code("id")) ?? ""
                if !id.isEmpty, !id.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) {
                    reader.error(.invalidRuleId(id), at: value)
                }
            case "title": title = reader.label(value, .code("title")) ?? title
            case "description": description = reader.string(value, .code("description"))
            case "section":
                let text = reader.string(value, .code("section")) ?? ""
                if let s = Section(rawValue: text) { section = s } else {
                    reader.error(.unknownSection(text, hint: Suggestion.hint(for: text, among: Section.allCases.map(\.rawValue))), at: value)
                }
            case "severity":
                let text = reader.string(value, .code("severity")) ?? ""
                if let s = Severity(rawValue: text) { severity = s } else {
                    reader.error(.unknownSeverity(text, hint: Suggestion.hint(for: text, among: Severity.allCases.map(\.rawValue))), at: value)
                }
            case "points":
                switch value.scalar?.value {
                case .int(let i)? where i >= 0 && i <= 1000: points = Double(i)
                case .float(let d)? where d >= 0 && d <= 1000: points = d
                default: reader.error(.pointsOutOfRange(found: reader.describe(value)), at: value)
                }
            case "tier":
                let text = reader.string(value, .code("tier")) ?? ""
                if let t = Tier(rawValue: text) { tier = t } else {
                    reader.error(.unknownTier(text, hint: Suggestion.hint(for: text, among: Tier.allCases.map(\.rawValue))), at: value)
                }
            case "cite":
                guard let fields = reader.mapping(value, .code("cite"), allowed: ["source", "document", "clause", "quote"],
                                                  required: ["source", "document", "clause", "quote"]) else { continue }
                for (k, _, v) in fields {
                    let text = reader.string(v, .code("cite.\(k)")) ?? ""
                    switch k {
                    case "source": cite.source = text
                    case "document": cite.document = text
                    case "clause": cite.clause = text
                    default:
                        cite.quote = text
                        if text.allSatisfy(\.isWhitespace) { reader.error(.quoteMustQuote, at: v) }
                    }
                }
            case "applies": applies = expression(value, "applies", document, &reader)
            case "due": due = expression(value, "due", document, &reader)
            case "check": check = expression(value, "check", document, &reader)
            case "evidence": evidence = expression(value, "evidence", document, &reader)
            case "let": ruleLets = lets(value, document, &reader)
            case "for_each":
                let entries = value.sequence ?? [value]
                for entry in entries {
                    if entry.scalar != nil {
                        if let list = expression(entry, "for_each", document, &reader) { forEach.append(.init(list: list, lets: [])) }
                    } else if let fields = reader.mapping(entry, .aForEachEntry, allowed: ["in", "let"], required: ["in"]) {
                        var list: ExpressionSource?, entryLets: [(name: String, source: ExpressionSource)] = []
                        for (k, _, v) in fields {
                            if k == "in" { list = expression(v, "for_each.in", document, &reader) } else { entryLets = lets(v, document, &reader) }
                        }
                        if let list { forEach.append(.init(list: list, lets: entryLets)) }
                    }
                }
            case "message":
                guard let fields = reader.mapping(value, .code("message"), allowed: ["zh", "en"], required: ["zh", "en"]) else { continue }
                var zh: ExpressionSource?, en: ExpressionSource?
                for (k, _, v) in fields {
                    let source = expression(v, "message.\(k)", document, &reader)
                    if k == "zh" { zh = source } else { en = source }
                }
                if let zh, let en { message = (zh, en) }
            case "params":
                guard let fields = reader.mapping(value, .code("params")) else { continue }
                for (name, keyNode, v) in fields {
                    guard isIdentifier(name) else {
                        reader.error(.invalidParameterName(name), at: keyNode)
                        continue
                    }
                    // `name: 3`, or `name: {value: 30, fixed: true}` for a number set by law.
                    var valueNode = v, fixed = false
                    if v.mapping != nil {
                        guard let spec = reader.mapping(v, .parameterNamed(name), allowed: ["value", "fixed"], required: ["value"]) else { continue }
                        for (k, _, n) in spec {
                            if k == "value" { valueNode = n } else { fixed = reader.bool(n, .code("fixed")) ?? false }
                        }
                    }
                    if let (paramValue, type) = ParameterValue.read(valueNode, &reader) {
                        params.append(RuleParameter(name: name, value: paramValue, type: type, location: reader.location(keyNode), fixed: fixed))
                        if fixed { checkFixed(name, paramValue, keyNode, &reader) }
                    }
                }
            case "examples":
                guard let fields = reader.mapping(value, .code("examples"), allowed: ["pass", "fail"], required: ["pass", "fail"]) else { continue }
                for (k, _, v) in fields {
                    guard let items = v.sequence, !items.isEmpty else {
                        reader.error(.examplesNeedList(k), at: v)
                        continue
                    }
                    for item in items {
                        guard item.mapping != nil else {
                            reader.error(.exampleMustBeMapping(found: item.kindLabel), at: item)
                            continue
                        }
                        examples.append(RuleExample(expectation: k == "pass" ? .pass : .fail, fragment: item, location: reader.location(item)))
                    }
                }
            default: break
            }
        }
        // A fixed number is the clause's own: it must be the number the quote states.
        for param in params where param.fixed {
            // A value checkFixed refused (not a whole number, negative, huge) is reported already.
            let number: Int64 = switch param.value {
            case .int(let i): i
            case .number(let d): Int64(exactly: d) ?? -1
            default: -1
            }
            if number >= 0, !cite.quote.isEmpty, !Numerals.numbers(in: cite.quote).contains(number) {
                reader.diagnostics.append(.error(.fixedNotInQuote(param.name, number), at: param.location))
            }
        }
        guard reader.diagnostics.diagnostics.count == before, let check, let message else { return nil }
        return RuleDefinition(
            id: id, title: title, description: description, section: section, severity: severity, points: points,
            tier: tier, cite: cite, applies: applies, due: due, forEach: forEach, lets: ruleLets, check: check, message: message,
            evidence: evidence, params: params, examples: examples, location: reader.location(node), pack: pack)
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
