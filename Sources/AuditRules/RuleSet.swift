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

    public init(schema: ReportSchema, calendar: BusinessCalendar, scoring: ScoringSettings = .standard, packs: [RulePack]) {
        self.schema = schema
        self.calendar = calendar
        self.scoring = scoring
        self.packs = packs
    }

    public var definitions: [RuleDefinition] { packs.flatMap(\.rules) }

    /// One input file, as read from disk or from the bundle.
    public struct SourceFile: Sendable {
        public var path: String
        public var bytes: [UInt8]

        public init(path: String, bytes: [UInt8]) {
            self.path = path
            self.bytes = bytes
        }
    }

    /// Rule ids are global (a duplicate would make findings ambiguous): an error at every
    /// repeat, naming the first definition.
    static func duplicateIds(_ packs: [RulePack]) -> [Diagnostic] {
        var seen: [String: RuleDefinition] = [:]
        var duplicates: [Diagnostic] = []
        for rule in packs.flatMap(\.rules) {
            if let first = seen[rule.id] {
                duplicates.append(.error(.duplicateRuleId(rule.id), at: rule.location,
                                         related: [.init(.ruleFirstDefinedHere, location: first.location)]))
            } else {
                seen[rule.id] = rule
            }
        }
        return duplicates
    }

    /// The shipped rules.
    public static var bundledFiles: [SourceFile] {
        BundledRules.files.map { SourceFile(path: $0.path, bytes: Array($0.text.utf8)) }
    }

    /// Sorts files into schema, calendars and packs by their first key. Rule packs given
    /// with `--rules` replace the shipped packs; the shipped schema and calendar stay unless
    /// the given files include their own (a provincial calendar is layered on top).
    public static func load(_ files: [SourceFile], limits: YAMLLimits = .init()) throws(DiagnosticList) -> RuleSet {
        var diagnostics = DiagnosticList()
        var schema: ReportSchema?
        var calendar: BusinessCalendar?
        var scoring: ScoringSettings?
        var packs: [RulePack] = []
        var hasOwnSchema = false
        var extensions: [YAMLDocument] = []

        func read(_ file: SourceFile, limits: YAMLLimits = limits) -> YAMLDocument? {
            do throws(DiagnosticList) {
                return try YAMLLoader.load(bytes: file.bytes, file: file.path, limits: limits)
            } catch {
                diagnostics.append(contentsOf: error)
                return nil
            }
        }
        var documents: [YAMLDocument] = []
        for file in files {
            if let document = read(file) { documents.append(document) }
        }
        let kinds = documents.map(RuleFileKind.init)
        // The shipped schema and scoring serve unless replaced; the shipped calendar is always
        // the base, and calendars given with the rules are layered on top of it (a province
        // adds its local days; it never loses the national holidays).
        let shipped = bundledFiles
        let isShippedSet = files.map(\.path) == shipped.map(\.path) && files.map(\.bytes.count) == shipped.map(\.bytes.count)
        for file in shipped where !isShippedSet && ["rules/report-schema.yaml", "rules/calendar.yaml", "rules/scoring.yaml"].contains(file.path) {
            // The shipped files are ours: the user's input limits do not apply to them.
            guard let document = read(file, limits: YAMLLimits()) else { continue }
            let kind = RuleFileKind(document)
            if kind == .calendar || !kinds.contains(kind) { documents.insert(document, at: 0) }
        }
        // The schema first (packs are checked against it), calendars in layering order (the
        // shipped one was inserted first), packs in the order given.
        func rank(_ d: YAMLDocument) -> Int {
            switch RuleFileKind(d) {
            case .schema: 0
            case .scoring: 1
            case .calendar: 2
            default: 3
            }
        }
        documents = documents.enumerated().sorted { a, b in
            (rank(a.element), a.offset) < (rank(b.element), b.offset)
        }.map(\.element)
        for document in documents {
            do throws(DiagnosticList) {
                switch RuleFileKind(document) {
                case .schema:
                    if hasOwnSchema {
                        diagnostics.append(.error(.secondSchema, at: SourceLocation(file: document.file, mark: document.root.mark)))
                    }
                    hasOwnSchema = true
                    schema = try ReportSchema.load(document)
                case .calendar:
                    let loaded = try CalendarFile.load(document)
                    calendar = calendar?.layered(with: loaded) ?? loaded
                case .scoring:
                    if scoring != nil {
                        diagnostics.append(.error(.secondScoring, at: SourceLocation(file: document.file, mark: document.root.mark)))
                    }
                    scoring = try ScoringSettings.load(document)
                case .pack:
                    packs.append(try RulePack.parse(document))
                case .schemaExtension:
                    extensions.append(document)
                case .report:
                    diagnostics.append(.error(
                        .reportAmongRules,
                        at: SourceLocation(file: document.file, mark: document.root.mark)))
                case .waivers, .unknown:
                    diagnostics.append(.error(
                        .notARuleFile(found: RuleFileKind(document).firstKey),
                        at: SourceLocation(file: document.file, mark: document.root.mark)))
                }
            } catch {
                diagnostics.append(contentsOf: error)
            }
        }
        if let base = schema { schema = SchemaExtensions.apply(extensions, to: base, diagnostics: &diagnostics) }
        for duplicate in duplicateIds(packs) { diagnostics.append(duplicate) }
        if let scoring, let schema { diagnostics.append(contentsOf: scoring.check(against: schema)) }
        if packs.isEmpty, !diagnostics.hasErrors {
            let where_ = files.first.map { SourceLocation(file: $0.path) } ?? SourceLocation(file: "--rules")
            diagnostics.append(.error(.noRulePacks, at: where_))
        }
        if diagnostics.hasErrors { throw diagnostics }
        guard let schema, let calendar else { throw diagnostics }
        return RuleSet(schema: schema, calendar: calendar, scoring: scoring ?? .standard, packs: packs)
    }

    /// Compiles every rule; `overrides` are `--param` values by parameter name, applied to
    /// every rule that declares that parameter.
    public func compile(overrides: [String: Value] = [:]) throws(DiagnosticList) -> [CompiledRule] {
        let compiler = RuleCompiler(schema: schema)
        var diagnostics = DiagnosticList()
        var rules: [CompiledRule] = []
        for definition in definitions {
            do throws(DiagnosticList) {
                rules.append(try compiler.compile(definition, overrides: overrides))
            } catch {
                diagnostics.append(contentsOf: error)
            }
        }
        if diagnostics.hasErrors { throw diagnostics }
        return rules
    }

    /// The digest of a run's rules: SHA-256 over the rule files' bytes, in order, and the
    /// `--param` values applied (sorted by name), so results under different parameters never
    /// share a digest. Without overrides it is the digest of the files alone.
    public static func digest(files: [SourceFile], overrides: [String: Value]) -> String {
        var bytes = files.flatMap(\.bytes)
        for (name, value) in overrides.sorted(by: { $0.key < $1.key }) {
            // As JSON, so that [a, b] and ["a, b"] never read the same.
            bytes.append(contentsOf: Array("\n--param \(name)=\(ParameterValue.json(value).serialized())".utf8))
        }
        return SHA256.hex(bytes)
    }

    /// Declared parameters by name, with their type (the first declaration's).
    public var parameters: [String: RuleParameter] {
        var result: [String: RuleParameter] = [:]
        for rule in definitions {
            for param in rule.params where result[param.name] == nil { result[param.name] = param }
        }
        return result
    }

    /// Parses `KEY=VALUE` overrides; the value is read as YAML (`3`, `[a, b]`, `"text"`) and
    /// must fit the declared parameter's type.
    public func parseOverrides(_ assignments: [String]) -> Result<[String: Value], ParameterError> {
        var result: [String: Value] = [:]
        let declared = parameters
        for assignment in assignments {
            guard let eq = assignment.firstIndex(of: "="), eq != assignment.startIndex else {
                return .failure(ParameterError(.paramNeedsKeyValue(assignment)))
            }
            let key = String(assignment[..<eq])
            let text = String(assignment[assignment.index(after: eq)...])
            guard let param = declared[key] else {
                return .failure(ParameterError(.unknownParameter(key, hint: Suggestion.hint(for: key, among: declared.keys.sorted()))))
            }
            // A number set by a law or the public commitment is not the branch's to change.
            if let rule = definitions.first(where: { $0.params.contains { $0.name == key && $0.fixed } }) {
                let value = rule.params.first { $0.name == key }.map { ParameterValue.text($0.value) } ?? "?"
                return .failure(ParameterError(.parameterFixed(
                    key, value: value, rule: rule.id, source: rule.cite.source, clause: rule.cite.clause, quote: rule.cite.quote)))
            }
            let node: YAMLNode
            do throws(DiagnosticList) {
                node = try YAMLLoader.loadValue(text, file: "--param \(key)")
            } catch {
                return .failure(ParameterError(.parameterValueInvalid(key, error.diagnostics.first?.wording)))
            }
            var reader = NodeReader(file: "--param")
            guard let (value, type) = ParameterValue.read(node, &reader),
                  let coerced = ParameterValue.coerce(value, from: type, to: param.type)
            else {
                return .failure(ParameterError(.parameterWrongType(key, type: "\(param.type)", text: text)))
            }
            result[key] = coerced
        }
        return .success(result)
    }
}

public struct ParameterError: Error, Sendable, CustomStringConvertible {
    public var wording: Message
    public init(_ wording: Message) { self.wording = wording }
    public var description: String { wording.en }
}
