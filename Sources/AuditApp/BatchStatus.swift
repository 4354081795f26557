import AuditBatch

extension BatchRunner.Outcome {
    /// 130 when interrupted; 2 when an input could not be scored or a rule could not be
    /// evaluated; 1 when a report breaches --fail-on; else 0.
    public var exitStatus: ExitStatus {
        if interrupted { return .interrupted }
        if summary.errors > 0 || evaluationErrors { return .invalidInput }
        return breached ? .failed : .success
    }
}
