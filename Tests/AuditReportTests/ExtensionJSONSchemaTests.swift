import AuditTestSupport
import AuditCore
import AuditReport
import AuditYAML
import Foundation
import Testing

/// `audit schema extension`: schema extension files against the schema of what an extension
/// may add to the shipped report schema. Whether `audit` accepts a file is decided by
/// extending the shipped schema with it (`ReportSchema.extended(with:)`), never assumed.
@Suite struct ExtensionJSONSchemaTests {
    static var schema: String { ExtensionJSONSchema.generate(shippedRules.schema) }

    static func accepted(_ documents: [YAMLDocument]) -> Bool {
        do throws(DiagnosticList) { _ = try shippedRules.schema.extended(with: documents); return true } catch { return false }
    }

    @Test func theSchemaIsStableAndNamesTheDraft() throws {
        #expect(Self.schema == Self.schema)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(Self.schema.utf8)) as? [String: Any])
        #expect(object["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(object["additionalProperties"] as? Bool == false)
    }

    /// An extended schema's extension schema is its schema file's: the extension's own fields
    /// are not "already there" for it.
    @Test func itDescribesTheSchemaFileAlone() throws {
        let ext = try YAMLLoader.load(path: repositoryRoot + "/fixtures/extensions/hotline/schema-extension.yaml")
        let extended = try shippedRules.schema.extended(with: [ext])
        #expect(extended.objects["premises"]?.field(named: "counter_hotline") != nil)
        #expect(extended.unextended().objects["premises"]?.field(named: "counter_hotline") == nil)
        #expect(extended.unextended().extensions.isEmpty)
        #expect(ExtensionJSONSchema.generate(extended.unextended()) == Self.schema)
    }

    /// Every fixture extension validates; every broken one fails, except the pair in twice/,
    /// each valid alone (two files adding the same field is beyond a schema of one file).
    @Test func fixtureExtensionsValidateAndBrokenOnesFail() throws {
        let valid = ["fixtures/extensions/hotline/schema-extension.yaml"]
        let broken = ["duplicate-token", "free-key", "redefine-field", "required-field", "unknown-object"].map { "fixtures/broken-extensions/\($0).yaml" }
        let twice = ["fixtures/broken-extensions/twice/a-hotline.yaml", "fixtures/broken-extensions/twice/b-hotline.yaml"]
        let listed = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/fixtures/broken-extensions").filter { $0.hasSuffix(".yaml") }
        #expect(Set(listed.map { "fixtures/broken-extensions/" + $0 }) == Set(broken), "every broken extension is in the table")
        var documents: [String: String] = [:]
        for path in valid + broken + twice {
            let document = try YAMLLoader.load(path: repositoryRoot + "/" + path)
            #expect(Self.accepted([document]) == !broken.contains(path), "\(path)")
            documents[path] = try jsonText(ofYAMLFile: path)
        }
        let pair = try twice.map { try YAMLLoader.load(path: repositoryRoot + "/" + $0) }
        #expect(!Self.accepted(pair), "the two together are refused")
        let results = try validate(schema: Self.schema, documents: documents)
        #expect(results.schemaError == nil, "\(results.schemaError ?? "")")
        for path in valid + twice { #expect(results.passes(path), "\(path): \(results.describe(path))") }
        for path in broken { #expect(results.fails(path), "\(path): \(results.describe(path))") }
    }

    /// One thing of a valid extension changed at a time: what extending the shipped schema
    /// accepts, the schema accepts, and the reverse.
    @Test func valuesAreJudgedAsTheSchemaBuilderJudgesThem() throws {
        let base = """
            schema_extension: test/1
            description: 测试
            enums:
              outlet_type:
                mobile_unit: {zh: 流动服务车, en: mobile service unit}
              medium:
                sticker: {zh: 贴纸, en: sticker}
            objects:
              premises:
                shown: {type: bool, unmet: {zh: 未公示, en: not shown}, zh: 公示, en: shown}
                media: {type: tokens, values: medium, zh: 方式, en: media}
                kind: {type: token, values: outlet_type, zh: 类型, en: kind}
                level: {type: int, values: [1, 2, 3], zh: 级别, en: level}
                size: {type: number, min: 0, zh: 面积, en: size}
                visits: {type: list, of: call, count: true, zh: 来访, en: visits}
                checked_at: {type: timestamp, absent: not_happened, zh: 检查时间, en: checked at}

            """
        // Beyond the schema: an enum that no extension adds, a deprecation's replacement.
        let cases: [(String, String, String, Bool, Bool)] = [
            ("as written", "", "", true, false),
            ("unknown type", "{type: tokens, values: medium", "{type: tokenz, values: medium", false, false),
            ("tokens without values", "{type: tokens, values: medium, ", "{type: tokens, ", false, false),
            ("values naming no enum", "values: medium, zh: 方式", "values: mediums, zh: 方式", false, true),
            ("list without of", "{type: list, of: call, ", "{type: list, ", false, false),
            ("of naming no object", "of: call,", "of: calls,", false, false),
            ("count on a number", "{type: number, min: 0,", "{type: number, min: 0, count: true,", false, false),
            ("count false on a number", "{type: number, min: 0,", "{type: number, min: 0, count: false,", true, false),
            ("min on a bool", "{type: bool, ", "{type: bool, min: 1, ", false, false),
            ("unmet on an int", "{type: int, ", "{type: int, unmet: {zh: 无, en: none}, ", false, false),
            ("a text among the ints", "values: [1, 2, 3]", "values: [1, two, 3]", false, false),
            ("absent something else", "absent: not_happened", "absent: never", false, false),
            ("required false", "{type: number, ", "{type: number, required: false, ", true, false),
            ("required", "{type: number, ", "{type: number, required: true, ", false, false),
            ("no en", ", zh: 面积, en: size}", ", zh: 面积}", false, false),
            ("unknown field key", "{type: number, ", "{type: number, unit: m2, ", false, false),
            ("a field that exists", "    size: {", "    parking: {", false, false),
            ("an x_ field", "    size: {", "    x_size: {", false, false),
            ("a token that exists", "    mobile_unit:", "    service_hall:", false, false),
            ("a token without en", "{zh: 贴纸, en: sticker}", "{zh: 贴纸}", false, false),
            ("an object that does not exist", "  premises:", "  premise:", false, false),
            ("a field of the report itself", "  premises:", "  report:", true, false),
            ("deprecated", "{type: token, values: outlet_type, ", "{type: token, values: outlet_type, deprecated: {use: media, values: {a: sticker}}, ", false, true),
            ("deprecated without use", "{type: token, values: outlet_type, ", "{type: token, values: outlet_type, deprecated: {values: {a: sticker}}, ", false, false),
            ("no name", "schema_extension: test/1\n", "", false, false),
            ("unknown top key", "description: 测试", "description: 测试\nfields: {}", false, false),
        ]
        var documents: [String: String] = [:]
        for (name, of, with, accepted, _) in cases {
            guard of.isEmpty || base.contains(of) else { Issue.record("\(name): no '\(of)'"); continue }
            let text = of.isEmpty ? base : base.replacingOccurrences(of: of, with: with)
            let document = try YAMLLoader.load(bytes: Array(text.utf8), file: "\(name).yaml")
            #expect(Self.accepted([document]) == accepted, "\(name): the schema builder \(accepted ? "refuses" : "accepts") it")
            documents[name] = try jsonText(ofYAML: text, file: name)
        }
        let results = try validate(schema: Self.schema, documents: documents)
        for (name, _, _, accepted, beyond) in cases {
            #expect(results.passes(name) == (accepted || beyond), "\(name): \(results.describe(name))")
        }
    }
}
