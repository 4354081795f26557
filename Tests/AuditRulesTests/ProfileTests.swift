import AuditCore
import AuditReport
@testable import AuditRules
import AuditTestSupport
import AuditYAML
import Testing

/// The shipped rules with `profiles` (YAML texts) added, as `--profile` gives them.
func withProfiles(_ profiles: [String]) throws(DiagnosticList) -> RuleSet {
    let files = profiles.enumerated().map { RuleSet.SourceFile(path: "p\($0.offset).yaml", bytes: Array($0.element.utf8)) }
    return try RuleSet.load(files, shipped: .added)
}

@Suite struct GlobTests {
    @Test func starMatchesAnyRunIncludingNone() {
        #expect(Glob.matches("HLJ-*", "HLJ-HRB-DL-001"))
        #expect(Glob.matches("HLJ-*", "HLJ-"))
        #expect(!Glob.matches("HLJ-*", "JL-HLJ-001"))
        #expect(!Glob.matches("HLJ-*", "HLJ"))
        #expect(Glob.matches("*-001", "HLJ-HRB-DL-001"))
        #expect(Glob.matches("HLJ-*-001", "HLJ-HRB-DL-001"))
        #expect(!Glob.matches("HLJ-*-002", "HLJ-HRB-DL-001"))
        #expect(Glob.matches("*", ""))
        #expect(Glob.matches("**", "x"))
    }

    @Test func manyStarsAgainstALongIdAreFast() {
        // Backtracking to the last star took 13.5 s on this; splitting on `*` is linear.
        let id = String(repeating: "a", count: 100_000)
        let pattern = String(repeating: "*a", count: 200) + "*b"
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            #expect(!Glob.matches(pattern, id))
            #expect(Glob.matches(String(repeating: "*a", count: 200) + "*", id))
            #expect(!Glob.matches("*" + String(repeating: "a", count: 1000) + "b*", id))
        }
        #expect(elapsed < .seconds(2))
    }

    @Test func partsMatchInOrderAndAnchored() {
        #expect(Glob.matches("a*b*c", "aXbYc"))
        #expect(!Glob.matches("a*b*c", "aXcYb"))
        #expect(Glob.matches("a*?b", "aXb"))
        #expect(!Glob.matches("a*a", "a"))
        #expect(Glob.matches("*ab*ab", "abab"))
        #expect(Glob.matches("*aab", "aaab"))
        #expect(Glob.matches("*a?c*", "xxabdabcq"))
        #expect(Glob.matches("HLJ", "HLJ"))
        #expect(!Glob.matches("HLJ", "HLJX"))
    }

    @Test func questionMarkMatchesExactlyOneCharacter() {
        #expect(Glob.matches("HLJ-???", "HLJ-001"))
        #expect(!Glob.matches("HLJ-???", "HLJ-01"))
        #expect(!Glob.matches("HLJ-???", "HLJ-0001"))
        #expect(Glob.matches("哈?", "哈尔"), "a character, not a byte")
        #expect(!Glob.matches("?", ""))
    }

    @Test func withoutWildcardsTheWholeTextMustBeEqual() {
        #expect(Glob.matches("HLJ-001", "HLJ-001"))
        #expect(!Glob.matches("HLJ-001", "HLJ-0011"))
        #expect(!Glob.matches("HLJ-001", "XHLJ-001"))
        #expect(!Glob.matches("hlj-001", "HLJ-001"))
    }

    @Test func anEmptyPatternMatchesOnlyTheEmptyText() {
        #expect(Glob.matches("", ""))
        #expect(!Glob.matches("", "HLJ-001"))
        #expect(!Glob.matches("HLJ-*", ""))
    }
}

@Suite struct ProfileMatchTests {
    /// A minimal report of `branch`, `type`, outlet `id`, and a `sub_branch` if given.
    func outlet(branch: String = "黑龙江分公司", sub: String? = nil, type: String = "service_center", id: String = "HLJ-HRB-001") throws -> InspectionReport {
        var text = minimalReport()
            .replacingOccurrences(of: "branch: 黑龙江分公司", with: "branch: \(branch)" + (sub.map { "\n  sub_branch: \($0)" } ?? ""))
            .replacingOccurrences(of: "type: service_center", with: "type: \(type)")
            .replacingOccurrences(of: "id: O1", with: "id: \(id)")
        if type != "service_center" { text = text.replacingOccurrences(of: "客户服务中心", with: "客户服务大厅") }
        return try report(text)
    }

    @Test func theReportsAreWhatTheTestsSay() throws {
        let r = try outlet(branch: "吉林分公司", sub: "长春中心支公司", type: "service_hall", id: "JL-1")
        #expect(r.value(at: "outlet.branch").map { "\($0.value)" }?.contains("吉林分公司") == true)
        #expect(r.value(at: "outlet.sub_branch") != nil)
        #expect(r.value(at: "outlet.type").map { "\($0.value)" }?.contains("service_hall") == true)
    }

    @Test func noMatchSelectsEveryOutlet() throws {
        let match = Profile.Match()
        #expect(match.isEverywhere)
        #expect(match.selects(try outlet()))
        #expect(match.selects(try outlet(branch: "吉林分公司", type: "service_hall", id: "X")))
    }

    @Test func eachKeyMustHoldAndAListMeansAnyOf() throws {
        var match = Profile.Match(branch: ["吉林分公司", "黑龙江分公司"])
        #expect(match.selects(try outlet()))
        #expect(match.selects(try outlet(branch: "吉林分公司")))
        #expect(!match.selects(try outlet(branch: "辽宁分公司")))
        match.type = ["service_hall"]
        #expect(!match.selects(try outlet()), "the branch holds, the type does not")
        #expect(match.selects(try outlet(type: "service_hall")))
        match.outlet = ["HLJ-HRB-*"]
        #expect(match.selects(try outlet(type: "service_hall")))
        #expect(!match.selects(try outlet(type: "service_hall", id: "HLJ-MDJ-001")))
    }

    @Test func aFieldTheReportLacksSelectsNothing() throws {
        let match = Profile.Match(subBranch: ["哈尔滨中心支公司"])
        #expect(!match.selects(try outlet()), "no sub_branch in the report")
        #expect(match.selects(try outlet(sub: "哈尔滨中心支公司")))
        #expect(!match.selects(try outlet(sub: "牡丹江中心支公司")))
    }

    @Test func outletIdsMatchAsGlobs() throws {
        let match = Profile.Match(outlet: ["HLJ-???-001", "JL-*"])
        #expect(match.selects(try outlet(id: "HLJ-HRB-001")))
        #expect(!match.selects(try outlet(id: "HLJ-HRBX-001")))
        #expect(match.selects(try outlet(id: "JL-CC-9")))
        #expect(!match.selects(try outlet(id: "XJL-CC-9")))
    }

    @Test func aParsedMatchSelectsLikeOneBuilt() throws {
        let set = try withProfiles(["""
            profile: hrb
            match:
              branch: 黑龙江分公司
              sub_branch: [哈尔滨中心支公司, 大庆中心支公司]
              type: [service_center]
              outlet: ["HLJ-*"]
            disable:
              - {rule: BLD-CLEAN, reason: 试行}
            """])
        let match = try #require(set.profiles.first).match
        #expect(match == Profile.Match(branch: ["黑龙江分公司"], subBranch: ["哈尔滨中心支公司", "大庆中心支公司"], type: ["service_center"], outlet: ["HLJ-*"]))
        #expect(match.selects(try outlet(sub: "大庆中心支公司")))
        #expect(!match.selects(try outlet(sub: "大庆中心支公司", id: "JL-1")))
        #expect(set.configuration(for: try outlet(sub: "哈尔滨中心支公司"), params: [:]).disabled["BLD-CLEAN"] != nil)
        #expect(set.configuration(for: try outlet(branch: "吉林分公司", sub: "哈尔滨中心支公司"), params: [:]).disabled.isEmpty)
    }
}

@Suite struct ProfileParseTests {
    @Test func anEmptyMatchListIsAnError() throws {
        for key in ["branch", "sub_branch", "type", "outlet"] {
            #expect(throws: DiagnosticList.self, "\(key)") { _ = try withProfiles(["profile: p\nmatch:\n  \(key): []\n"]) }
            do { _ = try withProfiles(["profile: p\nmatch:\n  \(key): []\n"]) } catch {
                #expect(error.diagnostics.map(\.wording.code) == ["profile.match-empty"])
                #expect(error.diagnostics.first?.location.line == 3)
            }
        }
        // A text or a list of one is a match; no key at all is everywhere.
        #expect(try withProfiles(["profile: p\nmatch:\n  branch: [黑龙江分公司]\n"]).profiles.first?.match.branch == ["黑龙江分公司"])
        #expect(try withProfiles(["profile: p\nmatch: {}\n"]).profiles.first?.match.isEverywhere == true)
    }
}

@Suite struct ProfileContradictionTests {
    /// The codes and lines of the problems of one profile.
    func problems(_ text: String) -> [String] {
        do {
            _ = try withProfiles([text])
            return []
        } catch {
            return error.diagnostics.map { "\($0.wording.code)@\($0.location.line ?? 0)" }
        }
    }

    @Test func aParameterSetTwiceInOneProfileIsAnError() {
        // The bare and the qualified name are the same parameter.
        #expect(problems("profile: p\nparams:\n  ETQ-PHONE-RINGS.max_rings: 2\n  max_rings: 9\n") == ["profile.twice@4"])
    }

    @Test func aRuleChangedTwiceInOneProfileIsAnError() {
        #expect(problems("profile: p\ndisable:\n  - {rule: ETQ-UNIFORM, reason: a}\nrerate:\n  - {rule: ETQ-UNIFORM, severity: major, reason: b}\n")
            == ["profile.twice@5"])
        #expect(problems("profile: p\nrerate:\n  - {rule: ETQ-GREETING, severity: major, reason: a}\n  - {rule: ETQ-GREETING, severity: advisory, reason: b}\n")
            == ["profile.twice@4"])
        #expect(problems("profile: p\ndisable:\n  - {rule: ETQ-UNIFORM, reason: a}\n  - {rule: ETQ-UNIFORM, reason: b}\n") == ["profile.twice@4"])
        // Different rules and parameters are fine.
        #expect(problems("profile: p\nparams:\n  max_rings: 2\ndisable:\n  - {rule: ETQ-UNIFORM, reason: a}\nrerate:\n  - {rule: ETQ-GREETING, severity: major, reason: b}\n")
            == [])
    }
}

@Suite struct ProfileGivenTwiceTests {
    static let text = "profile: hlj\nparams:\n  ETQ-PHONE-RINGS.max_rings: 2\n"

    @Test func aProfileNameGivenTwiceIsAnErrorInLoadingAndLint() {
        // The same file in a --rules folder and with --profile: applied twice, recorded twice.
        let files = [RuleSet.SourceFile(path: "rules/hlj.yaml", bytes: Array(Self.text.utf8)),
                     RuleSet.SourceFile(path: "hlj.yaml", bytes: Array(Self.text.utf8))]
        #expect(throws: DiagnosticList.self) { _ = try RuleSet.load(files, shipped: .added) }
        do { _ = try RuleSet.load(files, shipped: .added) } catch {
            #expect(error.diagnostics.map(\.wording.code) == ["rules.profile-twice"])
            #expect(error.diagnostics.first?.location.file == "hlj.yaml")
            #expect(error.diagnostics.first?.related.first?.location.file == "rules/hlj.yaml")
        }
        let lint = Lint.run(files, unreadable: DiagnosticList(), asOf: nil)
        #expect(lint.diagnostics.diagnostics.map(\.wording.code) == ["rules.profile-twice"])
        // Two profiles of different names are fine.
        let other = RuleSet.SourceFile(path: "jl.yaml", bytes: Array(Self.text.replacingOccurrences(of: "hlj", with: "jl").utf8))
        #expect(throws: Never.self) { _ = try RuleSet.load([files[0], other], shipped: .added) }
    }
}

@Suite struct NoPacksTests {
    @Test func withoutShippedPacksAProfileAloneIsNoRuleSetInLoadingAndLint() {
        let profile = RuleSet.SourceFile(path: "hlj.yaml", bytes: Array("profile: hlj\n".utf8))
        do {
            _ = try RuleSet.load([profile], shipped: .replaced)
            Issue.record("loaded a rule set without packs")
        } catch {
            #expect(error.diagnostics.map(\.wording.code) == ["rules.no-packs"])
            // At the file given, not at the shipped calendar the user never named.
            #expect(error.diagnostics.first?.location.file == "hlj.yaml")
        }
        let lint = Lint.run([profile], unreadable: DiagnosticList(), asOf: nil, shipped: .replaced)
        #expect(lint.diagnostics.diagnostics.map(\.wording.code) == ["rules.no-packs"])
        #expect(lint.diagnostics.diagnostics.first?.location.file == "hlj.yaml")
    }
}

@Suite struct ProfileConfigurationTests {
    @Test func theLaterProfileWinsAndTheOverrideIsAWarning() throws {
        let set = try withProfiles([
            "profile: first\nparams:\n  ETQ-PHONE-RINGS.max_rings: 1\nrerate:\n  - {rule: BLD-CLEAN, severity: major, reason: 一}\n",
            "profile: second\nparams:\n  max_rings: 5\nrerate:\n  - {rule: BLD-CLEAN, points: 6, reason: 二}\n",
        ])
        let configuration = RuleConfiguration(profiles: set.profiles, params: [:])
        let setting = try #require(configuration.values["ETQ-PHONE-RINGS"]?["max_rings"])
        #expect(ParameterValue.same(setting.value, .int(5)) && setting.source == "second")
        #expect(configuration.rerated["BLD-CLEAN"]?.profile == "second")
        let conflicts = configuration.conflicts
        #expect(conflicts.count == 2)
        #expect(conflicts.allSatisfy { $0.severity == .warning && $0.wording.code == "profile.conflict" })
        #expect(conflicts.first?.location.file == "p1.yaml" && conflicts.first?.related.first?.location.file == "p0.yaml")
        #expect(conflicts.contains { $0.message.contains("ETQ-PHONE-RINGS.max_rings") })

        // The same value twice is no conflict; the command line wins over every profile.
        let same = try withProfiles([
            "profile: first\nparams:\n  max_rings: 2\n", "profile: second\nparams:\n  ETQ-PHONE-RINGS.max_rings: 2\n",
        ])
        #expect(RuleConfiguration(profiles: same.profiles, params: [:]).conflicts.isEmpty)
        let sameRerate = try withProfiles([
            "profile: first\nrerate:\n  - {rule: BLD-CLEAN, severity: major, reason: 一}\n",
            "profile: second\nrerate:\n  - {rule: BLD-CLEAN, severity: major, reason: 二}\n",
        ])
        #expect(RuleConfiguration(profiles: sameRerate.profiles, params: [:]).conflicts.isEmpty, "the same change overrides nothing")
        let cli = RuleConfiguration(profiles: set.profiles, params: ["ETQ-PHONE-RINGS.max_rings": .int(4)])
        #expect(cli.values["ETQ-PHONE-RINGS"]?["max_rings"]?.source == "--param")
    }

    @Test func aLaterProfileWinsBetweenDisableAndRerate() throws {
        let disable = "profile: off\ndisable:\n  - {rule: ETQ-UNIFORM, reason: 暂停}\n"
        let rerate = "profile: up\nrerate:\n  - {rule: ETQ-UNIFORM, severity: major, reason: 重点}\n"
        // Disabled, then re-rated by a later profile: the rule is back, re-rated, with a warning.
        let back = try withProfiles([disable, rerate])
        let later = RuleConfiguration(profiles: back.profiles, params: [:])
        #expect(later.disabled["ETQ-UNIFORM"] == nil)
        #expect(later.rerated["ETQ-UNIFORM"]?.profile == "up")
        #expect(later.conflicts.map(\.wording.code) == ["profile.conflict"])
        #expect(later.conflicts.first?.location.file == "p1.yaml" && later.conflicts.first?.related.first?.location.file == "p0.yaml")
        #expect(try back.compile(later).first { $0.id == "ETQ-UNIFORM" }?.definition.severity == .major)
        // Re-rated, then disabled by a later profile: disabled, with a warning.
        let off = try withProfiles([rerate, disable])
        let disabled = RuleConfiguration(profiles: off.profiles, params: [:])
        #expect(disabled.disabled["ETQ-UNIFORM"]?.profile == "off")
        #expect(disabled.rerated["ETQ-UNIFORM"] == nil)
        #expect(disabled.conflicts.map(\.wording.code) == ["profile.conflict"])
        #expect(try off.compile(disabled).contains { $0.id == "ETQ-UNIFORM" } == false)
    }

    @Test func profilesNeverLowerACriticalRule() throws {
        let critical = try #require(shippedRules.definitions.first { $0.severity == .critical })
        for clause in [
            "disable:\n  - {rule: \(critical.id), reason: x}",
            "rerate:\n  - {rule: \(critical.id), severity: major, reason: x}",
            "rerate:\n  - {rule: \(critical.id), points: \(Int(critical.effectivePoints) - 1), reason: x}",
        ] {
            #expect(throws: DiagnosticList.self, "\(clause)") { _ = try withProfiles(["profile: lax\n\(clause)\n"]) }
            do { _ = try withProfiles(["profile: lax\n\(clause)\n"]) } catch {
                #expect(error.diagnostics.map(\.wording.code) == ["profile.critical"], "\(clause)")
                #expect(error.diagnostics.first?.location.line == 3)
            }
        }
        // Raising one is allowed.
        _ = try withProfiles(["profile: strict\nrerate:\n  - {rule: \(critical.id), points: \(Int(critical.effectivePoints) + 5), reason: x}\n"])
    }
}
