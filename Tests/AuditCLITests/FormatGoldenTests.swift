import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
import AuditCore
import AuditFormatters

/// One golden file: the arguments after the report, and the snapshot it must equal.
struct GoldenCase: Sendable, CustomTestStringConvertible {
    var snapshot: String
    var arguments: [String]
    var testDescription: String { snapshot }
}

/// The failures of the example report and where they are (`file:line:col`).
let exampleFailures: [(title: String, line: Int, column: Int)] = [
    ("BLD-AREA-CENTER", 27, 22),
    ("BLD-POSTINGS", 43, 5),
    ("TIER-CLAIM", 18, 9),
    ("TML-CLAIM-3WD CLM-0213-01", 115, 17),
    ("TML-FEEDBACK-2WD CMP-0402-01", 98, 18),
]

@Suite struct FormatGoldenTests {
    static let cases: [GoldenCase] = [
        GoldenCase(snapshot: "example.sarif.json", arguments: ["--format", "sarif", "--lang", "en"]),
        GoldenCase(snapshot: "example.junit.xml", arguments: ["--format", "junit", "--lang", "en"]),
        GoldenCase(snapshot: "example.github.txt", arguments: ["--format", "github", "--lang", "en"]),
        GoldenCase(snapshot: "example.md", arguments: ["--format", "markdown", "--lang", "en"]),
        GoldenCase(snapshot: "example.zh.md", arguments: ["--format", "markdown", "--lang", "zh"]),
        GoldenCase(snapshot: "example.html", arguments: ["--format", "html", "--lang", "en"]),
        GoldenCase(snapshot: "example.zh.html", arguments: ["--format", "html", "--lang", "zh"]),
        GoldenCase(snapshot: "example.json", arguments: ["--format", "json", "--lang", "en"]),
        GoldenCase(snapshot: "example.txt", arguments: ["--format", "text", "--lang", "en"]),
        GoldenCase(snapshot: "example.zh.txt", arguments: ["--format", "text", "--lang", "zh"]),
    ]

    @Test(arguments: cases) func exampleReport(_ golden: GoldenCase) throws {
        let run = try audit(["fixtures/example-report.yaml"] + golden.arguments)
        #expect(run.status == 0)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        try assertSnapshot(Self.withoutBuildVersion(run.stdout), named: golden.snapshot)
    }

    /// SARIF names the build (`git describe`, a new one every commit): the snapshot says
    /// `VERSION` in its place, and `exampleValidatesAndPointsAtTheFailures` checks the real one.
    static func withoutBuildVersion(_ text: String) throws -> String {
        let version = try buildVersion()
        return text.replacingOccurrences(of: "\"version\": \"\(version)\",", with: "\"version\": \"VERSION\",")
    }

    /// `0.2.0` of `audit 0.2.0 (rules 76c163c104a9…)`.
    static func buildVersion() throws -> String {
        let line = try audit(["--version"]).stdout
        return String(line.split(separator: " ")[1])
    }

    /// Lint diagnostics (`DiagnosticFormatter`), in process: one of each severity, one
    /// without a position, one with a related location and text that needs escaping.
    static let diagnostics: [Diagnostic] = [
        Diagnostic(.error, Message("expression.type", en: "unknown field 'cleen' of premises (did you mean 'clean'?)", zh: "未知的字段 'cleen'"),
                   at: AuditCore.SourceLocation(file: "rules/t.yaml", line: 9, column: 21)),
        Diagnostic(.error, Message("yaml.duplicate-key", en: "duplicate key 'id', 100% sure:\nsecond, here", zh: "重复的键 'id'"),
                   at: AuditCore.SourceLocation(file: "rules/规则 t.yaml", line: 12, column: 5),
                   related: [.init(Message("yaml.duplicate-key-first", en: "first 'id' here", zh: "'id' 首次定义于此"), location: AuditCore.SourceLocation(file: "rules/规则 t.yaml", line: 4, column: 5))]),
        Diagnostic(.warning, Message("waiver.expired", en: "waiver for ETQ-BADGE expired on 2026-01-31; not applied", zh: "豁免已到期"),
                   at: AuditCore.SourceLocation(file: "/tmp/waivers.yaml", line: 2, column: 5)),
        Diagnostic(.note, Message("file.empty", en: "file is empty", zh: "文件为空"), at: AuditCore.SourceLocation(file: "rules/empty.yaml")),
    ]

    @Test func diagnosticFormats() throws {
        try assertSnapshot(DiagnosticFormatter.sarif(Self.diagnostics, toolVersion: "0.1.0"), named: "diagnostics.sarif.json")
        try assertSnapshot(DiagnosticFormatter.github(Self.diagnostics), named: "diagnostics.github.txt")
        try assertSnapshot(DiagnosticFormatter.json(Self.diagnostics), named: "diagnostics.json")
    }

    @Test func diagnosticJSONCounts() throws {
        let object = try jsonObject(DiagnosticFormatter.json(Self.diagnostics))
        #expect(object["errors"] as? Int == 2)
        #expect(object["warnings"] as? Int == 1)
        let items = object["diagnostics"] as? [[String: Any]] ?? []
        #expect(items.count == 4)
        #expect(items[0]["line"] as? Int == 9 && items[0]["column"] as? Int == 21)
        #expect(items[3]["line"] is NSNull)
        #expect((items[1]["related"] as? [[String: Any]])?.first?["line"] as? Int == 4)
        #expect(try jsonObject(DiagnosticFormatter.json([]))["errors"] as? Int == 0)
    }
}

@Suite struct SARIFFormatTests {
    static func run(_ object: [String: Any]) -> [String: Any] {
        (object["runs"] as? [[String: Any]])?.first ?? [:]
    }

    static func rules(_ run: [String: Any]) -> [[String: Any]] {
        ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]] ?? []
    }

    static func region(_ result: [String: Any]) -> [String: Any]? {
        let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        return location?["region"] as? [String: Any]
    }

    static func artifact(_ result: [String: Any]) -> [String: Any]? {
        let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        return location?["artifactLocation"] as? [String: Any]
    }

    /// Every result's `ruleIndex` points at its `ruleId`; rules are sorted, unique, used.
    static func checkRuleIndex(_ run: [String: Any]) {
        let ids = rules(run).compactMap { $0["id"] as? String }
        #expect(ids == ids.sorted())
        #expect(Set(ids).count == ids.count)
        let results = run["results"] as? [[String: Any]] ?? []
        for result in results {
            let index = result["ruleIndex"] as? Int ?? -1
            #expect(ids.indices.contains(index) && ids[index] == result["ruleId"] as? String)
        }
        #expect(Set(results.compactMap { $0["ruleId"] as? String }) == Set(ids))
    }

    @Test func exampleValidatesAndPointsAtTheFailures() throws {
        let out = try audit(["fixtures/example-report.yaml", "--format", "sarif", "--lang", "en"])
        #expect(out.status == 0)
        try validateSARIF(out.stdout)
        let object = try jsonObject(out.stdout)
        #expect(object["version"] as? String == "2.1.0")
        #expect((object["$schema"] as? String)?.hasSuffix("sarif-schema-2.1.0.json") == true)
        #expect((object["runs"] as? [Any])?.count == 1)
        let run = Self.run(object)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let driver = (run["tool"] as? [String: Any])?["driver"] as? [String: Any]
        #expect(driver?["name"] as? String == "audit")
        let version = try FormatGoldenTests.buildVersion()
        #expect(driver?["version"] as? String == version, "SARIFFormatter.toolVersion must follow `audit --version`")
        Self.checkRuleIndex(run)

        let area = Self.rules(run).first { $0["id"] as? String == "BLD-AREA-CENTER" }
        #expect(area?["name"] as? String == "ReceptionAreaOfACustomerServiceCentre")
        #expect((area?["shortDescription"] as? [String: Any])?["text"] as? String == "Reception area of a customer service centre")
        #expect((area?["fullDescription"] as? [String: Any])?["text"] as? String == "客户服务中心接待区域面积")
        #expect((area?["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
        let properties = area?["properties"] as? [String: Any]
        #expect(properties?["section"] as? String == "build")
        #expect(properties?["severity"] as? String == "major")
        #expect(properties?["points"] as? Int == 5)
        #expect((properties?["cite"] as? [String: Any])?["clause"] as? String == "2.2.3")
        let postings = Self.rules(run).first { $0["id"] as? String == "BLD-POSTINGS" }
        #expect((postings?["properties"] as? [String: Any])?["tier"] as? String == "standard")

        // Results: the 5 failures, 4 not assessed, 3 not due; no pass or not_applicable.
        let results = run["results"] as? [[String: Any]] ?? []
        #expect(results.count == 12)
        let fails = results.filter { ($0["properties"] as? [String: Any])?["status"] as? String == "fail" }
        #expect(fails.count == exampleFailures.count)
        for failure in exampleFailures {
            let parts = failure.title.split(separator: " ").map(String.init)
            let match = fails.first { result in
                let item = (result["properties"] as? [String: Any])?["item"] as? String
                return result["ruleId"] as? String == parts[0] && item == parts.dropFirst().first
            }
            #expect(match != nil, "\(failure.title)")
            guard let match else { continue }
            #expect(Self.region(match)?["startLine"] as? Int == failure.line, "\(failure.title)")
            #expect(Self.region(match)?["startColumn"] as? Int == failure.column, "\(failure.title)")
            #expect(match["kind"] as? String == "fail")
            #expect(Self.artifact(match)?["uri"] as? String == "fixtures/example-report.yaml")
            #expect(Self.artifact(match)?["uriBaseId"] as? String == "%SRCROOT%")
        }
        let levels = Dictionary(fails.map { ($0["ruleId"] as? String ?? "", $0["level"] as? String ?? "") }) { a, _ in a }
        #expect(levels["BLD-AREA-CENTER"] == "error")  // major
        // A minor failure is a warning: E1077 as a manager has no counter to place her card at.
        let dir = try temporaryFolder("sarif-minor")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let minor = try audit([try exampleReport(replacing: [badgelessManager], in: dir), "--format", "sarif", "--lang", "en"])
        let badge = (Self.run(try jsonObject(minor.stdout))["results"] as? [[String: Any]] ?? []).first { $0["ruleId"] as? String == "ETQ-BADGE" }
        #expect(badge?["level"] as? String == "warning")
        let review = results.filter { $0["kind"] as? String == "review" }
        #expect(review.count == 7)
        #expect(review.allSatisfy { $0["level"] as? String == "none" })
        #expect(!results.contains { ["pass", "notApplicable"].contains($0["kind"] as? String) })
    }

    @Test func waivedAndErrorFindingsValidate() throws {
        let dir = try temporaryFolder("sarif")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // CMP-0402-01's feedback before it was received: an evaluation error (exit 2).
        let report = try exampleReport(replacing: [("feedback_at: 2026-04-08 10:00", "feedback_at: 2026-04-01 10:00"), badgelessManager], in: dir)
        let out = try audit([report, "--format", "sarif", "--lang", "en", "--waivers", try badgeWaiver(in: dir)])
        #expect(out.status == 2)
        try validateSARIF(out.stdout)
        let run = Self.run(try jsonObject(out.stdout))
        Self.checkRuleIndex(run)
        let results = run["results"] as? [[String: Any]] ?? []

        let waived = results.first { $0["ruleId"] as? String == "ETQ-BADGE" }
        #expect(waived?["kind"] as? String == "fail")
        #expect(waived?["level"] as? String == "warning")
        let suppression = (waived?["suppressions"] as? [[String: Any]])?.first
        #expect(suppression?["kind"] as? String == "external")
        #expect(suppression?["status"] as? String == "accepted")
        #expect(suppression?["justification"] as? String == "工牌补办中 <&\">")
        #expect((waived?["properties"] as? [String: Any])?["status"] as? String == "waived")

        let error = results.first { ($0["properties"] as? [String: Any])?["status"] as? String == "error" }
        #expect(error?["ruleId"] as? String == "TML-FEEDBACK-2WD")
        #expect(error?["kind"] as? String == "fail")
        #expect(error?["level"] as? String == "error")
        #expect(Self.region(error ?? [:])?["startLine"] as? Int == 98)
        let related = (error?["relatedLocations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        #expect((related?["region"] as? [String: Any])?["startLine"] as? Int == 95, "the case's received_at")

        // An absolute path is a file: URI, percent-encoded, that decodes back to the path.
        let uri = Self.artifact(error ?? [:])?["uri"] as? String ?? ""
        #expect(Self.artifact(error ?? [:])?["uriBaseId"] == nil)
        #expect(uri.hasPrefix("file:///"))
        #expect(!uri.contains(" ") && !uri.contains("报"))
        #expect(URL(string: uri)?.path == report)
    }

    @Test func showPassedAddsPassAndNotApplicable() throws {
        let out = try audit(["fixtures/example-report.yaml", "--format", "sarif", "--show", "passed"])
        try validateSARIF(out.stdout)
        let run = Self.run(try jsonObject(out.stdout))
        Self.checkRuleIndex(run)
        let results = run["results"] as? [[String: Any]] ?? []
        #expect(results.count == 107, "5 fail, 4 not assessed, 3 not due, 50 pass, 45 not applicable")
        let kinds = Dictionary(grouping: results) { $0["kind"] as? String ?? "" }.mapValues(\.count)
        #expect(kinds == ["fail": 5, "review": 7, "pass": 50, "notApplicable": 45])
        #expect(results.filter { $0["kind"] as? String != "fail" }.allSatisfy { $0["level"] as? String == "none" })
    }

    @Test func severalReportsShareOneRun() throws {
        let dir = try temporaryFolder("sarif-two")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let second = try exampleReport(replacing: [("reception_area_m2: 76", "reception_area_m2: 90")], in: dir)
        let out = try audit(["fixtures/example-report.yaml", second, "--format", "sarif"])
        try validateSARIF(out.stdout)
        let object = try jsonObject(out.stdout)
        #expect((object["runs"] as? [Any])?.count == 1)
        let run = Self.run(object)
        Self.checkRuleIndex(run)
        let results = run["results"] as? [[String: Any]] ?? []
        #expect(results.count == 23, "12 of the example, 11 without BLD-AREA-CENTER")
        let reports = (run["properties"] as? [String: Any])?["reports"] as? [[String: Any]] ?? []
        #expect(reports.compactMap { $0["path"] as? String } == ["fixtures/example-report.yaml", second])
        #expect(try audit(["fixtures/example-report.yaml", second, "--format", "sarif"]).stdout == out.stdout, "deterministic")
    }

    @Test func diagnosticsValidate() throws {
        try validateSARIF(DiagnosticFormatter.sarif(FormatGoldenTests.diagnostics, toolVersion: "0.1.0"))
        try validateSARIF(DiagnosticFormatter.sarif([], toolVersion: "0.1.0"))
        let run = Self.run(try jsonObject(DiagnosticFormatter.sarif(FormatGoldenTests.diagnostics, toolVersion: "9.9")))
        let results = run["results"] as? [[String: Any]] ?? []
        #expect(results.compactMap { $0["level"] as? String } == ["error", "error", "warning", "note"])
        #expect(results.allSatisfy { $0["ruleId"] as? String == "audit-lint" && $0["ruleIndex"] as? Int == 0 })
        #expect(Self.region(results[3]) == nil, "no region without a line")
        #expect(Self.artifact(results[1])?["uri"] as? String == "rules/%E8%A7%84%E5%88%99%20t.yaml")
    }
}

#if canImport(FoundationXML)
typealias XMLParsed = FoundationXML.XMLDocument
#else
typealias XMLParsed = Foundation.XMLDocument
#endif

@Suite struct JUnitFormatTests {
    struct SuiteCounts: Equatable {
        var tests = 0, failures = 0, errors = 0, skipped = 0
    }

    static func counts(_ element: XMLElement) -> SuiteCounts {
        func int(_ name: String) -> Int { Int(element.attribute(forName: name)?.stringValue ?? "") ?? -1 }
        return SuiteCounts(tests: int("tests"), failures: int("failures"), errors: int("errors"), skipped: int("skipped"))
    }

    /// What a JUnit suite must say, from the JSON `counts` of the same run.
    static func expected(_ counts: [String: Int]) -> SuiteCounts {
        let c = { (k: String) in counts[k] ?? 0 }
        return SuiteCounts(
            tests: c("fail") + c("error") + c("not_assessed") + c("not_due") + c("waived") + c("pass"),
            failures: c("fail"), errors: c("error"), skipped: c("not_assessed") + c("not_due"))
    }

    static func parse(_ xml: String) throws -> XMLElement {
        let document = try XMLParsed(data: Data(xml.utf8), options: [])
        guard let root = document.rootElement() else { throw FormatTestError("no root element") }
        return root
    }

    /// Each suite's attributes, and the elements inside its test cases, agree with `json`.
    func checkCounts(_ reports: [String], extra: [String] = []) throws -> XMLElement {
        let xml = try audit(reports + ["--format", "junit"] + extra).stdout
        #expect(xml.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"))
        let root = try Self.parse(xml)
        #expect(root.name == "testsuites")
        let suites = root.elements(forName: "testsuite")
        #expect(suites.count == reports.count)
        var total = SuiteCounts()
        for (suite, report) in zip(suites, reports) {
            let json = try jsonObject(try audit([report, "--format", "json"] + extra).stdout)
            let expected = Self.expected(json["counts"] as? [String: Int] ?? [:])
            #expect(suite.attribute(forName: "name")?.stringValue == report)
            #expect(Self.counts(suite) == expected)
            let cases = suite.elements(forName: "testcase")
            let seen = SuiteCounts(
                tests: cases.count,
                failures: cases.filter { !$0.elements(forName: "failure").isEmpty }.count,
                errors: cases.filter { !$0.elements(forName: "error").isEmpty }.count,
                skipped: cases.filter { !$0.elements(forName: "skipped").isEmpty }.count)
            #expect(seen == expected)
            total.tests += expected.tests; total.failures += expected.failures
            total.errors += expected.errors; total.skipped += expected.skipped
        }
        #expect(Self.counts(root) == total)
        return root
    }

    @Test func exampleCountsMatchJSON() throws {
        let root = try checkCounts(["fixtures/example-report.yaml"])
        let cases = root.elements(forName: "testsuite").first?.elements(forName: "testcase") ?? []
        let area = cases.first { $0.attribute(forName: "name")?.stringValue == "BLD-AREA-CENTER" }
        #expect(area?.attribute(forName: "classname")?.stringValue == "build")
        let failure = area?.elements(forName: "failure").first
        #expect(failure?.attribute(forName: "type")?.stringValue == "major")
        #expect(failure?.attribute(forName: "message")?.stringValue == "reception area is 76 m², below 80 m²")
        #expect(failure?.stringValue?.hasPrefix("fixtures/example-report.yaml:27:22: reception area is 76 m², below 80 m²\n") == true)
        #expect(failure?.stringValue?.contains("2.2.3「") == true)
        let skipped = cases.first { $0.attribute(forName: "name")?.stringValue == "TML-LAW23-DECIDE-30D CLM-0409-02" }
        #expect(skipped?.elements(forName: "skipped").first?.attribute(forName: "message")?.stringValue == "not_due: not due yet (deadline 2026-05-09 at the earliest)")
        #expect(!cases.contains { $0.elements(forName: "failure").isEmpty && $0.attribute(forName: "name")?.stringValue == "TIER-CLAIM" })
    }

    @Test func waivedAndErrorAndSeveralReports() throws {
        let dir = try temporaryFolder("junit")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let report = try exampleReport(replacing: [("feedback_at: 2026-04-08 10:00", "feedback_at: 2026-04-01 10:00"), badgelessManager], in: dir)
        let root = try checkCounts([report, "fixtures/example-report.yaml"], extra: ["--waivers", try badgeWaiver(in: dir)])
        let cases = root.elements(forName: "testsuite").first?.elements(forName: "testcase") ?? []
        let waived = cases.first { $0.attribute(forName: "name")?.stringValue == "ETQ-BADGE E1077" }
        #expect(waived?.elements(forName: "failure").isEmpty == true)
        #expect(waived?.elements(forName: "system-out").first?.stringValue?.hasPrefix("waived: 工牌补办中 <&\">; approved by 黑龙江分公司客服部, until 2026-06-30") == true)
        let error = cases.first { $0.attribute(forName: "name")?.stringValue == "TML-FEEDBACK-2WD CMP-0402-01" }?.elements(forName: "error").first
        #expect(error?.attribute(forName: "type")?.stringValue == "error")
        #expect(error?.stringValue?.contains(":95:18") == true, "names the related location")
    }

    @Test func reportTextIsEscaped() throws {
        let dir = try temporaryFolder("junit-escape")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A staff id with markup, quotes, a CR LF and a control character XML cannot carry.
        let report = try exampleReport(replacing: [("id: E1077", #"id: "E<&\"1077'>\r\nX\x01""#), badgelessManager], in: dir)
        let xml = try audit([report, "--format", "junit"]).stdout
        #expect(xml.contains("name=\"ETQ-BADGE E&lt;&amp;&quot;1077&apos;&gt;&#13;&#10;X\u{FFFD}\""))
        #expect(!xml.contains("\u{01}"))
        let root = try Self.parse(xml)
        let cases = root.elements(forName: "testsuite").first?.elements(forName: "testcase") ?? []
        let badge = cases.first { $0.attribute(forName: "name")?.stringValue?.hasPrefix("ETQ-BADGE E<") == true }
        #expect(badge?.attribute(forName: "name")?.stringValue == "ETQ-BADGE E<&\"1077'>\r\nX\u{FFFD}")
        let failure = badge?.elements(forName: "failure").first
        #expect(failure?.attribute(forName: "message")?.stringValue == "staff member E<&\"1077'>\r\nX\u{FFFD} wore no identity badge")
        #expect(failure?.stringValue?.contains("staff member E<&\"1077'>\r\nX\u{FFFD} wore") == true)
        #expect(root.elements(forName: "testsuite").first?.attribute(forName: "name")?.stringValue == report)
    }
}

@Suite struct GitHubFormatTests {
    @Test func oneLinePerFailureThenASummary() throws {
        let out = try audit(["fixtures/example-report.yaml", "--format", "github", "--lang", "en"])
        #expect(out.status == 0)
        let lines = out.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "", "ends with a newline")
        let commands = lines.dropLast().compactMap(WorkflowCommand.init)
        #expect(commands.count == lines.count - 1, "every line is a workflow command")
        // 5 failures (critical/major error, minor warning), 4 not assessed (notice: E1077's
        // utterances and plain language, CALL-01's transcript, CLM-0409-02's document requests), 1 summary.
        #expect(commands.count == 10)
        let failures = commands.filter { $0.command == "error" || $0.command == "warning" }
        #expect(failures.count == exampleFailures.count)
        for failure in exampleFailures {
            let match = failures.filter { $0.properties["title"] == failure.title }
            #expect(match.count == 1, "\(failure.title)")
            #expect(match.first?.properties == [
                "file": "fixtures/example-report.yaml", "line": "\(failure.line)", "col": "\(failure.column)", "title": failure.title,
            ])
        }
        #expect(failures.first { $0.properties["title"] == "BLD-AREA-CENTER" }?.command == "error")
        #expect(commands.filter { $0.command == "notice" }.count == 5)
        #expect(lines[lines.count - 2] == "::notice file=fixtures/example-report.yaml,title=audit HLJ-HRB-DL-001::score: 87.9  good · fail 5, not assessed 4, not due 3, pass 50, not applicable 45")
    }

    @Test func propertiesAndMessagesAreEscaped() throws {
        let dir = try temporaryFolder("github")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let id = "E1077,a:b%c\r\nd"
        let report = try exampleReport(replacing: [("id: E1077", #"id: "E1077,a:b%c\r\nd""#), badgelessManager], in: dir, named: "r,1:2%.yaml")
        let out = try audit([report, "--format", "github", "--lang", "en"]).stdout
        let escapedPath = report.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: ":", with: "%3A")
            .replacingOccurrences(of: ",", with: "%2C")
        #expect(out.contains(
            "::warning file=\(escapedPath),line=75,col=12,title=ETQ-BADGE E1077%2Ca%3Ab%25c\\r\\nd::staff member E1077,a:b%25c\\r\\nd wore no identity badge\n"))
        let lines = out.split(separator: "\n")
        #expect(lines.count == 11, "newlines in report text never start a new line")
        let badge = lines.compactMap(WorkflowCommand.init).first { $0.properties["title"]?.hasPrefix("ETQ-BADGE") == true }
        // Report values are escaped visibly (README, "Output escaping"): the CR-LF shows as `\r\n`.
        let shown = "E1077,a:b%c\\r\\nd"
        #expect(id.unicodeScalars.count == shown.unicodeScalars.count - 2)
        #expect(badge?.properties["title"] == "ETQ-BADGE " + shown)
        #expect(badge?.properties["file"] == report)
        #expect(badge?.message == "staff member \(shown) wore no identity badge")
    }

    @Test func errorsAreErrorsAndWaivedOrNotDueAreSilent() throws {
        let dir = try temporaryFolder("github-error")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let report = try exampleReport(replacing: [("feedback_at: 2026-04-08 10:00", "feedback_at: 2026-04-01 10:00"), badgelessManager], in: dir)
        let out = try audit([report, "--format", "github", "--lang", "en", "--waivers", try badgeWaiver(in: dir)])
        #expect(out.status == 2)
        let commands = out.stdout.split(separator: "\n").compactMap(WorkflowCommand.init)
        let error = commands.first { $0.properties["title"] == "TML-FEEDBACK-2WD CMP-0402-01" }
        #expect(error?.command == "error")
        #expect(error?.properties["line"] == "98")
        #expect(!commands.contains { $0.properties["title"]?.hasPrefix("ETQ-BADGE") == true }, "waived")
        #expect(!commands.contains { $0.properties["title"]?.hasPrefix("TML-LAW23") == true }, "not due")
    }

    @Test func diagnostics() throws {
        let out = DiagnosticFormatter.github(FormatGoldenTests.diagnostics)
        let lines = out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 5 && lines.last == "")
        #expect(lines[0] == "::error file=rules/t.yaml,line=9,col=21::unknown field 'cleen' of premises (did you mean 'clean'?)")
        #expect(lines[1] == "::error file=rules/规则 t.yaml,line=12,col=5::duplicate key 'id', 100%25 sure:\\nsecond, here%0Arules/规则 t.yaml:4:5: note: first 'id' here")
        #expect(lines[2].hasPrefix("::warning file=/tmp/waivers.yaml,line=2,col=5::"))
        #expect(lines[3] == "::notice file=rules/empty.yaml::file is empty")
    }
}
