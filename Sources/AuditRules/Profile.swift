import AuditCore
import AuditReport
import AuditYAML

/// What a province, an outlet group or one outlet adopts on top of the rules: parameter
/// values, rules disabled and rules re-rated, each with its reason, for the outlets its
/// `match` selects. A file whose first key is `profile` (docs/rules.md, "Profiles").
public struct Profile: Sendable {
    public var name: String
    public var version: String?
    public var file: String
    public var match: Match
    /// `RULE.name` (as written) → value; resolved against the loaded rules by `RuleSet`.
    public var params: [Setting]
    public var disabled: [Change]
    public var rerated: [Change]
    public var location: SourceLocation

    /// Which outlets a profile applies to: every key given must hold (a list: any of its
    /// values); no `match` applies everywhere.
    public struct Match: Sendable, Equatable {
        public var branch: [String] = []
        public var subBranch: [String] = []
        public var type: [String] = []
        /// `outlet.id` globs (`*`, `?`).
        public var outlet: [String] = []

        public var isEverywhere: Bool { branch.isEmpty && subBranch.isEmpty && type.isEmpty && outlet.isEmpty }

        /// Whether the report's outlet is selected. A field the report lacks selects nothing.
        public func selects(_ report: InspectionReport) -> Bool {
            func text(_ path: String) -> String? {
                if case .string(let s)? = report.value(at: path)?.value { return s }
                return nil
            }
            return selects(branch: text("outlet.branch"), subBranch: text("outlet.sub_branch"), type: text("outlet.type"),
                           outlet: text("outlet.id"))
        }

        /// Whether an outlet with these values is selected (`audit template` has no report).
        public func selects(branch: String?, subBranch: String?, type: String?, outlet: String?) -> Bool {
            func holds(_ values: [String], _ actual: String?, glob: Bool = false) -> Bool {
                if values.isEmpty { return true }
                guard let actual else { return false }
                return values.contains { glob ? Glob.matches($0, actual) : $0 == actual }
            }
            return holds(self.branch, branch) && holds(self.subBranch, subBranch) && holds(self.type, type)
                && holds(self.outlet, outlet, glob: true)
        }
    }

    /// `ETQ-PHONE-RINGS.max_rings: 2`.
    public struct Setting: Sendable {
        public var key: String
        public var value: YAMLNode
        public var location: SourceLocation
        /// The value typed for its parameter, once the profile is checked against the rules
        /// (`key` is then `RULE.name`).
        public var resolved: Value? = nil
    }

    /// A rule disabled or re-rated, and why.
    public struct Change: Sendable {
        public var rule: String
        public var severity: Severity?
        public var points: Double?
        public var reason: String
        public var location: SourceLocation
    }
}

extension Profile {
    /// Reads a profile's structure; rule ids and parameters are checked against the rules
    /// by `RuleSet`.
    public static func parse(_ document: YAMLDocument, schema: ReportSchema?) -> (Profile?, DiagnosticList) {
        var reader = NodeReader(file: document.file)
        var profile = Profile(name: "", version: nil, file: document.file, match: Match(), params: [], disabled: [], rerated: [],
                              location: reader.location(document.root))
        guard let top = reader.mapping(document.root, .aProfile, keys: ProfileKey.self) else { return (nil, reader.diagnostics) }
        for (key, _, value) in top {
            switch key {
            case .profile: profile.name = reader.string(value, .code("profile")) ?? ""
            case .version: profile.version = reader.string(value, .code("version"))
            case .description: _ = reader.string(value, .code("description"))
            case .match: profile.match = readMatch(value, schema: schema, &reader)
            case .params:
                for (name, keyNode, v) in reader.mapping(value, .code("params")) ?? [] {
                    profile.params.append(Setting(key: name, value: v, location: reader.location(keyNode)))
                }
            case .disable: profile.disabled = readChanges(value, keys: DisableKey.self, &reader)
            case .rerate: profile.rerated = readChanges(value, keys: RerateKey.self, &reader)
            }
        }
        // With its problems, what could be read is still checked against the rules: every
        // error in one run (the load fails on the diagnostics anyway).
        return (profile, reader.diagnostics)
    }

    private static func readMatch(_ node: YAMLNode, schema: ReportSchema?, _ reader: inout NodeReader) -> Match {
        var match = Match()
        for (key, _, value) in reader.mapping(node, .code("match"), keys: MatchKey.self) ?? [] {
            let values = strings(value, key.rawValue, &reader)
            // An empty list would read as no key at all: the profile would apply everywhere.
            if value.sequence?.isEmpty == true { reader.error(.profileMatchEmpty(key.rawValue), at: value) }
            switch key {
            case .branch: match.branch = values
            case .subBranch: match.subBranch = values
            case .outlet: match.outlet = values
            case .type:
                // A type the schema does not know would silently select nothing.
                let tokens = schema?.enums["outlet_type"]?.values ?? []
                for (token, item) in zip(values, value.sequence ?? [value]) where !tokens.isEmpty && !tokens.contains(token) {
                    reader.error(.profileUnknownType(token, hint: Suggestion.hint(for: token, among: tokens)), at: item)
                }
                match.type = values
            }
        }
        return match
    }

    /// One text or a list of texts.
    private static func strings(_ node: YAMLNode, _ key: String, _ reader: inout NodeReader) -> [String] {
        if let items = node.sequence { return items.compactMap { reader.string($0, .code("match.\(key)")) } }
        return reader.string(node, .code("match.\(key)")).map { [$0] } ?? []
    }

    /// `- {rule, reason}` (disable) or `- {rule, severity?, points?, reason}` (rerate).
    private static func readChanges<Key: FormatKey>(_ node: YAMLNode, keys: Key.Type, _ reader: inout NodeReader) -> [Change] {
        let rerate = Key.self == RerateKey.self
        let what = rerate ? "rerate" : "disable"
        guard let items = node.sequence else {
            reader.error(.profileListNeeded(what, found: node.kindLabel), at: node)
            return []
        }
        var changes: [Change] = []
        for item in items {
            guard let fields = reader.mapping(item, .code(what), keys: Key.self) else { continue }
            var change = Change(rule: "", severity: nil, points: nil, reason: "", location: reader.location(item))
            for (key, _, v) in fields {
                // Both kinds of entry have the keys of a re-rating, or some of them.
                guard let k = RerateKey(rawValue: key.rawValue) else { continue }
                switch k {
                case .rule: change.rule = reader.string(v, .code("\(what).rule")) ?? ""
                case .reason:
                    change.reason = reader.string(v, .code("\(what).reason")) ?? ""
                    if change.reason.allSatisfy(\.isWhitespace) { reader.error(.profileReasonBlank, at: v) }
                case .severity:
                    let text = reader.string(v, .code("severity")) ?? ""
                    change.severity = Severity(rawValue: text)
                    if change.severity == nil {
                        reader.error(.unknownSeverity(text, hint: Suggestion.hint(for: text, among: Severity.allCases.map(\.rawValue))), at: v)
                    }
                case .points:
                    switch v.scalar?.value {
                    case .int(let i)? where i >= 0 && i <= 1000: change.points = Double(i)
                    case .float(let d)? where d >= 0 && d <= 1000: change.points = d
                    default: reader.error(.pointsOutOfRange(found: reader.describe(v)), at: v)
                    }
                }
            }
            if rerate, change.severity == nil, change.points == nil, fields.contains(where: { $0.key.rawValue == "rule" }) {
                reader.error(.profileRerateEmpty(change.rule), at: item)
            }
            changes.append(change)
        }
        return changes
    }
}
