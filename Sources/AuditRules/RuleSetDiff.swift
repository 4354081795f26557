import AuditCore
import AuditReport
import AuditYAML

/// What changed between two rule sets, as a reviewer of a rules change reads it (`audit rules
/// --diff OLD NEW`): the packs added, removed or re-versioned, the report-schema fields and
/// tokens added or removed, and the rules added, removed and changed — each change naming the
/// field and its old and new value. A pure value: no I/O; rules sorted by id.
public struct RuleSetDiff: Sendable {
    /// A value of a rule field as the diff shows it: a `token` (a severity, a number, a
    /// parameter value) is shown as it is; `text` (an expression, a title, a quote) is quoted.
    public enum FieldValue: Sendable, Hashable {
        case token(String)
        case text(String)

        public var string: String {
            switch self {
            case .token(let s), .text(let s): s
            }
        }
    }

    /// One field of a rule that differs; nil is "not set" (a parameter added or removed, a
    /// rule gaining its first `applies`).
    public struct FieldChange: Sendable, Hashable {
        public var field: String
        public var old: FieldValue?
        public var new: FieldValue?

        public init(field: String, old: FieldValue?, new: FieldValue?) {
            self.field = field
            self.old = old
            self.new = new
        }
    }

    /// A rule only one side has, with the pack it is in there.
    public struct RuleEntry: Sendable, Hashable {
        public var id: String
        public var pack: String
        public var packVersion: String
        public var title: Label
    }

    /// A rule both sides have whose fields differ (in the order of `RuleSetDiff.fields`).
    public struct RuleChange: Sendable, Hashable {
        public var id: String
        /// The pack the rule is in on the new side.
        public var pack: String
        public var changes: [FieldChange]
    }

    public struct PackChange: Sendable, Hashable {
        public enum Kind: String, Sendable { case added, removed, version }
        public var kind: Kind
        public var name: String
        public var oldVersion: String?
        public var newVersion: String?

        public init(kind: Kind, name: String, oldVersion: String?, newVersion: String?) {
            self.kind = kind
            self.name = name
            self.oldVersion = oldVersion
            self.newVersion = newVersion
        }
    }

    /// A report-schema field (`outlet.parking`) or enum token (`enum outlet_type.kiosk`) only
    /// one side has.
    public struct SchemaChange: Sendable, Hashable {
        public enum Kind: String, Sendable { case added, removed }
        public var kind: Kind
        public var path: String

        public init(kind: Kind, path: String) {
            self.kind = kind
            self.path = path
        }
    }

    public let added: [RuleEntry]
    public let removed: [RuleEntry]
    public let changed: [RuleChange]
    /// Rules on both sides with no field changed.
    public let unchanged: Int
    /// By pack name.
    public let packs: [PackChange]
    /// Added before removed, each by path.
    public let schema: [SchemaChange]
    /// Profiles added, removed or changed, by name: what they set, disable, re-rate and match.
    public let profiles: [ProfileChange]

    public struct ProfileChange: Sendable, Hashable {
        public enum Kind: String, Sendable { case added, removed, changed }
        public var kind: Kind
        public var name: String
        public var changes: [FieldChange]
    }

    public var isEmpty: Bool {
        added.isEmpty && removed.isEmpty && changed.isEmpty && packs.isEmpty && schema.isEmpty && profiles.isEmpty
    }

    public init(old: RuleSet, new: RuleSet) {
        let oldRules = Dictionary(old.definitions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newRules = Dictionary(new.definitions.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        func entry(_ rule: RuleDefinition, in set: RuleSet) -> RuleEntry {
            let version = set.packs.first { $0.rules.contains { $0 === rule } }?.version ?? ""
            return RuleEntry(id: rule.id, pack: rule.pack, packVersion: version, title: rule.title)
        }
        added = newRules.keys.filter { oldRules[$0] == nil }.sorted().compactMap { id in newRules[id].map { entry($0, in: new) } }
        removed = oldRules.keys.filter { newRules[$0] == nil }.sorted().compactMap { id in oldRules[id].map { entry($0, in: old) } }
        var changed: [RuleChange] = []
        var unchanged = 0
        for id in oldRules.keys.sorted() {
            guard let before = oldRules[id], let after = newRules[id] else { continue }
            let changes = Self.changes(before, after)
            if changes.isEmpty {
                unchanged += 1
            } else {
                changed.append(RuleChange(id: id, pack: after.pack, changes: changes))
            }
        }
        self.changed = changed
        self.unchanged = unchanged
        packs = Self.packChanges(old.packs, new.packs)
        schema = Self.schemaChanges(old.schema, new.schema)
        profiles = Self.profileChanges(old.profiles, new.profiles)
    }

    // MARK: Profiles

    /// A profile as fields: `match.branch`, `params.RULE.name`, `disable.RULE` (its reason),
    /// `rerate.RULE` (severity, points, reason).
    static func fields(of profile: Profile) -> [String: FieldValue] {
        var fields: [String: FieldValue] = [:]
        let match = profile.match
        for (key, values) in [("branch", match.branch), ("sub_branch", match.subBranch), ("type", match.type), ("outlet", match.outlet)]
        where !values.isEmpty {
            fields["match." + key] = .text(values.joined(separator: ", "))
        }
        for setting in profile.params {
            fields["params." + setting.key] = .token(setting.resolved.map(ParameterValue.text) ?? setting.value.flowText)
        }
        for change in profile.disabled { fields["disable." + change.rule] = .text(change.reason) }
        for change in profile.rerated {
            var parts: [String] = []
            if let severity = change.severity { parts.append(severity.rawValue) }
            if let points = change.points { parts.append(JSON.format(points, decimals: 2) + " points") }
            fields["rerate." + change.rule] = .text(parts.joined(separator: ", ") + " — " + change.reason)
        }
        return fields
    }

    static func profileChanges(_ a: [Profile], _ b: [Profile]) -> [ProfileChange] {
        let old = Dictionary(a.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(b.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var result: [ProfileChange] = []
        for name in Set(old.keys).union(new.keys).sorted() {
            let before = old[name].map(fields) ?? [:], after = new[name].map(fields) ?? [:]
            let changes = Set(before.keys).union(after.keys).sorted().compactMap { key in
                before[key] == after[key] ? nil : FieldChange(field: key, old: before[key], new: after[key])
            }
            switch (old[name], new[name]) {
            case (nil, _?): result.append(ProfileChange(kind: .added, name: name, changes: changes))
            case (_?, nil): result.append(ProfileChange(kind: .removed, name: name, changes: changes))
            default: if !changes.isEmpty { result.append(ProfileChange(kind: .changed, name: name, changes: changes)) }
            }
        }
        return result
    }

    // MARK: Rules

    /// Every field a rule diff compares, in the order changes are listed.
    public static let fields = [
        "title.zh", "title.en", "section", "severity", "points", "tier", "pack",
        "cite.source", "cite.document", "cite.clause", "cite.quote",
        "applies", "due", "for_each", "let", "check", "evidence", "message.zh", "message.en",
        "params", "description", "examples.pass", "examples.fail",
    ]

    static func changes(_ a: RuleDefinition, _ b: RuleDefinition) -> [FieldChange] {
        var changes: [FieldChange] = []
        for field in fields {
            if field == "params" {
                changes.append(contentsOf: paramChanges(a.params, b.params))
                continue
            }
            let (old, new) = (value(field, of: a), value(field, of: b))
            if old != new { changes.append(FieldChange(field: field, old: old, new: new)) }
        }
        return changes
    }

    /// The value of one of `fields` (not `params`), as the diff shows it.
    static func value(_ field: String, of rule: RuleDefinition) -> FieldValue? {
        switch field {
        case "title.zh": .text(rule.title.zh)
        case "title.en": .text(rule.title.en)
        case "section": .token(rule.section.rawValue)
        case "severity": .token(rule.severity.rawValue)
        // The points a full pass is worth: a severity change moves them too.
        case "points": .token(JSON.format(rule.effectivePoints, decimals: 2))
        case "tier": rule.tier.map { .token($0.rawValue) }
        case "pack": .token(rule.pack)
        case "cite.source": .text(rule.cite.source)
        case "cite.document": .text(rule.cite.document)
        case "cite.clause": .text(rule.cite.clause)
        case "cite.quote": .text(rule.cite.quote)
        case "applies": rule.applies.map { .text($0.text) }
        case "due": rule.due.map { .text($0.text) }
        case "for_each": rule.forEach.isEmpty ? nil : .text(rule.forEach.map(listText).joined(separator: "; "))
        case "let": rule.lets.isEmpty ? nil : .text(letsText(rule.lets))
        case "check": .text(rule.check.text)
        case "evidence": rule.evidence.map { .text($0.text) }
        case "message.zh": .text(rule.message.zh.text)
        case "message.en": .text(rule.message.en.text)
        case "description": rule.description.map { .text($0) }
        case "examples.pass": examplesText(rule.examples, .pass)
        case "examples.fail": examplesText(rule.examples, .fail)
        default: nil
        }
    }

    /// `staff`, or `staff {said: it.utterances}` when the list binds names.
    static func listText(_ list: RuleDefinition.ListSource) -> String {
        list.lets.isEmpty ? list.list.text : "\(list.list.text) \(letsText(list.lets))"
    }

    /// `{area: premises.reception_area_m2, …}`, in the order written (later names read earlier ones).
    static func letsText(_ lets: [(name: String, source: ExpressionSource)]) -> String {
        "{" + lets.map { "\($0.name): \($0.source.text)" }.joined(separator: ", ") + "}"
    }

    static func examplesText(_ examples: [RuleExample], _ expectation: RuleExample.Expectation) -> FieldValue? {
        let fragments = examples.filter { $0.expectation == expectation }.map(\.fragment.flowText)
        return fragments.isEmpty ? nil : .text(fragments.joined(separator: "; "))
    }

    /// Per parameter, by name: added or removed (the value, with `(fixed)` when fixed), its
    /// default changed (`params.NAME`), its fixed flag changed (`params.NAME.fixed`).
    static func paramChanges(_ a: [RuleParameter], _ b: [RuleParameter]) -> [FieldChange] {
        let old = Dictionary(a.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(b.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        func shown(_ p: RuleParameter) -> FieldValue { .token(ParameterValue.text(p.value) + (p.fixed ? " (fixed)" : "")) }
        var changes: [FieldChange] = []
        for name in Set(old.keys).union(new.keys).sorted() {
            let field = "params." + name
            switch (old[name], new[name]) {
            case let (before?, after?):
                let (x, y) = (ParameterValue.text(before.value), ParameterValue.text(after.value))
                if x != y { changes.append(FieldChange(field: field, old: .token(x), new: .token(y))) }
                if before.fixed != after.fixed {
                    changes.append(FieldChange(field: field + ".fixed", old: .token("\(before.fixed)"), new: .token("\(after.fixed)")))
                }
            case let (before?, nil): changes.append(FieldChange(field: field, old: shown(before), new: nil))
            case let (nil, after?): changes.append(FieldChange(field: field, old: nil, new: shown(after)))
            case (nil, nil): break
            }
        }
        return changes
    }

    // MARK: Packs and schema

    static func packChanges(_ a: [RulePack], _ b: [RulePack]) -> [PackChange] {
        let old = Dictionary(a.map { ($0.name, $0.version) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(b.map { ($0.name, $0.version) }, uniquingKeysWith: { first, _ in first })
        return Set(old.keys).union(new.keys).sorted().compactMap { name in
            switch (old[name], new[name]) {
            case let (x?, y?): x == y ? nil : PackChange(kind: .version, name: name, oldVersion: x, newVersion: y)
            case let (x?, nil): PackChange(kind: .removed, name: name, oldVersion: x, newVersion: nil)
            case let (nil, y?): PackChange(kind: .added, name: name, oldVersion: nil, newVersion: y)
            case (nil, nil): nil
            }
        }
    }

    /// Fields by `object.field` and enum tokens by `enum NAME.token`.
    static func schemaPaths(_ schema: ReportSchema) -> Set<String> {
        var paths: Set<String> = []
        for (name, object) in schema.objects {
            for field in object.fields { paths.insert("\(name).\(field.name)") }
        }
        for (name, values) in schema.enums {
            for token in values.values { paths.insert("enum \(name).\(token)") }
        }
        return paths
    }

    static func schemaChanges(_ a: ReportSchema, _ b: ReportSchema) -> [SchemaChange] {
        let (old, new) = (schemaPaths(a), schemaPaths(b))
        return new.subtracting(old).sorted().map { SchemaChange(kind: .added, path: $0) }
            + old.subtracting(new).sorted().map { SchemaChange(kind: .removed, path: $0) }
    }
}
