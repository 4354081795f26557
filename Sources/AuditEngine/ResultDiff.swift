import AuditCore
import AuditReport
import AuditRules

/// A rule result as two audits are matched: the rule id and the item (`audit diff`,
/// `audit batch --previous`, the corrective actions of two rounds).
public struct ResultKey: Hashable, Sendable {
    public var rule: String
    public var item: String?
    public init(rule: String, item: String?) {
        self.rule = rule
        self.item = item
    }
}

/// Two audits of one outlet compared (`audit diff OLD NEW`; meant for `audit batch --previous`
/// too): the scores and grades, each section's score, and every rule result that changed,
/// matched by rule id and item. Language-neutral; the formatters word it.
public struct ResultDiff: Sendable {
    /// One rule result (rule id + item) whose status differs between the two audits.
    public struct Change: Sendable {
        public enum Kind: String, Sendable, CaseIterable {
            /// Fails now, did not before (or was not there before).
            case newFailure = "new_failure"
            /// Failed before, does not now (or is not there now).
            case fixed
            /// Neither side fails and the status changed (`not_assessed` → `pass`); only
            /// results present on both sides.
            case flipped
        }

        public let kind: Kind
        public let rule: String
        public let item: String?
        /// Nil when the result is absent on that side (a new staff member, a rule not applied).
        public let old: Status?
        public let new: Status?
        /// The finding on the newer side when there is one, else the older (for titles,
        /// severity and messages).
        public let finding: Finding
    }

    public let old: AuditResult
    public let new: AuditResult
    /// Changes in the newer audit's finding order, then results only the older one has.
    public let changes: [Change]

    public init(old: AuditResult, new: AuditResult) {
        self.old = old
        self.new = new
        typealias Key = ResultKey
        func index(_ findings: [Finding]) -> [Key: Finding] {
            var byKey: [Key: Finding] = [:]
            for finding in findings where byKey[Key(rule: finding.rule.id, item: finding.item)] == nil {
                byKey[Key(rule: finding.rule.id, item: finding.item)] = finding
            }
            return byKey
        }
        let before = index(old.findings)
        let after = index(new.findings)
        var changes: [Change] = []
        var seen: Set<Key> = []
        func compare(_ key: Key, _ was: Finding?, _ now: Finding?) {
            guard seen.insert(key).inserted, let finding = now ?? was else { return }
            let o = was?.status, n = now?.status
            guard o != n else { return }
            let kind: Change.Kind
            if n == .fail { kind = .newFailure }
            else if o == .fail { kind = .fixed }
            else if o != nil && n != nil { kind = .flipped }
            else { return }
            changes.append(Change(kind: kind, rule: key.rule, item: key.item, old: o, new: n, finding: finding))
        }
        for finding in new.findings {
            let key = Key(rule: finding.rule.id, item: finding.item)
            compare(key, before[key], finding)
        }
        for finding in old.findings {
            let key = Key(rule: finding.rule.id, item: finding.item)
            compare(key, finding, after[key])
        }
        self.changes = changes
    }

    public func changes(_ kind: Change.Kind) -> [Change] { changes.filter { $0.kind == kind } }

    /// The outlet ids of the two reports, when they differ (or one lacks it).
    public var outletMismatch: (old: String?, new: String?)? {
        let a = old.text("outlet.id"), b = new.text("outlet.id")
        return a == b ? nil : (a, b)
    }

    /// The change of the total as shown (each rounded half-up to one decimal first, so
    /// 87.9 → 93.2 is +5.3 exactly); nil when either side has no total.
    public var totalChange: Double? { Self.change(old.score.total, new.score.total) }

    /// A section's change as shown; nil when either side has no score for it.
    public func sectionChange(_ section: Section) -> Double? {
        Self.change(old.score.sections[section] ?? nil, new.score.sections[section] ?? nil)
    }

    /// `b - a` as shown (each rounded half-up to one decimal first); nil when either is missing.
    public static func change(_ a: Double?, _ b: Double?) -> Double? {
        guard let a, let b, a.isFinite, b.isFinite else { return nil }
        let shown = { (x: Double) in (x * 10).rounded(.toNearestOrAwayFromZero) }
        return (shown(b) - shown(a)) / 10
    }

    /// Whether anything differs: score, grade, red line, a section or a result.
    public var isEmpty: Bool {
        changes.isEmpty && totalChange == 0 && old.score.grade?.id == new.score.grade?.id
            && old.score.redLine == new.score.redLine
            && Section.allCases.allSatisfy { sectionChange($0) == 0 || (old.score.sections[$0] ?? nil) == nil && (new.score.sections[$0] ?? nil) == nil }
    }
}
