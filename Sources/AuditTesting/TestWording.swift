import AuditCalendar
import AuditCore

// What `audit test` says about examples and fixtures that did not come out as expected,
// zh and en side by side. Status tokens (pass, fail, not_assessed) stay as written in rule
// files and expectations, so an author can search for them.

extension Message {
    static func invalidExample(_ error: DiagnosticList) -> Message {
        Message("test.invalid-example", en: "the example is not a valid report fragment: \(error.text(.en))",
                zh: "示例不是有效的报告片段：\(error.text(.zh))")
    }

    /// `expected pass, got fail, not_assessed (missing: …): message`.
    static func exampleGot(expected: String, got: Label, detail: Label) -> Message {
        Message("test.example", en: "expected \(expected), got \(got.en)\(detail.en)", zh: "应为 \(expected)，实际为 \(got.zh)\(detail.zh)")
    }

    static func cannotBeChecked(_ error: DiagnosticList) -> Message {
        Message("test.unreadable", en: "cannot be checked: \(error.text(.en))", zh: "无法检查：\(error.text(.zh))")
    }

    static func unknownExpectationKey(_ key: String, hint: Label) -> Message {
        Message("test.unknown-key", en: "unknown key '\(key)'\(hint.en)", zh: "未知的键 '\(key)'\(hint.zh)")
    }

    static func badAsOf(_ error: TimestampError) -> Message {
        Message("test.as-of", en: "as_of: \(error.reason)", zh: "as_of:\(error.zh)")
    }

    static func profilesRejected(_ names: [String], _ error: DiagnosticList) -> Message {
        Message("test.profiles",
                en: "the profiles \(names.joined(separator: ", ")) give rules values they cannot take: \(error.text(.en))",
                zh: "配置文件 \(names.joined(separator: "、")) 给规则的取值不可接受：\(error.text(.zh))")
    }

    /// `total: expected 87.0, got 86.9`.
    static func expectationDiffers(_ what: String, expected: String, got: String) -> Message {
        Message("test.differs", en: "\(what): expected \(expected), got \(got)", zh: "\(what)：应为 \(expected)，实际为 \(got)")
    }

    /// `fails: expected but not found: …; found but not expected: …`.
    static func listDiffers(_ what: String, missing: Label?, extra: Label?) -> Message {
        var en: [String] = [], zh: [String] = []
        if let missing {
            en.append("expected but not found: " + missing.en)
            zh.append("应有而未出现：" + missing.zh)
        }
        if let extra {
            en.append("found but not expected: " + extra.en)
            zh.append("出现而未预期：" + extra.zh)
        }
        return Message("test.list", en: "\(what): " + en.joined(separator: "; "), zh: "\(what)：" + zh.joined(separator: "；"))
    }

    static func statusDiffers(_ key: String, expected: String, got: Label, detail: Label) -> Message {
        Message("test.status", en: "status of \(key): expected \(expected), got \(got.en)\(detail.en)",
                zh: "\(key) 的状态：应为 \(expected)，实际为 \(got.zh)\(detail.zh)")
    }

    static func messageDiffers(_ key: String, expected: String, got: [String]) -> Message {
        let quoted = got.map { "“\($0)”" }
        return Message("test.message",
                       en: "message of \(key): expected it to contain “\(expected)”, got \(got.isEmpty ? "no result" : quoted.joined(separator: ", "))",
                       zh: "\(key) 的消息：应包含“\(expected)”，实际为 \(got.isEmpty ? "无结果" : quoted.joined(separator: "、"))")
    }

    static func warningMissing(_ expected: String, got: [String]) -> Message {
        let quoted = got.map { "“\($0)”" }
        return Message("test.warning",
                       en: "warnings: expected one containing “\(expected)”, got \(got.isEmpty ? "none" : quoted.joined(separator: ", "))",
                       zh: "警告：应有一条包含“\(expected)”，实际为 \(got.isEmpty ? "无" : quoted.joined(separator: "、"))")
    }
}

extension Label {
    /// `no result` or the statuses, comma-separated.
    static func statuses(_ statuses: [String]) -> Label {
        statuses.isEmpty ? Label(zh: "无结果", en: "no result") : Label(zh: statuses.joined(separator: "、"), en: statuses.joined(separator: ", "))
    }
}
