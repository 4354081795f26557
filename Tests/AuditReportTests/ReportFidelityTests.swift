import AuditCore
import AuditReport
import AuditTestSupport
import AuditYAML
import Testing

/// Lists given as counts and deprecated fields (issue 8): the schema and the validator.
@Suite struct ReportFidelityTests {
    func validate(_ yaml: String) throws(DiagnosticList) -> InspectionReport {
        try report(minimalReport(yaml))
    }

    func problems(_ yaml: String) -> String {
        do throws(DiagnosticList) {
            _ = try validate(yaml)
            return ""
        } catch {
            return error.description
        }
    }

    @Test func aCountStandsForThatManyItemsWithoutDates() throws {
        let r = try validate("cases:\n  - {id: C1, kind: claim, received_at: 2026-02-10 09:00, document_requests: 3}")
        guard case .object(let c)? = r.value(at: "cases").flatMap({ if case .list(let l) = $0.value { l.first?.value } else { nil } }),
              case .list(let requests)? = c["document_requests"]?.value else {
            Issue.record("no document_requests list")
            return
        }
        #expect(requests.count == 3)
        guard case .object(let first) = requests[0].value else { Issue.record("not an object"); return }
        #expect(first.fields.allSatisfy { $0 == nil })
        #expect(first.countedIn == "cases[0].document_requests")
        // Counts are bounded per report too: 11 claims of 1,000 requests is 11,000 made-up items.
        let many = (0..<11).map { "  - {id: C\($0), kind: claim, received_at: 2026-02-10 09:00, document_requests: 1000}" }.joined(separator: "\n")
        #expect(problems("cases:\n" + many).contains("the counts of this report add up to more than 10000 items"))
        // What a rule misses is the dates of the requests, named by the field the report has.
        let late = try validate("cases:\n  - {id: C1, kind: claim, received_at: 2026-02-10 09:00, document_requests: 3, decided_at: 2026-03-20 10:00}")
        let finding = auditor().audit(late).findings.first { $0.rule.id == "TML-LAW23-DECIDE-30D" }
        #expect(finding?.status == .notAssessed)
        #expect(finding?.missing == ["cases[0].document_requests"])
        #expect(problems("cases:\n  - {id: C1, kind: claim, received_at: 2026-02-10 09:00, document_requests: -1}")
            .contains("cases[0].document_requests must be a list or a count from 0 to 1000, found -1"))
        #expect(problems("cases:\n  - {id: C1, kind: claim, received_at: 2026-02-10 09:00, document_requests: 100000}")
            .contains("from 0 to 1000"))
        // Only lists marked `count: true` take a count.
        #expect(problems("staff: 3").contains("staff must be a list, found integer 3"))
        // A dated request needs its date.
        #expect(problems("cases:\n  - {id: C1, kind: claim, received_at: 2026-02-10 09:00, document_requests: [{supplied_at: 2026-02-12 09:00}]}")
            .contains("missing required key 'cases[0].document_requests[0].requested_at'"))
    }

    @Test func theDeprecatedFieldCarriesOverWithAWarning() throws {
        let r = try validate("cases:\n  - {id: C1, kind: complaint, received_at: 2026-04-02 15:00, extended: true}")
        #expect(r.warnings.map(\.message) == ["cases[0].extended is deprecated: write extension: once"])
        #expect(r.warnings.first?.location.line == 12)
        let repeated = try validate("cases:\n  - {id: C1, kind: complaint, received_at: 2026-04-02 15:00, extended: false, extension: none}")
        #expect(repeated.warnings.map(\.message) == ["cases[0].extended is deprecated and repeats extension: remove it"])
        #expect(problems("cases:\n  - {id: C1, kind: complaint, received_at: 2026-04-02 15:00, extended: true, extension: none}")
            .contains("cases[0].extended: true contradicts extension: none"))
        #expect(problems("cases:\n  - {id: C1, kind: complaint, received_at: 2026-04-02 15:00, extended: false, extension: twice}")
            .contains("cases[0].extended: false contradicts extension: twice"))
        // Extended twice is extended: no contradiction.
        let twice = try validate("cases:\n  - {id: C1, kind: complaint, received_at: 2026-04-02 15:00, extended: true, extension: twice}")
        #expect(twice.warnings.map(\.message) == ["cases[0].extended is deprecated and repeats extension: remove it"])
        // The warning reaches the result (and from there stderr and the JSON `warnings`).
        #expect(auditor().audit(r).warnings.map(\.message) == ["cases[0].extended is deprecated: write extension: once"])
    }

    @Test func aDeprecationMustMapOntoATokenField() {
        func schemaErrors(_ field: String) -> String {
            let yaml = """
                schema: outlet-report/1
                root: report
                enums:
                  ext: {none: {zh: 无, en: none}, once: {zh: 一次, en: once}}
                objects:
                  report:
                    extension: {type: token, values: ext, zh: a, en: a}
                    note: {type: string, zh: n, en: n}
                    \(field)
                """
            do throws(DiagnosticList) {
                _ = try ReportSchema.load(try YAMLLoader.load(bytes: Array(yaml.utf8), file: "s.yaml"))
                return ""
            } catch { return error.description }
        }
        #expect(schemaErrors("old: {type: bool, deprecated: {use: extension, values: {\"true\": once}}, zh: o, en: o}") == "")
        #expect(schemaErrors("old: {type: bool, deprecated: {use: extnsion, values: {\"true\": once}}, zh: o, en: o}")
            .contains("names an unknown replacement 'extnsion'"))
        #expect(schemaErrors("old: {type: bool, deprecated: {use: note, values: {\"true\": once}}, zh: o, en: o}")
            .contains("must be a token field, 'note' is string"))
        #expect(schemaErrors("old: {type: bool, deprecated: {use: extension, values: {\"true\": twice}}, zh: o, en: o}")
            .contains("'twice' (for true) is not a token of ext"))
        #expect(schemaErrors("old: {type: bool, count: true, zh: o, en: o}").contains("count: true is only for list fields"))
    }
}
