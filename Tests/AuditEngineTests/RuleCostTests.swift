import AuditCore
import AuditEngine
import AuditRules
import AuditTestSupport
import Testing

/// A rule that nests list functions over long lists grows as length^depth. Lint says so from
/// depth 3 on, and evaluation stops a rule at its budget with an `error` naming it — a
/// 12-case report and a 6-deep rule (12⁶ ≈ 3 million steps) once ran unchecked.
@Suite struct RuleCostTests {
    static let deep = "cases.all(a, cases.all(b, cases.all(c, cases.all(d, cases.all(e, cases.all(f, f.id != \"\"))))))"

    static func report(cases: Int) -> String {
        minimalReport("cases:\n" + (1...cases).map { "  - {id: K\($0), kind: consultation, received_at: 2026-04-02 15:00}" }.joined(separator: "\n"))
    }

    @Test func aRuleOverItsBudgetIsAnErrorNamingIt() throws {
        let set = try RuleSet.load([.init(path: "t.yaml", bytes: Array(rulePack(check: Self.deep).utf8))])
        let rules = try set.compile()
        let result = auditor(rules: rules).audit(try AuditTestSupport.report(Self.report(cases: 12)))
        let finding = try #require(result.findings.first { $0.rule.id == "T-1" })
        #expect(finding.status == .error)
        #expect(finding.text(.en).contains("more than 2000000 list elements"), "\(finding.text(.en))")
        #expect(result.hasErrors)
        // Within the budget the same rule is judged as usual.
        let small = auditor(rules: rules).audit(try AuditTestSupport.report(Self.report(cases: 3)))
        #expect(small.findings.first { $0.rule.id == "T-1" }?.status == .pass)
    }

    @Test func lintSaysWhatTheNestingCosts() {
        let pack = rulePack(check: "cases.all(a, cases.all(b, a.id != \"\"))", forEach: "cases")
        let lint = Lint.run([.init(path: "t.yaml", bytes: Array(pack.utf8))], unreadable: DiagnosticList(), asOf: nil, shipped: .replaced)
        let warnings = lint.diagnostics.sorted.filter { $0.severity == .warning }.map(\.message)
        #expect(warnings.contains { $0.hasPrefix("list functions nested 3 deep (counting for_each)") && $0.contains("1000000 steps for lists of 100") },
                "\(warnings)")
        let shallow = rulePack(check: "cases.all(a, a.id != \"\")", forEach: "cases")
        let clean = Lint.run([.init(path: "t.yaml", bytes: Array(shallow.utf8))], unreadable: DiagnosticList(), asOf: nil, shipped: .replaced)
        #expect(clean.diagnostics.sorted.allSatisfy { $0.severity != .warning })
    }
}
