import AuditCore
import AuditReport
import AuditRules
import AuditTestSupport
import AuditYAML
import Foundation
import Testing

/// Rule files with a schema extension among them: the extension is applied before packs are
/// checked, so a rule may read the fields it adds (fixtures/extensions/hotline).
@Suite struct SchemaExtensionRuleTests {
    static func file(_ relative: String) -> RuleSet.SourceFile {
        let bytes = FileManager.default.contents(atPath: repositoryRoot + "/" + relative).map(Array.init) ?? []
        return RuleSet.SourceFile(path: relative, bytes: bytes)
    }

    static let extensionFile = file("fixtures/extensions/hotline/schema-extension.yaml")
    static let pack = file("fixtures/extensions/hotline/hotline.yaml")

    @Test func theFirstKeyNamesTheKind() throws {
        let document = try YAMLLoader.load(bytes: Self.extensionFile.bytes, file: "e.yaml")
        #expect(RuleFileKind(document) == .schemaExtension)
        #expect(RuleFileKind.schemaExtension.firstKey == "schema_extension")
    }

    @Test func aRuleReadsAnExtensionField() throws {
        let set = try RuleSet.load([Self.pack, Self.extensionFile])
        #expect(set.schema.extensions == ["hotline/1"])
        let rules = try set.compile()
        let rule = try #require(rules.first { $0.definition.id == "BLD-COUNTER-HOTLINE" })
        #expect(rule.fieldsRead.contains(FieldReference(object: "premises", field: "counter_hotline")))
    }

    @Test func withoutTheExtensionTheRuleDoesNotCompile() throws {
        let set = try RuleSet.load([Self.pack])
        do throws(DiagnosticList) {
            _ = try set.compile()
            Issue.record("compiled without the extension")
        } catch {
            #expect(error.sorted.first?.location.file == "fixtures/extensions/hotline/hotline.yaml")
            #expect(error.sorted.first?.message.contains("counter_hotline") == true)
        }
    }

    @Test func aBrokenExtensionFailsTheLoad() {
        let broken = Self.file("fixtures/broken-extensions/redefine-field.yaml")
        do throws(DiagnosticList) {
            _ = try RuleSet.load([Self.pack, broken])
            Issue.record("loaded")
        } catch {
            #expect(error.sorted.map { "\($0.location)" } == ["fixtures/broken-extensions/redefine-field.yaml:5:5"])
        }
    }

    @Test func lintChecksPacksAgainstTheExtendedSchema() {
        let clean = Lint.run([Self.extensionFile, Self.pack], unreadable: DiagnosticList(), asOf: nil)
        #expect(clean.diagnostics.isEmpty, "\(clean.diagnostics)")
        #expect(clean.ruleCount == 1)
        let without = Lint.run([Self.pack], unreadable: DiagnosticList(), asOf: nil)
        #expect(without.diagnostics.hasErrors)
    }

    @Test func lintReportsABrokenExtensionAndKeepsItsValidFields() {
        let both = Self.file("fixtures/broken-extensions/twice/b-hotline.yaml")
        let result = Lint.run([Self.extensionFile, both, Self.pack], unreadable: DiagnosticList(), asOf: nil)
        // b-hotline repeats hotline/1's token and field: two errors there, none in the pack.
        #expect(result.diagnostics.sorted.map { "\($0.location)" } == [
            "fixtures/broken-extensions/twice/b-hotline.yaml:5:5", "fixtures/broken-extensions/twice/b-hotline.yaml:8:5",
        ])
    }
}
