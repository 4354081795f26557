import AuditCalendar
import AuditCore
import AuditReport
import AuditYAML

/// One file a rule set was built from: what it is and its content hash, for provenance and
/// the digest.
public struct RuleSource: Sendable {
    public var path: String
    public var kind: RuleFileKind
    /// The pack's, profile's or extension's name (`pack: etiquette`); the schema's version.
    public var name: String
    public var version: String?
    public var sha256: String
    public var shipped: Bool
}

/// Assembles a rule set: the given files composed with the shipped ones, sorted by kind
/// (the schema and its extensions first: everything else is checked against them), then
/// each loaded, every problem collected.
struct Composition {
    let limits: YAMLLimits
    var diagnostics = DiagnosticList()
    private(set) var documents: [(document: YAMLDocument, file: RuleSet.SourceFile)] = []

    init(limits: YAMLLimits) { self.limits = limits }

    private mutating func read(_ file: RuleSet.SourceFile) -> YAMLDocument? {
        do throws(DiagnosticList) {
            // The shipped files are ours: the user's input limits do not apply to them.
            return try YAMLLoader.load(bytes: file.bytes, file: file.path, limits: file.shipped ? YAMLLimits() : limits)
        } catch {
            diagnostics.append(contentsOf: error)
            return nil
        }
    }

    /// The value of a document's first key (`pack: etiquette` → etiquette).
    static func name(_ document: YAMLDocument) -> String {
        document.root.mapping?.first?.value.scalar?.text ?? ""
    }

    mutating func compose(_ given: [RuleSet.SourceFile], shipped: RuleSet.ShippedPacks) {
        var givenDocuments: [(YAMLDocument, RuleSet.SourceFile)] = []
        for file in given {
            if let document = read(file) { givenDocuments.append((document, file)) }
        }
        let givenKinds = givenDocuments.map { RuleFileKind($0.0) }
        // A complete rule set (its own report schema) stands alone, like one an HQ keeps in its
        // own repository; otherwise the given files add to the shipped packs.
        let complete = givenKinds.contains(.schema)
        let givenBytes = Set(given.map(\.bytes))
        let adding = shipped == .added && !complete && !given.isEmpty
        // Shipped packs a given pack is named after: left out, so that the one error below is
        // not followed by one per rule.
        var shadowed: Set<String> = []
        if adding {
            // A different pack under a shipped pack's name would replace it silently — and with
            // it its critical rules and fixed values, which a profile may not lower. Only an
            // explicit replacement (a complete set, --no-shipped-rules) may do that. A byte-for-
            // byte copy is the shipped pack itself.
            let shippedBytes = Set(RuleSet.bundledFiles.map(\.bytes))
            let shippedNames = Set(RuleSet.bundledFiles.compactMap { file in
                (try? YAMLLoader.load(bytes: file.bytes, file: file.path)).flatMap { RuleFileKind($0) == .pack ? Self.name($0) : nil }
            })
            for ((document, file), kind) in zip(givenDocuments, givenKinds)
            where kind == .pack && shippedNames.contains(Self.name(document)) && !shippedBytes.contains(file.bytes) {
                let at = document.root.mapping?.first?.value ?? document.root
                diagnostics.append(.error(.packShadowsShipped(Self.name(document)), at: SourceLocation(file: document.file, mark: at.mark)))
                shadowed.insert(Self.name(document))
            }
        }
        var base: [(YAMLDocument, RuleSet.SourceFile)] = []
        // Nothing given: the shipped rules (`--no-shipped-rules` alone: no packs, an error).
        let onlyShipped = given.isEmpty && shipped == .added
        for file in RuleSet.bundledFiles where onlyShipped || !givenBytes.contains(file.bytes) {
            guard let document = read(file) else { continue }
            let kind = RuleFileKind(document)
            let keep: Bool
            switch kind {
            // The shipped calendar is always the base: a province's calendar layers its local
            // days on it and never loses the national holidays.
            case .calendar: keep = true
            case .schema, .scoring: keep = !givenKinds.contains(kind)
            case .pack: keep = onlyShipped || (adding && !shadowed.contains(Self.name(document)))
            default: keep = onlyShipped
            }
            if keep { base.append((document, file)) }
        }
        documents = (base + givenDocuments).map { (document: $0.0, file: $0.1) }
    }

    /// The schema first (packs are checked against it), then its extensions, scoring,
    /// calendars in layering order (the shipped one first), packs, and profiles (checked
    /// against the rules).
    static func rank(_ kind: RuleFileKind) -> Int {
        switch kind {
        case .schema: 0
        case .schemaExtension: 1
        case .scoring: 2
        case .calendar: 3
        case .pack: 4
        case .profile: 5
        default: 6
        }
    }

    /// A profile whose name an earlier one has (the same file in a `--rules` folder and
    /// `--profile`, say): results record profiles by name, and it would apply twice.
    static func twin(of profile: Profile, among earlier: [Profile]) -> Diagnostic? {
        guard !profile.name.isEmpty, let first = earlier.first(where: { $0.name == profile.name }) else { return nil }
        return .error(.profileGivenTwice(profile.name), at: profile.location, related: [.init(.profileSaidFirstHere, location: first.location)])
    }

    /// No pack at all (`--no-shipped-rules` with only a profile or an extension): an error at
    /// the first file given, never at a shipped file the user did not name.
    var noRulePacks: Diagnostic {
        let given = documents.first { !$0.file.shipped }
        return .error(.noRulePacks, at: SourceLocation(file: given?.file.path ?? "--rules"))
    }

    /// The documents in load order.
    var ordered: [(document: YAMLDocument, file: RuleSet.SourceFile)] {
        documents.enumerated().sorted { a, b in
            (Self.rank(RuleFileKind(a.element.document)), a.offset) < (Self.rank(RuleFileKind(b.element.document)), b.offset)
        }.map(\.element)
    }

    mutating func build() throws(DiagnosticList) -> RuleSet {
        var schema: ReportSchema?
        var extensions: [YAMLDocument] = []
        var calendar: BusinessCalendar?
        var scoring: ScoringSettings?
        var packs: [RulePack] = []
        var profileDocuments: [YAMLDocument] = []
        var sources: [RuleSource] = []
        for (document, file) in ordered {
            let kind = RuleFileKind(document)
            let location = SourceLocation(file: document.file, mark: document.root.mark)
            let version = document.root.mapping?.first { $0.key.scalar?.text == "version" }?.value.scalar?.text
            let source = RuleSource(path: file.path, kind: kind, name: Self.name(document), version: version,
                                    sha256: file.sha256, shipped: file.shipped)
            do throws(DiagnosticList) {
                switch kind {
                case .schema:
                    if schema != nil { diagnostics.append(.error(.secondSchema, at: location)) }
                    schema = try ReportSchema.load(document)
                case .schemaExtension:
                    extensions.append(document)
                case .calendar:
                    let loaded = try CalendarFile.load(document)
                    calendar = calendar?.layered(with: loaded) ?? loaded
                case .scoring:
                    if scoring != nil { diagnostics.append(.error(.secondScoring, at: location)) }
                    scoring = try ScoringSettings.load(document)
                case .pack:
                    var pack = try RulePack.parse(document)
                    pack.shipped = file.shipped
                    if let twin = packs.first(where: { $0.name == pack.name }) {
                        diagnostics.append(.error(.packGivenTwice(pack.name), at: location,
                                                  related: [.init(.ruleFirstDefinedHere, location: SourceLocation(file: twin.file))]))
                    }
                    packs.append(pack)
                case .profile:
                    profileDocuments.append(document)
                case .report:
                    diagnostics.append(.error(.reportAmongRules, at: location))
                case .waivers, .unknown:
                    diagnostics.append(.error(.notARuleFile(found: kind.firstKey), at: location))
                }
            } catch {
                diagnostics.append(contentsOf: error)
            }
            sources.append(source)
        }
        if let base = schema { schema = SchemaExtensions.apply(extensions, to: base, diagnostics: &diagnostics) }
        for duplicate in RuleSet.duplicateIds(packs) { diagnostics.append(duplicate) }
        if let scoring, let schema { diagnostics.append(contentsOf: scoring.check(against: schema)) }
        if packs.isEmpty, !diagnostics.hasErrors { diagnostics.append(noRulePacks) }
        guard let schema, let calendar, !diagnostics.hasErrors else { throw diagnostics }
        var set = RuleSet(schema: schema, calendar: calendar, scoring: scoring ?? .standard, packs: packs, sources: sources)
        let (profiles, problems, _) = set.profiles(profileDocuments)
        diagnostics.append(contentsOf: problems)
        if diagnostics.hasErrors { throw diagnostics }
        set = RuleSet(schema: schema, calendar: calendar, scoring: scoring ?? .standard, packs: packs, profiles: profiles, sources: sources)
        return set
    }
}
