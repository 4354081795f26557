import AuditCore
import AuditReport
import AuditYAML

/// How results become scores (`rules/scoring.yaml`, per `scoring.md`).
public struct ScoringSettings: Sendable {
    public struct Grade: Sendable, Hashable {
        public var id: String
        public var min: Double
        public var label: Label
    }

    public var points: [Severity: Double]
    public var weights: [Section: Double]
    /// Highest band first.
    public var grades: [Grade]
    public var redLineGrade: String
    public var minCoverage: Double
    /// The outlet types that can be certified 标准店/旗舰店 (CS 2.1.1: 客户服务中心 and
    /// 客户服务大厅); the others qualify for no tier.
    public var tierOutletTypes: [String] = ["service_center", "service_hall"]
    /// Where the scoring file set them, for errors.
    public var tierOutletTypesLocation: SourceLocation?
    /// Corrective actions (`corrective_actions.due_working_days`): how many working days after
    /// the inspection day a failing finding of each severity is due (`actions.csv` of
    /// `audit batch`). Every severity has one.
    public var actionDueWorkingDays: [Severity: Int] = Self.standardActionDueWorkingDays

    /// critical 5, major 10, minor 20 working days. Advisory 20 as minor: an advisory fail
    /// costs no points, so its due date is the only thing that keeps it on a branch's worklist.
    public static let standardActionDueWorkingDays: [Severity: Int] = [.critical: 5, .major: 10, .minor: 20, .advisory: 20]
    /// The longest due time, in working days (about a year).
    public static let maximumActionDueWorkingDays = 250

    /// The spec's defaults, used when no scoring file is loaded.
    public static let standard = ScoringSettings(
        points: [.critical: 10, .major: 5, .minor: 2, .advisory: 0],
        weights: [.build: 40, .etiquette: 30, .timeliness: 30],
        grades: [
            Grade(id: "excellent", min: 90, label: Label(zh: "优秀", en: "excellent")),
            Grade(id: "good", min: 80, label: Label(zh: "良好", en: "good")),
            Grade(id: "pass", min: 60, label: Label(zh: "合格", en: "pass")),
            Grade(id: "fail", min: 0, label: Label(zh: "不合格", en: "fail")),
        ],
        redLineGrade: "fail", minCoverage: 0.8)

    /// The band for a total (rounded to one decimal first, as shown).
    public func grade(for total: Double) -> Grade? {
        let shown = (total * 10).rounded(.toNearestOrAwayFromZero) / 10
        return grades.first { shown >= $0.min } ?? grades.last
    }

    public func grade(id: String) -> Grade? { grades.first { $0.id == id } }

    /// A rule's full points: its own, else its severity's.
    public func points(of rule: RuleDefinition) -> Double {
        rule.points ?? points[rule.severity] ?? rule.severity.defaultPoints
    }

    public static let format = "outlet-score/1"

    /// The most points a severity may cost: a rule's own points have the same cap (a pack's
    /// `points`, a profile's `rerate`), so a total can never overflow to infinity.
    public static let maximumPoints = 1000.0
    /// The largest section weight. Weights are relative (40/30/30); finite and bounded keeps
    /// the weighted total finite.
    public static let maximumWeight = 1000.0

    /// Problems only the report schema can show: tier outlet types that are not outlet types.
    public func check(against schema: ReportSchema) -> DiagnosticList {
        var diagnostics = DiagnosticList()
        guard let location = tierOutletTypesLocation,
              case .token(let types)? = schema.objects["outlet"]?.field(named: "type")?.type else { return diagnostics }
        for type in tierOutletTypes where !types.contains(type) {
            diagnostics.append(.error(
                .notAnOutletType(type, hint: Suggestion.hint(for: type, among: types.values)), at: location))
        }
        return diagnostics
    }

    public static func load(_ document: YAMLDocument) throws(DiagnosticList) -> ScoringSettings {
        var reader = NodeReader(file: document.file)
        var settings = ScoringSettings.standard
        let keys = ["scoring", "points", "weights", "grades", "red_line_grade", "min_coverage"]
        guard let top = reader.mapping(document.root, .aScoringFile, allowed: keys + ["tier_outlet_types", "corrective_actions"], required: keys) else {
            throw reader.diagnostics
        }
        func number(_ node: YAMLNode, _ what: String) -> Double? {
            switch node.scalar?.value {
            case .int(let i)?: return Double(i)
            case .float(let d)?: return d
            default:
                reader.error(.mustBeNumber(what, found: reader.describe(node)), at: node)
                return nil
            }
        }
        var gradesNode = document.root, redLineNode = document.root
        for (key, _, value) in top {
            switch key {
            case "scoring":
                if let format = reader.string(value, .code("scoring")), format != Self.format {
                    reader.error(.unsupportedScoringFormat(format, expected: Self.format), at: value)
                }
            case "points":
                let names = Severity.allCases.map(\.rawValue)
                for (name, _, v) in reader.mapping(value, .code("points"), allowed: names, required: names) ?? [] {
                    guard let severity = Severity(rawValue: name), let p = number(v, "points.\(name)") else { continue }
                    if !p.isFinite || p > Self.maximumPoints {
                        reader.error(.scoringNumberTooLarge("points.\(name)", maximum: Self.maximumPoints, found: p), at: v)
                    } else if p < 0 {
                        reader.error(.mustNotBeNegative("points.\(name)"), at: v)
                    }
                    settings.points[severity] = p
                }
            case "weights":
                let names = Section.allCases.map(\.rawValue)
                for (name, _, v) in reader.mapping(value, .code("weights"), allowed: names, required: names) ?? [] {
                    guard let section = Section(rawValue: name), let w = number(v, "weights.\(name)") else { continue }
                    if !w.isFinite || w > Self.maximumWeight {
                        reader.error(.scoringNumberTooLarge("weights.\(name)", maximum: Self.maximumWeight, found: w), at: v)
                    } else if w <= 0 {
                        reader.error(.mustBePositive("weights.\(name)"), at: v)
                    }
                    settings.weights[section] = w
                }
            case "grades":
                gradesNode = value
                guard let items = value.sequence, !items.isEmpty else {
                    reader.error(.gradesNonEmpty, at: value)
                    continue
                }
                var grades: [Grade] = []
                for item in items {
                    guard let fields = reader.mapping(item, .aGrade, allowed: ["id", "min", "zh", "en"], required: ["id", "min", "zh", "en"])
                    else { continue }
                    var grade = Grade(id: "", min: 0, label: Label(zh: "", en: ""))
                    for (k, _, v) in fields {
                        switch k {
                        case "id": grade.id = reader.string(v, .code("id")) ?? ""
                        case "min": grade.min = number(v, "min") ?? 0
                        case "zh": grade.label.zh = reader.string(v, .code("zh")) ?? ""
                        default: grade.label.en = reader.string(v, .code("en")) ?? ""
                        }
                    }
                    if grades.contains(where: { $0.id == grade.id }) {
                        reader.error(.gradeTwice(grade.id), at: item)
                    }
                    if !(0...100).contains(grade.min) {
                        let shown = grade.min.isFinite ? JSON.format(grade.min, decimals: 1) : String(grade.min)
                        reader.error(.gradeOutOfRange(grade.id, shown), at: item)
                    }
                    if let previous = grades.last, grade.min >= previous.min {
                        reader.error(.gradesNotDescending(grade.id, JSON.format(grade.min, decimals: 1), previous: previous.id), at: item)
                    }
                    grades.append(grade)
                }
                if let last = grades.last, last.min != 0 {
                    reader.error(.lastGradeAtZero, at: items[items.count - 1])
                }
                settings.grades = grades
            case "red_line_grade":
                redLineNode = value
                settings.redLineGrade = reader.string(value, .code("red_line_grade")) ?? ""
            case "tier_outlet_types":
                // Checked against the schema's outlet types when the rule set is put together.
                settings.tierOutletTypes = reader.stringList(value, .code("tier_outlet_types"))?.map(\.0) ?? []
                settings.tierOutletTypesLocation = reader.location(value)
            case "corrective_actions":
                for (_, _, days) in reader.mapping(value, .code("corrective_actions"), allowed: ["due_working_days"], required: ["due_working_days"]) ?? [] {
                    let names = Severity.allCases.map(\.rawValue)
                    for (severity, _, v) in reader.mapping(days, .code("corrective_actions.due_working_days"), allowed: names, required: names) ?? [] {
                        guard let severity = Severity(rawValue: severity) else { continue }
                        let what = "corrective_actions.due_working_days.\(severity.rawValue)"
                        if case .int(let n)? = v.scalar?.value, n >= 1, n <= Int64(Self.maximumActionDueWorkingDays) {
                            settings.actionDueWorkingDays[severity] = Int(n)
                        } else {
                            reader.error(.actionDaysRange(what, maximum: Self.maximumActionDueWorkingDays, found: reader.describe(v)), at: v)
                        }
                    }
                }
            default:
                if let c = number(value, "min_coverage") {
                    if !(0...1).contains(c) { reader.error(.minCoverageRange, at: value) }
                    settings.minCoverage = c
                }
            }
        }
        if settings.grade(id: settings.redLineGrade) == nil {
            reader.error(.redLineNotAGrade(settings.redLineGrade, hint: Suggestion.hint(for: settings.redLineGrade, among: settings.grades.map(\.id))), at: redLineNode)
        }
        _ = gradesNode
        if reader.diagnostics.hasErrors { throw reader.diagnostics }
        return settings
    }
}
