import AuditApp
import AuditCalendar
import AuditCore
import AuditTestSupport
import Foundation
import Testing

/// The application layer: options in, a loaded rule set or a run's outcome out, errors as
/// values with the exit status they stand for.
@Suite struct SetupTests {
    @Test func theShippedRulesLoadWithTheirDigest() throws {
        let setup = try Setup.load(RuleRequest())
        #expect(setup.rules.count == shippedCompiled.count)
        #expect(setup.overrides.isEmpty)
        #expect(setup.digest.count == 64)
    }

    @Test func anUnknownParameterIsAUsageError() {
        #expect(throws: AppError.self) { try Setup.load(RuleRequest(params: ["no_such_param=1"])) }
        do throws(AppError) {
            _ = try Setup.load(RuleRequest(params: ["no_such_param=1"]))
        } catch {
            #expect(error.exitStatus == .usage)
            guard case .usage(let message) = error else { Issue.record("not a usage error: \(error)"); return }
            #expect(message.en == "unknown parameter 'no_such_param'")
            #expect(message.code == "param.unknown")
        }
    }

    @Test func brokenRulesAreInvalidInputWithTheirSnippets() {
        do throws(AppError) {
            _ = try Setup.load(RuleRequest(paths: [repositoryRoot + "/fixtures/broken-rules/a-pack.yaml"]))
            Issue.record("broken rules loaded")
        } catch {
            #expect(error.exitStatus == .invalidInput)
            guard case .invalid(let diagnostics, let sources) = error else { Issue.record("\(error)"); return }
            #expect(diagnostics.hasErrors)
            // The snippet comes from the file read.
            #expect(sources.render(diagnostics).contains("\n    ^") || sources.render(diagnostics).contains("^\n"))
        }
    }

    @Test func aMissingWaiversFileIsInvalidInput() {
        do throws(AppError) {
            _ = try Setup.load(RuleRequest(waivers: "/no/such/waivers.yaml"))
            Issue.record("a missing waivers file was accepted")
        } catch {
            #expect(error.exitStatus == .invalidInput)
        }
    }
}

@Suite struct ReportCheckTests {
    @Test func theExampleReportFailsAtMajorButNotAtCritical() throws {
        let setup = try Setup.load(RuleRequest())
        let check = ReportCheck([repositoryRoot + "/fixtures/example-report.yaml"], setup: setup,
                                asOf: try Timestamp.parse("2026-06-01T00:00:00+08:00", localOffsetSeconds: 0).get())
        #expect(check.results.count == 1)
        #expect(check.exitStatus(failOn: .critical, minScore: nil) == .success)
        #expect(check.exitStatus(failOn: .major, minScore: nil) == .failed)
        #expect(check.exitStatus(failOn: nil, minScore: 99) == .failed)
    }

    @Test func anUnreadableReportMakesTheRunInvalid() throws {
        let setup = try Setup.load(RuleRequest())
        let check = ReportCheck([repositoryRoot + "/fixtures/example-report.yaml", "/no/such/report.yaml"], setup: setup, asOf: nil)
        #expect(check.outcomes.count == 2)
        #expect(check.results.count == 1)
        guard case .invalid(let diagnostics) = check.outcomes[1] else { Issue.record("read a missing report"); return }
        #expect(diagnostics.diagnostics.first?.message == "cannot open file: No such file or directory")
        #expect(check.exitStatus(failOn: nil, minScore: nil) == .invalidInput)
    }
}

@Suite struct LintAndTestRunTests {
    @Test func lintOfTheBrokenRulesCountsTheirErrors() throws {
        let lint = try LintRun([repositoryRoot + "/fixtures/broken-rules"], asOf: LocalDate(iso: "2026-06-01")!, maxFileSize: 1 << 20)
        #expect(lint.errors == 27)
        #expect(lint.warnings == 4)
        #expect(lint.exitStatus == .failed)
        #expect(lint.render(.text, toolVersion: "0").hasSuffix("11 files: 27 errors, 4 warnings\n"))
    }

    @Test func lintOfAFolderWithoutYAMLIsAFailure() throws {
        let empty = NSTemporaryDirectory() + "audit-empty-\(getpid())"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: empty) }
        do throws(AppError) {
            _ = try LintRun([empty], asOf: LocalDate(iso: "2026-06-01")!, maxFileSize: 1 << 20)
            Issue.record("linted nothing")
        } catch {
            guard case .failure(let message) = error else { Issue.record("\(error)"); return }
            #expect(message.en == "no *.yaml or *.yml files in \(empty)")
        }
    }

    @Test func theShippedExamplesAndFixturesPass() throws {
        let run = try RuleTestRun(RuleRequest(paths: [repositoryRoot + "/rules", repositoryRoot + "/fixtures/reports"]))
        #expect(run.failed == 0)
        let expectations = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/fixtures/reports").filter { $0.hasSuffix(".expect.yaml") }
        #expect(run.fixtures.count == expectations.count)
        #expect(run.examples.count == shippedRules.definitions.map(\.examples.count).reduce(0, +))
        #expect(run.exitStatus == .success)
        #expect(run.render(.text) == "\(run.total) passed, 0 failed\n")
    }
}

/// Behaviours the review of issue 9 found changed; each failed before its fix.
@Suite struct AppReviewRegressionTests {
    @Test func rulePathsKeepTheOrderGiven() throws {
        let paths = [repositoryRoot + "/rules/timeliness.yaml", repositoryRoot + "/rules/build.yaml"]
        let setup = try Setup.load(RuleRequest(paths: paths, withoutShippedPacks: true))
        #expect(setup.ruleSet.packs.map(\.name) == ["timeliness", "build"])
        #expect(setup.rules.first?.id.hasPrefix("TML-") == true)
        // Added to the shipped packs, each takes the place of the shipped pack of its name.
        let added = try Setup.load(RuleRequest(paths: paths))
        #expect(added.ruleSet.packs.map(\.name) == ["etiquette", "timeliness", "build"])
    }

    @Test func waiverWarningsAreWordedInTheOutputLanguage() throws {
        let waivers = NSTemporaryDirectory() + "audit-waivers-\(getpid()).yaml"
        try "waivers:\n  - {rule: BLD-AREA-CENTER, outlet: \"*\", reason: r, approved_by: a, expires: 2026-01-01}\n"
            .write(toFile: waivers, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: waivers) }
        let setup = try Setup.load(RuleRequest(waivers: waivers))
        let check = ReportCheck([repositoryRoot + "/fixtures/example-report.yaml"], setup: setup, asOf: nil)
        let zh = ReportFormat.json.render(check.results, setup.outputOptions(language: .zh))
        let en = ReportFormat.json.render(check.results, setup.outputOptions(language: .en))
        #expect(zh.contains("\"message\": \"豁免已于 2026-01-01 到期，未适用于 BLD-AREA-CENTER\""))
        #expect(en.contains("\"message\": \"waiver for BLD-AREA-CENTER expired on 2026-01-01; not applied\""))
    }

    @Test func aFolderIsNotAnOutputFile() {
        #expect(throws: AtomicFile.WriteError.self) { try AtomicFile.write("x", to: NSTemporaryDirectory()) }
        do throws(AtomicFile.WriteError) {
            try AtomicFile.write("x", to: "/tmp")
        } catch {
            #expect(error.description == "/tmp: not a regular file (a folder); --output writes only regular files")
        }
    }
}
