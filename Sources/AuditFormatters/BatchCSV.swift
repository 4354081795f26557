import AuditCore
import AuditEngine
import AuditRules

/// The CSV files of `audit batch` (`outlets.csv`, `branches.csv`, `rules.csv`): a row per
/// outlet, branch and rule, in the column order README.md documents.
public enum BatchCSV {
    /// `outlets.csv`'s columns: (token, Chinese header). The header row is in the run's
    /// language: the tokens under `--lang en`, the Chinese names under `--lang zh`. A token
    /// value (type, tier, grade) is shown as its label in the run's language, the token kept
    /// in the `…_code` column beside it for formulas and joins.
    public static let outletColumns: [(en: String, zh: String)] = [
        ("branch", "分公司"), ("outlet_id", "网点编号"), ("name", "网点名称"), ("type", "网点类型"), ("type_code", "网点类型代码"),
        ("inspection_id", "检查编号"), ("inspected_at", "检查时间"), ("inspector", "检查人"),
        ("tier_claimed", "申报星级"), ("tier_claimed_code", "申报星级代码"), ("tier_qualified", "认定星级"),
        ("tier_qualified_code", "认定星级代码"), ("score", "得分"), ("grade", "等级"), ("grade_code", "等级代码"),
        ("provisional", "暂定"), ("red_line_rule", "触碰红线规则"),
        ("fails_critical", "严重不符合数"), ("fails_major", "主要不符合数"), ("fails_minor", "一般不符合数"),
        ("fails_advisory", "提示不符合数"), ("coverage", "覆盖率"), ("path", "文件路径"),
    ]

    public static func outletHeader(_ language: Language) -> [String] {
        outletColumns.map { language == .zh ? $0.zh : $0.en }
    }

    static func number(_ value: Double?, _ decimals: Int) -> String { value.map { JSON.format($0, decimals: decimals) } ?? "" }

    static func tierLabel(_ token: String, _ language: Language) -> String {
        if token == "none" || token.isEmpty { return Tier.label(nil).text(language) }
        return Tier(rawValue: token).map { Tier.label($0).text(language) } ?? token
    }

    /// One row of `outlets.csv`; `grades` gives the grade labels.
    public static func outletFields(_ row: OutletRow, language: Language, grades: [ScoringSettings.Grade]) -> [String] {
        let typeLabel = row.typeLabel.map { $0.text(language) }.flatMap { $0.isEmpty ? nil : $0 } ?? row.type
        let gradeLabel = row.grade.map { id in grades.first { $0.id == id }?.label.text(language) ?? id } ?? ""
        return [row.branch, row.outletId, row.name, typeLabel, row.type, row.inspectionId, row.inspectedAt, row.inspector,
                tierLabel(row.tierClaimed, language), row.tierClaimed, tierLabel(row.tierQualified, language), row.tierQualified,
                number(row.score, 1), gradeLabel, row.grade ?? "", row.provisional ? "true" : "false", row.redLine ?? "",
                String(row.fails[.critical] ?? 0), String(row.fails[.major] ?? 0), String(row.fails[.minor] ?? 0),
                String(row.fails[.advisory] ?? 0), number(row.coverage, 3), row.path]
    }

    /// `outlets.csv` without its byte order mark, row by row into `sink`.
    public static func outlets(_ summary: BatchSummary, language: Language, _ sink: (String) -> Void) {
        sink(CSV.row(outletHeader(language)))
        for row in summary.outlets { sink(CSV.row(outletFields(row, language: language, grades: summary.grades))) }
    }

    /// `branches.csv` without its byte order mark.
    /// Header in the run's language (the grade columns by label under zh); rows in the
    /// summary's branch order (`--branches`, else mean score).
    public static func branches(_ summary: BatchSummary, language: Language = .en) -> String {
        let gradeIds = summary.grades.map(\.id)
        let header = language == .zh
            ? ["分公司", "报告数", "已评分", "平均分", "中位数", "最低分"] + summary.grades.map { "等级：\($0.label.zh)" }
                + ["无等级", "触碰红线", "最常不符合 1", "最常不符合 2", "最常不符合 3"]
            : ["branch", "reports", "scored", "mean", "median", "min"] + gradeIds.map { "grade_\($0)" }
                + ["no_grade", "red_lines", "top_failing_1", "top_failing_2", "top_failing_3"]
        var out = CSV.row(header)
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
