import ArgumentParser
import AuditApp
import AuditCore
import AuditRules

@main
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Score insurance outlet inspection reports against the service standards.",
        discussion: """
            `audit REPORT.yaml…` is `audit check REPORT.yaml…`: check is the default command. \
            Inspectors: check, template, explain, diff. Headquarters: batch. Rule maintainers and CI: \
            lint, test, rules, schema. The shipped rules are built in (`audit --version` prints their digest); \
            --rules adds packs, schema extensions and profiles. `audit help COMMAND` or `audit COMMAND --help` \
            for each command; with LANG=zh_CN.UTF-8 (or --lang zh) every message is in Chinese.

            Exit codes: 0 clean; 1 a finding at or above --fail-on; 2 an input could not be \
            read or is invalid, or a rule could not be evaluated; 64 usage error.
            """,
        version: BuildInfo.version,
        subcommands: [Check.self, Batch.self, Diff.self, Lint.self, Test.self, Explain.self, Rules.self, Template.self, Schema.self],
        defaultSubcommand: Check.self
    )

    /// Write errors on standard output and error become exit statuses before anything runs;
    /// usage errors are shown with the usage of the subcommand concerned, in the run's language.
    static func main() {
        Console.prepare()
        let arguments = Array(CommandLine.arguments.dropFirst())
        // `audit --version`: the build and the shipped rules it carries (their digest, as
        // `audit rules` prints it and `--require-digest` pins it), loaded only for this.
        if arguments == ["--version"] {
            Console.out(versionLine())
            exitProcess(ExitStatus.success.rawValue)
        }
        if let topic = UsageError.unknownHelpTopic(arguments) {
            let names = configuration.subcommands.map { $0._commandName }
            UsageError.exit(usageError(.unknownHelpTopic(topic, among: names, hint: Suggestion.hint(for: topic, among: names))),
                            running: Audit.self)
        }
        var command: ParsableCommand
        do {
            command = try parseAsRoot(arguments)
        } catch {
            UsageError.exit(error, running: nil)
        }
        do {
            try command.run()
        } catch {
            UsageError.exit(error, running: type(of: command))
        }
    }

    /// `audit 0.2.0 (rules 50301c4e9a2b…)`; the version alone if the shipped rules do not load.
    static func versionLine() -> String {
        guard let setup = try? Setup.load(RuleRequest()) else { return "audit \(BuildInfo.version)\n" }
        return "audit \(BuildInfo.version) (rules \(setup.digest.prefix(12))…)\n"
    }
}
