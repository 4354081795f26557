import AuditTestSupport
import Foundation
import Testing

/// `audit schema KIND` end to end: every kind prints a valid draft 2020-12 schema, and the
/// JSON HQ systems consume (`audit check --format json|jsonl`, a batch's results.jsonl)
/// validates against `audit schema results`.
@Suite struct SchemaKindsCLITests {
    static let kinds = ["report", "pack", "extension", "waivers", "profile", "results"]

    @Test func everyKindPrintsAValidDraft2020_12Schema() throws {
        var schemas: [String: String] = [:]
        for kind in Self.kinds {
            let run = try audit(["schema", kind])
            #expect(run.status == 0, "\(kind): \(run.stderr)")
            #expect(run.stderr.isEmpty, "\(kind)")
            schemas[kind] = run.stdout
        }
        let checked = try checkSchemas(schemas)
        for kind in Self.kinds {
            #expect(checked[kind] == .some(nil), "\(kind): \(String(describing: checked[kind]))")
        }
        // Each has its own title; the same run gives the same bytes, also through --output.
        #expect(Set(schemas.values).count == Self.kinds.count)
        let dir = try temporaryFolder("schemas")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try audit(["schema", "profile", "--output", dir + "/profile.schema.json"]).status == 0)
        #expect(try String(contentsOfFile: dir + "/profile.schema.json", encoding: .utf8) == schemas["profile"])
    }

    /// The kinds that depend on the rules follow --rules: the example add-on's extension field
    /// in the pack schema's fragments, its rule among the waivers' and profiles' rule ids.
    @Test func theSchemasFollowTheRules() throws {
        let rules = ["--rules", "fixtures/extensions/hotline"]
        for (kind, text) in [("pack", "\"counter_hotline\": {"), ("waivers", "\"const\": \"BLD-COUNTER-HOTLINE\""),
                             ("profile", "\"const\": \"BLD-COUNTER-HOTLINE\""), ("results", "\"const\": \"mobile_unit\"")] {
            let with = try audit(["schema", kind] + rules)
            #expect(with.status == 0, "\(kind): \(with.stderr)")
            #expect(with.stdout.contains(text), "\(kind): \(text)")
            #expect(!(try audit(["schema", kind]).stdout.contains(text)), "\(kind) without --rules: \(text)")
        }
        // What an extension may add is measured against the schema file, not the extended schema.
        #expect(try audit(["schema", "extension"] + rules).stdout == (try audit(["schema", "extension"]).stdout))
    }

    // MARK: - Results

    /// Every fixture report as `audit check` prints it (one document of several reports, one
    /// line each with jsonl), the example with a waiver, an evaluation error, re-rated and
    /// disabled rules and changed parameters, the add-on's report with its extension, and a
    /// batch's results.jsonl: each a valid instance of `audit schema results`.
    @Test func theResultsHQSystemsReadValidate() throws {
        let reports = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/fixtures/reports")
            .filter { $0.hasSuffix(".yaml") && !$0.hasSuffix(".expect.yaml") }.sorted().map { "fixtures/reports/" + $0 }
        #expect(reports.count >= 10)
        var documents: [String: String] = [:]
        let all = try audit(reports + ["fixtures/example-report.yaml", "--format", "json"])
        #expect(all.stdout.hasPrefix("["), "several reports: an array")
        documents["check --format json, all"] = all.stdout
        let lines = try audit(reports + ["--format", "jsonl"]).stdout.split(separator: "\n")
        #expect(lines.count == reports.count)
        for (report, line) in zip(reports, lines) { documents["jsonl \(report)"] = String(line) }

        let dir = try temporaryFolder("results-schema")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // CMP-0402-01's feedback before it was received: an evaluation error with a related location.
        let report = try exampleReport(replacing: [("feedback_at: 2026-04-08 10:00", "feedback_at: 2026-04-01 10:00"), badgelessManager], in: dir)
        try """
            profile: rerated
            rerate:
              - {rule: BLD-CLEAN, severity: major, points: 4, reason: 试行}
              - {rule: BLD-AREA-CENTER, severity: critical, reason: 重点}
            """.write(toFile: dir + "/rerated.yaml", atomically: true, encoding: .utf8)
        let example = try audit([report, "--waivers", try badgeWaiver(in: dir), "--profile", dir + "/rerated.yaml",
                                 "--profile", "fixtures/profiles/heilongjiang.yaml", "--format", "json"])
        #expect(example.status == 2, "an evaluation error")
        documents["example"] = example.stdout
        let hotline = try audit(["fixtures/extensions/reports/counter-hotline.yaml", "--rules", "fixtures/extensions/hotline", "--format", "json"])
        documents["hotline"] = hotline.stdout

        let batch = try audit(["batch", "fixtures/reports", "--out", dir + "/out", "--exclude", "*.expect.yaml", "--profile", "fixtures/profiles/heilongjiang.yaml"])
        #expect(batch.status <= 1, "\(batch.stderr)")
        let results = try String(contentsOfFile: dir + "/out/results.jsonl", encoding: .utf8).split(separator: "\n")
        #expect(results.count >= 10)
        for (i, line) in results.enumerated() { documents["results.jsonl \(i + 1)"] = String(line) }

        // Every optional part of a result is there somewhere, so the schema is checked on each.
        let text = documents.values.joined(separator: "\n")
        for part in ["\"waiver\":", "\"related\":", "\"missing\":[\"", "\"warnings\":", "\"status\": \"error\"", "\"from\": \"minor\"",
                     "\"points\": {", "\"disabled\": [\n", "\"params\":[{", "\"extensions\": [\n", "\"version\":", "\"red_line\":\"", "\"advice\":[\""] {
            #expect(text.contains(part), "no output has \(part)")
        }

        // And what the schema must refuse: the example changed one thing at a time.
        let object = try #require(try JSONSerialization.jsonObject(with: Data(example.stdout.utf8)) as? [String: Any])
        func changed(_ change: (inout [String: Any]) -> Void) throws -> String {
            var copy = object
            change(&copy)
            return String(decoding: try JSONSerialization.data(withJSONObject: copy), as: UTF8.self)
        }
        let broken: [String: String] = [
            "no score": try changed { $0["score"] = nil },
            "unknown key": try changed { $0["grade"] = "good" },
            "unknown status": try changed { o in
                var findings = o["findings"] as? [[String: Any]] ?? []
                findings[0]["status"] = "failed"
                o["findings"] = findings
            },
            "count missing": try changed { o in
                var counts = o["counts"] as? [String: Any] ?? [:]
                counts["not_due"] = nil
                o["counts"] = counts
            },
            "digest not hex": try changed { o in
                var rules = o["rules"] as? [String: Any] ?? [:]
                rules["digest"] = "50301c"
                o["rules"] = rules
            },
        ]
        let validation = try validate(schema: try audit(["schema", "results", "--rules", "fixtures/extensions/hotline"]).stdout,
                                      documents: documents.merging(broken) { a, _ in a })
        #expect(validation.schemaError == nil)
        for name in documents.keys.sorted() { #expect(validation.passes(name), "\(name): \(validation.describe(name))") }
        for name in broken.keys.sorted() { #expect(validation.fails(name), "\(name): \(validation.describe(name))") }
    }
}
