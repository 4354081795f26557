import AuditApp
import AuditCalendar
import AuditCore
import AuditRules
import AuditYAML
import ArgumentParser
import Foundation

/// Where the rules come from and how they are parameterised; shared by every command that
/// audits or lists rules.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp(
        "Rule packs, schema extensions or profiles to add to the shipped rules, or a complete rule set (with its own report schema) to use instead (file or folder, repeatable).",
        valueName: "path"))
    var rulePaths: [String] = []

    @Flag(name: .customLong("no-shipped-rules"), help: "Use only the packs given with --rules (the shipped schema, scoring and calendar still serve unless given).")
    var noShippedRules = false

    @Option(name: .customLong("param"), help: ArgumentHelp(
        "Set a rule parameter, e.g. --param ETQ-PHONE-RINGS.max_rings=2 (a bare name when one rule declares it; repeatable).",
        valueName: "rule.name=value"))
    var params: [String] = []

    @Option(name: .customLong("profile"), help: ArgumentHelp(
        "A profile: parameter values, rules disabled or re-rated, for the outlets it matches (repeatable; later wins).",
        valueName: "file"))
    var profiles: [String] = []

    @Option(name: .customLong("require-digest"), help: ArgumentHelp(
        "Stop (exit 2) unless the rules in effect have this digest (rules.digest of a previous run).", valueName: "sha256"))
    var requiredDigest: String?

    @OptionGroup var limits: LimitOptions

    func request(waivers: String? = nil) -> RuleRequest {
        RuleRequest(paths: rulePaths, params: params, profiles: profiles, withoutShippedPacks: noShippedRules,
                    requiredDigest: requiredDigest, maxFileSize: limits.maxFileSize, waivers: waivers)
    }
}

/// The input size limit (spec cli.md, input limits).
struct LimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Largest input file accepted, in bytes.", valueName: "bytes"))
    var maxFileSize: Int = YAMLLimits().maxFileSize

    func validate() throws {
        guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be positive") }
    }
}

/// How reports are judged: shared by `audit REPORT...` and `audit batch`.
struct JudgementOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Evaluation time for open cases and waiver expiry (default: each report's inspection.inspected_at), e.g. 2026-04-14T10:30:00+08:00.",
                               valueName: "timestamp"),
            transform: Timestamp.argument)
    var asOf: Timestamp?

    @Option(help: "Message language (default: from LANG).")
    var lang: Language?

    @Option(help: "A failure at or above this severity exits 1 (batch: counts the report as breaching).")
    var failOn: FailOn = .critical

    @Option(help: ArgumentHelp("Approved exceptions (rule, outlet, item, reason, approved_by, expires).", valueName: "file"))
    var waivers: String?

    var language: Language { lang ?? .fromEnvironment }
}

extension Timestamp {
    /// `--as-of`: a timestamp, local ones read in China's time zone (UTC+8); the parse
    /// error's reason is shown after argument-parser's "The value … is invalid".
    static func argument(_ text: String) throws -> Timestamp {
        try Timestamp.parse(text, localOffsetSeconds: 8 * 3600).get()
    }
}

extension LocalDate {
    /// `lint --as-of`: a date, or a timestamp's date.
    static func argument(_ text: String) throws -> LocalDate {
        guard let date = LocalDate(iso: text.prefix(10)) else { throw ValidationError("not a date YYYY-MM-DD") }
        return date
    }
}

extension Language: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}
extension LintRun.Format: ExpressibleByArgument {}
extension RuleTestRun.Format: ExpressibleByArgument {}

enum FailOn: String, ExpressibleByArgument, CaseIterable {
    case critical, major, minor, advisory, none

    var severity: Severity? { Severity(rawValue: rawValue) }
}

enum ColorOption: String, ExpressibleByArgument, CaseIterable {
    case auto, always, never
}

/// Shows what the application layer reports and exits with its status: the declare-validate-
/// call-map of every command ends here.
enum Outcome {
    /// Runs library work; an `AppError` is shown (diagnostics with snippets on stderr, a usage
    /// error as argument-parser's) and becomes the exit status.
    static func perform<T>(_ work: () throws(AppError) -> T) throws -> T {
        do throws(AppError) {
            return try work()
        } catch {
            switch error {
            case .invalid(let diagnostics, let sources): Console.error(sources.render(diagnostics))
            case .usage(let message): throw ValidationError(VisibleEscaping.escape(message.en))
            case .failure(let message): Console.error("error: \(VisibleEscaping.escape(message.en))\n")
            }
            throw ExitCode(error.exitStatus.rawValue)
        }
    }

    /// Ends the command with `status` (returning normally is success).
    static func exit(_ status: ExitStatus) throws {
        if status != .success { throw ExitCode(status.rawValue) }
    }

    /// Writes `text` to `path` atomically, or to standard output when there is no path.
    static func write(_ text: String, to path: String?) throws {
        guard let path else { return Console.out(text) }
        try perform { () throws(AppError) in
            do throws(AtomicFile.WriteError) { try AtomicFile.write(text, to: path) } catch {
                throw .failure(.cannotWrite(error.description))
            }
        }
    }
}

/// Writes to standard output or error without Foundation's buffering surprises.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}
