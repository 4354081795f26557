import Testing

/// Schema extensions end to end. `--rules` is given the shipped rules too, so these hold
/// whether `--rules` replaces the shipped packs or adds to them.
@Suite struct SchemaExtensionCLITests {
    static let rules = ["--rules", "rules", "--rules", "fixtures/extensions/hotline"]

    @Test func aReportWithAnExtensionFieldIsChecked() throws {
        let run = try audit(["fixtures/extensions/reports/counter-hotline.yaml"] + Self.rules)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        #expect(run.stdout.contains(
            "fixtures/extensions/reports/counter-hotline.yaml:17:20: fail [minor] BLD-COUNTER-HOTLINE: the service hotline is not shown at the counter"))
    }

    @Test func theTemplateListsTheExtensionFieldTheRulesRead() throws {
        let run = try audit(["template", "--type", "service_hall"] + Self.rules)
        #expect(run.status == 0)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        let field = lines.firstIndex { $0 == "  counter_hotline:  # service hotline shown at the counter; true/false" }
        let premises = lines.firstIndex { $0.hasPrefix("premises:") }
        #expect(field != nil && premises != nil && premises! < field!, "\(run.stdout)")
        #expect(!run.stdout.contains("hotline_media"), "no rule reads it")
        // The schema the first line names must be written with the same rules.
        #expect(run.stdout.contains("#   audit schema report --rules … (as for this template) > report.schema.json\n"))
    }

    @Test func fixtureExpectationsHoldWithTheExtension() throws {
        let run = try audit(["test", "rules", "fixtures/extensions/hotline", "fixtures/extensions/reports"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasSuffix(" passed, 0 failed\n"))
    }

    @Test func lintNamesBothExtensionsThatAddAField() throws {
        let run = try audit(["lint", "fixtures/broken-extensions/twice"])
        #expect(run.status == 1)
        #expect(run.stdout.contains(
            "fixtures/broken-extensions/twice/b-hotline.yaml:8:5: error: field 'premises.counter_hotline' is added by two extensions: 'hotline-a/1' and 'hotline-b/1'"))
        #expect(run.stdout.contains("fixtures/broken-extensions/twice/a-hotline.yaml:8:5: note: first added here by 'hotline-a/1'"))
    }
}
