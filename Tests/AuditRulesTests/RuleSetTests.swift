import AuditCore
import AuditRules
import AuditYAML
import AuditTestSupport
import Foundation
import Testing

/// Putting a rule set together: packs, names, the scoring file.
@Suite struct RuleSetTests {
    @Test func letCannotHideAReportSection() {
        let pack = rulePack(check: "true", lets: ["outlet": "1"])
        #expect(throws: DiagnosticList.self) {
            let set = try RuleSet.load([.init(path: "t.yaml", bytes: Array(pack.utf8))])
            _ = try set.compile()
        }
    }

    @Test func emptyRuleFolderIsAnError() {
        #expect(throws: DiagnosticList.self) { try RuleSet.load([]) }
    }

    @Test func scoringFileRejectsDuplicateAndOutOfRangeBands() throws {
        let text = """
            scoring: outlet-score/1
            points: {critical: 10, major: 5, minor: 2, advisory: 0}
            weights: {build: 40, etiquette: 30, timeliness: 30}
            grades:
              - {id: top, min: 120, zh: 优, en: top}
              - {id: top, min: 60, zh: 良, en: ok}
              - {id: fail, min: 0, zh: 差, en: fail}
            red_line_grade: fail
            min_coverage: 0.8
            """
        do throws(DiagnosticList) {
            _ = try ScoringSettings.load(try YAMLLoader.load(bytes: Array(text.utf8), file: "s.yaml"))
            Issue.record("accepted")
        } catch {
            let messages = error.diagnostics.map(\.message)
            #expect(messages.contains("grade 'top' starts at 120; scores run from 0 to 100"))
            #expect(messages.contains("grade 'top' is defined twice"))
        }
    }

    @Test func scoringNumbersMustBeFiniteAndBounded() {
        func messages(_ points: String, _ weights: String, coverage: String = "0.8", passMin: String = "60") -> [String] {
            let text = """
                scoring: outlet-score/1
                points: \(points)
                weights: \(weights)
                grades:
                  - {id: pass, min: \(passMin), zh: 合格, en: pass}
                  - {id: fail, min: 0, zh: 差, en: fail}
                red_line_grade: fail
                min_coverage: \(coverage)
                """
            do throws(DiagnosticList) {
                _ = try ScoringSettings.load(try YAMLLoader.load(bytes: Array(text.utf8), file: "s.yaml"))
                return []
            } catch {
                return error.diagnostics.map(\.message)
            }
        }
        let weights = "{build: 40, etiquette: 30, timeliness: 30}"
        #expect(messages("{critical: 10, major: 1.0e308, minor: 2, advisory: 0}", weights)
            == ["points.major must be a finite number no larger than 1000, found 1e+308"])
        // The YAML layer already refuses the non-finite spellings.
        #expect(messages("{critical: .inf, major: 5, minor: 2, advisory: 0}", weights) == ["float .inf is not finite"])
        #expect(messages("{critical: 10, major: 1001, minor: 2, advisory: 0}", weights)
            == ["points.major must be a finite number no larger than 1000, found 1001.0"])
        let points = "{critical: 10, major: 5, minor: 2, advisory: 0}"
        #expect(messages(points, "{build: 1.0e300, etiquette: 30, timeliness: 30}")
            == ["weights.build must be a finite number no larger than 1000, found 1e+300"])
        #expect(messages(points, "{build: 40, etiquette: -1, timeliness: 30}") == ["weights.etiquette must be positive"])
        #expect(messages("{critical: 1000, major: 5, minor: 2, advisory: 0}", "{build: 1000, etiquette: 0.5, timeliness: 30}") == [])
    }

    @Test func aDueConditionIsTypeChecked() throws {
        let yaml = rulePack(check: "premises.clean", due: "premises.reception_area_m2")
        #expect(throws: DiagnosticList.self) { try RuleSet.load([.init(path: "t.yaml", bytes: Array(yaml.utf8))]).compile() }
    }

    @Test func tierOutletTypesMustBeOutletTypes() throws {
        let scoring = try String(contentsOfFile: repositoryRoot + "/rules/scoring.yaml", encoding: .utf8)
            .replacingOccurrences(of: "tier_outlet_types: [service_center, service_hall]", with: "tier_outlet_types: [service_centre]")
        var files = RuleSet.bundledFiles.filter { $0.path != "rules/scoring.yaml" }
        files.append(.init(path: "my/scoring.yaml", bytes: Array(scoring.utf8)))
        #expect(throws: DiagnosticList.self) { try RuleSet.load(files) }
        do { _ = try RuleSet.load(files) } catch {
            #expect(error.description.contains("tier_outlet_types: 'service_centre' is not an outlet type (did you mean 'service_center'?)"))
        }
    }
}

/// `defaults:` of a pack: rules need not repeat the section and the cited document.
@Suite struct PackDefaultsTests {
    static func pack(defaults: String, rule: String) -> String {
        """
        pack: t
        version: "1"
        \(defaults)
        rules:
          - id: T-1
            title: {zh: t, en: t}
        \(rule)
            severity: minor
            check: premises.clean
            message: {zh: m, en: m}
            examples: {pass: [{premises: {clean: true}}], fail: [{premises: {clean: false}}]}
        """
    }

    static func load(_ text: String) -> Result<RulePack, DiagnosticList> {
        do throws(DiagnosticList) {
            return .success(try RulePack.parse(try YAMLLoader.load(bytes: Array(text.utf8), file: "t.yaml")))
        } catch {
            return .failure(error)
        }
    }

    @Test func aRuleTakesTheDefaultsItDoesNotGive() throws {
        let text = Self.pack(defaults: "defaults: {section: etiquette, cite: {source: CC, document: 客服中心服务规范}}",
                             rule: "    cite: {clause: \"1\", quote: q}")
        let rule = try #require(try Self.load(text).get().rules.first)
        #expect(rule.section == .etiquette)
        #expect([rule.cite.source, rule.cite.document, rule.cite.clause, rule.cite.quote] == ["CC", "客服中心服务规范", "1", "q"])
    }

    @Test func whatARuleSaysWins() throws {
        let text = Self.pack(defaults: "defaults: {section: etiquette, cite: {source: CC, document: D}}",
                             rule: "    section: build\n    cite: {source: CS, clause: \"1\", quote: q}")
        let rule = try #require(try Self.load(text).get().rules.first)
        #expect(rule.section == .build)
        #expect(rule.cite.source == "CS")
        #expect(rule.cite.document == "D")
    }

    @Test func withoutDefaultsTheKeysAreRequired() {
        guard case .failure(let error) = Self.load(Self.pack(defaults: "", rule: "    cite: {clause: \"1\", quote: q}")) else {
            Issue.record("a rule without section and cite.source loaded")
            return
        }
        let messages = error.diagnostics.map(\.message)
        #expect(messages.contains("a rule is missing the required key 'section'"))
        #expect(messages.contains("cite is missing the required key 'source'"))
        #expect(messages.contains("cite is missing the required key 'document'"))
    }

    @Test func aForEachOfAnotherShapeIsRefused() {
        let text = Self.pack(defaults: "defaults: {section: build, cite: {source: X, document: X}}",
                             rule: "    cite: {clause: \"1\", quote: q}\n    for_each: {in: staff}")
        guard case .failure(let error) = Self.load(text) else { Issue.record("accepted"); return }
        #expect(error.diagnostics.map(\.message).contains { $0.hasPrefix("for_each must be a list expression such as staff") })
    }
}

/// `audit lint` reports the problems of every phase in one run: a rule whose structure is
/// wrong still has its expressions and examples checked.
@Suite struct LintOneWaveTests {
    @Test func structureAndExpressionErrorsOfOneRuleComeTogether() {
        let pack = rulePack(check: "premises.clen").replacingOccurrences(of: "severity: minor", with: "severity: hihg")
        #expect(pack.contains("severity: hihg"))
        let lint = Lint.run([.init(path: "t.yaml", bytes: Array(pack.utf8))], unreadable: DiagnosticList(), asOf: nil)
        let messages = lint.diagnostics.sorted.map(\.message)
        #expect(messages.contains { $0.hasPrefix("unknown severity 'hihg'") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("unknown field 'clen' of premises") }, "\(messages)")
        // Loading refuses the pack all the same.
        #expect(throws: DiagnosticList.self) { try RuleSet.load([.init(path: "t.yaml", bytes: Array(pack.utf8))]) }
    }
}

/// Arithmetic that can only fail — a divisor always 0, a product of known values that always
/// overflows — is a load (and lint) error, not an `error` on every report.
@Suite struct AlwaysFailingArithmeticTests {
    func messages(_ check: String) -> [String] {
        let pack = rulePack(check: check, params: "big: 9223372036854775807, zero: 0")
        let lint = Lint.run([.init(path: "t.yaml", bytes: Array(pack.utf8))], unreadable: DiagnosticList(), asOf: nil, shipped: .replaced)
        return lint.diagnostics.sorted.filter { $0.severity == .error }.map(\.message)
    }

    @Test func divisionByAZeroParameterOrLiteral() {
        #expect(messages("premises.reception_area_m2 / params.zero > 1") == ["'/' divides by zero here: the divisor is always 0"])
        #expect(messages("premises.reception_area_m2 / 0 > 1") == ["'/' divides by zero here: the divisor is always 0"])
        #expect(messages("premises.reception_area_m2 / 2 > 1").isEmpty)
    }

    @Test func knownValuesThatAlwaysOverflow() {
        #expect(messages("params.big * 2 > 0") == ["'*' always fails here: integer overflow"])
        #expect(messages("params.big + 1 > 0") == ["'+' always fails here: integer overflow"])
        #expect(messages("params.big - 1 > 0").isEmpty)
    }
}
