import AuditCore

// What the application layer and the command line say, zh and en side by side.

extension Message {
    static func parametersRejected(_ names: [String], _ reasons: [Message]) -> Message {
        Message("param.rejected",
                en: "--param \(names.joined(separator: ", ")): the rules cannot take this value: \(reasons.map(\.en).joined(separator: "; "))",
                zh: "--param \(names.joined(separator: ", "))：规则不能接受这个值：\(reasons.map(\.zh).joined(separator: "；"))")
    }

    static func notAProfile(found kind: String) -> Message {
        Message("profile.not-profile", en: "--profile: not a profile: expected a first key 'profile', found '\(kind)' (give rule packs with --rules)",
                zh: "--profile：不是配置文件：第一个键应为 'profile'，实际为 '\(kind)'（规则包请用 --rules 给出）")
    }

    static func digestDiffers(required: String, actual: String) -> Message {
        Message("rules.digest",
                en: "--require-digest: the rules in effect have digest \(actual), not \(required) (the rule files, profiles or --param values differ)",
                zh: "--require-digest：当前规则摘要为 \(actual)，不是 \(required)（规则文件、配置文件或 --param 取值不同）")
    }

    static func lintSummary(rules: Int, files: Int, errors: Int, warnings: Int) -> Message {
        Message("lint.summary",
                en: "\(rules) rules in \(files) files: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")",
                zh: "\(files) 个文件中共 \(rules) 条规则：错误 \(errors) 个，警告 \(warnings) 个")
    }

    static func testSummary(passed: Int, failed: Int) -> Message {
        Message("test.summary", en: "\(passed) passed, \(failed) failed", zh: "通过 \(passed)，失败 \(failed)")
    }

    public static func noRuleFiles(in paths: [String]) -> Message {
        Message("input.no-rules", en: "no *.yaml or *.yml files in \(paths.joined(separator: ", "))",
                zh: "\(paths.joined(separator: "、")) 中没有 *.yaml 或 *.yml 文件")
    }

    public static func noTestFiles(in paths: [String]) -> Message {
        Message("input.no-tests", en: "no rule files or *.expect.yaml files in \(paths.joined(separator: ", "))",
                zh: "\(paths.joined(separator: "、")) 中没有规则文件或 *.expect.yaml 文件")
    }
}
