import AuditCore

// What the application layer and the command line say, zh and en side by side.

extension Message {
    static func parametersRejected(_ names: [String], _ reasons: [Message]) -> Message {
        Message("param.rejected",
                en: "--param \(names.joined(separator: ", ")): the rules cannot take this value: \(reasons.map(\.en).joined(separator: "; "))",
                zh: "--param \(names.joined(separator: ", ")):规则不能接受这个值:\(reasons.map(\.zh).joined(separator: ";"))")
    }

    public static func noRuleFiles(in paths: [String]) -> Message {
        Message("input.no-rules", en: "no *.yaml or *.yml files in \(paths.joined(separator: ", "))",
                zh: "\(paths.joined(separator: "、")) 中没有 *.yaml 或 *.yml 文件")
    }

    public static func noTestFiles(in paths: [String]) -> Message {
        Message("input.no-tests", en: "no rule files or *.expect.yaml files in \(paths.joined(separator: ", "))",
                zh: "\(paths.joined(separator: "、")) 中没有规则文件或 *.expect.yaml 文件")
    }

    public static func cannotWrite(_ reason: String) -> Message {
        Message("output.write", en: reason, zh: "无法写入:\(reason)")
    }
}
