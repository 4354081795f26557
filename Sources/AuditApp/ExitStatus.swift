/// The exit statuses of `audit` (spec cli.md), by name.
public enum ExitStatus: Int32, Sendable {
    /// Clean: nothing at or above --fail-on, or lint found no errors.
    case success = 0
    /// A finding at or above --fail-on, a score under --min-score, lint errors, a failed test.
    case failed = 1
    /// An input could not be read or is invalid, an output could not be written, or a rule
    /// could not be evaluated.
    case invalidInput = 2
    /// The command line is wrong.
    case usage = 64
    /// Interrupted (SIGINT, SIGHUP, SIGUSR1/2) before anything was written.
    case interrupted = 130
    /// Terminated (SIGTERM) before anything was written: 128 + 15, as a shell reports it.
    case terminated = 143
}
