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

    /// With `--previous`, these follow: the previous inspection of the outlet and the change.
    public static let outletTrendColumns: [(en: String, zh: String)] = [
        ("previous_inspection_id", "上轮检查编号"), ("previous_inspected_at", "上轮检查时间"), ("previous_score", "上轮得分"),
        ("previous_grade", "上轮等级"), ("previous_grade_code", "上轮等级代码"), ("previous_red_line_rule", "上轮触碰红线规则"),
        ("score_change", "得分变化"), ("new_failures", "新增不符合"), ("fixed_failures", "已整改不符合"), ("flipped", "其他状态变化"),
    ]

    public static func outletHeader(_ language: Language, trends: Bool = false) -> [String] {
        (outletColumns + (trends ? outletTrendColumns : [])).map { language == .zh ? $0.zh : $0.en }
    }

    static func gradeLabel(_ id: String?, _ grades: [ScoringSettings.Grade], _ language: Language) -> String {
        id.map { id in grades.first { $0.id == id }?.label.text(language) ?? id } ?? ""
    }

    /// A signed change with one decimal (`+5.3`, `-2.0`, `0.0`: a number to a spreadsheet); "" when unknown.
    static func change(_ value: Double?) -> String {
        guard let value else { return "" }
        let shown = JSON.format(value, decimals: 1)
        let text = shown.contains(".") ? shown : shown + ".0"
        return value > 0 ? "+" + text : text
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

    /// The trend columns of a row ("" for a new outlet, but its change columns 0).
    public static func outletTrendFields(_ row: OutletRow, language: Language, grades: [ScoringSettings.Grade]) -> [String] {
        guard let p = row.previous else { return Array(repeating: "", count: outletTrendColumns.count) }
        return [p.inspectionId, p.inspectedAt, number(p.score, 1), gradeLabel(p.grade, grades, language), p.grade ?? "",
                p.redLine ?? "", change(row.scoreChange), String(p.newFailures), String(p.fixedFailures), String(p.flipped)]
    }

    /// `outlets.csv` without its byte order mark, row by row into `sink`.
    public static func outlets(_ summary: BatchSummary, language: Language, _ sink: (String) -> Void) {
        let trends = summary.round != nil
        sink(CSV.row(outletHeader(language, trends: trends)))
        for row in summary.outlets {
            var fields = outletFields(row, language: language, grades: summary.grades)
            if trends { fields += outletTrendFields(row, language: language, grades: summary.grades) }
            sink(CSV.row(fields))
        }
    }

    /// `branches.csv` without its byte order mark.
    /// Header in the run's language (the grade columns by label under zh); rows in the
    /// summary's branch order (`--branches`, else mean score).
    public static func branches(_ summary: BatchSummary, language: Language = .en) -> String {
        let gradeIds = summary.grades.map(\.id)
        let trends = summary.round != nil
        var header = language == .zh
            ? ["分公司", "报告数", "已评分", "平均分", "中位数", "最低分"] + summary.grades.map { "等级：\($0.label.zh)" }
                + ["无等级", "触碰红线", "最常不符合 1", "最常不符合 2", "最常不符合 3"]
            : ["branch", "reports", "scored", "mean", "median", "min"] + gradeIds.map { "grade_\($0)" }
                + ["no_grade", "red_lines", "top_failing_1", "top_failing_2", "top_failing_3"]
        if trends {
            header += language == .zh ? ["上轮报告数", "上轮平均分", "平均分变化", "上轮触碰红线"]
                : ["previous_reports", "previous_mean", "mean_change", "previous_red_lines"]
        }
        var out = CSV.row(header)
        for b in summary.branches {
            var fields = [b.branch, String(b.reports), String(b.scored), number(b.mean, 1), number(b.median, 1), number(b.min, 1)]
            fields += b.grades.map { String($0.count) }
            fields.append(String(b.redLines))
            for i in 0..<3 {
                fields.append(i < b.topFailing.count ? "\(b.topFailing[i].rule) (\(b.topFailing[i].reports))" : "")
            }
            if trends {
                fields += [String(b.previousReports), number(b.previousMean, 1), change(b.meanChange), String(b.previousRedLines)]
            }
            out += CSV.row(fields)
        }
        return out
    }

    /// `rules.csv` without its byte order mark.
    public static func rules(_ summary: BatchSummary) -> String {
        let trends = summary.round != nil
        var header = ["rule", "section", "severity", "applicable", "pass", "fail", "not_assessed", "waived", "not_due", "error", "fail_rate",
                      "outlets_failing", "points_lost"]
        if trends { header += ["previous_outlets_failing", "outlets_failing_change"] }
        var out = CSV.row(header)
        for t in summary.rules {
            var fields = [t.rule, t.section.rawValue, t.severity.rawValue, String(t.applicable), String(t.pass), String(t.fail),
                          String(t.notAssessed), String(t.waived), String(t.notDue), String(t.error), number(t.failRate, 3),
                          String(t.outlets), number(t.pointsLost, 1)]
            if trends {
                let previous = t.previousOutlets ?? 0
                let delta = t.outlets - previous
                fields += [String(previous), delta > 0 ? "+\(delta)" : String(delta)]
            }
            out += CSV.row(fields)
        }
        return out
    }
}
