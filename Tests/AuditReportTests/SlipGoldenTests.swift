import AuditCore
import AuditReport
import AuditTestSupport
import AuditYAML
import Foundation
import Testing

/// The slips inspectors make filling a report by hand (issue 12), one fixture each in
/// fixtures/broken-reports/slips/: every one is named, at its line and column, with what to
/// write instead, in Chinese and in English. The rendered diagnostics (as `audit` prints them,
/// source line and caret included) must equal the golden files next to each fixture,
/// `NAME.zh.txt` and `NAME.en.txt`, byte for byte.
///
/// `AUDIT_UPDATE_SNAPSHOTS=1 swift test --filter SlipGoldenTests` rewrites the golden files; the
/// test still fails then, so an update can never pass silently: read the diff, rerun without it.
@Suite struct SlipGoldenTests {
    static let folder = "fixtures/broken-reports/slips"

    static let names: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/" + folder)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    /// The message code every diagnostic of a fixture must have: a golden rewritten without
    /// reading it still cannot make a slip pass under libyaml's words or a generic type error.
    static let codes: [String: Set<String>] = [
        "dates.yaml": ["report.date-format", "report.time-format", "report.hours-format"],
        "empty-list.yaml": ["report.empty-list"],
        "empty-required.yaml": ["report.empty-key"],
        "full-width-colon.yaml": ["yaml.full-width-colon"],
        "full-width-comma.yaml": ["report.full-width-comma", "report.list-as-text"],
        "full-width-space.yaml": ["yaml.full-width-space"],
        "numbers-with-units.yaml": ["report.number-unit", "report.number-text"],
        "syntax-errors.yaml": ["yaml.unclosed-quote", "yaml.unclosed-bracket", "yaml.indentation", "yaml.tab"],
        "yes-no-words.yaml": ["report.bool-word"],
        "zh-labels.yaml": ["report.unknown-token"],
    ]

    /// What loading and validating a fixture says: its errors, or the warnings of a report
    /// that loads.
    static func diagnostics(_ name: String) throws -> (DiagnosticList, text: String) {
        let relative = folder + "/" + name
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: repositoryRoot + "/" + relative)))
        let text = String(decoding: bytes, as: UTF8.self)
        do throws(DiagnosticList) {
            let document = try YAMLLoader.load(bytes: bytes, file: relative)
            let report = try ReportValidator(schema: shippedRules.schema).validate(document)
            return (DiagnosticList(report.warnings), text)
        } catch {
            return (error, text)
        }
    }

    @Test func everySlipHasAFixtureAndBothGoldens() {
        #expect(Set(Self.names) == Set(Self.codes.keys))
        for name in Self.names {
            for language in Language.allCases {
                let golden = repositoryRoot + "/" + Self.folder + "/" + golden(name, language)
                #expect(FileManager.default.fileExists(atPath: golden), "missing \(golden)")
            }
        }
    }

    @Test(arguments: names)
    func eachDiagnosticNamesItsSlip(_ name: String) throws {
        let (list, _) = try Self.diagnostics(name)
        #expect(!list.isEmpty, "\(name) says nothing")
        for diagnostic in list.diagnostics {
            #expect(Self.codes[name]?.contains(diagnostic.wording.code) == true, "\(name): \(diagnostic)")
            // Both languages say something of their own.
            #expect(diagnostic.wording.zh != diagnostic.wording.en)
        }
    }

    @Test(arguments: names, Language.allCases)
    func renderedAsTheGolden(_ name: String, _ language: Language) throws {
        let (list, text) = try Self.diagnostics(name)
        let rendered = DiagnosticRenderer.render(list, language: language) { $0 == Self.folder + "/" + name ? text : nil }
        try assertGolden(rendered, at: Self.folder + "/" + golden(name, language))
    }
}

/// `dates.yaml` → `dates.zh.txt`.
private func golden(_ name: String, _ language: Language) -> String {
    String(name.dropLast(".yaml".count)) + ".\(language.rawValue).txt"
}

/// Compares `actual` with the golden file at `relative` (from the repository root).
private func assertGolden(_ actual: String, at relative: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    try assertGolden(actual, path: repositoryRoot + "/" + relative, name: relative, sourceLocation: sourceLocation)
}
