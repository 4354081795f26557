import AuditTestSupport
import AuditCore
import AuditEngine
import AuditFormatters
import AuditReport
import AuditRules
import AuditYAML
import Testing

/// `audit template`: the checklist lists what the applicable rules read, and a filled-in
/// template is a valid report.
@Suite struct TemplateTests {
    /// Every outlet type with every tier of the shipped schema.
    static let kinds: [String] = {
        let types = shippedRules.schema.enums["outlet_type"]?.values ?? []
        let tiers = shippedRules.schema.enums["tier"]?.values ?? []
        return types.flatMap { type in tiers.map { "\(type)/\($0)" } }
    }()

    static func checklist(_ kind: String) throws -> Checklist {
        let parts = kind.split(separator: "/").map(String.init)
        return try Checklist(rules: shippedCompiled, ruleSet: shippedRules, type: parts[0], tier: parts[1])
    }

    @Test func everyTypeAndTierIsCovered() {
        #expect(Self.kinds.count == 12)
    }

    @Test(arguments: kinds)
    func filledTemplateLoadsAndIsAudited(kind: String) throws {
        let checklist = try Self.checklist(kind)
        let filled = TemplateFormatter.format(checklist, schema: shippedRules.schema, language: .en, sample: true)
        let result = auditor().audit(try report(filled, file: "filled.yaml"))
        // Every rule of the checklist has its evidence: nothing is left not assessed.
        #expect(!result.findings.isEmpty)
        let notAssessed = result.findings.filter { $0.status == .notAssessed }.map { "\($0.rule.id) \($0.missing)" }
        #expect(notAssessed.isEmpty, "\(kind): \(notAssessed)")
        #expect(result.score.coverage == 1, "\(kind): \(result.score.missingEvidence)")
    }

    /// Every field a rule of the checklist names, in any of its expressions (`applies`, `due`,
    /// `check`, `let`s, `for_each`, `evidence`, the messages' placeholders), read directly or
    /// through a `let`, `it` or a list variable, is in the template. The fields are found by
    /// walking the rules' syntax against the schema here, not taken from the compiler, and the
    /// template's keys are read back from its YAML.
    @Test(arguments: kinds)
    func everyFieldAnApplicableRuleReadsIsInTheTemplate(kind: String) throws {
        let checklist = try Self.checklist(kind)
        for language in Language.allCases {
            let template = TemplateFormatter.format(checklist, schema: shippedRules.schema, language: language)
            let listed = try templateFields(template)
            var named = Set<String>()
            for rule in checklist.rules {
                var reads = SyntacticReads(schema: shippedRules.schema)
                try reads.collect(rule.definition)
                named.formUnion(reads.fields)
            }
            // Through a `let` and a string method (to_time(outlet.posted_hours.before("-"))).
            #expect(named.isSuperset(of: ["outlet.posted_hours", "premises.opened_at", "staff_member.stood_to_greet", "case.paid_at"]))
            let missing = named.subtracting(listed).sorted()
            #expect(missing.isEmpty, "\(kind) \(language): the rules read \(missing), which the template lacks")
            // And everything the compiler found, implied reads included (outlet.timezone).
            let compiled = Set(checklist.fields.map { "\($0.object).\($0.field)" })
            #expect(compiled.subtracting(listed).isEmpty, "\(kind): \(compiled.subtracting(listed).sorted())")
        }
    }

    /// The rules left off a checklist do not apply to an outlet of that type and tier, whatever
    /// else was observed.
    @Test(arguments: kinds)
    func rulesLeftOffTheChecklistDoNotApply(kind: String) throws {
        let checklist = try Self.checklist(kind)
        let chosen = Set(checklist.rules.map(\.id))
        let filled = TemplateFormatter.format(checklist, schema: shippedRules.schema, language: .en, sample: true)
        let result = auditor().audit(try report(filled, file: "filled.yaml"))
        for rule in shippedCompiled where !chosen.contains(rule.id) {
            let findings = result.findings.filter { $0.rule.id == rule.id }
            #expect(findings.allSatisfy { $0.status == .notApplicable }, "\(kind): \(rule.id) was left off but is \(findings.map(\.status))")
        }
    }

    /// ETQ-ON-TIME (准时开门) compares the posted hours with the opening seen: both are in every
    /// template, and a filled template assesses it either way.
    @Test(arguments: kinds)
    func openingOnTimeIsAssessedFromATemplate(kind: String) throws {
        let checklist = try Self.checklist(kind)
        #expect(checklist.rules.contains { $0.id == "ETQ-ON-TIME" })
        let blank = TemplateFormatter.format(checklist, schema: shippedRules.schema, language: .zh)
        #expect(blank.contains("\n  posted_hours:  # 公示营业时间"))
        #expect(blank.contains("\n  opened_at:  # 实际开门时间"))
        let filled = TemplateFormatter.format(checklist, schema: shippedRules.schema, language: .zh, sample: true)
        func status(_ text: String) throws -> [Status] {
            auditor().audit(try report(text, file: "filled.yaml")).findings.filter { $0.rule.id == "ETQ-ON-TIME" }.map(\.status)
        }
        #expect(try status(filled) == [.pass])
        let late = filled.replacingOccurrences(of: "opened_at: \"08:30\"", with: "opened_at: \"08:45\"")
        #expect(late != filled)
        #expect(try status(late) == [.fail])
    }

    @Test func blankTemplateIsValidYAMLWithTheRightFields() throws {
        let checklist = try Checklist(rules: shippedCompiled, ruleSet: shippedRules, type: "loss_assessment_center", tier: "none")
        let blank = TemplateFormatter.format(checklist, schema: shippedRules.schema, language: .zh)
        _ = try YAMLLoader.load(bytes: Array(blank.utf8), file: "blank.yaml")
        // Loss-assessment centres are asked about their pillar and plaque, not about VIP rooms
        // being 80 m² centres, nor about flagship self-service corners.
        #expect(blank.contains("  standing_pillar:"))
        #expect(blank.contains("  hours_posted_inside:"))
        #expect(!blank.contains("reception_area_m2"))
        #expect(!blank.contains("self_service:"))
        #expect(blank.contains("  - id:  # 工号；必填\n"))
    }

    @Test func flagshipTemplateAsksForFlagshipEvidence() throws {
        let standard = try Checklist(rules: shippedCompiled, ruleSet: shippedRules, type: "service_center", tier: "standard")
        let flagship = try Checklist(rules: shippedCompiled, ruleSet: shippedRules, type: "service_center", tier: "flagship")
        let s = TemplateFormatter.format(standard, schema: shippedRules.schema, language: .en)
        let f = TemplateFormatter.format(flagship, schema: shippedRules.schema, language: .en)
        #expect(!s.contains("  self_service:"))
        #expect(f.contains("  self_service:"))
        #expect(f.contains("  amenities:"))
        #expect(flagship.rules.count > standard.rules.count)
    }

    /// The first line is for the YAML language server; the comments are in one language and
    /// say how to write "not observed", "none" and "has not happened".
    @Test func theHeaderPointsAtTheSchemaAndSaysHowToFillItIn() throws {
        let checklist = try Checklist(rules: shippedCompiled, ruleSet: shippedRules, type: "service_hall", tier: "none")
        let zh = TemplateFormatter.format(checklist, schema: shippedRules.schema, language: .zh)
        let en = TemplateFormatter.format(checklist, schema: shippedRules.schema, language: .en)
        for text in [zh, en] {
            #expect(text.hasPrefix("# yaml-language-server: $schema=report.schema.json\n"))
            #expect(text.contains("#   audit schema report > report.schema.json\n"))
        }
        #expect(zh.contains("# 检查报告模板：客户服务大厅(service_hall)，星级：无(none)\n"))
        #expect(zh.contains("未观察的项目：留空（或删去该行），需要它的规则记为“未检查”"))
        #expect(zh.contains("观察过但一个也没有时写 []，例如 plaque: [] 表示没有营业铭牌"))
        #expect(zh.contains("    feedback_at:  # 反馈时间；YYYY-MM-DD HH:MM；留空表示尚未发生\n"))
        #expect(zh.contains("  type: service_hall  # 网点类型；必填；可选 service_center（客户服务中心）、service_hall（客户服务大厅）"))
        #expect(en.contains("# inspection report template: service hall (service_hall), tier: none\n"))
        #expect(en.contains("not observed: leave the value empty (or delete the line); the rules that need it are not assessed"))
        #expect(en.contains("    feedback_at:  # feedback at; YYYY-MM-DD HH:MM; empty: has not happened\n"))
        #expect(en.contains("  staff:") == false)
        #expect(en.contains("\nstaff:  # staff; one entry each, starting with “- ”; none: []\n"))
        // One language each: no Chinese label in the English comments, no English label in the Chinese.
        #expect(!en.contains("网点类型"))
        #expect(!zh.contains("outlet type"))
    }

    /// The type and tier may be given by their Chinese labels; near misses of either get a hint.
    @Test func typesAreNamedByTokenOrChineseLabel() throws {
        let types = try #require(shippedRules.schema.enums["outlet_type"])
        #expect(types.token(named: "客户服务大厅") == "service_hall")
        #expect(types.token(named: "service_hall") == "service_hall")
        #expect(types.token(named: "service hall") == nil)
        #expect(TemplateFormatter.unknownValue("客服大厅", option: "--type", in: types).zh.hasSuffix("（是否应为 '客户服务大厅'，即 service_hall？）"))
        #expect(TemplateFormatter.unknownValue("客户服务中", option: "--type", in: types).en.hasSuffix(" (did you mean '客户服务中心', that is service_center?)"))
        #expect(TemplateFormatter.unknownValue("service_hal", option: "--type", in: types).en.hasSuffix(" (did you mean 'service_hall'?)"))
        #expect(!TemplateFormatter.unknownValue("旗舰店", option: "--type", in: types).en.contains("did you mean"))
    }
}

// MARK: - Reading fields back

/// The `object.field` pairs a template lists, read from its YAML with the schema.
func templateFields(_ text: String) throws -> Set<String> {
    let document = try YAMLLoader.load(bytes: Array(text.utf8), file: "template.yaml")
    var fields = Set<String>()
    func walk(_ node: YAMLNode, _ object: ObjectSchema) {
        for pair in node.mapping ?? [] {
            guard let key = pair.key.scalar?.text, let field = object.field(named: key) else {
                Issue.record("the template has '\(pair.key.scalar?.text ?? "?")', which \(object.name) has not")
                continue
            }
            fields.insert("\(object.name).\(key)")
            switch field.type {
            case .object(let nested): walk(pair.value, nested)
            case .list(.object(let nested)): for item in pair.value.sequence ?? [] { walk(item, nested) }
            default: break
            }
        }
    }
    walk(document.root, shippedRules.schema.root)
    return fields
}

/// The report fields a rule's expressions name, found from its syntax: each dotted path is
/// resolved against the schema from a report section, `it` (the `for_each` item), a `let`
/// name or a list variable (`cases.all(c, c.paid_at …)`).
struct SyntacticReads {
    let schema: ReportSchema
    private(set) var fields = Set<String>()

    init(schema: ReportSchema) { self.schema = schema }

    private indirect enum Binding {
        case type(ValueType)
        case expression(Expr)
        case opaque
    }

    static let listVariables: Set<String> = ["all", "any", "count", "filter", "periods"]

    mutating func collect(_ rule: RuleDefinition) throws {
        let lists: [RuleDefinition.ListSource?] = rule.forEach.isEmpty ? [nil] : rule.forEach.map { $0 }
        for list in lists {
            var scope: [String: Binding] = [:]
            if let list {
                let expr = try ExpressionParser.parse(list.list.text)
                walk(expr, scope)
                if case .list(let element)? = type(of: expr, scope) { scope["it"] = .type(element) }
                for (name, source) in list.lets { try bind(name, source, &scope) }
            }
            for (name, source) in rule.lets { try bind(name, source, &scope) }
            for source in [rule.applies, rule.due, rule.check, rule.evidence].compactMap({ $0 }) {
                walk(try ExpressionParser.parse(source.text), scope)
            }
            for message in [rule.message.zh, rule.message.en] {
                for placeholder in Self.placeholders(message.text) { walk(try ExpressionParser.parse(placeholder), scope) }
            }
        }
    }

    private mutating func bind(_ name: String, _ source: ExpressionSource, _ scope: inout [String: Binding]) throws {
        let expr = try ExpressionParser.parse(source.text)
        walk(expr, scope)
        scope[name] = .expression(expr)
    }

    /// `{…}` in a message (`{{` and `}}` are braces).
    static func placeholders(_ text: String) -> [String] {
        let chars = Array(text)
        var result: [String] = [], i = 0
        while i < chars.count {
            if chars[i] == "{", i + 1 < chars.count, chars[i + 1] == "{" { i += 2; continue }
            if chars[i] == "{", let close = chars[(i + 1)...].firstIndex(of: "}") {
                result.append(String(chars[(i + 1)..<close]))
                i = close + 1
                continue
            }
            i += 1
        }
        return result.filter { !$0.isEmpty }
    }

    private func type(of expr: Expr, _ scope: [String: Binding]) -> ValueType? {
        switch expr {
        case .identifier(let name, _):
            switch scope[name] {
            case .type(let t)?: return t
            case .expression(let e)?: return type(of: e, scope)
            case .opaque?: return nil
            case nil: return schema.root.field(named: name)?.type
            }
        case .member(let base, let name, _):
            guard case .object(let object)? = type(of: base, scope) else { return nil }
            return object.field(named: name)?.type
        case .call(let receiver?, "filter", _, _):
            return type(of: receiver, scope)
        default:
            return nil
        }
    }

    private mutating func walk(_ expr: Expr, _ scope: [String: Binding]) {
        switch expr {
        case .literal: break
        case .identifier(let name, _):
            if scope[name] == nil, schema.root.field(named: name) != nil { fields.insert("\(schema.root.name).\(name)") }
        case .member(.identifier("params", _), _, _):
            break
        case .member(let base, let name, _):
            walk(base, scope)
            if case .object(let object)? = type(of: base, scope), object.field(named: name) != nil {
                fields.insert("\(object.name).\(name)")
            }
        case .list(let items, _):
            for item in items { walk(item, scope) }
        case .call(let receiver, let name, let args, _):
            if let receiver { walk(receiver, scope) }
            if let receiver, Self.listVariables.contains(name), case .identifier(let variable, _)? = args.first?.value {
                var inner = scope
                if case .list(let element)? = type(of: receiver, scope) { inner[variable] = .type(element) } else { inner[variable] = .opaque }
                for arg in args.dropFirst() { walk(arg.value, inner) }
            } else {
                for arg in args { walk(arg.value, scope) }
            }
        case .unary(_, let e, _):
            walk(e, scope)
        case .binary(_, let l, let r, _):
            walk(l, scope)
            walk(r, scope)
        case .conditional(let c, let a, let b, _):
            walk(c, scope)
            walk(a, scope)
            walk(b, scope)
        }
    }
}
