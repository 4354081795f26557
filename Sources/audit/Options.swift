import AuditApp
import AuditCalendar
import AuditCore
import AuditRules
import AuditYAML
import ArgumentParser

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the rules come from and how they are parameterised; shared by every command that
/// audits or lists rules.
struct RuleOptions: ParsableArguments {
    @Option(name: .customLong("rules"), help: ArgumentHelp(
        "Rule packs, schema extensions or profiles to add to the shipped rules, or a complete rule set (with its own report schema) to use instead (file or folder, repeatable).",
        valueName: "path"), completion: .file(extensions: ["yaml", "yml"]))
    var rulePaths: [String] = []

    @Flag(name: .customLong("no-shipped-rules"), help: "Use only the packs given with --rules (the shipped schema, scoring and calendar still serve unless given).")
    var noShippedRules = false

    @Option(name: .customLong("param"), help: ArgumentHelp(
        "Set a rule parameter, e.g. --param ETQ-PHONE-RINGS.max_rings=2 (a bare name when one rule declares it; repeatable).",
        valueName: "rule.name=value"))
    var params: [String] = []

    @Option(name: .customLong("profile"), help: ArgumentHelp(
        "A profile: parameter values, rules disabled or re-rated, for the outlets it matches (repeatable; later wins).",
        valueName: "file"), completion: .file(extensions: ["yaml", "yml"]))
    var profiles: [String] = []

    @Option(name: .customLong("require-digest"), help: ArgumentHelp(
        "Stop (exit 2) unless the rules in effect have this digest (rules.digest of a previous run).", valueName: "sha256"))
    var requiredDigest: String?

    @OptionGroup var limits: LimitOptions

    /// The files given on the command line that the rules come from (an output must not
    /// replace them).
    var inputFiles: [String] { rulePaths + profiles }

    func request(waivers: String? = nil) -> RuleRequest {
        RuleRequest(paths: rulePaths, params: params, profiles: profiles, withoutShippedPacks: noShippedRules,
                    requiredDigest: requiredDigest, maxFileSize: limits.maxFileSize, waivers: waivers)
    }
}

/// The input size limit (spec cli.md, input limits).
struct LimitOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Largest input file accepted, in bytes.", valueName: "bytes"))
    var maxFileSize: Int = YAMLLimits().maxFileSize

    static let ceiling = 1 << 30

    func validate() throws {
        guard maxFileSize > 0 else { throw usageError(.maxFileSizePositive) }
        // A file is held in memory whole, with its tree: past 1 GiB a "limit" is a promise the
        // machine may not keep (a sparse file of 100 GB would be read until memory runs out).
        guard maxFileSize <= Self.ceiling else {
            throw usageError(.maxFileSizeCeiling(Self.ceiling, got: maxFileSize))
        }
    }
}

/// How reports are judged: shared by `audit REPORT...` and `audit batch`.
struct JudgementOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Evaluation time for open cases and waiver expiry (default: each report's inspection.inspected_at), e.g. 2026-04-14T10:30:00+08:00.",
                               valueName: "timestamp"),
            transform: Timestamp.argument)
    var asOf: Timestamp?

    @OptionGroup var languageOption: LanguageOption

    @Option(help: "A failure at or above this severity exits 1 (batch: counts the report as breaching).")
    var failOn: FailOn = .critical

    @Option(help: ArgumentHelp("Approved exceptions (rule, outlet, item, reason, approved_by, expires).", valueName: "file"),
            completion: .file(extensions: ["yaml", "yml"]))
    var waivers: String?

    var language: Language { languageOption.language }
}

/// `--lang`, on every subcommand.
struct LanguageOption: ParsableArguments {
    @Option(help: "Message language (default: from LC_ALL, LC_MESSAGES or LANG).")
    var lang: Language?

    var language: Language { lang ?? .fromEnvironment }
}

extension Timestamp {
    /// `--as-of`: a timestamp, local ones read in China's time zone (UTC+8); the parse
    /// error's reason is shown after argument-parser's "The value … is invalid".
    static func argument(_ text: String) throws -> Timestamp {
        do throws(TimestampError) {
            return try Timestamp.parse(text, localOffsetSeconds: 8 * 3600).get()
        } catch {
            throw ValidationError(RunLanguage.current == .zh ? error.zh : error.reason)
        }
    }
}

extension LocalDate {
    /// `lint --as-of`: a date, or a timestamp's date.
    static func argument(_ text: String) throws -> LocalDate {
        guard let date = LocalDate(iso: text.prefix(10)) else { throw usageError(.notADate) }
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
            case .invalid(let diagnostics, let sources): Console.error(sources.render(diagnostics, language: RunLanguage.current))
            case .usage(let message): throw usageError(message)
            case .failure(let message): Console.failure(message)
            }
            throw ExitCode(error.exitStatus.rawValue)
        }
    }

    /// Ends the command with `status` (returning normally is success).
    static func exit(_ status: ExitStatus) throws {
        if status != .success { throw ExitCode(status.rawValue) }
    }

    /// Writes the files, each whole, none replacing its target before all are written.
    static func write(_ files: [(path: String, text: String)], inputs: [String]) throws {
        guard !files.isEmpty else { return }
        try perform { () throws(AppError) in
            do throws(AtomicFile.WriteError) { try AtomicFile.write(files, inputs: inputs) } catch {
                throw .failure(error.message)
            }
        }
    }

    /// Writes `text` to `path` atomically, or to standard output when there is no path.
    /// `inputs`: the files the run read, which the output must not replace.
    static func write(_ text: String, to path: String?, inputs: [String]) throws {
        guard let path else { return Console.out(text) }
        try perform { () throws(AppError) in
            do throws(AtomicFile.WriteError) { try AtomicFile.write(text, to: path, inputs: inputs) } catch {
                throw .failure(error.message)
            }
        }
    }
}

/// Writes to standard output and error with write(2): a write error ends the run with exit 2
/// and one message (on stderr, when it still works), never a trap; a reader that went away
/// (EPIPE: `audit … | head`) ends it quietly with 141, as a tool killed by SIGPIPE.
enum Console {
    /// The exit status when standard output's reader has gone.
    static let brokenPipeStatus: Int32 = 141

    static func out(_ text: String) { write(1, text) }

    /// `error: …` (`错误：…`) on standard error, in the run's language.
    static func failure(_ message: Message) {
        let language = RunLanguage.current
        error("\(Diagnostic.label(.error, language))\(language == .zh ? "：" : ": ")\(VisibleEscaping.escape(message.text(language)))\n")
    }

    static func error(_ text: String) { write(2, text) }

    private static func write(_ fd: Int32, _ text: String) {
        let error = FileDescriptor.writeAll(fd, text)
        if error != 0 { fail(fd, error) }
    }

    /// Ends the run after a failed write to `fd`.
    static func fail(_ fd: Int32, _ error: Int32) -> Never {
        if error == EPIPE { _exit(brokenPipeStatus) }
        if fd == 1 {
            let language = RunLanguage.current
            let message = Message.cannotWriteStream("standard output", reason: SystemError.reason(error))
            _ = FileDescriptor.writeAll(2, "\(Diagnostic.label(.error, language))\(language == .zh ? "：" : ": ")\(message.text(language))\n")
        }
        _exit(ExitStatus.invalidInput.rawValue)
    }

    /// Run first: SIGPIPE and SIGXFSZ become errors of the write that meets them; a closed
    /// standard descriptor is held by /dev/null opened read-only (so no file opened later
    /// takes its number, and writing to it fails with EBADF); what argument-parser prints
    /// through stdio (help, usage errors) is checked when the process exits.
    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        for fd: Int32 in 0...2 where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let placeholder = open("/dev/null", O_RDONLY)
            if placeholder >= 0, placeholder != fd {
                dup2(placeholder, fd)
                close(placeholder)
            }
        }
        atexit {
            // Every stdio stream: only argument-parser's stdout and stderr are open. When
            // stderr is the one that failed, the message about it is lost with it.
            if fflush(nil) != 0 { Console.fail(1, errno == 0 ? EIO : errno) }
        }
    }

    static var stdoutIsTerminal: Bool { isatty(1) == 1 }
    static var stderrIsTerminal: Bool { isatty(2) == 1 }
}
