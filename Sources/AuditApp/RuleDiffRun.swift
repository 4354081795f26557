import AuditCore
import AuditFormatters
import AuditRules

/// `audit rules --diff OLD NEW`: both sides loaded as `--rules` loads them (`Setup.load`: a
/// broken side is `.invalid`, shown with its file:line:col), then compared.
public struct RuleDiffRun: Sendable {
    public let old: String
    public let new: String
    public let diff: RuleSetDiff

    public init(old: String, new: String, maxFileSize: Int) throws(AppError) {
        let before = try Setup.load(RuleRequest(paths: [old], maxFileSize: maxFileSize))
        let after = try Setup.load(RuleRequest(paths: [new], maxFileSize: maxFileSize))
        self.old = old
        self.new = new
        diff = RuleSetDiff(old: before.ruleSet, new: after.ruleSet)
    }

    public func render(json: Bool) -> String {
        RuleDiffFormatter.format(diff, old: old, new: new, json: json)
    }

}
