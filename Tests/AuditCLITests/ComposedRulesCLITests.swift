import AuditTestSupport
import Foundation
import Testing

// Composed rule sets end to end: an add-on folder given alone with `--rules` (the shipped
// rules stay), profiles (`--profile`), `--param`, `--no-shipped-rules` and `--require-digest`.

/// `file:line:col` of the first line of `text` containing `marker`, the column that of `at`
/// in that line (default: the line's first non-blank character).
func position(of marker: String, at: String? = nil, in text: String, file: String) -> String? {
    let lines = text.components(separatedBy: "\n")
    guard let index = lines.firstIndex(where: { $0.contains(marker) }) else { return nil }
    let line = lines[index]
    let column: Int
    if let at {
        guard let range = line.range(of: at) else { return nil }
        column = line.distance(from: line.startIndex, to: range.lowerBound) + 1
    } else {
        column = line.prefix { $0 == " " }.count + 1
    }
    return "\(file):\(index + 1):\(column)"
}

/// The `pack:` names of the shipped rule files (rules/*.yaml).
func shippedPackNames() throws -> Set<String> {
    var names: Set<String> = []
    for name in try FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/rules") where name.hasSuffix(".yaml") {
        let text = try String(contentsOfFile: repositoryRoot + "/rules/" + name, encoding: .utf8)
        if let line = text.components(separatedBy: "\n").first(where: { $0.hasPrefix("pack: ") }) {
            names.insert(String(line.dropFirst("pack: ".count)))
        }
    }
    return names
}

/// The rule ids the shipped rule files define (`  - id: X`).
func shippedRuleIds() throws -> Set<String> {
    var ids: Set<String> = []
    for name in try FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/rules") where name.hasSuffix(".yaml") {
        let text = try String(contentsOfFile: repositoryRoot + "/rules/" + name, encoding: .utf8)
        for line in text.components(separatedBy: "\n") where line.hasPrefix("  - id: ") {
            ids.insert(String(line.dropFirst("  - id: ".count)))
        }
    }
    return ids
}

func rulesBlock(_ object: [String: Any]) -> [String: Any] { object["rules"] as? [String: Any] ?? [:] }
func names(_ list: Any?) -> [String] { (list as? [[String: Any]] ?? []).compactMap { $0["name"] as? String } }
func findings(_ object: [String: Any]) -> [[String: Any]] { object["findings"] as? [[String: Any]] ?? [] }
func statuses(of rule: String, in object: [String: Any]) -> [String] {
    findings(object).filter { $0["rule"] as? String == rule }.compactMap { $0["status"] as? String }
}

@Suite struct HotlineAddOnCLITests {
    static let addOn = "fixtures/extensions/hotline"
    static let report = "fixtures/extensions/reports/counter-hotline.yaml"

    @Test func lintTheAddOnAlone() throws {
        let run = try audit(["lint", Self.addOn])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains(" 0 errors"), "\(run.stdout)")
    }

    @Test func testTheAddOnWithTheShippedRulesAndItsFixture() throws {
        let run = try audit(["test", Self.addOn, "fixtures/extensions/reports"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        let shippedOnly = try audit(["test"])
        #expect(shippedOnly.status == 0)
        let junit = try audit(["test", Self.addOn, "fixtures/extensions/reports", "--format", "junit"])
        #expect(junit.status == 0)
        // The add-on's examples run, beside every shipped rule's.
        let hotlineCases = junit.stdout.components(separatedBy: "\n").filter { $0.contains("<testcase classname=\"BLD-COUNTER-HOTLINE\"") }
        #expect(hotlineCases.count == 2, "one pass and one fail example: \(junit.stdout.suffix(800))")
        #expect(junit.stdout.contains("counter-hotline.expect.yaml"))
        for pack in try shippedPackNames() {
            #expect(junit.stdout.contains("<testsuite name=\"rules/\(pack).yaml\""), "the shipped pack \(pack) is tested too")
        }
        // N passed = the shipped rules' examples + the add-on's + one fixture.
        func passed(_ text: String) -> Int? {
            guard let last = text.split(separator: "\n").last, last.hasSuffix(" passed, 0 failed") else { return nil }
            return Int(last.split(separator: " ")[0])
        }
        let shippedCount = try #require(passed(shippedOnly.stdout))
        #expect(passed(run.stdout) == shippedCount + hotlineCases.count + 1, "\(run.stdout)")
    }

    @Test func auditWithTheAddOnKeepsTheShippedRules() throws {
        let run = try audit([Self.report, "--rules", Self.addOn, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let object = try jsonObject(run.stdout)
        #expect(statuses(of: "BLD-COUNTER-HOTLINE", in: object) == ["fail"])
        let shippedIds = try shippedRuleIds()
        let others = Set(findings(object).compactMap { $0["rule"] as? String }).subtracting(["BLD-COUNTER-HOTLINE"])
        #expect(!others.isEmpty && others.isSubset(of: shippedIds), "the shipped rules' findings: \(others.subtracting(shippedIds))")
        for prefix in ["BLD-", "ETQ-", "TML-"] {
            #expect(others.contains { $0.hasPrefix(prefix) }, "findings of the shipped \(prefix) rules")
        }
        let rules = rulesBlock(object)
        #expect(Set(names(rules["packs"])) == (try shippedPackNames()).union(["hotline"]))
        let extensions = rules["extensions"] as? [[String: Any]] ?? []
        #expect(extensions.map { $0["file"] as? String } == [Self.addOn + "/schema-extension.yaml"])
        #expect(names(extensions) == ["hotline/1"])
        let packs = rules["packs"] as? [[String: Any]] ?? []
        #expect(packs.filter { $0["shipped"] as? Bool == false }.compactMap { $0["file"] as? String } == [Self.addOn + "/hotline.yaml"])
    }

    @Test func theTemplateListsTheExtensionFieldWithoutTheShippedFolder() throws {
        let run = try audit(["template", "--type", "service_hall", "--rules", Self.addOn])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\n  counter_hotline:  #"), "\(run.stdout)")
    }

    @Test func aCopiedShippedRuleIdIsRefusedAtBothPlaces() throws {
        let dir = try temporaryFolder("shipped-id")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let shipped = try String(contentsOfFile: repositoryRoot + "/rules/build.yaml", encoding: .utf8)
        let copied = "BLD-CLEAN"
        let shippedAt = try #require(position(of: "  - id: \(copied)", at: "id:", in: shipped, file: "rules/build.yaml"))
        for name in ["schema-extension.yaml", "hotline.yaml"] {
            try FileManager.default.copyItem(atPath: repositoryRoot + "/" + Self.addOn + "/" + name, toPath: dir + "/" + name)
        }
        let pack = try String(contentsOfFile: dir + "/hotline.yaml", encoding: .utf8)
            .replacingOccurrences(of: "id: BLD-COUNTER-HOTLINE", with: "id: \(copied)")
        try pack.write(toFile: dir + "/hotline.yaml", atomically: true, encoding: .utf8)
        let addOnAt = try #require(position(of: "- id: \(copied)", at: "id:", in: pack, file: dir + "/hotline.yaml"))

        let run = try audit(["fixtures/example-report.yaml", "--rules", dir])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(addOnAt): error: rule id '\(copied)' is already a shipped rule"), "\(run.stderr)")
        #expect(run.stderr.contains("\(shippedAt): note: first defined here"), "\(run.stderr)")
    }
}

@Suite(.serialized) struct ProfileCLITests {
    static let profile = "fixtures/profiles/heilongjiang.yaml"
    /// What the profile sets, as written in it (checked below).
    static let param = (rule: "BLD-AREA-CENTER", name: "min_area_center_m2", value: 70)
    static let disabledRule = "BLD-POSTINGS"
    static let province = "黑龙江分公司"

    /// A folder with a report of the province and one of another branch.
    func corpus(_ label: String) throws -> (dir: String, province: String, other: String) {
        let dir = try temporaryFolder("profile-\(label)")
        try FileManager.default.createDirectory(atPath: dir + "/in", withIntermediateDirectories: true)
        let province = "fixtures/example-report.yaml", other = "fixtures/reports/standard-center.yaml"
        for path in [province, other] {
            try FileManager.default.copyItem(atPath: repositoryRoot + "/" + path, toPath: dir + "/in/" + (path as NSString).lastPathComponent)
        }
        let text = try String(contentsOfFile: repositoryRoot + "/" + province, encoding: .utf8)
        let otherText = try String(contentsOfFile: repositoryRoot + "/" + other, encoding: .utf8)
        #expect(text.contains("branch: \(Self.province)\n") && !otherText.contains(Self.province))
        return (dir, dir + "/in/example-report.yaml", dir + "/in/standard-center.yaml")
    }

    /// results.jsonl by report path.
    func results(_ out: String) throws -> [String: [String: Any]] {
        let text = try String(contentsOfFile: out + "/results.jsonl", encoding: .utf8)
        var byPath: [String: [String: Any]] = [:]
        for line in text.split(separator: "\n") {
            let object = try jsonObject(String(line))
            if let path = (object["report"] as? [String: Any])?["path"] as? String { byPath[path] = object }
        }
        return byPath
    }

    @Test func theFixtureSaysWhatTheTestsExpect() throws {
        let text = try String(contentsOfFile: repositoryRoot + "/" + Self.profile, encoding: .utf8)
        #expect(text.contains("branch: \(Self.province)\n"))
        #expect(text.contains("\(Self.param.rule).\(Self.param.name): \(Self.param.value)\n"))
        #expect(text.contains("{rule: \(Self.disabledRule), reason: "))
        #expect(try audit(["lint", Self.profile]).status == 0)
    }

    @Test func aProvinceProfileChangesOnlyItsOutlets() throws {
        let (dir, province, other) = try corpus("batch")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let plain = try audit(["batch", dir + "/in", "--out", dir + "/plain"])
        let profiled = try audit(["batch", dir + "/in", "--out", dir + "/profiled", "--profile", Self.profile])
        #expect(plain.status == 0 && profiled.status == 0, "\(plain.stderr)\(profiled.stderr)")
        let before = try results(dir + "/plain"), after = try results(dir + "/profiled")
        let hlj = try #require(after[province]), hljBefore = try #require(before[province])
        let rest = try #require(after[other]), restBefore = try #require(before[other])

        let rules = rulesBlock(hlj)
        let profiles = rules["profiles"] as? [[String: Any]] ?? []
        #expect(names(profiles) == ["heilongjiang"])
        #expect(profiles.first?["file"] as? String == Self.profile)
        let params = rules["params"] as? [[String: Any]] ?? []
        #expect(params.count == 1)
        #expect(params.first?["rule"] as? String == Self.param.rule && params.first?["name"] as? String == Self.param.name)
        #expect(params.first?["value"] as? Int == Self.param.value && params.first?["source"] as? String == "heilongjiang")
        #expect(params.first?["default"] as? Int != Self.param.value)
        let disabled = rules["disabled"] as? [[String: Any]] ?? []
        #expect(disabled.map { $0["rule"] as? String } == [Self.disabledRule])
        #expect(disabled.first?["profile"] as? String == "heilongjiang")
        let reason = disabled.first?["reason"] as? String ?? ""
        #expect(!reason.isEmpty)

        // results.jsonl lists no passes: the counts say what is gone. The disabled rule's
        // findings are gone from that report, and only those; the parameter turned its rule's
        // failure into a pass.
        func total(_ object: [String: Any]) -> Int { (object["counts"] as? [String: Int] ?? [:]).values.reduce(0, +) }
        let disabledBefore = statuses(of: Self.disabledRule, in: hljBefore)
        #expect(!disabledBefore.isEmpty && !disabledBefore.contains("pass"), "all listed: \(disabledBefore)")
        #expect(statuses(of: Self.disabledRule, in: hlj).isEmpty)
        #expect(total(hlj) == total(hljBefore) - disabledBefore.count)
        #expect(statuses(of: Self.param.rule, in: hljBefore) == ["fail"])
        #expect(statuses(of: Self.param.rule, in: hlj).isEmpty)
        let single = try jsonObject(audit([province, "--profile", Self.profile, "--show", "passed", "--format", "json"]).stdout)
        #expect(statuses(of: Self.param.rule, in: single) == ["pass"])
        #expect(statuses(of: Self.disabledRule, in: single).isEmpty)

        // The other branch's report: no profile, every rule as shipped, the same result.
        let restRules = rulesBlock(rest)
        #expect(names(restRules["profiles"]).isEmpty)
        #expect((restRules["params"] as? [Any])?.isEmpty == true)
        #expect((restRules["disabled"] as? [Any])?.isEmpty == true)
        #expect(total(rest) == total(restBefore))
        #expect(rest["counts"] as? [String: Int] == restBefore["counts"] as? [String: Int])
        #expect(rest["score"] as? NSDictionary == restBefore["score"] as? NSDictionary)
        #expect(rest["findings"] as? NSArray == restBefore["findings"] as? NSArray)
        let restSingle = try jsonObject(audit([other, "--profile", Self.profile, "--show", "passed", "--format", "json"]).stdout)
        #expect(!statuses(of: Self.disabledRule, in: restSingle).isEmpty, "the rule is still checked there")
        #expect(statuses(of: Self.param.rule, in: restSingle) == statuses(of: Self.param.rule,
                in: try jsonObject(audit([other, "--show", "passed", "--format", "json"]).stdout)))

        // A report's digest covers the profiles applied to it: the province's report has
        // another digest; the other report's is the digest of the rules without the profile.
        // The run's digest (the only profile loaded is the province's) is the province's.
        let withProfile = try #require(rules["digest"] as? String)
        let without = try #require(rulesBlock(hljBefore)["digest"] as? String)
        #expect(withProfile != without)
        #expect(restRules["digest"] as? String == without)

        let refused = try audit(["batch", dir + "/in", "--out", dir + "/refused", "--profile", Self.profile, "--require-digest", without])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("--require-digest") && refused.stderr.contains(withProfile), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/refused/results.jsonl"))
        let pinned = try audit(["batch", dir + "/in", "--out", dir + "/pinned", "--profile", Self.profile, "--require-digest", withProfile])
        #expect(pinned.status == profiled.status, "\(pinned.stderr)")
        #expect(pinned.stdout.split(separator: "\n").first == profiled.stdout.split(separator: "\n").first)
        let unpinned = try audit(["batch", dir + "/in", "--out", dir + "/unpinned", "--require-digest", without])
        #expect(unpinned.status == plain.status, "\(unpinned.stderr)")
    }

    /// The checklist of an outlet of the province leaves out the rule its profile disables;
    /// without the branch, the province's profile does not apply.
    @Test func theTemplateAppliesTheProfilesOfTheBranch() throws {
        func ruleCount(_ extra: [String]) throws -> Int {
            let run = try audit(["template", "--type", "service_center", "--profile", Self.profile] + extra)
            #expect(run.status == 0, "\(run.stderr)")
            let header = try #require(run.stdout.split(separator: "\n").first { $0.contains("rules apply") })
            return try #require(Int(header.split(separator: " ").first { Int($0) != nil } ?? ""))
        }
        let plain = try ruleCount([])
        let province = try ruleCount(["--branch", "黑龙江分公司"])
        let disabled = try String(contentsOfFile: repositoryRoot + "/" + Self.profile, encoding: .utf8).components(separatedBy: "rule: ").count - 1
        #expect(disabled >= 1)
        #expect(province == plain - disabled)
        #expect(try ruleCount(["--branch", "山东分公司"]) == plain)
    }

    /// `audit explain` names the profiles that change the rule, for whom, and how.
    @Test func explainNamesTheProfilesThatChangeTheRule() throws {
        let disabled = try audit(["explain", Self.disabledRule, "--profile", Self.profile])
        #expect(disabled.stdout.contains("profiles (for the outlets they match)\n  heilongjiang (branch 黑龙江分公司): disabled ("), "\(disabled.stdout)")
        let param = try audit(["explain", Self.param.rule, "--profile", Self.profile, "--format", "json"])
        let profiles = try jsonObject(param.stdout)["profiles"] as? [[String: Any]]
        #expect(profiles?.first?["name"] as? String == "heilongjiang")
        #expect((profiles?.first?["changes"] as? [String])?.first?.hasPrefix("\(Self.param.rule).") == true)
        #expect(!(try audit(["explain", Self.disabledRule]).stdout.contains("profiles (")))
    }

    @Test func requireDigestOnASingleReport() throws {
        let without = try rulesBlock(jsonObject(audit(["fixtures/example-report.yaml", "--format", "json"]).stdout))["digest"] as? String
        let with = try rulesBlock(jsonObject(audit(["fixtures/example-report.yaml", "--format", "json", "--profile", Self.profile]).stdout))["digest"] as? String
        let (a, b) = try (#require(without), #require(with))
        #expect(a != b)
        #expect(try audit(["fixtures/example-report.yaml", "--profile", Self.profile, "--require-digest", a]).status == 2)
        #expect(try audit(["fixtures/example-report.yaml", "--profile", Self.profile, "--require-digest", b]).status == 0)
        #expect(try audit(["fixtures/example-report.yaml", "--profile", Self.profile, "--require-digest", b.uppercased()]).status == 0)
    }

    /// Writes `text` as a profile in a fresh folder and runs the example report with it.
    func refuse(_ label: String, _ text: String, extra: [String] = []) throws -> (run: Run, path: String, text: String, dir: String) {
        let dir = try temporaryFolder("refuse-\(label)")
        let path = dir + "/profile.yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (try audit(["fixtures/example-report.yaml", "--profile", path] + extra), path, text, dir)
    }

    /// The profile is refused with an error at `marker` (column of `at`) saying each of `says`;
    /// never worded as if the command line's `--param` were at fault.
    func expectRefusal(_ label: String, _ text: String, marker: String, at: String? = nil, says: [String], extra: [String] = [],
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
        let (run, path, text, dir) = try refuse(label, text, extra: extra)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)", sourceLocation: sourceLocation)
        let location = try #require(position(of: marker, at: at, in: text, file: path), sourceLocation: sourceLocation)
        #expect(run.stderr.contains("\(location): error: "), "expected at \(location):\n\(run.stderr)", sourceLocation: sourceLocation)
        for phrase in says {
            #expect(run.stderr.contains(phrase), "expected '\(phrase)':\n\(run.stderr)", sourceLocation: sourceLocation)
        }
        #expect(run.stdout.isEmpty, sourceLocation: sourceLocation)
        if !extra.contains("--param") {
            #expect(!run.stderr.contains("--param"), "the profile is at fault, not --param:\n\(run.stderr)", sourceLocation: sourceLocation)
        }
    }

    @Test func aProfileMayNotDisableACriticalRule() throws {
        try expectRefusal("critical-disable", """
            profile: lax
            disable:
              - {rule: BLD-PRIVACY, reason: 装修中}
            """, marker: "BLD-PRIVACY", at: "{", says: ["BLD-PRIVACY is critical", "may not disable"])
    }

    @Test func aProfileMayNotRerateACriticalRuleDown() throws {
        try expectRefusal("critical-rerate", """
            profile: lax
            rerate:
              - {rule: TML-COMPLAINT-15D, severity: minor, reason: 试行}
            """, marker: "TML-COMPLAINT-15D", at: "{", says: ["TML-COMPLAINT-15D is critical"])
        try expectRefusal("critical-points", """
            profile: lax
            rerate:
              - {rule: TML-COMPLAINT-15D, points: 1, reason: 试行}
            """, marker: "TML-COMPLAINT-15D", at: "{", says: ["TML-COMPLAINT-15D is critical"])
    }

    @Test func aProfileMayNotSetAFixedParameter() throws {
        try expectRefusal("fixed", """
            profile: lax
            params:
              TML-LAW23-DECIDE-30D.decide_days: 45
            """, marker: "decide_days", at: "TML-", says: ["TML-LAW23-DECIDE-30D.decide_days", "fixed at 30"])
        try expectRefusal("fixed-bare", """
            profile: lax
            params:
              decide_days: 45
            """, marker: "decide_days", at: "decide_days", says: ["TML-LAW23-DECIDE-30D.decide_days", "fixed at 30"])
    }

    @Test func aValueOfTheWrongTypeIsRefused() throws {
        try expectRefusal("wrong-type", """
            profile: lax
            params:
              ETQ-PHONE-RINGS.max_rings: many
            """, marker: "max_rings", at: "ETQ-", says: ["ETQ-PHONE-RINGS.max_rings must be int, got 'many'"])
    }

    @Test func anUnknownRuleGetsAHint() throws {
        try expectRefusal("unknown-rule", """
            profile: lax
            disable:
              - {rule: BLD-CLEEN, reason: 试行}
            """, marker: "BLD-CLEEN", at: "{", says: ["unknown rule 'BLD-CLEEN'", "did you mean 'BLD-CLEAN'"])
        try expectRefusal("unknown-param", """
            profile: lax
            params:
              ETQ-PHONE-RINGS.max_ring: 2
            """, marker: "max_ring", at: "ETQ-", says: ["ETQ-PHONE-RINGS.max_ring", "max_rings"])
    }

    @Test func aReasonMustSayWhy() throws {
        try expectRefusal("blank-reason", """
            profile: lax
            disable:
              - {rule: BLD-CLEAN, reason: "   "}
            """, marker: "BLD-CLEAN", at: "\"   \"", says: ["reason must say why"])
        try expectRefusal("no-reason", """
            profile: lax
            rerate:
              - {rule: BLD-CLEAN, severity: major}
            """, marker: "BLD-CLEAN", at: "{", says: ["reason"])
    }

    @Test func anUnknownOutletTypeIsRefused() throws {
        try expectRefusal("type", """
            profile: lax
            match:
              type: [service_center, servce_hall]
            disable:
              - {rule: BLD-CLEAN, reason: 试行}
            """, marker: "servce_hall", at: "servce_hall", says: ["unknown outlet type 'servce_hall'", "did you mean 'service_hall'"])
    }

    @Test func anEmptyMatchListIsRefusedNotAppliedEverywhere() throws {
        try expectRefusal("empty-match", """
            profile: nowhere
            match:
              branch: 黑龙江分公司
              outlet: []
            disable:
              - {rule: BLD-CLEAN, reason: 试行}
            """, marker: "outlet: []", at: "[]", says: ["match.outlet: an empty list selects no outlet"])
    }

    /// Two add-on rules that declare the same parameter name.
    func twins(in dir: String) throws -> String {
        let rules = dir + "/twins"
        try FileManager.default.createDirectory(atPath: rules, withIntermediateDirectories: true)
        var text = "pack: twins\nversion: \"1\"\ndefaults:\n  section: build\nrules:\n"
        for (id, limit) in [("X-TWIN-A", 60), ("X-TWIN-B", 90)] {
            text += """
                  - id: \(id)
                    title: {zh: 面积, en: area}
                    severity: minor
                    cite: {source: X, document: X, clause: "1", quote: q}
                    applies: outlet.type == "service_center"
                    check: premises.reception_area_m2 >= params.limit
                    params:
                      limit: \(limit)
                    message: {zh: 面积不足, en: area too small}
                    examples:
                      pass:
                        - {outlet: {type: service_center}, premises: {reception_area_m2: 200}}
                      fail:
                        - {outlet: {type: service_center}, premises: {reception_area_m2: 10}}

                """
        }
        try text.write(toFile: rules + "/twins.yaml", atomically: true, encoding: .utf8)
        #expect(try audit(["lint", rules]).status == 0)
        return rules
    }

    @Test func aBareParameterTwoRulesDeclareIsAmbiguous() throws {
        let dir = try temporaryFolder("ambiguous")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let rules = try twins(in: dir)
        try expectRefusal("ambiguous", """
            profile: lax
            params:
              limit: 70
            """, marker: "limit", at: "limit", says: ["X-TWIN-A.limit", "X-TWIN-B.limit"], extra: ["--rules", rules])

        let bare = try audit(["fixtures/example-report.yaml", "--rules", rules, "--param", "limit=70"])
        #expect(bare.status == 64)
        #expect(bare.stderr.contains("X-TWIN-A.limit") && bare.stderr.contains("X-TWIN-B.limit"), "\(bare.stderr)")
        let named = try audit(["fixtures/example-report.yaml", "--rules", rules, "--param", "X-TWIN-B.limit=70", "--format", "json"])
        #expect(named.status == 0, "\(named.stderr)")
        let params = rulesBlock(try jsonObject(named.stdout))["params"] as? [[String: Any]] ?? []
        #expect(params.map { "\($0["rule"] ?? "").\($0["name"] ?? "")=\($0["value"] ?? "")/\($0["source"] ?? "")" } == ["X-TWIN-B.limit=70/--param"])
    }

    @Test func aParamForARuleThatLacksItIsAUsageError() throws {
        let run = try audit(["fixtures/example-report.yaml", "--param", "BLD-CLEAN.max_rings=2"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("unknown parameter 'BLD-CLEAN.max_rings'"), "\(run.stderr)")
        let elsewhere = try audit(["fixtures/example-report.yaml", "--param", "ETQ-PHONE-RINGS.max_ring=2"])
        #expect(elsewhere.status == 64)
        #expect(elsewhere.stderr.contains("max_rings"), "a hint: \(elsewhere.stderr)")
    }
}

@Suite struct ShippedRulesCLITests {
    /// `audit` under timeout(1), 30 s.
    func timed(_ arguments: [String]) throws -> Run { try audit(arguments, timeout: 30) }

    func digestAndPacks(_ arguments: [String], report: String = "fixtures/example-report.yaml") throws -> (digest: String, packs: [String], rules: Set<String>) {
        let run = try audit([report, "--format", "json"] + arguments)
        #expect(run.status == 0, "\(run.stderr)")
        let object = try jsonObject(run.stdout)
        let rules = rulesBlock(object)
        return (rules["digest"] as? String ?? "", names(rules["packs"]), Set(findings(object).compactMap { $0["rule"] as? String }))
    }

    @Test func noShippedRulesLoadsOnlyTheGivenPack() throws {
        let (_, packs, rules) = try digestAndPacks(["--no-shipped-rules", "--rules", "fixtures/extensions/hotline"],
                                                   report: "fixtures/extensions/reports/counter-hotline.yaml")
        #expect(packs == ["hotline"])
        #expect(rules == ["BLD-COUNTER-HOTLINE"])
    }

    @Test func theShippedFileGivenAgainIsTheSameRuleSet() throws {
        let shipped = try digestAndPacks([])
        let given = try digestAndPacks(["--rules", "rules/etiquette.yaml"])
        #expect(given.digest == shipped.digest)
        #expect(Set(given.packs) == Set(shipped.packs) && given.packs.count == shipped.packs.count)
        #expect(given.rules == shipped.rules)
        let folder = try digestAndPacks(["--rules", "rules"])
        #expect(folder.digest == shipped.digest)
    }

    @Test func aRuleFolderSkipsHiddenNamesAndFollowsALinkedFolderOnce() throws {
        let dir = try temporaryFolder("linked-rules")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir + "/hotline", withIntermediateDirectories: true)
        for name in ["schema-extension.yaml", "hotline.yaml"] {
            try fm.copyItem(atPath: repositoryRoot + "/fixtures/extensions/hotline/" + name, toPath: dir + "/hotline/" + name)
        }
        let rules = dir + "/rules"
        try fm.createDirectory(atPath: rules + "/.git", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: rules + "/sub", withIntermediateDirectories: true)
        // Hidden files and folders would be errors if read.
        try "pack: [broken\n".write(toFile: rules + "/.draft.yaml", atomically: true, encoding: .utf8)
        try "pack: [broken\n".write(toFile: rules + "/.git/x.yaml", atomically: true, encoding: .utf8)
        // The add-on reached through two links (read once, not "given twice"), and a loop.
        try fm.createSymbolicLink(atPath: rules + "/a", withDestinationPath: "../hotline")
        try fm.createSymbolicLink(atPath: rules + "/sub/b", withDestinationPath: "../../hotline")
        try fm.createSymbolicLink(atPath: rules + "/sub/loop", withDestinationPath: "..")

        // Under timeout(1): a link loop must not hang the run (124: timed out).
        let run = try timed(["fixtures/extensions/reports/counter-hotline.yaml", "--rules", rules, "--format", "json"])
        #expect(run.status != 124, "audit did not finish: a link loop?")
        #expect(run.status == 0, "\(run.stderr)")
        let stdout = run.stdout
        let object = try jsonObject(stdout)
        #expect(statuses(of: "BLD-COUNTER-HOTLINE", in: object) == ["fail"])
        let rulesBlock = rulesBlock(object)
        let given = (rulesBlock["packs"] as? [[String: Any]] ?? []).filter { $0["shipped"] as? Bool == false }
        #expect(given.compactMap { $0["file"] as? String } == [rules + "/a/hotline.yaml"])
        #expect(names(rulesBlock["extensions"]) == ["hotline/1"])

        let lint = try timed(["lint", rules])
        #expect(lint.status == 0, "\(lint.stdout)\(lint.stderr)")
    }
}
