/// The status of one rule for one subject (`scoring.md`, "Rule results").
public enum Status: String, Sendable, CaseIterable, Comparable {
    // Declared in output order: what needs attention first.
    case fail, error, notAssessed = "not_assessed", notDue = "not_due", waived, pass, notApplicable = "not_applicable"

    public var rank: Int { Status.allCases.firstIndex(of: self) ?? 0 }
    public static func < (lhs: Status, rhs: Status) -> Bool { lhs.rank < rhs.rank }
}
