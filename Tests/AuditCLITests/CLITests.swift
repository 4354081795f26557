import AuditTestSupport
import Foundation
import Testing

/// The built `audit` executable, beside the test bundle in the build folder.
let auditBinary: String = {
    var url = Bundle.main.bundleURL
    for _ in 0..<3 {
        let candidate = url.appendingPathComponent("audit").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        url.deleteLastPathComponent()
    }
    return repositoryRoot + "/.build/debug/audit"
}()

struct Run {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs `audit` in the repository root with a fixed environment (LANG unset → English);
/// `timeout` (seconds) ends a run that would hang, with status 124.
func audit(_ arguments: [String], environment: [String: String] = [:], cwd: String = repositoryRoot, timeout: Int? = nil) throws -> Run {
    let command = timeout.map { ["/usr/bin/timeout", String($0), auditBinary] } ?? [auditBinary]
    return try run(command + arguments, environment: ["PATH": "/usr/bin:/bin"].merging(environment) { $1 }, cwd: cwd)
}

/// Runs a command to its end and collects what it wrote.
func run(_ command: [String], environment: [String: String], cwd: String) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: command[0])
    process.arguments = Array(command.dropFirst())
    process.currentDirectoryURL = URL(fileURLWithPath: cwd)
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
               stderr: String(decoding: errData, as: UTF8.self))
}

@Suite(.serialized) struct CLITests {
    @Test func auditsTheExampleWithShippedRules() throws {
        let run = try audit(["fixtures/example-report.yaml"])
        #expect(run.status == 0, "no critical failure in the example: exit 0 with --fail-on critical")
        #expect(run.stdout.contains("fixtures/example-report.yaml:27:22: fail [major] BLD-AREA-CENTER: reception area is 76 m², below 80 m²"))
        #expect(run.stdout.contains("fixtures/example-report.yaml:98:18: fail [major] TML-FEEDBACK-2WD CMP-0402-01:"))
        #expect(run.stderr.isEmpty)
    }

    @Test func failuresAreListedBeforeOtherStatusesPerSection() throws {
        let out = try audit(["fixtures/example-report.yaml"]).stdout
        guard let fail = out.range(of: "fail [major] TML-FEEDBACK-2WD"), let due = out.range(of: "not due [critical] TML-LAW23") else {
            Issue.record(Comment(rawValue: out)); return
        }
        #expect(fail.lowerBound < due.lowerBound)
    }

    @Test func worksFromAnyFolder() throws {
        let run = try audit([repositoryRoot + "/fixtures/example-report.yaml", "--lang", "zh"], cwd: "/tmp")
        #expect(run.status == 0)
        #expect(run.stdout.contains("不符合 [主要] BLD-AREA-CENTER：客户接待区域使用面积 76 平方米，低于 80 平方米"))
    }

    @Test func languageFollowsLang() throws {
        let run = try audit(["fixtures/example-report.yaml"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(run.stdout.contains("\n服务网点环境建设（build）\n"))
    }

    @Test func failOnSetsExitOne() throws {
        #expect(try audit(["fixtures/example-report.yaml", "--fail-on", "major"]).status == 1)
        #expect(try audit(["fixtures/example-report.yaml", "--fail-on", "none"]).status == 0)
    }

    @Test func jsonHasTheDocumentedFields() throws {
        let run = try audit(["fixtures/example-report.yaml", "--format", "json"])
        #expect(run.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let report = object?["report"] as? [String: Any]
        #expect(report?["outlet"] as? String == "HLJ-HRB-DL-001")
        #expect(report?["tier"] as? String == "standard")
        let counts = object?["counts"] as? [String: Int]
        #expect(counts?["fail"] == 5)
        #expect(counts?["not_due"] == 3)  // CLM-0409-02: 3 working days, 30 and 60 days
        let findings = object?["findings"] as? [[String: Any]] ?? []
        let feedback = findings.first { $0["rule"] as? String == "TML-FEEDBACK-2WD" }
        #expect(feedback?["item"] as? String == "CMP-0402-01")
        #expect(feedback?["status"] as? String == "fail")
        let location = feedback?["location"] as? [String: Any]
        #expect(location?["line"] as? Int == 98)
        #expect(location?["column"] as? Int == 18)
        #expect(location?["path"] as? String == "cases[0].feedback_at")
        let cite = feedback?["cite"] as? [String: Any]
        #expect((cite?["quote"] as? String)?.contains("2个工作日以内") == true)
        let rules = object?["rules"] as? [String: Any]
        #expect((rules?["digest"] as? String)?.count == 64)
    }

    @Test func outputIsDeterministic() throws {
        let a = try audit(["fixtures/example-report.yaml", "--format", "json"]).stdout
        let b = try audit(["fixtures/example-report.yaml", "--format", "json"]).stdout
        #expect(a == b)
        #expect(!a.isEmpty)
    }

    @Test func outputFileIsWrittenWholeAndNoTemporaryRemains() throws {
        let dir = NSTemporaryDirectory() + "audit-cli-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let target = dir + "/out.json"
        let run = try audit(["fixtures/example-report.yaml", "--format", "json", "--output", target])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty)
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written == (try audit(["fixtures/example-report.yaml", "--format", "json"])).stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["out.json"])
    }

    @Test func invalidReportExitsTwoWithLocation() throws {
        let run = try audit(["fixtures/broken-reports/unknown-key.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("fixtures/broken-reports/unknown-key.yaml:27:3: error: unknown key 'premises.recepton_area_m2' (did you mean 'reception_area_m2'?)\n    recepton_area_m2: 76\n    ^\n"))
    }

    @Test func missingFileExitsTwo() throws {
        let run = try audit(["no-such-report.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("no-such-report.yaml: error:"))
    }

    @Test func usageErrorsExitSixtyFour() throws {
        #expect(try audit([]).status == 64)
        // A size limit past what memory can hold is refused, not tried (it crashed on allocation).
        let huge = try audit(["fixtures/example-report.yaml", "--max-file-size", "99999999999999"])
        #expect(huge.status == 64)
        #expect(huge.stderr.contains("--max-file-size must be at most 1073741824 (1 GiB)"))
        #expect(try audit(["fixtures/example-report.yaml", "--format", "xml"]).status == 64)
        let param = try audit(["fixtures/example-report.yaml", "--param", "min_area=3"])
        #expect(param.status == 64)
        #expect(param.stderr.contains("unknown parameter 'min_area'"))
        #expect(try audit(["fixtures/example-report.yaml", "--as-of", "2026-02-30"]).status == 64)
        let range = try audit(["fixtures/example-report.yaml", "--param", "callback_wd=-1"])
        #expect(range.status == 64)
        #expect(range.stderr.contains("--param TML-COMPLAINT-CALLBACK.callback_wd: the rules cannot take this value: workdays: needs a whole number from 0 to 3650"))
    }

    /// The 2 working days are the company's public commitment: a branch cannot relax them, and
    /// trying says which rule and clause fix the number.
    @Test func aFixedParameterCannotBeOverridden() throws {
        for command in [["fixtures/example-report.yaml"], ["batch", "fixtures/example-report.yaml", "--out", NSTemporaryDirectory() + "audit-fixed-\(getpid())"],
                        ["explain", "TML-FEEDBACK-2WD"], ["rules"]] {
            let run = try audit(command + ["--param", "feedback_wd=3"])
            #expect(run.status == 64, "\(command)")
            #expect(run.stderr.contains("--param feedback_wd: fixed at 2 by TML-FEEDBACK-2WD's clause, CP 快速响应"), "\(command): \(run.stderr)")
            #expect(run.stdout.isEmpty)
        }
        for name in ["decide_days=45", "complaint_days=20", "claim_wd=5", "pay_days=20", "notice_days=5", "advance_days=90", "extended_days=40",
                     "further_days=60"] {
            #expect(try audit(["fixtures/example-report.yaml", "--param", name]).status == 64, "\(name)")
        }
        // Tunable values still are: the branch's grace minutes.
        #expect(try audit(["fixtures/example-report.yaml", "--param", "opening_grace_min=5"]).status == 0)
    }

    /// The tier lines say what CS 2.1.1 and the advisory clauses mean, in both languages and
    /// every human format: a type that cannot hold a tier, and advice that does not block.
    @Test func tierEligibilityAndAdviceAreShown() throws {
        let upstairs = "fixtures/reports/flagship-upstairs.yaml", lac = "fixtures/reports/tier-ineligible-flagship.yaml"
        let zh = try audit([upstairs, "--lang", "zh"]).stdout
        #expect(zh.contains("星级：申报 旗舰店；认定 旗舰店\n星级建议（不影响认定）：BLD-FLAGSHIP-GROUND 旗舰店一层临街\n"))
        let en = try audit([upstairs, "--lang", "en"]).stdout
        #expect(en.contains("tier: claimed flagship; qualifies flagship\ntier advice (does not block): BLD-FLAGSHIP-GROUND Flagship on the ground floor facing the street\n"))
        #expect(try audit([upstairs, "--format", "markdown", "--lang", "en"]).stdout.contains("\ntier advice (does not block): BLD-FLAGSHIP-GROUND Flagship on the ground floor facing the street\n"))
        let tier = try #require((try jsonObject(try audit([upstairs, "--format", "json"]).stdout))["tier"] as? [String: Any])
        #expect(tier["advice"] as? [String] == ["BLD-FLAGSHIP-GROUND"])
        #expect(tier["qualifies"] as? String == "flagship")
        #expect(try audit([lac, "--lang", "zh"]).stdout.contains("星级：申报 旗舰店；认定 无（该类型网点不能认定星级，CS 2.1.1）\n"))
        #expect(try audit([lac, "--lang", "en"]).stdout.contains("tier: claimed flagship; qualifies none (this type of outlet cannot hold a tier, CS 2.1.1)\n"))
    }

    /// A deprecated field loads, and says so on stderr (and in the JSON warnings).
    @Test func aDeprecatedFieldWarns() throws {
        let run = try audit(["fixtures/reports/complaint-extensions.yaml", "--format", "json"])
        #expect(run.stderr.contains("complaint-extensions.yaml:66:15: warning: cases[4].extended is deprecated: write extension: once"))
        let warnings = (try jsonObject(run.stdout))["warnings"] as? [[String: Any]] ?? []
        #expect(warnings.map { $0["message"] as? String } == ["cases[4].extended is deprecated: write extension: once"])
    }

    /// The shipped rules and the same files given with --rules are one rule set: one digest.
    @Test func theShippedRulesHaveTheDigestOfTheirFiles() throws {
        func digest(_ extra: [String]) throws -> String? {
            let run = try audit(["fixtures/example-report.yaml", "--format", "json"] + extra)
            return (try jsonObject(run.stdout))["rules"].flatMap { ($0 as? [String: Any])?["digest"] as? String }
        }
        let shipped = try digest([])
        #expect(shipped != nil)
        #expect(try digest(["--rules", "rules"]) == shipped)
        #expect(try digest(["--rules", "rules/"]) == shipped)
    }

    /// Every applied --param is in the JSON and the digest: two runs with different values
    /// never share a digest; a run without overrides has the digest of the files alone.
    @Test func appliedParametersAreRecordedAndDigested() throws {
        func rules(_ extra: [String]) throws -> [String: Any] {
            let run = try audit(["fixtures/example-report.yaml", "--format", "json"] + extra)
            return try #require((try jsonObject(run.stdout))["rules"] as? [String: Any])
        }
        let plain = try rules([])
        let seventy = try rules(["--param", "min_area_center_m2=70"])
        let sixty = try rules(["--param", "min_area_center_m2=60", "--param", "max_rings=2"])
        func params(_ rules: [String: Any]) -> [String: Any] {
            var byName: [String: Any] = [:]
            for case let p as [String: Any] in rules["params"] as? [Any] ?? [] {
                byName["\(p["rule"] ?? "").\(p["name"] ?? "")"] = p["value"]
                #expect(p["source"] as? String == "--param")
            }
            return byName
        }
        #expect((plain["params"] as? [Any])?.isEmpty == true)
        #expect(params(seventy)["BLD-AREA-CENTER.min_area_center_m2"] as? Double == 70)
        #expect(params(sixty)["ETQ-PHONE-RINGS.max_rings"] as? Int == 2)
        let digests = [plain, seventy, sixty].compactMap { $0["digest"] as? String }
        #expect(Set(digests).count == 3)
        #expect(try rules([])["digest"] as? String == plain["digest"] as? String, "deterministic")
        let jsonl = try audit(["fixtures/example-report.yaml", "--format", "jsonl", "--param", "max_rings=2"]).stdout
        #expect(jsonl.contains(#""params":[{"rule":"ETQ-PHONE-RINGS","name":"max_rings","value":2,"default":3,"source":"--param"}]"#))
    }

    @Test func paramAndAsOfChangeTheResult() throws {
        let run = try audit(["fixtures/example-report.yaml", "--param", "min_area_center_m2=70", "--as-of", "2026-06-01T00:00:00+08:00",
                             "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let findings = object?["findings"] as? [[String: Any]] ?? []
        #expect(!findings.contains { $0["rule"] as? String == "BLD-AREA-CENTER" })
        // As of 06-01, CLM-0409-02 is long past its 3 working days; for the 30 days of IL 23
        // the report does not say whether documents were requested (and deducted): not assessed.
        let overdue = findings.first { $0["rule"] as? String == "TML-CLAIM-3WD" && $0["item"] as? String == "CLM-0409-02" }
        #expect(overdue?["status"] as? String == "fail")
        let unknown = findings.first { $0["rule"] as? String == "TML-LAW23-DECIDE-30D" && $0["item"] as? String == "CLM-0409-02" }
        #expect(unknown?["status"] as? String == "not_assessed")
        #expect(unknown?["missing"] as? [String] == ["cases[3].document_requests"])
        #expect(run.status == 0, "no critical failure")
        let strict = try audit(["fixtures/example-report.yaml", "--as-of", "2026-06-01T00:00:00+08:00", "--fail-on", "major"])
        #expect(strict.status == 1)
    }

    @Test func brokenRulesExitTwoWithCaret() throws {
        let dir = NSTemporaryDirectory() + "audit-rules-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let pack = """
            pack: t
            version: "1"
            rules:
              - id: T-1
                title: {zh: t, en: t}
                section: build
                severity: minor
                cite: {source: X, document: X, clause: "1", quote: q}
                check: premises.cleen
                message: {zh: m, en: m}
                examples: {pass: [{premises: {clean: true}}], fail: [{premises: {clean: false}}]}
            """
        try pack.write(toFile: dir + "/t.yaml", atomically: true, encoding: .utf8)
        let run = try audit(["fixtures/example-report.yaml", "--rules", dir])
        #expect(run.status == 2)
        #expect(run.stderr == "\(dir)/t.yaml:9:21: error: unknown field 'cleen' of premises (did you mean 'clean'?)\n      check: premises.cleen\n                      ^\n")
    }

    @Test func everyBrokenYAMLFixtureExitsTwo() throws {
        let dir = repositoryRoot + "/fixtures/broken-yaml"
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 10)
        for file in files {
            let start = Date()
            let run = try audit(["fixtures/broken-yaml/" + file])
            #expect(run.status == 2, "\(file)")
            #expect(run.stderr.hasPrefix("fixtures/broken-yaml/\(file)"), "\(file): \(run.stderr)")
            #expect(Date().timeIntervalSince(start) < 5, "\(file) took too long")
        }
    }
}

@Suite struct CLIRuleCommandTests {
    @Test func tooLargeFileIsRejectedBeforeReading() throws {
        let run = try audit(["fixtures/example-report.yaml", "--max-file-size", "100"])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("fixtures/example-report.yaml: error: file is too large:"))
        #expect(run.stderr.contains("--max-file-size"))
    }

    @Test func lintAndTestTheShippedRules() throws {
        let lint = try audit(["lint", "rules"])
        #expect(lint.status == 0)
        let test = try audit(["test"])
        #expect(test.status == 0)
        #expect(test.stdout.hasSuffix(" passed, 0 failed\n"))
    }
}

@Suite struct CLIScoringTests {
    @Test func textShowsScoreGradeSectionsCoverageAndTierOnTop() throws {
        let out = try audit(["fixtures/example-report.yaml"]).stdout
        let lines = out.split(separator: "\n").map(String.init)
        #expect(lines.count > 8)
        #expect(lines[2].hasPrefix("score: "))
        #expect(lines[3].hasPrefix("sections: Premises "))
        #expect(lines[4].hasPrefix("coverage: "))
        #expect(lines[5] == "tier: claimed standard; qualifies none; blocked by: BLD-POSTINGS Required postings on the wall")
    }

    @Test func jsonCarriesScoreAndTier() throws {
        let run = try audit(["fixtures/example-report.yaml", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let score = object?["score"] as? [String: Any]
        #expect(score?["total"] is Double || score?["total"] is Int)
        #expect(score?["provisional"] as? Bool == false)
        #expect(score?["red_line"] is NSNull)
        let sections = score?["sections"] as? [String: Any]
        #expect(Set(sections?.keys.map { $0 } ?? []) == ["build", "etiquette", "timeliness"])
        let tier = object?["tier"] as? [String: Any]
        #expect(tier?["claimed"] as? String == "standard")
        #expect(tier?["qualifies"] as? String == "none")
        #expect((tier?["blocking"] as? [String])?.contains("BLD-POSTINGS") == true)
    }

    @Test func minScoreBreachExitsOne() throws {
        #expect(try audit(["fixtures/example-report.yaml", "--min-score", "99"]).status == 1)
        #expect(try audit(["fixtures/example-report.yaml", "--min-score", "10"]).status == 0)
        #expect(try audit(["fixtures/example-report.yaml", "--min-score", "101"]).status == 64)
    }

    @Test func waiversFromAFile() throws {
        let dir = NSTemporaryDirectory() + "audit-waivers-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try """
            waivers:
              - {rule: ETQ-BADGE, outlet: "HLJ-HRB-*", item: E1077, reason: 工牌补办中, approved_by: 黑龙江分公司客服部, expires: 2026-06-30}
            """.write(toFile: dir + "/w.yaml", atomically: true, encoding: .utf8)
        let report = try exampleReport(replacing: [badgelessManager], in: dir)
        let run = try audit([report, "--waivers", dir + "/w.yaml", "--format", "json"])
        #expect(run.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let findings = object?["findings"] as? [[String: Any]] ?? []
        let badge = findings.first { $0["rule"] as? String == "ETQ-BADGE" }
        #expect(badge?["status"] as? String == "waived")
        #expect((badge?["waiver"] as? [String: Any])?["approved_by"] as? String == "黑龙江分公司客服部")

        try """
            waivers:
              - {rule: ETQ-BADGES, outlet: "*", reason: r, approved_by: a, expires: 2026-06-30}
            """.write(toFile: dir + "/bad.yaml", atomically: true, encoding: .utf8)
        let bad = try audit(["fixtures/example-report.yaml", "--waivers", dir + "/bad.yaml"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad.yaml:2:12: error: waiver for unknown rule 'ETQ-BADGES' (did you mean 'ETQ-BADGE'?)"))
    }

    @Test func markdownEscapesReportText() throws {
        let dir = NSTemporaryDirectory() + "audit-md-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let example = try String(contentsOfFile: repositoryRoot + "/fixtures/example-report.yaml", encoding: .utf8)
        try example.replacingOccurrences(of: "name: 哈尔滨市道里客户服务中心", with: "name: \"<b>道里|中心</b>\"")
            .write(toFile: dir + "/r.yaml", atomically: true, encoding: .utf8)
        let run = try audit([dir + "/r.yaml", "--format", "markdown"])
        #expect(run.stdout.hasPrefix("# &lt;b&gt;道里\\|中心&lt;/b&gt; (HLJ-HRB-DL-001)\n"))
        #expect(run.stdout.contains("| fail | BLD-AREA-CENTER Reception area of a customer service centre | major |"))
    }
}

@Suite struct CLIInfoCommandTests {
    @Test func explainShowsTheWholeClause() throws {
        let run = try audit(["explain", "TML-FEEDBACK-2WD"])
        #expect(run.status == 0)
        for part in ["TML-FEEDBACK-2WD  2个工作日内反馈 / Feedback within 2 working days",
                     "section timeliness · severity major · points 5 · tier —",
                     "「公司及时、快速为客户办理业务;对于不能当时解答的咨询或投诉,在2个工作日以内向客户反馈进展情况或处理意见。」",
                     "applies  it.kind in [\"complaint\", \"consultation\"] and not it.answered_on_spot",
                     "check    result", "  TML-FEEDBACK-2WD.feedback_wd = 2 (fixed by the clause)\n", "  pass  rules/timeliness.yaml:", "defined at rules/timeliness.yaml:"] {
            #expect(run.stdout.contains(part), "missing: \(part)")
        }
        let changed = try audit(["explain", "ETQ-PHONE-RINGS", "--param", "max_rings=2"])
        #expect(changed.stdout.contains("parameters (--param ETQ-PHONE-RINGS.NAME=VALUE)\n  ETQ-PHONE-RINGS.max_rings = 2 (default 3)\n"))
        let json = try jsonObject(try audit(["explain", "BLD-AREA-CENTER", "--format", "json"]).stdout)
        #expect((json["cite"] as? [String: Any])?["clause"] as? String == "2.2.3")
        #expect((json["examples"] as? [Any])?.count == 3)
    }

    @Test func explainUnknownRuleIsAUsageErrorWithAHint() throws {
        let run = try audit(["explain", "TML-FEEDBACK-2D"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("unknown rule 'TML-FEEDBACK-2D' (did you mean 'TML-FEEDBACK-2WD'?)"))
    }

    @Test func rulesListsEveryRule() throws {
        let text = try audit(["rules"]).stdout
        #expect(text.contains("\n69 rules\nrules digest "))
        // The digest printed is the one results carry, and what --require-digest pins.
        let digest = try #require(text.split(separator: "\n").last.map { String($0.dropFirst("rules digest ".count)) })
        let result = try jsonObject(try audit(["fixtures/example-report.yaml", "--format", "json"]).stdout)
        #expect((result["rules"] as? [String: Any])?["digest"] as? String == digest)
        #expect(try audit(["fixtures/example-report.yaml", "--require-digest", digest]).status == 0)
        #expect(text.contains("BLD-ZONES-FLAGSHIP"))
        let data = try audit(["rules", "--format", "json"]).stdout
        let items = try JSONSerialization.jsonObject(with: Data(data.utf8)) as? [[String: Any]]
        #expect(items?.count == 69)
        #expect(items?.first { $0["id"] as? String == "BLD-ZONES-FLAGSHIP" }?["tier"] as? String == "flagship")
    }

    @Test func templateIsAChecklistForTheOutlet() throws {
        let run = try audit(["template", "--type", "service_center", "--tier", "standard"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("  type: service_center  # outlet type; required"))
        #expect(run.stdout.contains("  reception_area_m2:  # reception area (m²); number; at least 0"))
        #expect(!run.stdout.contains("self_service:"))
        // The blank template is a report with nothing observed: it loads (the required ids
        // aside) and every rule is not assessed. Filled-in templates: AuditEngineTests.TemplateTests.
        #expect(run.stdout.contains("  - id:  # staff id; required"))
        let zh = try audit(["template", "--type", "service_center", "--tier", "standard", "--lang", "zh"])
        #expect(zh.stdout.contains("  reception_area_m2:  # 客户接待区域使用面积（平方米）；数字；不小于 0"))
        #expect(zh.stdout.contains("  - id:  # 工号；必填"))
    }

    @Test func templateRejectsUnknownTypes() throws {
        let run = try audit(["template", "--type", "service_centre"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("(did you mean 'service_center'?)"))
    }
}
