import AuditCore
import AuditEngine
import AuditFormatters

/// What a test failure adds to "expected X, got Y", so the author sees why without running
/// `audit check`: the evidence a `not_assessed` result lacked, the message of a `fail`.
enum FailureDetail {
    /// The evidence the `not_assessed` results among `findings` lack, each path once.
    static func missingPaths(_ findings: [Finding]) -> [String] {
        var paths: [String] = []
        for finding in findings where finding.status == .notAssessed {
            for path in finding.missing where !paths.contains(path) { paths.append(path) }
        }
        return paths
    }

    /// The messages of the `fail` results among `findings` in `language`, each once.
    static func failTexts(_ findings: [Finding], _ language: Language = .en) -> [String] {
        var messages: [String] = []
        for finding in findings where finding.status == .fail {
            let text = finding.text(language)
            if !messages.contains(text) { messages.append(text) }
        }
        return messages
    }

    /// ` (missing: staff[0].stood_to_greet, …)`, or "" when no `not_assessed` names missing evidence.
    static func missing(_ findings: [Finding]) -> Label {
        let paths = missingPaths(findings)
        return paths.isEmpty ? Label(zh: "", en: "")
            : Label(zh: "（缺少：\(paths.joined(separator: "、"))）", en: " (missing: \(paths.joined(separator: ", ")))")
    }

    /// `: <the rule's message>` (`; ` between distinct ones), or "" when nothing failed.
    static func failMessages(_ findings: [Finding]) -> Label {
        let en = failTexts(findings, .en), zh = failTexts(findings, .zh)
        return Label(zh: zh.isEmpty ? "" : "：" + zh.joined(separator: "；"), en: en.isEmpty ? "" : ": " + en.joined(separator: "; "))
    }
}
