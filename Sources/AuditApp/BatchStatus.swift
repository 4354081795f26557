#if canImport(Glibc)
import Glibc
#endif
import AuditBatch

extension BatchRunner.Outcome {
    /// 143 when stopped by SIGTERM, 130 by another signal; 2 when an input could not be scored or a rule could not be
    /// evaluated (a superseded report alone is not that: it was read and scored); 1 when a report breaches --fail-on; else 0.
    public var exitStatus: ExitStatus {
        if interrupted { return signal == SIGTERM ? .terminated : .interrupted }
        if unreadableCount > 0 || evaluationErrors { return .invalidInput }
        return breached ? .failed : .success
    }
}
