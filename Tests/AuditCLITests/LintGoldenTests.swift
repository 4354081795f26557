import AuditTestSupport
import Foundation
import Testing

/// `audit lint` on fixtures/broken-rules/ prints exactly the golden list of diagnostics in
/// Snapshots/lint.broken-rules.txt, where every golden file lives (read and checked by hand
/// when it was written: each names the file, line and column of the mistake the fixture's
/// comment describes).
@Suite(.serialized) struct LintGoldenTests {
    static let arguments = ["lint", "fixtures/broken-rules", "--as-of", "2026-06-01"]

    @Test func brokenRulesGiveTheGoldenDiagnostics() throws {
        let run = try audit(Self.arguments)
        #expect(run.status == 1)
        try assertSnapshot(run.stdout, named: "lint.broken-rules.txt")
    }

    @Test func everyKindOfMistakeIsCaught() throws {
        let out = try audit(Self.arguments).stdout
        for expected in [
            "unknown key 'chek' in a rule (did you mean 'check'?)",
            "a rule is missing the required key 'check'",
            "syntax error: expected a value",
            "unknown field 'recepton_area_m2' of premises (did you mean 'reception_area_m2'?)",
            "cannot order bool and int",
            "unknown parameter 'min_area'",
            "unknown severity 'serious'",
            "points must be a number from 0 to 1000",
            "cite is missing the required key 'quote'",
            "examples.fail must be a non-empty list",
            "duplicate rule id 'BR-DUPLICATE'",
            "note: first defined here",
            "the '{' opened here is not closed; end it with '}' on the same line",
            "weights.etiquette must be positive",
            "grade bands must be strictly descending",
            "min_coverage must be between 0 and 1",
            "year 2027 needs the source notice",
            "invalid date or range",
            "2027-02-06 is both a holiday and a working day",
            "2027-02-08 is a weekday: adjusted working days fall on weekends",
            "waiver for unknown rule 'BR-DUPLICAT' (did you mean 'BR-DUPLICATE'?)",
            "warning: waiver for BR-DUPLICATE expired on 2026-01-31",
            "a waiver is missing the required key 'reason'",
            "unknown name '黑龙江分公司': put text in quotes: \"黑龙江分公司\"",
            "a value containing ': ' must be quoted: write check: \"on_time(it.feedback_at, days: 3)\"",
            "unknown parameter 'max_rings': declare it under the rule's params: (params: {max_rings: …})",
            "unknown parameter 'min_area' (did you mean 'min_area_m2'?); or declare it under the rule's params:",
            "'contains' is a method, not an operator: write outlet.services.contains(\"cash\"), or for a list \"cash\" in outlet.services",
        ] {
            #expect(out.contains(expected), "lint did not report: \(expected)")
        }
    }

    @Test func shippedRulesAreClean() throws {
        let run = try audit(["lint"])
        #expect(run.status == 0)
        #expect(run.stdout.hasSuffix(": 0 errors, 0 warnings\n"))
        #expect(try audit(["lint", "rules"]).status == 0)
    }

    @Test func machineFormats() throws {
        let json = try jsonObject(try audit(Self.arguments + ["--format", "json"]).stdout)
        #expect(json["errors"] as? Int == 27)
        #expect(json["warnings"] as? Int == 4)
        let sarif = try audit(Self.arguments + ["--format", "sarif"])
        #expect(sarif.status == 1)
        try validateSARIF(sarif.stdout)
        let github = try audit(Self.arguments + ["--format", "github"]).stdout
        #expect(github.split(separator: "\n").filter { $0.hasPrefix("::error ") }.count == 27)
        #expect(github.contains("::warning file=fixtures/broken-rules/f-waivers.yaml,line=5,col=5"))
    }

    @Test func unreadableInputExitsTwo() throws {
        let run = try audit(["lint", "no-such-rules.yaml"])
        #expect(run.status == 2)
    }

    @Test func testCommandRunsExamplesAndFixtures() throws {
        let run = try audit(["test", "rules", "fixtures/reports"])
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.hasSuffix(" passed, 0 failed\n"))
        let junit = try audit(["test", "rules", "fixtures/reports", "--format", "junit"])
        #expect(junit.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"audit test\""))
        #expect(junit.stdout.contains("<testsuite name=\"fixtures\""))
    }

    @Test func testCommandReportsAFailingExampleAndExitsOne() throws {
        let dir = try temporaryFolder("test-fail")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
            pack: t
            version: "1"
            rules:
              - id: T-1
                title: {zh: t, en: t}
                section: build
                severity: minor
                cite: {source: X, document: X, clause: "1", quote: q}
                check: premises.clean
                message: {zh: 不整洁, en: not clean}
                examples: {pass: [{premises: {clean: false}}], fail: [{premises: {clean: false}}, {premises: {}}]}
            """.write(toFile: dir + "/t.yaml", atomically: true, encoding: .utf8)
        let run = try audit(["test", "--no-shipped-rules", dir])
        #expect(run.status == 1)
        #expect(run.stdout == """
            \(dir)/t.yaml:11:23: T-1: expected pass, got fail: not clean
            \(dir)/t.yaml:11:87: T-1: expected fail, got not_assessed (missing: premises.clean)
            1 passed, 2 failed

            """)
        // With the shipped rules (the default), their examples run too.
        let withShipped = try audit(["test", dir])
        #expect(withShipped.status == 1)
        #expect(withShipped.stdout.hasPrefix("\(dir)/t.yaml:11:23: T-1: expected pass, got fail: not clean\n"))
        #expect(!withShipped.stdout.hasSuffix("\n1 passed, 2 failed\n"))
    }
}

@Suite struct EmptyInputTests {
    @Test func lintAndTestOfAFolderWithoutRulesAreErrors() throws {
        let dir = try temporaryFolder("empty-rules")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let lint = try audit(["lint", dir])
        #expect(lint.status == 2)
        #expect(lint.stderr.contains("no *.yaml or *.yml files"))
        let test = try audit(["test", dir])
        #expect(test.status == 2)
    }
}
