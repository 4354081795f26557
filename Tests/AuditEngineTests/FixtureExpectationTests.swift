import AuditCalendar
import AuditCore
import AuditEngine
import AuditReport
import AuditRules
import AuditYAML
import Foundation
import Testing

/// Each `fixtures/reports/NAME.expect.yaml` states, worked out by hand from the spec, what
/// auditing `NAME.yaml` with the shipped rules must give:
///
///     fails: [RULE, RULE ITEM, …]      # every `fail` finding, exactly
///     not_due: [RULE ITEM, …]          # optional: every `not_due` finding, exactly
///     total: 87.0                      # optional: rounded to one decimal
///     grade: good                      # a grade id of rules/scoring.yaml, or null
///     provisional: false
///     red_line: null                   # or the rule id
///     tier: {claimed: standard, qualifies: none}
///     as_of: 2026-04-14T10:30:00+08:00 # optional evaluation time
@Suite struct FixtureExpectationTests {
    static let directory = repositoryRoot + "/fixtures/reports"

    static let names: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return files.filter { $0.hasSuffix(".expect.yaml") }.map { String($0.dropLast(".expect.yaml".count)) }.sorted()
    }()

    @Test func thereIsOneFixturePerOutletKindPlusRedLineAndSparse() {
        #expect(Self.names.count >= 7, "\(Self.names)")
    }

    @Test(arguments: names)
    func fixtureMeetsItsExpectation(name: String) throws {
        let expectation = try YAMLLoader.load(path: "\(Self.directory)/\(name).expect.yaml")
        var fields: [String: YAMLNode] = [:]
        for pair in expectation.root.mapping ?? [] {
            if let key = pair.key.scalar?.text { fields[key] = pair.value }
        }
        func strings(_ key: String) -> [String]? {
            fields[key]?.sequence?.compactMap { $0.scalar?.text }
        }
        func text(_ node: YAMLNode?) -> String? {
            guard let scalar = node?.scalar, scalar.value != .null else { return nil }
            return scalar.text
        }
        var asOf: Timestamp?
        if let t = text(fields["as_of"]), case .success(let parsed) = Timestamp.parse(t, localOffsetSeconds: 8 * 3600) { asOf = parsed }
        let auditor = Auditor(rules: shippedCompiled, context: EvaluationContext(calendar: shippedRules.calendar, asOf: asOf),
                              language: .en, scoring: shippedRules.scoring)
        let result = auditor.audit(try reportFile("fixtures/reports/\(name).yaml"))
        func describe(_ f: Finding) -> String { f.item.map { "\(f.rule.id) \($0)" } ?? f.rule.id }

        let fails = result.findings.filter { $0.status == .fail }.map(describe).sorted()
        #expect(fails == (strings("fails") ?? []).sorted(), "fails of \(name)")
        if let notDue = strings("not_due") {
            #expect(result.findings.filter { $0.status == .notDue }.map(describe).sorted() == notDue.sorted(), "not_due of \(name)")
        }
        if let total = text(fields["total"]) {
            #expect(result.score.total.map { JSON.format($0, decimals: 1) } == JSON.format(Double(total) ?? -1, decimals: 1), "total of \(name)")
        }
        #expect(result.score.grade?.id == text(fields["grade"]), "grade of \(name)")
        #expect(result.score.provisional == (text(fields["provisional"]) == "true"), "provisional of \(name)")
        #expect(result.score.redLine == text(fields["red_line"]), "red line of \(name)")
        let tier = fields["tier"]?.mapping ?? []
        let claimed = tier.first { $0.key.scalar?.text == "claimed" }.flatMap { text($0.value) }
        let qualifies = tier.first { $0.key.scalar?.text == "qualifies" }.flatMap { text($0.value) }
        #expect((result.tier.claimed?.rawValue ?? "none") == claimed, "claimed tier of \(name)")
        #expect((result.tier.qualifies?.rawValue ?? "none") == qualifies, "qualified tier of \(name)")
    }
}
