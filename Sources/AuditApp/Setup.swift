import AuditCalendar
import AuditCore
import AuditEngine
import AuditFormatters
import AuditReport
import AuditRules
import AuditYAML

/// What a command asks of the rules: where they come from, how they are parameterised, the
/// waivers that apply, and the input size limit.
public struct RuleRequest: Sendable {
    /// Rule files or folders replacing the shipped packs; empty: the shipped rules.
    public var paths: [String]
    /// `--param KEY=VALUE` assignments.
    public var params: [String]
    public var maxFileSize: Int
    /// A waivers file, if any.
    public var waivers: String?

    public init(paths: [String] = [], params: [String] = [], maxFileSize: Int = YAMLLimits().maxFileSize, waivers: String? = nil) {
        self.paths = paths
        self.params = params
        self.maxFileSize = maxFileSize
        self.waivers = waivers
    }

    public var limits: YAMLLimits { YAMLLimits(maxFileSize: maxFileSize) }
}

/// The one entry point of every command: the rules loaded, checked, parameterised and
/// compiled, with the waivers that apply — and the things a run makes of them (an auditor,
/// output options, the snippets of the files read).
public struct Setup: Sendable {
    public let ruleSet: RuleSet
    public let rules: [CompiledRule]
    public let files: [RuleSet.SourceFile]
    /// The `--param` values applied.
    public let overrides: [String: Value]
    public let waivers: [Waiver]
    public let request: RuleRequest

    /// Over the rule files and the applied parameters.
    public var digest: String { RuleSet.digest(files: files, overrides: overrides) }

    /// Snippets for diagnostics in the rule files or the reports of this run (made once: a
    /// run may show the errors of many reports).
    public let sources: SourceTexts

    /// Loads and compiles the rules and reads the waivers. Broken rules or waivers are
    /// `.invalid`; a `--param` the rules do not declare, or a value they cannot take, is
    /// `.usage` (the command line's fault).
    public static func load(_ request: RuleRequest) throws(AppError) -> Setup {
        let files: [RuleSet.SourceFile]
        if request.paths.isEmpty {
            files = RuleSet.bundledFiles
        } else {
            let read = RuleFiles.read(request.paths, limit: request.maxFileSize)
            if !read.unreadable.isEmpty { throw .invalid(read.unreadable, SourceTexts(limit: request.maxFileSize)) }
            files = read.files
        }
        let sources = SourceTexts(files, limit: request.maxFileSize)
        let set: RuleSet
        do throws(DiagnosticList) {
            // The shipped files are ours: the user's input limits do not apply to them.
            set = try RuleSet.load(files, limits: request.paths.isEmpty ? YAMLLimits() : request.limits)
        } catch {
            throw .invalid(error, sources)
        }
        let overrides: [String: Value]
        switch set.parseOverrides(request.params) {
        case .success(let values): overrides = values
        case .failure(let problem): throw .usage(problem.wording)
        }
        let rules = try compile(set, overrides: overrides, sources: sources)
        var waivers: [Waiver] = []
        if let path = request.waivers {
            do throws(DiagnosticList) {
                let document = try YAMLLoader.load(path: path, limits: request.limits)
                waivers = try WaiverFile.load(document, knownRules: set.definitions.map(\.id))
            } catch {
                throw .invalid(error, sources)
            }
        }
        return Setup(ruleSet: set, rules: rules, files: files, overrides: overrides, waivers: waivers, request: request, sources: sources)
    }

    /// Broken rules are `.invalid`, but a `--param` value the rules cannot take
    /// (`feedback_wd=-1`) is a usage error naming the parameter.
    private static func compile(_ set: RuleSet, overrides: [String: Value], sources: SourceTexts) throws(AppError) -> [CompiledRule] {
        do throws(DiagnosticList) {
            return try set.compile(overrides: overrides)
        } catch {
            if !overrides.isEmpty, (try? set.compile()) != nil {
                throw .usage(.parametersRejected(overrides.keys.sorted(), error.sorted.map(\.wording)))
            }
            throw .invalid(error, sources)
        }
    }

    /// An auditor of these rules and waivers; `asOf` for open cases and waiver expiry
    /// (nil: each report's inspection time).
    public func auditor(asOf: Timestamp?) -> Auditor {
        Auditor(rules: rules, context: EvaluationContext(calendar: ruleSet.calendar, asOf: asOf),
                scoring: ruleSet.scoring, waivers: waivers)
    }

    /// Output options with this run's provenance (packs, parameters, digest).
    public func outputOptions(language: Language, showPassed: Bool = false, color: Bool = false) -> OutputOptions {
        OutputOptions(language: language, showPassed: showPassed, packs: ruleSet.packs, params: overrides,
                      rulesDigest: digest, color: color)
    }
}
