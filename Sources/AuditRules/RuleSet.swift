import AuditCalendar
import AuditCore
import AuditReport
import AuditYAML

/// Everything rules need: the report schema, the business calendar and the rule packs.
public struct RuleSet: Sendable {
    public let schema: ReportSchema
    public let calendar: BusinessCalendar
    public let scoring: ScoringSettings
    public let packs: [RulePack]
    /// The profiles given with the rules (`--rules`, `--profile`), in the order given: each
    /// applies to the reports its `match` selects, later ones winning.
    public let profiles: [Profile]
    /// Every file the set was built from, shipped or given, in load order.
    public let sources: [RuleSource]

    public init(
        schema: ReportSchema, calendar: BusinessCalendar, scoring: ScoringSettings = .standard, packs: [RulePack],
        profiles: [Profile] = [], sources: [RuleSource] = []
    ) {
        self.schema = schema
        self.calendar = calendar
        self.scoring = scoring
        self.packs = packs
        self.profiles = profiles
        self.sources = sources
    }

    public var definitions: [RuleDefinition] { packs.flatMap(\.rules) }

    /// One input file, as read from disk or from the bundle.
    public struct SourceFile: Sendable {
        public var path: String
        public let bytes: [UInt8]
        /// One of the rule files built into the binary.
        public var shipped: Bool
        /// The SHA-256 of `bytes` when it is known already (the shipped files': hashed at build time).
        let knownDigest: String?

        public init(path: String, bytes: [UInt8], shipped: Bool = false) {
            self.init(path: path, bytes: bytes, shipped: shipped, sha256: nil)
        }

        init(path: String, bytes: [UInt8], shipped: Bool, sha256: String?) {
            self.path = path
            self.bytes = bytes
            self.shipped = shipped
            knownDigest = sha256
        }

        /// The SHA-256 of `bytes`, in hex.
        var sha256: String { knownDigest ?? SHA256.hex(bytes) }
    }

    /// Rule ids are global (a duplicate would make findings ambiguous): an error at every
    /// repeat, naming the first definition — and saying so when that one is shipped.
    static func duplicateIds(_ packs: [RulePack]) -> [Diagnostic] {
        var seen: [String: (rule: RuleDefinition, shipped: Bool)] = [:]
        var duplicates: [Diagnostic] = []
        for pack in packs {
            for rule in pack.rules {
                if let first = seen[rule.id] {
                    duplicates.append(.error(first.shipped ? .ruleIdShipped(rule.id) : .duplicateRuleId(rule.id), at: rule.location,
                                             related: [.init(.ruleFirstDefinedHere, location: first.rule.location)]))
                } else {
                    seen[rule.id] = (rule, pack.shipped)
                }
            }
        }
        return duplicates
    }

    /// The shipped rules.
    public static var bundledFiles: [SourceFile] {
        BundledRules.files.map { SourceFile(path: $0.path, bytes: Array($0.text.utf8), shipped: true, sha256: $0.sha256) }
    }

    /// How files given with `--rules` meet the shipped ones.
    public enum ShippedPacks: Sendable {
        /// Given packs, extensions and profiles are added to the shipped packs (a given pack
        /// with a shipped pack's name is a new version of it and takes its place); a complete
        /// rule set — one with its own report schema — replaces them. What the command line does.
        case added
        /// Only the given packs (`--no-shipped-rules`); the shipped schema, scoring and
        /// calendar still serve unless given.
        case replaced
    }

    /// Loads a rule set from `files`, composed with the shipped files as `shipped` says (no
    /// files at all: the shipped rules). Every problem of every file is reported at once.
    public static func load(_ files: [SourceFile], shipped: ShippedPacks = .replaced, limits: YAMLLimits = .init()) throws(DiagnosticList) -> RuleSet {
        var composition = Composition(limits: limits)
        composition.compose(files, shipped: shipped)
        return try composition.build()
    }
    /// Compiles every rule under `configuration` (parameter values, rules disabled or
    /// re-rated); by default the rules as written.
    public func compile(_ configuration: RuleConfiguration = RuleConfiguration()) throws(DiagnosticList) -> [CompiledRule] {
        let compiler = RuleCompiler(schema: schema)
        let jobs: [(rule: RuleDefinition, overrides: [String: Value])] = definitions.compactMap { definition in
            guard configuration.disabled[definition.id] == nil else { return nil }
            var rule = definition
            if let change = configuration.rerated[definition.id] {
                rule = definition.rerated(severity: change.severity, points: change.points)
            }
            return (rule, configuration.values[definition.id]?.mapValues(\.value) ?? [:])
        }
        let results = ParallelMap.map(jobs) { job -> Result<CompiledRule, DiagnosticList> in
            do throws(DiagnosticList) {
                return .success(try compiler.compile(job.rule, overrides: job.overrides))
            } catch {
                return .failure(error)
            }
        }
        var diagnostics = DiagnosticList()
        var rules: [CompiledRule] = []
        rules.reserveCapacity(results.count)
        for result in results {  // in the rules' order, whichever thread compiled them
            switch result {
            case .success(let rule): rules.append(rule)
            case .failure(let error): diagnostics.append(contentsOf: error)
            }
        }
        if diagnostics.hasErrors { throw diagnostics }
        return rules
    }

    /// SHA-256 over what the rules are made of: every file's content (never its path: the
    /// embedded copy and `--rules rules` are the same rules), in an order that matters only
    /// where order does (calendars layer, later profiles win), and the `--param` values that
    /// differ from the rules' defaults, by qualified name. `profiles`: the files of the
    /// profiles to count (a report's digest counts those applied to it); nil: every profile
    /// loaded (the run's digest, what `--require-digest` pins).
    public func digest(params: [String: Value] = [:], profiles: [String]? = nil) -> String {
        let counted = sources.filter { $0.kind != .profile || profiles?.contains($0.path) ?? true }
        let ordered = counted.enumerated().sorted { a, b in
            let (ra, rb) = (Composition.rank(a.element.kind), Composition.rank(b.element.kind))
            if ra != rb { return ra < rb }
            // Packs and extensions are sets; calendars and profiles are sequences.
            if a.element.kind == .pack || a.element.kind == .schemaExtension { return a.element.sha256 < b.element.sha256 }
            return a.offset < b.offset
        }.map(\.element)
        var manifest = "audit-rules/2\n"
        for source in ordered { manifest += "\(source.kind.firstKey) \(source.sha256)\n" }
        for (name, value) in params.sorted(by: { $0.key < $1.key }) where !isDefault(name, value) {
            // As JSON, so that [a, b] and ["a, b"] never read the same.
            manifest += "param \(name)=\(ParameterValue.json(value).serialized())\n"
        }
        return SHA256.hex(Array(manifest.utf8))
    }

    /// Whether `RULE.name` = `value` is what the rule declares anyway.
    private func isDefault(_ key: String, _ value: Value) -> Bool {
        let (id, name) = RuleConfiguration.split(key)
        guard let declared = definitions.first(where: { $0.id == id })?.params.first(where: { $0.name == name }) else { return false }
        return ParameterValue.same(declared.value, value)
    }

    /// Where a parameter key (`ETQ-PHONE-RINGS.max_rings`, or a bare `max_rings` that exactly
    /// one rule declares) points: the rule and its declaration.
    public func resolveParameter(_ key: String, for flag: String = "--param") -> Result<(rule: RuleDefinition, param: RuleParameter), ParameterError> {
        if let dot = key.lastIndex(of: "."), dot != key.startIndex {
            let id = String(key[..<dot]), name = String(key[key.index(after: dot)...])
            guard let rule = definitions.first(where: { $0.id == id }) else {
                return .failure(ParameterError(.unknownParameterRule(key, rule: id, hint: Suggestion.hint(for: id, among: definitions.map(\.id)))))
            }
            guard let param = rule.params.first(where: { $0.name == name }) else {
                let names = rule.params.map(\.name)
                return .failure(ParameterError(.unknownParameterOfRule(key, rule: id, declared: names, hint: Suggestion.hint(for: name, among: names))))
            }
            return .success((rule, param))
        }
        let declaring = definitions.compactMap { rule in rule.params.first { $0.name == key }.map { (rule: rule, param: $0) } }
        switch declaring.count {
        case 1: return .success(declaring[0])
        case 0:
            let all = definitions.flatMap { rule in rule.params.map { "\(rule.id).\($0.name)" } }
            let bare = Array(Set(definitions.flatMap { $0.params.map(\.name) })).sorted()
            return .failure(ParameterError(.unknownParameter(key, hint: Suggestion.hint(for: key, among: bare + all))))
        default:
            return .failure(ParameterError(.ambiguousParameter(key, flag: flag, candidates: declaring.map { "\($0.rule.id).\(key)" })))
        }
    }

    /// Reads a value written as YAML (`3`, `[a, b]`, `"text"`) for a declared parameter: it must
    /// fit the parameter's type, and a fixed one (a number set by a law or the public
    /// commitment) is not the branch's to change.
    func parameterValue(
        _ node: YAMLNode, text: String, key: String, rule: RuleDefinition, param: RuleParameter, flag: String = "--param"
    ) -> Result<Value, ParameterError> {
        if param.fixed {
            return .failure(ParameterError(.parameterFixed(
                key, value: ParameterValue.text(param.value), rule: rule.id, source: rule.cite.source, clause: rule.cite.clause, quote: rule.cite.quote,
                flag: flag)))
        }
        var reader = NodeReader(file: "--param")
        guard let (value, type) = ParameterValue.read(node, &reader),
              let coerced = ParameterValue.coerce(value, from: type, to: param.type)
        else {
            return .failure(ParameterError(.parameterWrongType(key, type: "\(param.type)", text: text, flag: flag)))
        }
        return .success(coerced)
    }

    /// Parses `--param KEY=VALUE` assignments into values by qualified name (`RULE.name`).
    public func parseOverrides(_ assignments: [String]) -> Result<[String: Value], ParameterError> {
        var result: [String: Value] = [:]
        for assignment in assignments {
            guard let eq = assignment.firstIndex(of: "="), eq != assignment.startIndex else {
                return .failure(ParameterError(.paramNeedsKeyValue(assignment)))
            }
            let key = String(assignment[..<eq])
            let text = String(assignment[assignment.index(after: eq)...])
            let rule: RuleDefinition, param: RuleParameter
            switch resolveParameter(key) {
            case .success(let found): (rule, param) = found
            case .failure(let problem): return .failure(problem)
            }
            let node: YAMLNode
            do throws(DiagnosticList) {
                node = try YAMLLoader.loadValue(text, file: "--param \(key)")
            } catch {
                return .failure(ParameterError(.parameterValueInvalid(key, error.diagnostics.first?.wording)))
            }
            switch parameterValue(node, text: text, key: key, rule: rule, param: param) {
            case .success(let value): result["\(rule.id).\(param.name)"] = value
            case .failure(let problem): return .failure(problem)
            }
        }
        return .success(result)
    }
}

public struct ParameterError: Error, Sendable, CustomStringConvertible {
    public var wording: Message
    public init(_ wording: Message) { self.wording = wording }
    public var description: String { wording.en }
}
