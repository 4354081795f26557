import AuditCore

/// Why a command stops before its normal end, as a value: the executable shows it and exits
/// with its status. Library code never prints or exits.
public enum AppError: Error, Sendable {
    /// Invalid or unreadable input (rules, waivers, reports): the diagnostics, shown with
    /// snippets of the files they point into.
    case invalid(DiagnosticList, SourceTexts)
    /// The command line asks for something impossible (a bad --param).
    case usage(Message)
    /// Something else went wrong (an output that cannot be written): one line.
    case failure(Message)

    public var exitStatus: ExitStatus {
        switch self {
        case .invalid, .failure: .invalidInput
        case .usage: .usage
        }
    }
}
