import AuditCalendar
import AuditCore
import AuditReport
import AuditRules

/// Runs compiled rules over validated reports. Holds no per-report state, so one auditor
/// serves any number of reports (and threads). Its findings are language-neutral.
public struct Auditor: Sendable {
    public let rules: [CompiledRule]
    public let context: EvaluationContext
    public let scoring: ScoringSettings
    public let waivers: [Waiver]
    /// Which rules, parameters and profiles these are: stamped on every result.
    public let provenance: RuleProvenance?
    /// What every result should say about the configuration (a profile overriding another).
    public let notices: [Diagnostic]

    public init(
        rules: [CompiledRule], context: EvaluationContext,
        scoring: ScoringSettings = .standard, waivers: [Waiver] = [], provenance: RuleProvenance? = nil, notices: [Diagnostic] = []
    ) {
        self.rules = rules
        self.context = context
        self.scoring = scoring
        self.waivers = waivers
        self.provenance = provenance
        self.notices = notices
    }

    /// Evaluates the rules in two phases — every rule, then (with the tier standing the first
    /// phase gives) the rules that judge other rules' results — applying waivers after each,
    /// and scores.
    public func audit(_ report: InspectionReport) -> AuditResult {
        let evaluation = ReportEvaluation(report: report, context: context)
        var findings: [Finding] = []
        // Room for a typical report's results (≈ 12 per rule), so they are built in place and
        // never moved by the array growing.
        findings.reserveCapacity(rules.count * 16)
        var warnings: [Diagnostic] = report.warnings + notices
        for rule in rules where !rule.isDerived {
            appendFindings(of: rule, in: evaluation, to: &findings)
        }
        applyWaivers(&findings, evaluation, &warnings)
        var claimed: Tier?
        if case .string(let text)? = report.value(at: "outlet.tier")?.value { claimed = Tier(rawValue: text) }
        // Only some outlet types can hold a tier (CS 2.1.1: centres and halls); for the others
        // the flagship rules do not apply at all and nothing qualifies.
        var eligible = true
        if case .string(let type)? = report.value(at: "outlet.type")?.value { eligible = scoring.tierOutletTypes.contains(type) }
        // Through buffers below: `findings[i].rule` on the array copies the whole finding.
        if !eligible {
            findings.withUnsafeMutableBufferPointer { all in
                for i in all.indices where all[i].rule.tier == .flagship {
                    all[i].status = .notApplicable
                    all[i].message = .notApplicable
                }
            }
        }
        var tierFindings: [TierEvidence] = []
        findings.withUnsafeBufferPointer { all in
            for i in all.indices where all[i].rule.tier != nil { tierFindings.append(TierEvidence(rule: all[i].rule, status: all[i].status)) }
        }
        let tier = Scorer.tier(claimed: claimed, eligible: eligible, tierFindings: tierFindings)
        let standing = TierStanding(
            supported: Scorer.rank(claimed) <= Scorer.rank(tier.qualifies), blocking: tier.blocking, eligible: eligible)
        var derived: [Finding] = []
        for rule in rules where rule.isDerived {
            appendFindings(of: rule, in: evaluation, standing: standing, to: &derived)
        }
        applyWaivers(&derived, evaluation, &warnings)
        findings.append(contentsOf: derived)
        // Flagship rules are scored only for outlets that claim flagship; for the others they
        // served qualification only and are not findings.
        if claimed != .flagship { findings.removeAll { $0.rule.tier == .flagship } }
        let score = Scorer(settings: scoring).score(&findings)
        return AuditResult(report: report, findings: findings, score: score, tier: tier, warnings: warnings, provenance: provenance)
    }

    /// `fail` → `waived` where an unexpired waiver covers the rule, outlet and item.
    private func applyWaivers(_ findings: inout [Finding], _ evaluation: ReportEvaluation, _ warnings: inout [Diagnostic]) {
        guard !waivers.isEmpty else { return }
        var outlet = ""
        if case .string(let id)? = evaluation.report.value(at: "outlet.id")?.value { outlet = id }
        let today = evaluation.asOf?.localDate(offsetSeconds: evaluation.report.utcOffsetSeconds)
        var warned: Set<SourceLocation> = []
        findings.withUnsafeMutableBufferPointer { all in
            for i in all.indices where all[i].status == .fail {
                let rule = all[i].rule.id, item = all[i].item
                let matching = waivers.filter { $0.matches(rule: rule, outlet: outlet, item: item) }
                if let valid = matching.first(where: { w in today.map { w.isValid(on: $0) } ?? false }) {
                    all[i].status = .waived
                    all[i].waiver = valid
                } else {
                    for w in matching where warned.insert(w.location).inserted {
                        warnings.append(Diagnostic(.warning, .waiverNotApplied(rule, expired: "\(w.expires)"), at: w.location))
                    }
                }
            }
        }
    }

    /// The findings of one rule on one report (its first phase; a rule that judges other
    /// rules' results needs `standing`).
    public func findings(of rule: CompiledRule, in report: InspectionReport, standing: TierStanding? = nil) -> [Finding] {
        findings(of: rule, in: ReportEvaluation(report: report, context: context), standing: standing)
    }

    func findings(of rule: CompiledRule, in evaluation: ReportEvaluation, standing: TierStanding? = nil) -> [Finding] {
        var findings: [Finding] = []
        appendFindings(of: rule, in: evaluation, standing: standing, to: &findings)
        return findings
    }

    /// The findings of `rule`, appended to `findings` (built in place: a Finding is large, and
    /// a report has hundreds).
    func appendFindings(of rule: CompiledRule, in evaluation: ReportEvaluation, standing: TierStanding? = nil, to findings: inout [Finding]) {
        let file = evaluation.report.file
        let root = evaluation.report.root.mark
        for outcome in rule.outcomes(in: evaluation, standing: standing) {
            var location = SourceLocation(file: file, mark: outcome.evidenceMark ?? root)
            var pathPrefix = outcome.evidencePathPrefix, pathSuffix = outcome.evidencePathSuffix
            var missing: [String] = []
            var related: [SourceLocation] = []
            let message: FindingMessage
            switch outcome.status {
            case .notAssessed:
                if case .unknown(let m) = outcome.value {
                    missing = [m.path]
                    location = SourceLocation(file: file, mark: m.mark)
                    pathPrefix = m.path
                    pathSuffix = nil
                }
                message = .missingEvidence(missing)
            case .error:
                if case .failure(let e) = outcome.value {
                    message = .error(e)
                    if let first = e.marks.first, first != location.mark {
                        // The error concerns another field than the evidence (the start of a
                        // deadline): point there, and do not name the evidence's path.
                        location = SourceLocation(file: file, mark: first)
                        pathPrefix = nil
                        pathSuffix = nil
                    }
                    related = e.marks.dropFirst().map { SourceLocation(file: file, mark: $0) }
                } else {
                    message = .error(EvaluationError(message: "evaluation failed", zh: "无法评估"))
                }
            case .notDue:
                if case .timeliness(let t) = outcome.value {
                    message = .notDue(lastDay: t.deadline.lastDay, certainty: t.certainty)
                } else {
                    message = .notDue(lastDay: nil, certainty: .exact)
                }
            case .fail, .waived:
                if case .timeliness(let t) = outcome.value, let mark = t.mark {
                    location = SourceLocation(file: file, mark: mark)
                }
                message = outcome.message.map { .rule($0) } ?? .title
            case .pass:
                message = .title
            case .notApplicable:
                message = .notApplicable
            }
            findings.append(Finding(
                rule: rule.definition, status: outcome.status, item: outcome.item, message: message, location: location,
                pathPrefix: pathPrefix, pathSuffix: pathSuffix, missing: missing, related: related, pointsLost: 0, waiver: nil))
        }
    }
}
