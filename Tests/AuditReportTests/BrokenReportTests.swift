import AuditTestSupport
import AuditCore
import Foundation
import Testing

/// Each file in fixtures/broken-reports/ states its expected first error on line 1
/// (`# expect: LOC:line:col: error: …`, LOC standing for the file's path).
@Suite struct BrokenReportTests {
    static let files: [String] = {
        let dir = repositoryRoot + "/fixtures/broken-reports"
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    @Test func thereAreBrokenReports() {
        #expect(Self.files.count >= 10)
    }

    @Test(arguments: files)
    func reportsItsError(name: String) throws {
        let relative = "fixtures/broken-reports/\(name)"
        let text = try String(contentsOfFile: repositoryRoot + "/" + relative, encoding: .utf8)
        let firstLine = text.split(separator: "\n").first.map(String.init) ?? ""
        let expected = firstLine.replacingOccurrences(of: "# expect: ", with: "")
            .replacingOccurrences(of: "LOC", with: repositoryRoot + "/" + relative)
        do throws(DiagnosticList) {
            _ = try reportFile(relative)
            Issue.record("\(name) loaded without error")
        } catch {
            #expect(error.sorted.first.map { "\($0.location): error: \($0.message)" } == expected)
        }
    }
}
