import AuditTestSupport
import Foundation
import Testing

/// `audit template` and `audit schema report` end to end: the inspector's template in their
/// language, with the type named as they would name it, and the schema their editor checks with.
@Suite struct TemplateSchemaCLITests {
    /// The JSON Schema of the shipped report schema, byte for byte.
    @Test func theReportSchemaIsTheGoldenFile() throws {
        let run = try audit(["schema", "report"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.isEmpty)
        try assertSnapshot(run.stdout, named: "report.schema.json")
        // Written as --output writes, the same bytes.
        let dir = try temporaryFolder("schema")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        #expect(try audit(["schema", "report", "--output", dir + "/report.schema.json"]).status == 0)
        #expect(try String(contentsOfFile: dir + "/report.schema.json", encoding: .utf8) == run.stdout)
    }

    /// A kind without a schema (scoring and calendar files have none), or none, is a usage
    /// error naming the kinds.
    @Test func anUnknownKindIsAUsageError() throws {
        for arguments in [["schema", "calendar"], ["schema", "packs"], ["schema"]] {
            let run = try audit(arguments)
            #expect(run.status == 64, "\(arguments)")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.contains("'report'") || run.stderr.contains("<kind>"), "\(run.stderr)")
        }
        let run = try audit(["schema", "calendar"])
        #expect(run.stderr.contains("Please provide one of the following:\n  - report\n  - pack\n  - extension\n  - waivers\n  - profile\n  - results\n"),
                "\(run.stderr)")
    }

    /// The schema follows --rules: an extension's fields and tokens are in it.
    @Test func theSchemaIncludesSchemaExtensions() throws {
        let run = try audit(["schema", "report", "--rules", "rules", "--rules", "fixtures/extensions/hotline"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"counter_hotline\": {"))
        #expect(run.stdout.contains("\"const\": \"mobile_unit\""))
        #expect(!(try audit(["schema", "report"]).stdout.contains("counter_hotline")))
    }

    /// `--type 客户服务大厅` is `--type service_hall`; the template says the token.
    @Test func theTypeAndTierMayBeGivenByTheirChineseLabels() throws {
        let byLabel = try audit(["template", "--type", "客户服务大厅", "--tier", "旗舰店"])
        let byToken = try audit(["template", "--type", "service_hall", "--tier", "flagship"])
        #expect(byLabel.status == 0, "\(byLabel.stderr)")
        #expect(byLabel.stdout == byToken.stdout)
        #expect(byLabel.stdout.contains("\n  type: service_hall  #"))
        #expect(byLabel.stdout.contains("\n  tier: flagship  #"))
    }

    /// A near miss of a token or label is a usage error with a did-you-mean, in --lang.
    @Test func aNearMissGetsADidYouMean() throws {
        let zh = try audit(["template", "--type", "客服大厅", "--lang", "zh"])
        #expect(zh.status == 64)
        #expect(zh.stderr.contains("--type '客服大厅' 不是可选值"), "\(zh.stderr)")
        #expect(zh.stderr.contains("（是否应为 '客户服务大厅'，即 service_hall？）"), "\(zh.stderr)")
        let en = try audit(["template", "--type", "service_hal"])
        #expect(en.status == 64)
        #expect(en.stderr.contains("(did you mean 'service_hall'?)"), "\(en.stderr)")
        let tier = try audit(["template", "--type", "service_hall", "--tier", "旗舰"])
        #expect(tier.status == 64)
        #expect(tier.stderr.contains("--tier '旗舰'"), "\(tier.stderr)")
        #expect(tier.stderr.contains("(did you mean '旗舰店', that is flagship?)"), "\(tier.stderr)")
    }

    /// The comments follow --lang, else LANG.
    @Test func theTemplateIsInTheRunsLanguage() throws {
        let zh = try audit(["template", "--type", "service_hall"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.stdout.contains("# 检查报告模板：客户服务大厅(service_hall)，星级：无(none)\n"), "\(zh.stdout.prefix(300))")
        let en = try audit(["template", "--type", "service_hall", "--lang", "en"], environment: ["LANG": "zh_CN.UTF-8"])
        #expect(en.stdout.contains("# inspection report template: service hall (service_hall), tier: none\n"))
        #expect(!en.stdout.contains("网点类型"))
    }

    /// Shell completion offers the shipped schema's outlet types and tiers (as each shell's
    /// script lists completion words; the help text names them too, so that is not enough).
    @Test func completionOffersTheTypesAndTiers() throws {
        let types = try #require(shippedRules.schema.enums["outlet_type"]).values
        let tiers = try #require(shippedRules.schema.enums["tier"]).values
        let listed: [String: ([String]) -> String] = [
            "bash": { $0.map { "'\($0)'" }.joined(separator: "$'\\n'") },
            "zsh": { "=(" + $0.map { "'\($0)'" }.joined(separator: " ") + ")" },
            "fish": { "-rfka '" + $0.joined(separator: " ") + "'" },
        ]
        for (shell, words) in listed.sorted(by: { $0.key < $1.key }) {
            let run = try audit(["--generate-completion-script", shell])
            #expect(run.status == 0)
            #expect(run.stdout.contains(words(types)), "\(shell): \(words(types))")
            #expect(run.stdout.contains(words(tiers)), "\(shell): \(words(tiers))")
        }
    }
}
