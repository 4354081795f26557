import AuditCore
import AuditRules

/// The CSV files of `audit batch` (`outlets.csv`, `branches.csv`, `rules.csv`): a row per
/// outlet, branch and rule, in the column order README.md documents.
public enum BatchCSV {
    public static let outletHeader = [
        "branch", "outlet_id", "name", "type", "tier_claimed", "tier_qualified", "score", "grade", "provisional", "red_line",
        "fails_critical", "fails_major", "fails_minor", "fails_advisory", "coverage", "path",
    ]

    static func number(_ value: Double?, _ decimals: Int) -> String { value.map { JSON.format($0, decimals: decimals) } ?? "" }

    public static func outletFields(_ row: OutletRow) -> [String] {
        [row.branch, row.outletId, row.name, row.type, row.tierClaimed, row.tierQualified, number(row.score, 1), row.grade ?? "",
         row.provisional ? "true" : "false", row.redLine ?? "",
         String(row.fails[.critical] ?? 0), String(row.fails[.major] ?? 0), String(row.fails[.minor] ?? 0),
         String(row.fails[.advisory] ?? 0), number(row.coverage, 3), row.path]
    }

    /// `branches.csv` without its byte order mark.
    public static func branches(_ summary: BatchSummary) -> String {
        let gradeIds = summary.grades.map(\.id)
        var out = CSV.row(["branch", "reports", "scored", "mean", "median", "min"] + gradeIds.map { "grade_\($0)" }
            + ["no_grade", "red_lines", "top_failing_1", "top_failing_2", "top_failing_3"])
        for b in summary.branches {
            var fields = [b.branch, String(b.reports), String(b.scored), number(b.mean, 1), number(b.median, 1), number(b.min, 1)]
            fields += b.grades.map { String($0.count) }
            fields.append(String(b.redLines))
            for i in 0..<3 {
                fields.append(i < b.topFailing.count ? "\(b.topFailing[i].rule) (\(b.topFailing[i].reports))" : "")
            }
            out += CSV.row(fields)
        }
        return out
    }

    /// `rules.csv` without its byte order mark.
    public static func rules(_ summary: BatchSummary) -> String {
        var out = CSV.row(["rule", "section", "severity", "applicable", "pass", "fail", "not_assessed", "waived", "not_due", "error", "fail_rate"])
        for t in summary.rules {
            out += CSV.row([t.rule, t.section.rawValue, t.severity.rawValue, String(t.applicable), String(t.pass), String(t.fail),
                            String(t.notAssessed), String(t.waived), String(t.notDue), String(t.error), number(t.failRate, 3)])
        }
        return out
    }
}
