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
    public let scoring: ScoringSettings
    public let waivers: [Waiver]

    public init(
        rules: [CompiledRule], context: EvaluationContext, language: Language,
        scoring: ScoringSettings = .standard, waivers: [Waiver] = []
    ) {
        self.rules = rules
        self.context = context
        self.language = language
        self.scoring = scoring
        self.waivers = waivers
    }

    /// Evaluates every rule, applies waivers, qualifies the tier, runs the rules that judge
    /// the tier claim, and scores — in that order, since each step reads the one before.
    public func audit(_ report: InspectionReport) -> AuditResult {
        let frame = Frame(report: report, context: context, slotCount: 8)
        var findings: [Finding] = []
        var warnings: [Diagnostic] = report.warnings
        for rule in rules where !rule.isDerived {
            findings.append(contentsOf: evaluate(rule, frame))
        }
        applyWaivers(&findings, frame, &warnings)
        var claimed: Tier?
        if case .string(let text)? = report.value(at: "outlet.tier")?.value { claimed = Tier(rawValue: text) }
        // Only some outlet types can hold a tier (CS 2.1.1: centres and halls); for the others
        // the flagship rules do not apply at all and nothing qualifies.
        var eligible = true
        if case .string(let type)? = report.value(at: "outlet.type")?.value { eligible = scoring.tierOutletTypes.contains(type) }
        if !eligible {
            let na = language == .zh ? "不适用" : "not applicable"
            for i in findings.indices where findings[i].rule.tier == .flagship {
                findings[i].status = .notApplicable
                findings[i].message = na
            }
        }
        let tier = Scorer.tier(claimed: claimed, eligible: eligible, tierFindings: findings.filter { $0.rule.tier != nil })
        frame.tierStanding = TierStanding(
            supported: Scorer.rank(claimed) <= Scorer.rank(tier.qualifies), blocking: tier.blocking, eligible: eligible)
        var derived: [Finding] = []
        for rule in rules where rule.isDerived {
            derived.append(contentsOf: evaluate(rule, frame))
        }
        applyWaivers(&derived, frame, &warnings)
        findings.append(contentsOf: derived)
        // Flagship rules are scored only for outlets that claim flagship; for the others they
        // served qualification only and are not findings.
        if claimed != .flagship { findings.removeAll { $0.rule.tier == .flagship } }
        let score = Scorer(settings: scoring).score(&findings)
        return AuditResult(report: report, findings: findings, score: score, tier: tier, warnings: warnings)
    }

    /// `fail` → `waived` where an unexpired waiver covers the rule, outlet and item.
    private func applyWaivers(_ findings: inout [Finding], _ frame: Frame, _ warnings: inout [Diagnostic]) {
        guard !waivers.isEmpty else { return }
        var outlet = ""
        if case .string(let id)? = frame.report.value(at: "outlet.id")?.value { outlet = id }
        let today = frame.asOf?.localDate(offsetSeconds: frame.report.utcOffsetSeconds)
        var warned: Set<SourceLocation> = []
        for i in findings.indices where findings[i].status == .fail {
            let f = findings[i]
            let matching = waivers.filter { $0.matches(rule: f.rule.id, outlet: outlet, item: f.item) }
            if let valid = matching.first(where: { w in today.map { w.isValid(on: $0) } ?? false }) {
                findings[i].status = .waived
                findings[i].waiver = valid
                let note = language == .zh
                    ? "(已豁免:\(valid.reason);\(valid.approvedBy) 批准,有效期至 \(valid.expires))"
                    : " (waived: \(valid.reason); approved by \(valid.approvedBy), until \(valid.expires))"
                findings[i].message += note
            } else {
                for w in matching where warned.insert(w.location).inserted {
                    let message = language == .zh
                        ? "豁免已于 \(w.expires) 到期,未适用于 \(f.rule.id)"
                        : "waiver for \(f.rule.id) expired on \(w.expires); not applied"
                    warnings.append(Diagnostic(.warning, message, at: w.location))
                }
            }
        }
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
            if outcome.pending {
                status = .notDue
            } else if let check = outcome.check {
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
        return statuses.map { outcome, status in
            var location = SourceLocation(file: file, mark: outcome.evidenceMark ?? frame.report.root.mark)
            var pathPrefix = outcome.evidencePathPrefix, pathSuffix = outcome.evidencePathSuffix
            var missing: [String] = []
            var related: [SourceLocation] = []
            var message: String
            let value = outcome.check ?? outcome.applies
            switch status {
            case .notAssessed:
                if case .unknown(let m) = value {
                    missing = [m.path]
                    location = SourceLocation(file: file, mark: m.mark)
                    pathPrefix = m.path
                    pathSuffix = nil
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
                        pathPrefix = nil
                        pathSuffix = nil
                    }
                    related = e.marks.dropFirst().map { SourceLocation(file: file, mark: $0) }
                } else {
                    message = "evaluation failed"
                }
            case .notDue:
                if case .timeliness(let t)? = outcome.check {
                    let day = t.deadline.lastDay.description
                    switch t.certainty {
                    case .exact:
                        message = language == .zh ? "尚未到期(期限 \(day))" : "not due yet (deadline \(day))"
                    case .atLeast:
                        message = language == .zh ? "尚未到期(期限不早于 \(day))" : "not due yet (deadline \(day) at the earliest)"
                    case .stopped:
                        message = language == .zh ? "尚未到期(期限暂停计算,待补充资料到达)" : "not due yet (the clock is stopped until the requested documents arrive)"
                    }
                } else {
                    message = language == .zh ? "尚未到期" : "not due yet"
                }
            case .fail:
                if case .timeliness(let t)? = outcome.check, let mark = t.mark {
                    location = SourceLocation(file: file, mark: mark)
                }
                message = outcome.message ?? (language == .zh ? rule.definition.title.zh : rule.definition.title.en)
            case .pass, .waived:
                message = language == .zh ? rule.definition.title.zh : rule.definition.title.en
            case .notApplicable:
                message = language == .zh ? "不适用" : "not applicable"
            }
            return Finding(
                rule: rule.definition, status: status, item: outcome.item, message: message, location: location,
                pathPrefix: pathPrefix, pathSuffix: pathSuffix, missing: missing, related: related, pointsLost: 0, waiver: nil)
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
