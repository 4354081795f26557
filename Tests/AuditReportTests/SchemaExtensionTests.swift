import AuditCore
import AuditReport
import AuditTestSupport
import AuditYAML
import Foundation
import Testing

/// Schema extensions (`schema_extension:` files, docs/rules.md): what they add to the shipped
/// schema, how reports are validated against the result, and each refusal with its location.
@Suite struct SchemaExtensionTests {
    /// A fixture file, named by its path under the repository (as diagnostics show it).
    static func document(_ relative: String) throws(DiagnosticList) -> YAMLDocument {
        let bytes = FileManager.default.contents(atPath: repositoryRoot + "/" + relative).map(Array.init) ?? []
        return try YAMLLoader.load(bytes: bytes, file: relative)
    }

    static func extended(_ relatives: [String]) throws(DiagnosticList) -> ReportSchema {
        var documents: [YAMLDocument] = []
        for relative in relatives { documents.append(try document(relative)) }
        return try shippedRules.schema.extended(with: documents)
    }

    /// Every diagnostic (with its notes) of extending the shipped schema, sorted; [] when it extends.
    static func refusals(_ relatives: [String]) -> [String] {
        do throws(DiagnosticList) {
            _ = try extended(relatives)
            return []
        } catch {
            return error.sorted.map(\.description)
        }
    }

    static let hotline = "fixtures/extensions/hotline/schema-extension.yaml"

    /// The line and column of a key in the shipped schema (`premises:` then `parking:`), so the
    /// expected related locations do not depend on the schema file's layout.
    static func shippedLocation(_ keys: String...) -> String {
        let text = (try? String(contentsOfFile: repositoryRoot + "/rules/report-schema.yaml", encoding: .utf8)) ?? ""
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        var number = 0
        for key in keys {
            guard let index = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(key + ":") }) else { return "?" }
            number = index + 1
            lines = lines[(index + 1)...]
        }
        let line = String(text.split(separator: "\n", omittingEmptySubsequences: false)[number - 1])
        let column = line.prefix { $0 == " " }.count + 1
        return "rules/report-schema.yaml:\(number):\(column)"
    }

    // MARK: - What an extension adds

    @Test func fieldsFollowTheShippedFieldsInFileOrder() throws {
        let schema = try Self.extended([Self.hotline])
        let premises = try #require(schema.objects["premises"])
        let shipped = try #require(shippedRules.schema.objects["premises"])
        #expect(premises.fields.map(\.name) == shipped.fields.map(\.name) + ["counter_hotline", "hotline_media"])
        #expect(premises.fields.map(\.index) == Array(0..<premises.fields.count))
        let field = try #require(premises.field(named: "counter_hotline"))
        #expect(field.type == .bool && !field.required)
        #expect(field.label == Label(zh: "柜台公示服务热线", en: "service hotline shown at the counter"))
        #expect(field.unmet?.en == "no service hotline shown at the counter")
        #expect(schema.extensions == ["hotline/1"])
        #expect(schema.version == shippedRules.schema.version, "reports still declare the shipped format")
    }

    @Test func tokensAndNewEnumsAreAdded() throws {
        let schema = try Self.extended([Self.hotline])
        let outletType = try #require(schema.enums["outlet_type"])
        #expect(outletType.values == (shippedRules.schema.enums["outlet_type"]?.values ?? []) + ["mobile_unit"])
        #expect(outletType.labels["mobile_unit"] == Label(zh: "流动服务车", en: "mobile service unit"))
        #expect(schema.enums["hotline_medium"]?.values == ["sticker", "desk_sign", "screen"])
        guard case .list(.token(let media))? = schema.objects["premises"]?.field(named: "hotline_media")?.type else {
            Issue.record("hotline_media is not a list of tokens"); return
        }
        #expect(media === schema.enums["hotline_medium"])
        // A shipped field of the extended enum's type sees the new token.
        guard case .token(let type)? = schema.objects["outlet"]?.field(named: "type")?.type else {
            Issue.record("outlet.type is not a token"); return
        }
        #expect(type === outletType)
    }

    /// Every field that holds an extended object holds the extended one, all the way from the root.
    @Test func everyReferenceSeesTheExtendedObject() throws {
        let schema = try Self.extended([Self.hotline])
        guard case .object(let premises)? = schema.root.field(named: "premises")?.type,
              case .object(let counters)? = premises.field(named: "counters")?.type else {
            Issue.record("no premises.counters object"); return
        }
        #expect(premises === schema.objects["premises"])
        #expect(counters === schema.objects["counters"])
        #expect(counters.field(named: "hotline_number")?.type == .string)
    }

    @Test func theShippedSchemaIsLeftAsItWas() throws {
        _ = try Self.extended([Self.hotline])
        #expect(shippedRules.schema.objects["premises"]?.field(named: "counter_hotline") == nil)
        #expect(shippedRules.schema.enums["outlet_type"]?.contains("mobile_unit") == false)
        #expect(shippedRules.schema.extensions.isEmpty)
    }

    @Test func extendingTwiceKeepsTheFirstExtension() throws {
        let once = try Self.extended([Self.hotline])
        let more = try YAMLLoader.load(bytes: Array("""
            schema_extension: more/1
            objects:
              premises:
                hotline_checked_at: {type: time, zh: 核对时间, en: checked at}
            """.utf8), file: "more.yaml")
        let twice = try once.extended(with: [more])
        #expect(twice.extensions == ["hotline/1", "more/1"])
        #expect(twice.objects["premises"]?.fields.suffix(3).map(\.name) == ["counter_hotline", "hotline_media", "hotline_checked_at"])
    }

    // MARK: - Reports with extension fields

    static let report = minimalReport("""
        premises:
          counter_hotline: true
          hotline_media: [sticker, screen]
          counters: {open_low: true, hotline_number: "95519"}
        """)

    static func validate(_ yaml: String, _ schema: ReportSchema) throws(DiagnosticList) -> InspectionReport {
        try ReportValidator(schema: schema).validate(try YAMLLoader.load(bytes: Array(yaml.utf8), file: "r.yaml"))
    }

    @Test func aReportWithTheNewFieldsValidates() throws {
        let schema = try Self.extended([Self.hotline])
        let report = try Self.validate(Self.report.replacingOccurrences(of: "type: service_center", with: "type: mobile_unit"), schema)
        guard case .bool(true)? = report.value(at: "premises.counter_hotline")?.value else {
            Issue.record("premises.counter_hotline not read as true"); return
        }
        guard case .string("95519")? = report.value(at: "premises.counters.hotline_number")?.value else {
            Issue.record("premises.counters.hotline_number not read"); return
        }
    }

    @Test func withoutTheExtensionTheFieldIsUnknown() {
        #expect(throws: DiagnosticList.self) { try Self.validate(Self.report, shippedRules.schema) }
    }

    @Test func aWrongTypeForAnExtensionFieldIsAnError() throws {
        let schema = try Self.extended([Self.hotline])
        let yaml = minimalReport("premises: {counter_hotline: yes}")
        let line = yaml.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.hasPrefix("premises:") }! + 1
        do throws(DiagnosticList) {
            _ = try Self.validate(yaml, schema)
            Issue.record("accepted")
        } catch {
            #expect(error.sorted.map(\.description)
                == ["r.yaml:\(line):29: error: premises.counter_hotline must be true or false, found 'yes': write true (yes → true)"])
        }
    }

    @Test func anUnknownTokenOfANewEnumIsAnError() throws {
        let schema = try Self.extended([Self.hotline])
        do throws(DiagnosticList) {
            _ = try Self.validate(minimalReport("premises: {hotline_media: [poster]}"), schema)
            Issue.record("accepted")
        } catch {
            #expect(error.sorted.first?.message == "unknown token 'poster' in premises.hotline_media[0]; expected one of: sticker, desk_sign, screen")
        }
    }

    // MARK: - Refusals

    @Test func aShippedFieldCannotBeRetyped() {
        #expect(Self.refusals(["fixtures/broken-extensions/redefine-field.yaml"]) == [
            """
            fixtures/broken-extensions/redefine-field.yaml:5:5: error: field 'premises.parking' is already defined by the report schema: an extension can add fields, never redefine one
            \(Self.shippedLocation("objects", "premises", "parking")): note: defined here
            """,
        ])
    }

    @Test func aShippedTokenCannotBeAddedAgain() {
        #expect(Self.refusals(["fixtures/broken-extensions/duplicate-token.yaml"]) == [
            """
            fixtures/broken-extensions/duplicate-token.yaml:5:5: error: 'service_hall' is already a token of outlet_type in the report schema
            \(Self.shippedLocation("enums", "outlet_type", "service_hall")): note: defined here
            """,
        ])
    }

    @Test func anUnknownObjectGetsAHint() {
        #expect(Self.refusals(["fixtures/broken-extensions/unknown-object.yaml"]) == [
            "fixtures/broken-extensions/unknown-object.yaml:4:3: error: unknown object type 'premise' (did you mean 'premises'?); an extension adds fields to the report schema's objects",
        ])
    }

    @Test func anExtensionFieldCannotBeRequired() {
        #expect(Self.refusals(["fixtures/broken-extensions/required-field.yaml"]) == [
            "fixtures/broken-extensions/required-field.yaml:5:45: error: extension field 'premises.counter_hotline' cannot be required: every report written before 'strict-hotline/1' would be invalid; leave it optional (a rule that reads it is not assessed where it is missing)",
        ])
    }

    @Test func anExtensionFieldCannotBeAFreeKey() {
        #expect(Self.refusals(["fixtures/broken-extensions/free-key.yaml"]) == [
            "fixtures/broken-extensions/free-key.yaml:5:5: error: extension field 'premises.x_hotline' starts with x_: reports' x_ keys are free and never read; choose another name",
        ])
    }

    @Test func twoExtensionsCannotAddTheSameFieldOrToken() {
        #expect(Self.refusals(["fixtures/broken-extensions/twice/a-hotline.yaml", "fixtures/broken-extensions/twice/b-hotline.yaml"]) == [
            """
            fixtures/broken-extensions/twice/b-hotline.yaml:5:5: error: token 'mobile_unit' of outlet_type is added by two extensions: 'hotline-a/1' and 'hotline-b/1'
            fixtures/broken-extensions/twice/a-hotline.yaml:5:5: note: first added here by 'hotline-a/1'
            """,
            """
            fixtures/broken-extensions/twice/b-hotline.yaml:8:5: error: field 'premises.counter_hotline' is added by two extensions: 'hotline-a/1' and 'hotline-b/1'
            fixtures/broken-extensions/twice/a-hotline.yaml:8:5: note: first added here by 'hotline-a/1'
            """,
        ])
    }

    @Test func eachBrokenExtensionIsRefusedAlone() throws {
        let dir = repositoryRoot + "/fixtures/broken-extensions"
        let names = try FileManager.default.contentsOfDirectory(atPath: dir).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(names.count == 5)
        for name in names {
            #expect(Self.refusals(["fixtures/broken-extensions/" + name]).count == 1, "\(name)")
        }
    }

    @Test func anExtensionFieldIsReadWithTheSchemaFieldSyntax() {
        let yaml = """
            schema_extension: typo/1
            objects:
              premises:
                counter_hotline: {type: boool, zh: 热线, en: hotline}
            """
        do throws(DiagnosticList) {
            _ = try shippedRules.schema.extended(with: [try YAMLLoader.load(bytes: Array(yaml.utf8), file: "e.yaml")])
            Issue.record("accepted")
        } catch {
            #expect(error.sorted.map(\.description) == ["e.yaml:4:29: error: unknown field type 'boool' (did you mean 'bool'?)"])
        }
    }

    @Test func aSchemaMadeInCodeCannotBeExtended() throws {
        let schema = ReportSchema(version: "x/1", root: shippedRules.schema.root, objects: [:], enums: [:])
        let document = try Self.document(Self.hotline)
        #expect(throws: DiagnosticList.self) { try schema.extended(with: [document]) }
    }
}
