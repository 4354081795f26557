import AuditCalendar
import AuditCore
import AuditEngine
import AuditFormatters
import AuditReport
import AuditRules
import AuditYAML

/// What a command asks of the rules: where they come from, how they are parameterised, the
/// profiles and waivers that apply, and the input size limit.
public struct RuleRequest: Sendable {
    /// Rule files or folders (`--rules`): packs, schema extensions and profiles are added to
    /// the shipped rules; a complete rule set (with its own report schema) replaces them.
    public var paths: [String]
    /// `--param KEY=VALUE` assignments.
    public var params: [String]
    /// `--profile FILE`s, in order (later wins).
    public var profiles: [String]
    /// `--no-shipped-rules`: only the given packs.
    public var withoutShippedPacks: Bool
    /// `--require-digest`: the run stops unless the effective rule set has this digest.
    public var requiredDigest: String?
    public var maxFileSize: Int
    /// A waivers file, if any.
    public var waivers: String?

    public init(
        paths: [String] = [], params: [String] = [], profiles: [String] = [], withoutShippedPacks: Bool = false,
        requiredDigest: String? = nil, maxFileSize: Int = YAMLLimits().maxFileSize, waivers: String? = nil
    ) {
        self.paths = paths
        self.params = params
        self.profiles = profiles
        self.withoutShippedPacks = withoutShippedPacks
        self.requiredDigest = requiredDigest
        self.maxFileSize = maxFileSize
        self.waivers = waivers
    }

    public var limits: YAMLLimits { YAMLLimits(maxFileSize: maxFileSize) }
    public var shippedPacks: RuleSet.ShippedPacks { withoutShippedPacks ? .replaced : .added }

    /// The files of `--rules` and `--profile`, read; a `--profile` that is not a profile is an
    /// error at its first key.
    func readFiles() -> (files: [RuleSet.SourceFile], problems: DiagnosticList) {
        var (files, problems) = RuleFiles.read(paths, limit: maxFileSize)
        let profileFiles = RuleFiles.read(profiles, limit: maxFileSize)
        problems.append(contentsOf: profileFiles.unreadable)
        for file in profileFiles.files {
            if let kind = RuleFileKind(bytes: file.bytes), kind != .profile {
                problems.append(.error(.notAProfile(found: kind.firstKey), at: SourceLocation(file: file.path, line: 1, column: 1)))
            }
            files.append(file)
        }
        return (files, problems)
    }
}

/// The one entry point of every command: the rules loaded, composed, checked,
/// parameterised and compiled, with the profiles and waivers that apply — and the things a
/// run makes of them (auditors, output options, the snippets of the files read).
public struct Setup: Sendable {
    public let ruleSet: RuleSet
    /// The rules compiled with the `--param` values and no profile.
    public let rules: [CompiledRule]
    public let files: [RuleSet.SourceFile]
    /// The `--param` values applied, by qualified name (`RULE.name`).
    public let overrides: [String: Value]
    public let waivers: [Waiver]
    public let request: RuleRequest

    /// Over every rule file (shipped and given, profiles included) and the `--param` values.
    public var digest: String { ruleSet.digest(params: overrides) }

    /// Snippets for diagnostics in the rule files or the reports of this run (made once: a
    /// run may show the errors of many reports).
    public let sources: SourceTexts

    /// Loads and compiles the rules and reads the waivers. Broken rules, profiles or waivers
    /// are `.invalid`; a `--param` the rules do not declare, or a value they cannot take, is
    /// `.usage` (the command line's fault); a `--require-digest` the rules do not have is
    /// `.failure`.
    public static func load(_ request: RuleRequest) throws(AppError) -> Setup {
        try load(request, given: [])
    }

    /// `given`: rule files already read (`audit test` sorts its paths into rules and
    /// expectations), before those of `request.paths`.
    static func load(_ request: RuleRequest, given: [RuleSet.SourceFile]) throws(AppError) -> Setup {
        var files = given
        if !request.paths.isEmpty || !request.profiles.isEmpty {
            let read = request.readFiles()
            if !read.problems.isEmpty { throw .invalid(read.problems, SourceTexts(given + read.files, limit: request.maxFileSize)) }
            // A folder without rule files is a mistake, never a silent fallback to the shipped rules.
            if read.files.isEmpty { throw .failure(.noRuleFiles(in: request.paths + request.profiles)) }
            files += read.files
        }
        let sources = SourceTexts(files, limit: request.maxFileSize)
        let set: RuleSet
        do throws(DiagnosticList) {
            set = try RuleSet.load(files, shipped: request.shippedPacks, limits: request.limits)
        } catch {
            throw .invalid(error, sources)
        }
        let overrides: [String: Value]
        switch set.parseOverrides(request.params) {
        case .success(let values): overrides = values
        case .failure(let problem): throw .usage(problem.wording)
        }
        let rules = try compile(set, overrides: overrides, sources: sources)
        // Each profile with the command line's values, as a report it selects would have
        // them: a value a rule cannot take is the profile's error, found before any report.
        var rejected = DiagnosticList()
        for profile in set.profiles {
            do throws(DiagnosticList) { _ = try set.compile(RuleConfiguration(profiles: [profile], params: overrides)) } catch {
                rejected.append(.error(.profileRejected(profile.name, error.sorted.map(\.wording)), at: profile.location))
            }
        }
        if !rejected.isEmpty { throw .invalid(rejected, sources) }
        var waivers: [Waiver] = []
        if let path = request.waivers {
            do throws(DiagnosticList) {
                let document = try YAMLLoader.load(path: path, limits: request.limits)
                waivers = try WaiverFile.load(document, knownRules: set.definitions.map(\.id))
            } catch {
                throw .invalid(error, sources)
            }
        }
        let setup = Setup(ruleSet: set, rules: rules, files: files, overrides: overrides, waivers: waivers, request: request, sources: sources)
        if let required = request.requiredDigest, required.lowercased() != setup.digest {
            throw .failure(.digestDiffers(required: required, actual: setup.digest))
        }
        return setup
    }

    /// Broken rules are `.invalid`, but a `--param` value the rules cannot take
    /// (`feedback_wd=-1`) is a usage error naming the parameter.
    private static func compile(_ set: RuleSet, overrides: [String: Value], sources: SourceTexts) throws(AppError) -> [CompiledRule] {
        do throws(DiagnosticList) {
            return try set.compile(RuleConfiguration(profiles: [], params: overrides))
        } catch {
            if !overrides.isEmpty, (try? set.compile()) != nil {
                throw .usage(.parametersRejected(overrides.keys.sorted(), error.sorted.map(\.wording)))
            }
            throw .invalid(error, sources)
        }
    }

    /// The rules an outlet described without a report gets (`audit template`): the profiles
    /// whose `match` selects an outlet with these values, then the `--param` values.
    public func rules(branch: String?, subBranch: String? = nil, type: String?, outlet: String?) throws(AppError) -> [CompiledRule] {
        let selected = ruleSet.profiles.filter { $0.match.selects(branch: branch, subBranch: subBranch, type: type, outlet: outlet) }
        if selected.isEmpty { return rules }
        do throws(DiagnosticList) {
            return try ruleSet.compile(RuleConfiguration(profiles: selected, params: overrides))
        } catch {
            throw .invalid(error, sources)
        }
    }

    /// The auditors of these rules, profiles and waivers; `asOf` for open cases and waiver
    /// expiry (nil: each report's inspection time).
    public func auditor(asOf: Timestamp?) -> ProfiledAuditor {
        ProfiledAuditor(ruleSet: ruleSet, rules: rules, params: overrides,
                        context: EvaluationContext(calendar: ruleSet.calendar, asOf: asOf), waivers: waivers)
    }

    /// Output options for this run.
    public func outputOptions(language: Language, showPassed: Bool = false, color: Bool = false) -> OutputOptions {
        OutputOptions(language: language, showPassed: showPassed, rulesDigest: digest, color: color)
    }
}
