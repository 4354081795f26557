import AuditTestSupport
import AuditCore
import AuditReport
import AuditRules
import AuditYAML
import Foundation
import Testing

/// `audit schema pack|waivers|profile`: every shipped or fixture file of each kind validates
/// against its schema, every broken one whose error JSON Schema can state fails it, and the
/// rest are listed as beyond it. Which files `audit` refuses is decided by `audit lint`
/// (`Lint.run`, the shipped rules plus the file), never assumed: each table below is checked
/// against it first.
@Suite struct RuleFileJSONSchemaTests {
    // MARK: - Packs

    /// The shipped packs (rules/*.yaml whose first key is `pack`).
    static let shippedPacks: [String] = {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/rules")) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        return names.map { "rules/" + $0 }.filter { path in
            guard let document = try? YAMLLoader.load(path: repositoryRoot + "/" + path) else { return false }
            return RuleFileKind(document) == .pack
        }
    }()

    @Test func theSchemasAreStableAndNameTheDraft() throws {
        for (kind, generate) in [("pack", RuleFileJSONSchema.pack), ("waivers", RuleFileJSONSchema.waivers), ("profile", RuleFileJSONSchema.profile)] {
            let a = generate(shippedRules), b = generate(shippedRules)
            #expect(a == b, "\(kind)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(a.utf8)) as? [String: Any])
            #expect(object["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema", "\(kind)")
            #expect(object["additionalProperties"] as? Bool == false, "\(kind)")
        }
    }

    @Test func everyShippedPackValidates() throws {
        #expect(Self.shippedPacks == ["rules/build.yaml", "rules/etiquette.yaml", "rules/timeliness.yaml"])
        var documents: [String: String] = [:]
        for path in Self.shippedPacks { documents[path] = try jsonText(ofYAMLFile: path) }
        let results = try validate(schema: RuleFileJSONSchema.pack(shippedRules), documents: documents)
        #expect(results.schemaError == nil, "\(results.schemaError ?? "")")
        for path in Self.shippedPacks { #expect(results.passes(path), "\(path): \(results.describe(path))") }
    }

    /// The example add-on pack reads a field its schema extension adds: its examples validate
    /// against the pack schema of the rules with the extension, not of the shipped ones.
    @Test func aPackForAnExtensionValidatesWithTheExtension() throws {
        let dir = "fixtures/extensions/hotline"
        let files = try ["hotline.yaml", "schema-extension.yaml"].map { name in
            RuleSet.SourceFile(path: "\(dir)/\(name)", bytes: Array(try String(contentsOfFile: "\(repositoryRoot)/\(dir)/\(name)", encoding: .utf8).utf8))
        }
        let extended = try RuleSet.load(files, shipped: .added)
        let path = "\(dir)/hotline.yaml"
        let document = [path: try jsonText(ofYAMLFile: path)]
        let with = try validate(schema: RuleFileJSONSchema.pack(extended), documents: document)
        #expect(with.passes(path), "\(with.describe(path))")
        let without = try validate(schema: RuleFileJSONSchema.pack(shippedRules), documents: document)
        #expect(without.fails(path))
        #expect(without.describe(path).contains("counter_hotline"), "\(without.describe(path))")
    }

    /// The broken packs, one rule at a time (each file holds several mistakes): the rules
    /// whose mistake is a schema error fail the schema, the others pass it. Every one of them
    /// is refused by `audit lint`.
    @Test func brokenRulesFailTheSchemaWhereTheirErrorIsASchemaError() throws {
        // (file, rule id) → whether the schema can say what is wrong.
        let table: [(String, String, Bool)] = [
            ("a-pack", "BR-TYPO", true),        // unknown key chek (and so no check)
            ("a-pack", "BR-SYNTAX", false),     // expression syntax
            ("a-pack", "BR-TYPES", false),      // unknown report field, type error in an expression
            ("a-pack", "BR-PARAM", false),      // a parameter read but declared under another name
            ("a-pack", "BR-SEVERITY", true),    // severity serious, points -3
            ("a-pack", "BR-CITE", true),        // no quote, no failing example
            ("a-pack", "BR-DUPLICATE", false),  // valid alone: its twin is in b-pack
            ("b-pack", "BR-DUPLICATE", false),  // the same id as in a-pack (alone, it is valid)
            ("g-fixed-deprecated", "BR-FIXED", false),     // a fixed value the quote does not state
            ("g-fixed-deprecated", "BR-DEPRECATED", true), // an example with an unknown token (complain)
            ("h-unquoted-text", "BR-UNQUOTED", false),     // text without quotes in an expression
            ("j-undeclared-param", "BR-UNDECLARED", false),
            ("k-contains-infix", "BR-CONTAINS", false),
        ]
        var documents: [String: String] = [:]
        for file in Set(table.map(\.0)).sorted() {
            let path = "fixtures/broken-rules/\(file).yaml"
            let document = try YAMLLoader.load(path: repositoryRoot + "/" + path)
            guard case .object(let top) = jsonValue(of: document.root),
                  case .array(let rules)? = top.first(where: { $0.0 == "rules" })?.1 else {
                Issue.record("\(path) has no rules list")
                continue
            }
            for rule in rules {
                guard case .object(let fields) = rule, case .string(let id)? = fields.first(where: { $0.0 == "id" })?.1 else { continue }
                // The pack with only this rule.
                let one = JSON.object(top.map { $0.0 == "rules" ? ($0.0, .array([rule])) : $0 })
                documents["\(file) \(id)"] = one.serialized()
            }
        }
        #expect(Set(documents.keys) == Set(table.map { "\($0.0) \($0.1)" }), "the table names every rule of the broken packs")
        // Each is refused by audit lint, alone (BR-DUPLICATE is refused for its twin in a-pack).
        for (file, id, _) in table where id != "BR-DUPLICATE" {
            guard let text = documents["\(file) \(id)"] else { continue }
            #expect(lintRefuses(text, path: "\(file)-\(id).yaml"), "\(file) \(id) passes audit lint")
        }
        let results = try validate(schema: RuleFileJSONSchema.pack(shippedRules), documents: documents)
        #expect(results.schemaError == nil)
        for (file, id, schemaError) in table {
            let name = "\(file) \(id)"
            #expect(schemaError ? results.fails(name) : results.passes(name), "\(name): \(results.describe(name))")
        }
    }

    /// The files of fixtures/broken-rules beyond these schemas: YAML that does not parse
    /// (c-yaml-error; i-colon-in-value, whose unquoted `days: 3` YAML refuses), scoring and
    /// calendar files (no schema of their own); f-waivers is checked below.
    @Test func everyBrokenRuleFileIsAccountedFor() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/fixtures/broken-rules").filter { $0.hasSuffix(".yaml") }
        let packs = ["a-pack", "b-pack", "g-fixed-deprecated", "h-unquoted-text", "j-undeclared-param", "k-contains-infix"]
        let notYAML = ["c-yaml-error", "i-colon-in-value"]
        let kinds: [String: RuleFileKind] = ["d-scoring": .scoring, "e-calendar": .calendar, "f-waivers": .waivers]
        #expect(Set(names) == Set((packs + notYAML + kinds.keys).map { $0 + ".yaml" }))
        for name in packs + kinds.keys.sorted() {
            let document = try YAMLLoader.load(path: repositoryRoot + "/fixtures/broken-rules/\(name).yaml")
            #expect(RuleFileKind(document) == kinds[name] ?? .pack, "\(name)")
        }
        for name in notYAML {
            #expect(throws: DiagnosticList.self, "\(name)") { try YAMLLoader.load(path: repositoryRoot + "/fixtures/broken-rules/\(name).yaml") }
        }
    }

    /// One value of a valid pack changed at a time: what `audit lint` accepts, the schema
    /// accepts, and the reverse, case by case.
    @Test func packValuesAreJudgedAsLintJudgesThem() throws {
        // (name, replacements, audit lint accepts it)
        let cases: [(String, [(String, String)], Bool)] = [
            ("as written", [], true),
            ("points fraction", [("points: 2", "points: 2.5")], true),
            ("points over 1000", [("points: 2", "points: 1001")], false),
            ("severity unknown", [("severity: minor", "severity: serious")], false),
            ("tier unknown", [("tier: standard", "tier: gold")], false),
            ("id lower case", [("id: ST-ONE", "id: st-one")], false),
            ("title text", [("title: {zh: 整洁, en: clean}", "title: 整洁")], false),
            ("title without en", [("title: {zh: 整洁, en: clean}", "title: {zh: 整洁}")], false),
            ("section in the rule", [("    severity: minor", "    section: etiquette\n    severity: minor")], true),
            ("no section", [("  section: build\n", "")], false),
            ("section from the rule only", [("  section: build\n", ""), ("    severity: minor", "    section: build\n    severity: minor")], true),
            ("no default source", [("cite: {source: CS, document: 规范}", "cite: {document: 规范}")], false),
            ("source in the rule", [("cite: {source: CS, document: 规范}", "cite: {document: 规范}"), ("cite: {clause:", "cite: {source: CS, clause:")], true),
            ("blank quote", [("quote: 引文三十日", "quote: \"  \"")], false),
            ("numeric clause", [("clause: \"1\"", "clause: 1.2")], true),
            ("for_each empty", [("    check: clean", "    for_each: []\n    check: clean")], false),
            ("for_each entry without in", [("    check: clean", "    for_each: [{let: {b: it.badge}}]\n    check: clean")], false),
            ("for_each entry unknown key", [("    check: clean", "    for_each: [{in: staff, lets: {b: it.badge}}]\n    check: clean")], false),
            ("let name with a digit first", [("      clean: premises.clean", "      1clean: premises.clean"), ("check: clean", "check: premises.clean")], false),
            ("let name in Chinese", [("      clean: premises.clean", "      整洁: premises.clean"), ("check: clean", "check: 整洁")], true),
            ("let value a list", [("      clean: premises.clean", "      clean: [premises.clean]"), ("check: clean", "check: premises.clean")], false),
            ("check missing its value", [("    check: clean", "    check:")], false),
            ("check as a boolean", [("    check: clean", "    check: true")], true),
            ("param list", [("      limit: 3", "      limit: [1, 2]")], true),
            ("param mixed list", [("      limit: 3", "      limit: [1, a]")], false),
            ("param null", [("      limit: 3", "      limit: ~")], false),
            ("param mapping without value", [("      limit: 3", "      limit: {fixed: false}")], false),
            ("fixed fraction", [("{value: 30, fixed: true}", "{value: 30.5, fixed: true}")], false),
            ("fixed not a boolean", [("{value: 30, fixed: true}", "{value: 30, fixed: yes}")], false),
            ("param name with a dash", [("      limit: 3", "      max-limit: 3")], false),
            ("message without en", [("message: {zh: 不整洁, en: not clean}", "message: {zh: 不整洁}")], false),
            ("no fail example", [("      fail: [{outlet: {type: service_center}, premises: {clean: false}}]", "      fail: []")], false),
            ("example not a mapping", [("      pass: [{outlet", "      pass: [1, {outlet")], false),
            ("example token misspelt", [("fail: [{outlet: {type: service_center}", "fail: [{outlet: {type: servce_center}")], false),
            ("example token by its label", [("fail: [{outlet: {type: service_center}", "fail: [{outlet: {type: 客户服务中心}")], true),
            ("example unknown field", [("premises: {clean: false}", "premises: {clean: false, cleen: true}")], false),
            ("example free key", [("premises: {clean: false}", "premises: {clean: false, x_note: 备注}")], true),
            ("example wrong type", [("premises: {clean: false}", "premises: {clean: 1}")], false),
            ("description a list", [("description: 测试", "description: [测试]")], false),
            ("unknown pack key", [("version: \"1\"", "version: \"1\"\nauthor: 总部")], false),
            ("unknown rule key", [("    evidence: premises.clean", "    evidense: premises.clean")], false),
        ]
        var documents: [String: String] = [:]
        for (name, replacements, accepted) in cases {
            var text = Self.validPack
            for (of, with) in replacements {
                guard text.contains(of) else { Issue.record("\(name): the pack has no '\(of)'"); continue }
                text = text.replacingOccurrences(of: of, with: with)
            }
            // audit lint is the reference: the table must say what it does.
            #expect(!lintRefuses(text, path: "schema-test.yaml") == accepted, "\(name): audit lint \(accepted ? "refuses" : "accepts") it")
            documents[name] = try jsonText(ofYAML: text, file: name)
        }
        let results = try validate(schema: RuleFileJSONSchema.pack(shippedRules), documents: documents)
        #expect(results.schemaError == nil)
        for (name, _, accepted) in cases {
            #expect(results.passes(name) == accepted, "\(name): \(results.describe(name))")
        }
    }

    static let validPack = """
        pack: schema-test
        version: "1"
        description: 测试
        defaults:
          section: build
          cite: {source: CS, document: 规范}
        rules:
          - id: ST-ONE
            title: {zh: 整洁, en: clean}
            severity: minor
            points: 2
            tier: standard
            cite: {clause: "1", quote: 引文三十日}
            applies: outlet.type == "service_center"
            let:
              clean: premises.clean
            check: clean
            evidence: premises.clean
            params:
              limit: 3
              days: {value: 30, fixed: true}
            message: {zh: 不整洁, en: not clean}
            examples:
              pass: [{outlet: {type: service_center}, premises: {clean: true}}]
              fail: [{outlet: {type: service_center}, premises: {clean: false}}]

        """

    // MARK: - Waivers

    /// The waiver files: the example, and every waiver of the tests' inline files.
    @Test func everyWaiverFileValidates() throws {
        let inline = """
            waivers:
              - {rule: ETQ-BADGE, outlet: "HLJ-HRB-*", item: E1077, reason: "工牌补办中 <&\\">", approved_by: 黑龙江分公司客服部, expires: 2026-06-30}
              - {rule: ETQ-UNIFORM, outlet: "HLJ-HRB-*", item: E1077, reason: 制服送洗, approved_by: 黑龙江分公司客服部, expires: 2026-12-31}
              - {rule: BLD-AREA-CENTER, outlet: "*", reason: r, approved_by: a, expires: 2026-01-01}
              - {rule: ETQ-BADGE, outlet: "O?", item: 1077, reason: 3, approved_by: true, expires: 2026-05-01}
            """
        let path = "fixtures/waivers/heilongjiang.yaml"
        #expect(!lintRefuses(try String(contentsOfFile: repositoryRoot + "/" + path, encoding: .utf8), path: path))
        #expect(!lintRefuses(inline, path: "inline.yaml"))
        let results = try validate(schema: RuleFileJSONSchema.waivers(shippedRules),
                                   documents: [path: try jsonText(ofYAMLFile: path), "inline": try jsonText(ofYAML: inline, file: "inline")])
        #expect(results.schemaError == nil, "\(results.schemaError ?? "")")
        #expect(results.passes(path), "\(results.describe(path))")
        #expect(results.passes("inline"), "\(results.describe("inline"))")
    }

    /// f-waivers.yaml one waiver at a time, against the rules it is linted with (the shipped
    /// ones and BR-DUPLICATE): an unknown rule and a missing reason fail the schema; an
    /// expired waiver is beyond it (audit lint --as-of finds it).
    @Test func brokenWaiversFailTheSchemaWhereTheirErrorIsASchemaError() throws {
        let bPack = try String(contentsOfFile: repositoryRoot + "/fixtures/broken-rules/b-pack.yaml", encoding: .utf8)
        let rules = try RuleSet.load([.init(path: "b-pack.yaml", bytes: Array(bPack.utf8))], shipped: .added)
        let document = try YAMLLoader.load(path: repositoryRoot + "/fixtures/broken-rules/f-waivers.yaml")
        guard case .object(let top) = jsonValue(of: document.root), case .array(let waivers)? = top.first?.1 else {
            Issue.record("f-waivers.yaml has no waivers list")
            return
        }
        let expected = ["unknown rule": true, "expired": false, "no reason": true]
        #expect(waivers.count == expected.count)
        var documents: [String: String] = [:]
        for (name, waiver) in zip(["unknown rule", "expired", "no reason"], waivers) {
            documents[name] = JSON.object([("waivers", .array([waiver]))]).serialized()
        }
        let results = try validate(schema: RuleFileJSONSchema.waivers(rules), documents: documents)
        for (name, schemaError) in expected {
            #expect(schemaError ? results.fails(name) : results.passes(name), "\(name): \(results.describe(name))")
        }
    }

    @Test func waiverValuesAreJudgedAsLintJudgesThem() throws {
        let base = "waivers:\n  - {rule: ETQ-BADGE, outlet: \"HLJ-*\", item: E1077, reason: 补办中, approved_by: 客服部, expires: 2026-06-30}\n"
        let cases: [(String, String, String, Bool)] = [
            ("as written", "", "", true),
            ("no item", ", item: E1077", "", true),
            ("unknown rule", "rule: ETQ-BADGE", "rule: ETQ-BADGES", false),
            ("blank reason", "reason: 补办中", "reason: \" \"", false),
            ("no approver", ", approved_by: 客服部", "", false),
            ("slashed date", "expires: 2026-06-30", "expires: 2026/06/30", false),
            ("date as a number", "expires: 2026-06-30", "expires: 20260630", false),
            ("a day that does not exist", "expires: 2026-06-30", "expires: 2026-02-30", false),
            ("unknown key", "expires: 2026-06-30", "expires: 2026-06-30, until: 2027-01-01", false),
            ("outlet null", "outlet: \"HLJ-*\"", "outlet: ~", false),
            ("not a list", "  - {", "  {", false),
        ]
        // Beyond the schema: a date that is not in the calendar.
        let beyond: Set<String> = ["a day that does not exist"]
        var documents: [String: String] = [:]
        for (name, of, with, accepted) in cases {
            guard of.isEmpty || base.contains(of) else { Issue.record("\(name): no '\(of)'"); continue }
            let text = of.isEmpty ? base : base.replacingOccurrences(of: of, with: with)
            #expect(!lintRefuses(text, path: "w.yaml") == accepted, "\(name): audit lint \(accepted ? "refuses" : "accepts") it")
            documents[name] = try jsonText(ofYAML: text, file: name)
        }
        let results = try validate(schema: RuleFileJSONSchema.waivers(shippedRules), documents: documents)
        for (name, _, _, accepted) in cases {
            #expect(results.passes(name) == (accepted || beyond.contains(name)), "\(name): \(results.describe(name))")
        }
    }

    // MARK: - Profiles

    @Test func everyFixtureProfileValidates() throws {
        let dir = repositoryRoot + "/fixtures/profiles"
        let paths = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".yaml") }.sorted().map { "fixtures/profiles/" + $0 }
        #expect(!paths.isEmpty)
        var documents: [String: String] = [:]
        for path in paths {
            #expect(!lintRefuses(try String(contentsOfFile: repositoryRoot + "/" + path, encoding: .utf8), path: path), "\(path)")
            documents[path] = try jsonText(ofYAMLFile: path)
        }
        let results = try validate(schema: RuleFileJSONSchema.profile(shippedRules), documents: documents)
        #expect(results.schemaError == nil, "\(results.schemaError ?? "")")
        for path in paths { #expect(results.passes(path), "\(path): \(results.describe(path))") }
    }

    /// The profile mistakes of the CLI tests and more, one at a time.
    @Test func profileValuesAreJudgedAsLintJudgesThem() throws {
        let base = """
            profile: test
            version: "1"
            match:
              branch: 黑龙江分公司
            params:
              BLD-AREA-CENTER.min_area_center_m2: 70

            """
        // (name, text appended to or replacing in the base, lint accepts, beyond the schema)
        let cases: [(String, [(String, String)], Bool, Bool)] = [
            ("as written", [], true, false),
            ("a fraction where an integer is declared", [("min_area_center_m2: 70", "min_area_center_m2: 70.5")], false, false),
            ("text where a number is declared", [("min_area_center_m2: 70", "min_area_center_m2: many")], false, false),
            ("a bare name one rule declares", [("BLD-AREA-CENTER.min_area_center_m2", "min_area_center_m2")], true, false),
            ("an integer parameter", [("  BLD-AREA-CENTER.min_area_center_m2: 70", "  ETQ-PHONE-RINGS.max_rings: 2")], true, false),
            ("a list parameter", [("  BLD-AREA-CENTER.min_area_center_m2: 70", "  ETQ-PHONE-OPENING.company_names: [中国人寿, \"95519\"]")], true, false),
            ("a list with a number in it", [("  BLD-AREA-CENTER.min_area_center_m2: 70", "  ETQ-PHONE-OPENING.company_names: [中国人寿, 95519]")], false, false),
            ("one text for a list", [("  BLD-AREA-CENTER.min_area_center_m2: 70", "  ETQ-PHONE-OPENING.company_names: 中国人寿")], false, false),
            ("an unknown parameter", [("min_area_center_m2: 70", "min_area_center: 70")], false, false),
            ("an unknown rule's parameter", [("BLD-AREA-CENTER.", "BLD-AREA-CENTRE.")], false, false),
            ("a fixed parameter", [("BLD-AREA-CENTER.min_area_center_m2: 70", "TML-LAW23-DECIDE-30D.decide_days: 45")], false, false),
            ("a fixed parameter by its bare name", [("BLD-AREA-CENTER.min_area_center_m2: 70", "decide_days: 45")], false, false),
            ("said twice", [("  BLD-AREA-CENTER.min_area_center_m2: 70", "  BLD-AREA-CENTER.min_area_center_m2: 70\n  min_area_center_m2: 75")], false, true),
            ("disable", [("params:", "disable:\n  - {rule: BLD-CLEAN, reason: 试行}\nparams:")], true, false),
            ("disable a critical rule", [("params:", "disable:\n  - {rule: BLD-PRIVACY, reason: 装修中}\nparams:")], false, false),
            ("disable an unknown rule", [("params:", "disable:\n  - {rule: BLD-CLEEN, reason: 试行}\nparams:")], false, false),
            ("disable without a reason", [("params:", "disable:\n  - {rule: BLD-CLEAN}\nparams:")], false, false),
            ("disable with a blank reason", [("params:", "disable:\n  - {rule: BLD-CLEAN, reason: \"  \"}\nparams:")], false, false),
            ("rerate", [("params:", "rerate:\n  - {rule: BLD-CLEAN, severity: major, points: 4, reason: 试行}\nparams:")], true, false),
            ("rerate saying nothing", [("params:", "rerate:\n  - {rule: BLD-CLEAN, reason: 试行}\nparams:")], false, false),
            ("rerate points over 1000", [("params:", "rerate:\n  - {rule: BLD-CLEAN, points: 1001, reason: 试行}\nparams:")], false, false),
            ("rerate a critical rule down", [("params:", "rerate:\n  - {rule: TML-COMPLAINT-15D, severity: minor, reason: 试行}\nparams:")], false, false),
            ("rerate a critical rule's points down", [("params:", "rerate:\n  - {rule: TML-COMPLAINT-15D, points: 1, reason: 试行}\nparams:")], false, false),
            ("rerate a critical rule up", [("params:", "rerate:\n  - {rule: TML-COMPLAINT-15D, points: 20, reason: 重点}\nparams:")], true, false),
            ("rerate and disable one rule", [("params:", "disable:\n  - {rule: BLD-CLEAN, reason: 试行}\nrerate:\n  - {rule: BLD-CLEAN, severity: major, reason: 试行}\nparams:")], false, true),
            ("match a list", [("branch: 黑龙江分公司", "branch: [黑龙江分公司, 吉林分公司]")], true, false),
            ("match an empty list", [("branch: 黑龙江分公司", "branch: []")], false, false),
            ("match types", [("branch: 黑龙江分公司", "type: [service_center, service_hall]")], true, false),
            ("match an unknown type", [("branch: 黑龙江分公司", "type: [service_center, servce_hall]")], false, false),
            ("match an unknown key", [("branch: 黑龙江分公司", "province: 黑龙江")], false, false),
            ("no name", [("profile: test\n", "")], false, false),
            ("unknown top key", [("version: \"1\"", "version: \"1\"\nowner: 总部")], false, false),
        ]
        var documents: [String: String] = [:]
        for (name, replacements, accepted, _) in cases {
            var text = base
            for (of, with) in replacements {
                guard text.contains(of) else { Issue.record("\(name): the profile has no '\(of)'"); continue }
                text = text.replacingOccurrences(of: of, with: with)
            }
            #expect(!lintRefuses(text, path: "profile.yaml") == accepted, "\(name): audit lint \(accepted ? "refuses" : "accepts") it")
            documents[name] = try jsonText(ofYAML: text, file: name)
        }
        let results = try validate(schema: RuleFileJSONSchema.profile(shippedRules), documents: documents)
        #expect(results.schemaError == nil)
        for (name, _, accepted, beyond) in cases {
            #expect(results.passes(name) == (accepted || beyond), "\(name): \(results.describe(name))")
        }
    }
}

/// Whether `audit lint` (the shipped rules plus this file) finds an error in `text`.
func lintRefuses(_ text: String, path: String) -> Bool {
    Lint.run([.init(path: path, bytes: Array(text.utf8))], unreadable: DiagnosticList(), asOf: nil).diagnostics.hasErrors
}
