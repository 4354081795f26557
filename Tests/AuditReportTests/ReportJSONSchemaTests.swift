import AuditTestSupport
import AuditCore
import AuditReport
import AuditYAML
import Foundation
import Testing

/// `audit schema report`: the JSON Schema editors check reports with. Checked with python3's
/// `jsonschema` (Draft202012Validator), on reports read by the project's own YAML loader
/// (YAML 1.2 core scalars, as the validator and yaml-language-server read them) and written
/// as JSON.
@Suite struct ReportJSONSchemaTests {
    static let fixtureReports: [String] = {
        let dir = repositoryRoot + "/fixtures/reports"
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [])
            .filter { $0.hasSuffix(".yaml") && !$0.hasSuffix(".expect.yaml") }.sorted()
        return names.map { "fixtures/reports/" + $0 } + ["fixtures/example-report.yaml"]
    }()

    /// Broken reports whose error JSON Schema can state: each must fail the generated schema.
    static let schemaErrors = [
        "empty-name", "int-out-of-range", "missing-required", "negative-rings", "null-schema", "null-type",
        "unknown-key", "unknown-token", "wrong-schema", "wrong-type", "yes-boolean",
    ]

    /// Broken reports whose error only the validator finds: a zone name that does not exist,
    /// two staff with one id, a day that does not exist, a year decades off. The schema lets
    /// them through (so an editor shows no error), `audit` refuses them.
    static let beyondTheSchema = ["bad-timezone", "duplicate-staff-id", "impossible-date", "inspected-decades-away"]

    @Test func theSchemaIsValidDraft2020_12() throws {
        let results = try validate(schema: ReportJSONSchema.generate(shippedRules.schema), documents: [:])
        #expect(results.schemaError == nil, "\(results.schemaError ?? "")")
    }

    @Test func theOutputIsStableAndNamesTheDraft() throws {
        let a = ReportJSONSchema.generate(shippedRules.schema), b = ReportJSONSchema.generate(shippedRules.schema)
        #expect(a == b)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(a.utf8)) as? [String: Any])
        #expect(object["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(object["additionalProperties"] as? Bool == false)
        let defs = try #require(object["$defs"] as? [String: Any])
        // Every object type and enum of the report schema is defined.
        for name in shippedRules.schema.objects.keys where name != shippedRules.schema.root.name {
            #expect(defs["object.\(name)"] != nil, "object.\(name)")
        }
        for name in shippedRules.schema.enums.keys { #expect(defs["enum.\(name)"] != nil, "enum.\(name)") }
    }

    @Test func everyFixtureReportValidates() throws {
        #expect(Self.fixtureReports.count >= 10)
        var documents: [String: String] = [:]
        for path in Self.fixtureReports {
            // The validator accepts it; so must the schema.
            _ = try reportFile(path)
            documents[path] = try jsonText(ofYAMLFile: path)
        }
        let results = try validate(schema: ReportJSONSchema.generate(shippedRules.schema), documents: documents)
        #expect(results.schemaError == nil)
        for path in Self.fixtureReports {
            #expect(results.passes(path), "\(path): \(results.describe(path))")
        }
    }

    @Test func brokenReportsWithSchemaErrorsFailIt() throws {
        var documents: [String: String] = [:]
        for name in Self.schemaErrors + Self.beyondTheSchema {
            let path = "fixtures/broken-reports/\(name).yaml"
            do throws(DiagnosticList) {
                _ = try reportFile(path)
                Issue.record("\(path) is a valid report")
            } catch {}
            documents[name] = try jsonText(ofYAMLFile: path)
        }
        let results = try validate(schema: ReportJSONSchema.generate(shippedRules.schema), documents: documents)
        for name in Self.schemaErrors {
            #expect(results.fails(name), "\(name): \(results.describe(name))")
        }
        for name in Self.beyondTheSchema {
            #expect(results.passes(name), "\(name): \(results.describe(name))")
        }
    }

    /// One value changed in the example report at a time: what the validator accepts, the
    /// schema accepts, and the reverse, value by value.
    @Test func valuesAreJudgedAsTheValidatorJudgesThem() throws {
        let base = try String(contentsOfFile: repositoryRoot + "/fixtures/example-report.yaml", encoding: .utf8)
        // (name, replace, with, the validator accepts it)
        let cases: [(String, String, String, Bool)] = [
            ("local timestamp", "inspected_at: 2026-04-14T10:30:00+08:00", "inspected_at: 2026-04-14T10:30", true),
            ("offset", "inspected_at: 2026-04-14T10:30:00+08:00", "inspected_at: 2026-04-14T10:30:15.5+08:00", true),
            ("utc", "inspected_at: 2026-04-14T10:30:00+08:00", "inspected_at: 2026-04-14 02:30Z", true),
            ("24:00", "inspected_at: 2026-04-14T10:30:00+08:00", "inspected_at: 2026-04-14 24:00", true),
            ("slashes", "inspected_at: 2026-04-14T10:30:00+08:00", "inspected_at: 2026/4/14 10:30", false),
            ("no time", "inspected_at: 2026-04-14T10:30:00+08:00", "inspected_at: 2026-04-14", false),
            ("hour 25", "inspected_at: 2026-04-14T10:30:00+08:00", "inspected_at: 2026-04-14 25:30", false),
            ("x_ key", "  inspector: ", "  x_weather: 晴\n  inspector: ", true),
            ("optional null", "  inspector: ", "  inspector: ~\n  x_was: ", true),
            ("required blank", "  id: INS-2026-HLJ-0414-01", "  id: \"  \"", false),
            ("number as text", "  id: INS-2026-HLJ-0414-01", "  id: 20260414", true),
            ("hours", "posted_hours: \"08:30-17:00\"", "posted_hours: 8:30-17:00", false),
            ("count", "    document_requests: 1", "    document_requests: 2", true),
            ("negative count", "    document_requests: 1", "    document_requests: -1", false),
            ("null item", "    document_requests: 1", "    document_requests: [~]", false),
            ("fraction for int", "  level: 3", "  level: 3.5", false),
            ("zh", "  method: onsite", "  method: 现场", false),
        ]
        var documents: [String: String] = [:]
        var accepted: [String: Bool] = [:]
        for (name, of, with, valid) in cases {
            guard base.contains(of) else { Issue.record("the example report has no '\(of)'"); continue }
            let text = base.replacingOccurrences(of: of, with: with)
            // The validator is the reference: the table must say what it does.
            var loads = true
            do throws(DiagnosticList) { _ = try report(text, file: name) } catch { loads = false }
            #expect(loads == valid, "\(name): the validator \(loads ? "accepts" : "refuses") it")
            documents[name] = try jsonText(ofYAML: text, file: name)
            accepted[name] = valid
        }
        let results = try validate(schema: ReportJSONSchema.generate(shippedRules.schema), documents: documents)
        for (name, valid) in accepted {
            #expect((results.passes(name)) == valid, "\(name): \(results.describe(name))")
        }
    }

    /// A token's exact Chinese label names it (`type: 客户服务大厅`); a near label does not.
    @Test func aTokensChineseLabelIsAccepted() throws {
        let base = try String(contentsOfFile: repositoryRoot + "/fixtures/example-report.yaml", encoding: .utf8)
        let documents = [
            "label": base.replacingOccurrences(of: "  type: service_center", with: "  type: 客户服务中心"),
            "near": base.replacingOccurrences(of: "  type: service_center", with: "  type: 客户服务"),
            "tokens": base.replacingOccurrences(of: "  zones: [", with: "  zones: [业务受理区, "),
        ]
        #expect(documents.values.allSatisfy { $0 != base })
        var json: [String: String] = [:]
        for (name, text) in documents { json[name] = try jsonText(ofYAML: text, file: name) }
        let results = try validate(schema: ReportJSONSchema.generate(shippedRules.schema), documents: json)
        #expect(results.passes("label"), "\(results.describe("label"))")
        #expect(results.passes("tokens"), "\(results.describe("tokens"))")
        #expect(results.fails("near"))
    }

    /// Fields and tokens of schema extensions are in the schema: the extension's report
    /// validates against the extended schema and not against the shipped one.
    @Test func schemaExtensionsAreIncluded() throws {
        let ext = try YAMLLoader.load(path: repositoryRoot + "/fixtures/extensions/hotline/schema-extension.yaml")
        let extended = try shippedRules.schema.extended(with: [ext])
        let path = "fixtures/extensions/reports/counter-hotline.yaml"
        let document = try jsonText(ofYAMLFile: path)
        let withExtension = try validate(schema: ReportJSONSchema.generate(extended), documents: [path: document])
        #expect(withExtension.passes(path), "\(withExtension.describe(path))")
        let without = try validate(schema: ReportJSONSchema.generate(shippedRules.schema), documents: [path: document])
        #expect(without.fails(path))
        let text = ReportJSONSchema.generate(extended)
        #expect(text.contains("\"counter_hotline\": {"))
        #expect(text.contains("\"const\": \"mobile_unit\""))
        #expect(text.contains("hotline/1"))
    }
}
