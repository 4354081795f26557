import AuditCalendar
import AuditCore
import AuditReport
import AuditRules

/// Runs compiled rules over validated reports. Holds no per-report state, so one auditor
/// serves any number of reports (and threads).
public struct Auditor: Sendable {
    public let rules: [CompiledRule]
    public let context: EvaluationContext
    public let language: Language

    public init(rules: [CompiledRule], context: EvaluationContext, language: Language) {
        self.rules = rules
        self.context = context
        self.language = language
    }

    public func audit(_ report: InspectionReport) -> AuditResult {
        let frame = Frame(report: report, context: context, slotCount: 8)
        var findings: [Finding] = []
        for rule in rules {
            findings.append(contentsOf: evaluate(rule, frame))
        }
        return AuditResult(report: report, findings: findings)
    }

    /// The findings of one rule on one report.
    public func evaluate(_ rule: CompiledRule, _ frame: Frame) -> [Finding] {
        let outcomes = rule.outcomes(in: frame, language: language) { check in
            switch Self.status(of: check) {
            case .fail: true
            default: false
            }
        }
        let file = frame.report.file
        var statuses: [(CompiledRule.Outcome, Status)] = []
        for outcome in outcomes {
            let status: Status
            if let check = outcome.check {
                status = Self.status(of: check)
            } else {
                switch outcome.applies {
                case .unknown: status = .notAssessed
                case .failure: status = .error
                default: status = .notApplicable
                }
            }
            statuses.append((outcome, status))
        }
        // A list rule earns points × passed / assessed; each failing item costs its share.
        let assessed = statuses.filter { $0.1 == .pass || $0.1 == .fail }.count
        let points = rule.definition.effectivePoints
        let share = assessed > 0 ? points / Double(assessed) : 0

        return statuses.map { outcome, status in
            var location = SourceLocation(file: file, mark: outcome.evidenceMark ?? frame.report.root.mark)
            var path = outcome.evidencePath
            var missing: [String] = []
            var related: [SourceLocation] = []
            var message: String
            let value = outcome.check ?? outcome.applies
            switch status {
            case .notAssessed:
                if case .unknown(let m) = value {
                    missing = [m.path]
                    location = SourceLocation(file: file, mark: m.mark)
                    path = m.path
                }
                message = language == .zh
                    ? "缺少检查证据:\(missing.joined(separator: "、"))"
                    : "evidence missing: \(missing.joined(separator: ", "))"
            case .error:
                if case .failure(let e) = value {
                    message = language == .zh ? e.zh ?? e.message : e.message
                    if let first = e.marks.first, first != location.mark {
                        // The error concerns another field than the evidence (the start of a
                        // deadline): point there, and do not name the evidence's path.
                        location = SourceLocation(file: file, mark: first)
                        path = nil
                    }
                    related = e.marks.dropFirst().map { SourceLocation(file: file, mark: $0) }
                } else {
                    message = "evaluation failed"
                }
            case .notDue:
                if case .timeliness(let t)? = outcome.check {
                    let day = t.deadline.lastDay.description
                    message = language == .zh ? "尚未到期(期限 \(day))" : "not due yet (deadline \(day))"
                } else {
                    message = outcome.message ?? ""
                }
            case .fail:
                if case .timeliness(let t)? = outcome.check, let mark = t.mark {
                    location = SourceLocation(file: file, mark: mark)
                }
                message = outcome.message ?? (language == .zh ? rule.definition.title.zh : rule.definition.title.en)
            case .pass:
                message = language == .zh ? rule.definition.title.zh : rule.definition.title.en
            case .notApplicable:
                message = language == .zh ? "不适用" : "not applicable"
            }
            let lost: Double = status == .fail ? (rule.sourcesIterate ? share : points) : 0
            return Finding(
                rule: rule.definition, status: status, item: outcome.item, message: message, location: location,
                path: path, missing: missing, related: related, pointsLost: lost)
        }
    }

    static func status(of check: Value) -> Status {
        switch check {
        case .bool(true): .pass
        case .bool(false): .fail
        // The check read something that has not happened (a surname never learnt, no
        // agreement yet): the clause has nothing to judge.
        case .none: .notApplicable
        case .timeliness(let t):
            switch t.outcome {
            case .onTime: .pass
            case .late, .overdue: .fail
            case .notDue: .notDue
            }
        case .failure: .error
        default: .notAssessed
        }
    }
}
