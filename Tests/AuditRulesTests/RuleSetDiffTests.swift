import AuditCore
import AuditRules
import AuditTestSupport
import AuditYAML
import Testing

/// A rule of a pack written inline: `extra` lines (YAML, indented as rule keys) are appended
/// to a minimal rule.
private func rule(_ id: String, severity: String = "minor", check: String = "premises.clean", quote: String = "q",
                  _ extra: String = "") -> String {
    """
      - id: \(id)
        title: {zh: 标题 \(id), en: title \(id)}
        section: build
        severity: \(severity)
        cite: {source: X, document: D, clause: "1", quote: "\(quote)"}
        check: '\(check)'
        message: {zh: m, en: m}
        examples: {pass: [{premises: {clean: true}}], fail: [{premises: {clean: false}}]}
    \(extra)
    """
}

private func pack(_ name: String, version: String = "1", _ rules: [String]) -> RuleSet.SourceFile {
    let text = "pack: \(name)\nversion: \"\(version)\"\nrules:\n" + rules.joined(separator: "\n") + "\n"
    return RuleSet.SourceFile(path: "\(name).yaml", bytes: Array(text.utf8))
}

private func ruleSet(_ files: [RuleSet.SourceFile]) throws -> RuleSet {
    try RuleSet.load(files)
}

@Suite struct RuleSetDiffTests {
    @Test func identicalSetsHaveNoDifferences() throws {
        let files = [pack("a", [rule("A-1"), rule("A-2")])]
        let diff = RuleSetDiff(old: try ruleSet(files), new: try ruleSet(files))
        #expect(diff.isEmpty)
        #expect(diff.unchanged == 2)
    }

    @Test func addedRemovedAndChangedRulesAreSortedById() throws {
        let old = try ruleSet([pack("a", [rule("A-3"), rule("A-1"), rule("A-2")])])
        let new = try ruleSet([pack("a", [rule("A-4"), rule("A-2", severity: "major"), rule("A-0"), rule("A-3")])])
        let diff = RuleSetDiff(old: old, new: new)
        #expect(diff.added.map(\.id) == ["A-0", "A-4"])
        #expect(diff.removed.map(\.id) == ["A-1"])
        #expect(diff.changed.map(\.id) == ["A-2"])
        #expect(diff.unchanged == 1)
        #expect(diff.added.first?.pack == "a" && diff.added.first?.packVersion == "1")
    }

    @Test func severityChangeAlsoMovesTheEffectivePoints() throws {
        let old = try ruleSet([pack("a", [rule("A-1", severity: "minor"), rule("A-2", severity: "minor", "    points: 5")])])
        let new = try ruleSet([pack("a", [rule("A-1", severity: "major"), rule("A-2", severity: "major", "    points: 5")])])
        let changes = Dictionary(uniqueKeysWithValues: RuleSetDiff(old: old, new: new).changed.map { ($0.id, $0.changes) })
        #expect(changes["A-1"] == [
            .init(field: "severity", old: .token("minor"), new: .token("major")),
            .init(field: "points", old: .token("2"), new: .token("5")),
        ])
        // Written points do not move with the severity.
        #expect(changes["A-2"] == [.init(field: "severity", old: .token("minor"), new: .token("major"))])
    }

    @Test func expressionsAndCitationAreComparedAsText() throws {
        let old = try ruleSet([pack("a", [rule("A-1", quote: "旧", "    applies: outlet.type == \"service_center\"")])])
        let new = try ruleSet([pack("a", [rule("A-1", check: "premises.clean == true", quote: "新",
                                               "    evidence: premises.clean\n    let: {c: premises.clean}")])])
        let fields = RuleSetDiff(old: old, new: new).changed.first?.changes ?? []
        #expect(fields.map(\.field) == ["cite.quote", "applies", "let", "check", "evidence"])
        #expect(fields.first { $0.field == "applies" } == .init(field: "applies", old: .text("outlet.type == \"service_center\""), new: nil))
        #expect(fields.first { $0.field == "check" }?.new == .text("premises.clean == true"))
        #expect(fields.first { $0.field == "let" }?.new == .text("{c: premises.clean}"))
        #expect(fields.first { $0.field == "evidence" }?.old == nil)
    }

    @Test func parametersAddedRemovedChangedAndFixed() throws {
        let old = try ruleSet([pack("a", [rule("A-1", quote: "2日内", "    params: {keep: 1, gone: [a, b], days: 2}")])])
        let new = try ruleSet([pack("a", [rule("A-1", quote: "2日内", "    params: {keep: 3, days: {value: 2, fixed: true}, fresh: x}")])])
        let fields = RuleSetDiff(old: old, new: new).changed.first?.changes ?? []
        #expect(fields == [
            .init(field: "params.days.fixed", old: .token("false"), new: .token("true")),
            .init(field: "params.fresh", old: nil, new: .token("x")),
            .init(field: "params.gone", old: .token("[a, b]"), new: nil),
            .init(field: "params.keep", old: .token("1"), new: .token("3")),
        ])
    }

    @Test func packsAddedRemovedAndReversioned() throws {
        let old = try ruleSet([pack("a", [rule("A-1")]), pack("b", [rule("B-1")])])
        let new = try ruleSet([pack("a", version: "2", [rule("A-1")]), pack("c", [rule("B-1")])])
        let diff = RuleSetDiff(old: old, new: new)
        #expect(diff.packs == [
            .init(kind: .version, name: "a", oldVersion: "1", newVersion: "2"),
            .init(kind: .removed, name: "b", oldVersion: "1", newVersion: nil),
            .init(kind: .added, name: "c", oldVersion: nil, newVersion: "1"),
        ])
        // A rule moved to another pack is changed, not removed and added.
        #expect(diff.changed.map(\.id) == ["B-1"])
        #expect(diff.changed.first?.changes == [.init(field: "pack", old: .token("b"), new: .token("c"))])
        #expect(diff.added.isEmpty && diff.removed.isEmpty)
    }

    @Test func reportSchemaFieldsAddedAndRemoved() throws {
        let shipped = try String(contentsOfFile: repositoryRoot + "/rules/report-schema.yaml", encoding: .utf8)
        let edited = shipped.replacingOccurrences(of: "  outlet_type:\n", with: "  outlet_type:\n    kiosk: {zh: 自助服务点, en: kiosk}\n")
        #expect(edited != shipped)
        let packs = [pack("a", [rule("A-1")])]
        let old = try ruleSet(packs)
        let new = try ruleSet(packs + [RuleSet.SourceFile(path: "report-schema.yaml", bytes: Array(edited.utf8))])
        #expect(RuleSetDiff(old: old, new: new).schema == [.init(kind: .added, path: "enum outlet_type.kiosk")])
        #expect(RuleSetDiff(old: new, new: old).schema == [.init(kind: .removed, path: "enum outlet_type.kiosk")])
    }
}

@Suite struct ProfileDiffTests {
    static func profile(_ text: String, path: String = "p.yaml") -> RuleSet.SourceFile {
        RuleSet.SourceFile(path: path, bytes: Array(text.utf8))
    }

    /// A rules pull request that adds or edits a profile shows what it sets, disables and
    /// re-rates, and for whom.
    @Test func profilesAreComparedByWhatTheyDo() throws {
        let base = [pack("p", [rule("T-1", "    params: {limit: 3}"), rule("T-2")])]
        let before = try ruleSet(base + [Self.profile("profile: hlj\nmatch: {branch: 黑龙江分公司}\nparams: {T-1.limit: 2}\n")])
        let after = try ruleSet(base + [Self.profile("""
            profile: hlj
            match: {branch: [黑龙江分公司, 吉林分公司]}
            params: {limit: 4}
            disable: [{rule: T-2, reason: 试行}]
            """), Self.profile("profile: new\nrerate: [{rule: T-1, severity: major, reason: 整治}]\n", path: "q.yaml")])
        let diff = RuleSetDiff(old: before, new: after)
        #expect(diff.added.isEmpty && diff.removed.isEmpty && diff.changed.isEmpty)
        #expect(diff.profiles.map { "\($0.kind.rawValue) \($0.name)" } == ["changed hlj", "added new"])
        let hlj = try #require(diff.profiles.first)
        #expect(hlj.changes.map(\.field) == ["disable.T-2", "match.branch", "params.T-1.limit"])
        #expect(hlj.changes.first { $0.field == "params.T-1.limit" }.map { "\($0.old?.string ?? "-") → \($0.new?.string ?? "-")" } == "2 → 4")
        #expect(diff.profiles.last?.changes.map(\.field) == ["rerate.T-1"])
        #expect(!diff.isEmpty)
        #expect(RuleSetDiff(old: after, new: after).profiles.isEmpty)
    }
}
