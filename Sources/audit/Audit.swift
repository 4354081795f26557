import ArgumentParser
import AuditCore

@main
struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Score insurance outlet inspection reports against the service standards.",
        discussion: """
            Exit codes: 0 clean; 1 a finding at or above --fail-on; 2 an input could not be \
            read or is invalid, or a rule could not be evaluated; 64 usage error.
            """,
        version: "0.1.0",
        subcommands: [Check.self, Batch.self, Diff.self, Lint.self, Test.self, Explain.self, Rules.self, Template.self, Schema.self],
        defaultSubcommand: Check.self
    )

    /// Write errors on standard output and error become exit statuses before anything runs;
    /// usage errors are shown with the usage of the subcommand concerned, in the run's language.
    static func main() {
        Console.prepare()
        let arguments = Array(CommandLine.arguments.dropFirst())
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
}
