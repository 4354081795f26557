import AuditCore
import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The language of this run's own words (usage errors, failures, the batch summary line):
/// `--lang` wherever it stands on the command line, else the environment. Known before
/// argument parsing ends, so that a usage error can already speak it.
enum RunLanguage {
    static let current: Language = scan(CommandLine.arguments.dropFirst()) ?? .fromEnvironment

    /// The value of the last `--lang X` or `--lang=X` before a `--`.
    static func scan(_ arguments: some Sequence<String>) -> Language? {
        var found: Language?
        var takeNext = false
        for argument in arguments {
            if takeNext {
                found = Language(rawValue: argument) ?? found
                takeNext = false
            } else if argument == "--" {
                break
            } else if argument == "--lang" {
                takeNext = true
            } else if argument.hasPrefix("--lang=") {
                found = Language(rawValue: String(argument.dropFirst(7))) ?? found
            }
        }
        return found
    }
}

/// A usage error of our own, in the run's language.
func usageError(_ message: Message) -> ValidationError {
    ValidationError(VisibleEscaping.escape(message.text(RunLanguage.current)))
}

/// How the command line's mistakes are shown: argument-parser's message with the usage of the
/// subcommand concerned (also for an error found when a subcommand runs, which argument-parser
/// would show with the root's usage), in the run's language.
enum UsageError {
    /// Shows `error` (help goes to standard output) and exits with its status.
    static func exit(_ error: any Error, running command: ParsableCommand.Type?) -> Never {
        let language = RunLanguage.current
        let text: String
        let code: Int32
        if let command, let validation = error as? ValidationError {
            text = "Error: \(validation.message)\n" + usage(of: command)
            code = ExitCode.validationFailure.rawValue
        } else {
            text = Audit.fullMessage(for: error)
            code = Audit.exitCode(for: error).rawValue
        }
        if code == 0 {
            if !text.isEmpty { Console.out(text.hasSuffix("\n") ? text : text + "\n") }
        } else if !text.isEmpty {
            let shown = translate(text, to: language)
            Console.error(shown.hasSuffix("\n") ? shown : shown + "\n")
        }
        exitProcess(code)
    }

    /// `Usage: audit explain …` and where to read more, as argument-parser writes them.
    static func usage(of command: ParsableCommand.Type) -> String {
        let name = command == Audit.self ? "audit" : "audit \(command._commandName)"
        return "Usage: \(Audit.usageString(for: command))\n  See '\(name) --help' for more information."
    }

    /// `audit help bogus`: argument-parser shows the root's help and succeeds; a topic that
    /// is not a subcommand is a usage error.
    static func unknownHelpTopic(_ arguments: [String]) -> String? {
        guard arguments.first == "help", let topic = arguments.dropFirst().first(where: { !$0.hasPrefix("-") }) else { return nil }
        let names = Audit.configuration.subcommands.map { $0._commandName } + ["help"]
        return names.contains(topic) ? nil : topic
    }

    // MARK: - Chinese

    /// argument-parser speaks English only; its messages are few and regular, so the
    /// Chinese run translates them line by line (the options' help text, English, is left out).
    static func translate(_ text: String, to language: Language) -> String {
        guard language == .zh else { return text }
        var lines: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("Error: ") {
                lines.append("错误：" + message(String(line.dropFirst(7))))
            } else if line.hasPrefix("Help:  ") {
                continue
            } else if line.hasPrefix("Usage: ") {
                lines.append("用法：" + line.dropFirst(7))
            } else if let m = line.wholeMatch(of: #/  See '(.+)' for more information\./#) {
                lines.append("  详见 '\(m.1)'。")
            } else {
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// One of argument-parser's messages in Chinese; ours (already Chinese) and unknown ones unchanged.
    static func message(_ text: String) -> String {
        if let m = text.wholeMatch(of: #/Unknown option '(.+)'\. Did you mean '(.+)'\?/#) { return "未知选项 '\(m.1)'（是否想写 '\(m.2)'？）" }
        if let m = text.wholeMatch(of: #/Unknown option '(.+)'/#) { return "未知选项 '\(m.1)'" }
        if let m = text.wholeMatch(of: #/Missing expected argument '(.+)'/#) { return "缺少参数 '\(m.1)'" }
        if let m = text.wholeMatch(of: #/Missing one of: (.+)/#) { return "缺少以下之一：\(list(String(m.1)))" }
        if let m = text.wholeMatch(of: #/Missing value for '(.+)'/#) { return "选项 '\(m.1)' 缺少值" }
        if let m = text.wholeMatch(of: #/Unexpected argument '(.+)'/#) { return "多余的参数 '\(m.1)'" }
        if let m = text.wholeMatch(of: #/(\d+) unexpected arguments: (.+)/#) { return "\(m.1) 个多余的参数：\(list(String(m.2)))" }
        if let m = text.wholeMatch(of: #/The option '(.+)' does not take any value, but '(.*)' was specified\./#) {
            return "选项 '\(m.1)' 不带值，却给了 '\(m.2)'"
        }
        if let m = text.wholeMatch(of: #/The value '(.*)' is invalid for '(.+)'\. Please provide one of the following:/#) {
            return "'\(m.2)' 的值 '\(m.1)' 无效，请从以下取值中选一个："
        }
        if let m = text.wholeMatch(of: #/The value '(.*)' is invalid for '(.+)'\. Please provide one of (.+)\./#) {
            return "'\(m.2)' 的值 '\(m.1)' 无效，请从 \(list(String(m.3))) 中选一个"
        }
        if let m = text.wholeMatch(of: #/The value '(.*)' is invalid for '(.+)': (.*)/#) { return "'\(m.2)' 的值 '\(m.1)' 无效：\(m.3)" }
        if let m = text.wholeMatch(of: #/The value '(.*)' is invalid for '(.+)'/#) { return "'\(m.2)' 的值 '\(m.1)' 无效" }
        if let m = text.wholeMatch(of: #/Invalid option: (.+)/#) { return "无效选项：\(m.1)" }
        if text == "Missing required subcommand." { return "缺少子命令。" }
        return text
    }

    /// `'a', 'b' or 'c'` → `'a'、'b'、'c'`.
    private static func list(_ text: String) -> String {
        text.replacing("', '", with: "'、'").replacing("' or '", with: "'、'").replacing("' and '", with: "'、'")
    }
}

/// The C library's exit (inside a command type, `exit` names ParsableCommand's).
func exitProcess(_ code: Int32) -> Never { exit(code) }
