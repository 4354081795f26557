import AuditCore
import AuditReport
import AuditYAML

/// What a run applies to the rules for one report: the profiles that select it, in order,
/// then the `--param` values (the command line is the most specific), resolved per rule.
public struct RuleConfiguration: Sendable {
    /// A parameter's value and who set it (`--param`, or a profile's name).
    public struct Setting: Sendable {
        public var value: Value
        public var source: String
        public var location: SourceLocation?
    }

    /// A rule disabled or re-rated, by which profile, and why.
    public struct Change: Sendable {
        public var severity: Severity?
        public var points: Double?
        public var reason: String
        public var profile: String
        public var location: SourceLocation
    }

    /// The profiles applied, in order.
    public private(set) var profiles: [Profile] = []
    /// Rule id → parameter name → its value.
    public private(set) var values: [String: [String: Setting]] = [:]
    public private(set) var disabled: [String: Change] = [:]
    public private(set) var rerated: [String: Change] = [:]
    /// Where a later profile overrode an earlier one: a warning on the report.
    public private(set) var conflicts: [Diagnostic] = []

    public init() {}

    /// `profiles` in order (later wins), then `params` by qualified name (`RULE.name`).
    public init(profiles: [Profile], params: [String: Value]) {
        for profile in profiles { apply(profile) }
        for (key, value) in params.sorted(by: { $0.key < $1.key }) {
            let (rule, name) = Self.split(key)
            values[rule, default: [:]][name] = Setting(value: value, source: "--param", location: nil)
        }
    }

    static func split(_ key: String) -> (rule: String, name: String) {
        guard let dot = key.lastIndex(of: ".") else { return ("", key) }
        return (String(key[..<dot]), String(key[key.index(after: dot)...]))
    }

    private mutating func apply(_ profile: Profile) {
        profiles.append(profile)
        for setting in profile.params {
            guard let value = setting.resolved else { continue }
            let (rule, name) = Self.split(setting.key)
            if let earlier = values[rule]?[name], let at = earlier.location, !ParameterValue.same(earlier.value, value) {
                conflicts.append(Diagnostic(.warning, .profileOverrides("\(rule).\(name)", earlier: earlier.source, later: profile.name),
                                            at: setting.location, related: [.init(.profileOverriddenHere, location: at)]))
            }
            values[rule, default: [:]][name] = Setting(value: value, source: profile.name, location: setting.location)
        }
        for change in profile.disabled {
            // Disabling what an earlier profile re-rated: the later one wins, and says so.
            if let earlier = rerated.removeValue(forKey: change.rule) {
                conflicts.append(Diagnostic(.warning, .profileOverrides(change.rule, earlier: earlier.profile, later: profile.name),
                                            at: change.location, related: [.init(.profileOverriddenHere, location: earlier.location)]))
            }
            disabled[change.rule] = Change(severity: nil, points: nil, reason: change.reason, profile: profile.name, location: change.location)
        }
        for change in profile.rerated {
            // Re-rating what an earlier profile disabled brings the rule back, re-rated.
            if let earlier = disabled.removeValue(forKey: change.rule) {
                conflicts.append(Diagnostic(.warning, .profileOverrides(change.rule, earlier: earlier.profile, later: profile.name),
                                            at: change.location, related: [.init(.profileOverriddenHere, location: earlier.location)]))
            } else if let earlier = rerated[change.rule], earlier.severity != change.severity || earlier.points != change.points {
                conflicts.append(Diagnostic(.warning, .profileOverrides(change.rule, earlier: earlier.profile, later: profile.name),
                                            at: change.location, related: [.init(.profileOverriddenHere, location: earlier.location)]))
            }
            rerated[change.rule] = Change(severity: change.severity, points: change.points, reason: change.reason,
                                          profile: profile.name, location: change.location)
        }
    }
}

extension RuleSet {
    /// A profile checked against the loaded rules: every rule it names exists, every
    /// parameter is declared and gets a value of its type (keys made `RULE.name`), and nothing
    /// a law fixes or a critical clause demands is lowered.
    func check(_ profile: Profile) -> (Profile, [Diagnostic]) {
        var checked = profile
        var problems: [Diagnostic] = []
        let ids = definitions.map(\.id)
        func rule(_ id: String, at location: SourceLocation) -> RuleDefinition? {
            if let rule = definitions.first(where: { $0.id == id }) { return rule }
            problems.append(.error(.profileUnknownRule(id, hint: Suggestion.hint(for: id, among: ids)), at: location))
            return nil
        }
        for i in checked.params.indices {
            let setting = checked.params[i]
            let found: (rule: RuleDefinition, param: RuleParameter)
            switch resolveParameter(setting.key, for: "profile \(profile.name), params:") {
            case .success(let resolved): found = resolved
            case .failure(let problem):
                problems.append(.error(problem.wording, at: setting.location))
                continue
            }
            let key = "\(found.rule.id).\(found.param.name)"
            switch parameterValue(setting.value, text: setting.value.scalar?.text ?? "…", key: key, rule: found.rule, param: found.param,
                                  flag: "profile \(profile.name), params:") {
            case .success(let value):
                checked.params[i].key = key
                checked.params[i].resolved = value
            case .failure(let problem):
                problems.append(.error(problem.wording, at: setting.location))
            }
        }
        // One profile says one thing per parameter and per rule: a second value (`max_rings` and
        // `ETQ-PHONE-RINGS.max_rings`), or a rule both disabled and re-rated, contradicts it.
        var firstSet: [String: SourceLocation] = [:]
        for setting in checked.params where setting.resolved != nil {
            if let first = firstSet[setting.key] {
                problems.append(.error(.profileSaysTwice(setting.key), at: setting.location, related: [.init(.profileSaidFirstHere, location: first)]))
            } else {
                firstSet[setting.key] = setting.location
            }
        }
        var firstChange: [String: SourceLocation] = [:]
        for change in profile.disabled + profile.rerated where !change.rule.isEmpty {
            if let first = firstChange[change.rule] {
                problems.append(.error(.profileSaysTwice(change.rule), at: change.location, related: [.init(.profileSaidFirstHere, location: first)]))
            } else {
                firstChange[change.rule] = change.location
            }
        }
        for change in profile.disabled {
            guard let rule = rule(change.rule, at: change.location) else { continue }
            if rule.severity == .critical {
                problems.append(.error(.profileLowersCritical(rule.id, source: rule.cite.source, clause: rule.cite.clause), at: change.location))
            }
        }
        for change in profile.rerated {
            guard let rule = rule(change.rule, at: change.location) else { continue }
            let after = rule.rerated(severity: change.severity, points: change.points)
            if rule.severity == .critical, after.severity != .critical || after.effectivePoints < rule.effectivePoints {
                problems.append(.error(.profileLowersCritical(rule.id, source: rule.cite.source, clause: rule.cite.clause), at: change.location))
            }
        }
        return (checked, problems)
    }

    /// A profile file read and checked against these rules: the profile as far as it could be
    /// read, and every problem of both steps.
    public func profile(_ document: YAMLDocument) -> (Profile?, DiagnosticList) {
        var (parsed, problems) = Profile.parse(document, schema: schema)
        guard let read = parsed else { return (nil, problems) }
        let (checked, more) = check(read)
        for problem in more { problems.append(problem) }
        parsed = checked
        return (parsed, problems)
    }

    /// Profile files read and checked against these rules, in order (a second profile of one
    /// name is an error: results name profiles by name); `clean`: those without problems.
    func profiles(_ documents: [YAMLDocument]) -> (profiles: [Profile], problems: DiagnosticList, clean: [Profile]) {
        var profiles: [Profile] = [], clean: [Profile] = []
        var problems = DiagnosticList()
        for document in documents {
            let (read, more) = profile(document)
            problems.append(contentsOf: more)
            guard let read else { continue }
            if let twin = Composition.twin(of: read, among: profiles) { problems.append(twin) }
            profiles.append(read)
            if !more.hasErrors { clean.append(read) }
        }
        return (profiles, problems, clean)
    }

    /// The configuration for one report: the profiles whose `match` selects it, then `params`.
    public func configuration(for report: InspectionReport?, params: [String: Value]) -> RuleConfiguration {
        RuleConfiguration(profiles: profiles.filter { report.map($0.match.selects) ?? true }, params: params)
    }
}

extension RuleDefinition {
    /// The same rule with another severity or points (a profile's `rerate`). A new severity
    /// without points brings that severity's default points, unless the rule fixed its own.
    public func rerated(severity newSeverity: Severity?, points newPoints: Double?) -> RuleDefinition {
        RuleDefinition(
            id: id, title: title, description: description, section: section, severity: newSeverity ?? severity,
            points: newPoints ?? points, tier: tier, cite: cite, applies: applies, due: due, forEach: forEach, lets: lets,
            check: check, message: message, evidence: evidence, params: params, examples: examples, location: location, pack: pack)
    }
}

/// Which rules produced a result: the packs and extensions loaded, the profiles applied, the
/// parameter values that differ from the rules' defaults, the rules disabled or re-rated,
/// and the digest over all of it. Recorded with every result in JSON and batch output.
public struct RuleProvenance: Sendable {
    public struct Parameter: Sendable {
        public var rule: String
        public var name: String
        public var value: Value
        public var defaultValue: Value
        public var source: String
    }

    public struct RuleChange: Sendable {
        public var rule: String
        public var severity: (from: Severity, to: Severity)?
        public var points: (from: Double, to: Double)?
        public var reason: String
        public var profile: String
    }

    /// The kinds of file recorded under `base`.
    public static let baseKinds: [RuleFileKind] = [.schema, .scoring, .calendar]

    public var digest: String
    /// Packs and extensions by name (a set: the order given does not matter).
    public var packs: [RuleSource]
    public var extensions: [RuleSource]
    /// The profiles applied, in the order applied.
    public var profiles: [RuleSource]
    /// The report schema, scoring and calendar files (the calendars in layering order).
    public var base: [RuleSource]
    public var params: [Parameter]
    public var disabled: [RuleChange]
    public var rerated: [RuleChange]

    public init(ruleSet: RuleSet, configuration: RuleConfiguration, digest: String) {
        self.digest = digest
        packs = ruleSet.sources.filter { $0.kind == .pack }.sorted { ($0.name, $0.sha256) < ($1.name, $1.sha256) }
        extensions = ruleSet.sources.filter { $0.kind == .schemaExtension }.sorted { ($0.name, $0.sha256) < ($1.name, $1.sha256) }
        base = ruleSet.sources.filter { Self.baseKinds.contains($0.kind) }
        let applied = Set(configuration.profiles.map(\.file))
        profiles = ruleSet.sources.filter { $0.kind == .profile && applied.contains($0.path) }
        var params: [Parameter] = [], disabled: [RuleChange] = [], rerated: [RuleChange] = []
        for rule in ruleSet.definitions {
            for declared in rule.params {
                if let setting = configuration.values[rule.id]?[declared.name], !ParameterValue.same(setting.value, declared.value) {
                    params.append(Parameter(rule: rule.id, name: declared.name, value: setting.value, defaultValue: declared.value, source: setting.source))
                }
            }
            if let change = configuration.disabled[rule.id] {
                disabled.append(RuleChange(rule: rule.id, reason: change.reason, profile: change.profile))
            } else if let change = configuration.rerated[rule.id] {
                let after = rule.rerated(severity: change.severity, points: change.points)
                rerated.append(RuleChange(
                    rule: rule.id, severity: after.severity != rule.severity ? (rule.severity, after.severity) : nil,
                    points: after.effectivePoints != rule.effectivePoints ? (rule.effectivePoints, after.effectivePoints) : nil,
                    reason: change.reason, profile: change.profile))
            }
        }
        self.params = params.sorted { ($0.rule, $0.name) < ($1.rule, $1.name) }
        self.disabled = disabled.sorted { $0.rule < $1.rule }
        self.rerated = rerated.sorted { $0.rule < $1.rule }
    }
}
