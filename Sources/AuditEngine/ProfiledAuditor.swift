import AuditCore
import AuditReport
import AuditRules
import Synchronization

/// The auditor each report gets: the rules under the profiles whose `match` selects it, then
/// the `--param` values — compiled once per combination of profiles met, shared by every
/// report (and thread) that meets it — each result stamped with its provenance.
public final class ProfiledAuditor: Sendable {
    public let ruleSet: RuleSet
    /// `--param` values by qualified name (`RULE.name`).
    public let params: [String: Value]
    /// The run's digest: over every rule file (every profile loaded) and `params`. Each
    /// result's own digest counts only the profiles applied to it.
    public let digest: String
    /// The rules without any profile: every rule, the `--param` values. What a report no
    /// profile selects is audited with, and what batch tallies count.
    public let base: Auditor
    private let context: EvaluationContext
    private let waivers: [Waiver]
    private let variants = Mutex<[[Int]: Result<Auditor, DiagnosticList>]>([:])

    /// `rules`: `ruleSet` compiled with `params` alone.
    public init(ruleSet: RuleSet, rules: [CompiledRule], params: [String: Value], context: EvaluationContext, waivers: [Waiver] = []) {
        self.ruleSet = ruleSet
        self.params = params
        self.context = context
        self.waivers = waivers
        digest = ruleSet.digest(params: params)
        let configuration = RuleConfiguration(profiles: [], params: params)
        base = Auditor(rules: rules, context: context, scoring: ruleSet.scoring, waivers: waivers,
                       provenance: RuleProvenance(ruleSet: ruleSet, configuration: configuration,
                                                  digest: ruleSet.digest(params: params, profiles: [])))
    }

    /// The profiles (indices into `ruleSet.profiles`) that select `report`.
    public func profiles(selecting report: InspectionReport) -> [Int] {
        ruleSet.profiles.indices.filter { ruleSet.profiles[$0].match.selects(report) }
    }

    /// The auditor for `report`; an error when its profiles together give a rule a value it
    /// cannot take.
    public func auditor(for report: InspectionReport) -> Result<Auditor, DiagnosticList> {
        let selected = profiles(selecting: report)
        if selected.isEmpty { return .success(base) }
        return variants.withLock { cache in
            if let known = cache[selected] { return known }
            let configuration = RuleConfiguration(profiles: selected.map { ruleSet.profiles[$0] }, params: params)
            let made: Result<Auditor, DiagnosticList>
            do throws(DiagnosticList) {
                let rules = try ruleSet.compile(configuration)
                made = .success(Auditor(
                    rules: rules, context: context, scoring: ruleSet.scoring, waivers: waivers,
                    provenance: RuleProvenance(ruleSet: ruleSet, configuration: configuration,
                                               digest: ruleSet.digest(params: params, profiles: configuration.profiles.map(\.file))),
                    notices: configuration.conflicts))
            } catch {
                made = .failure(error)
            }
            cache[selected] = made
            return made
        }
    }

    /// Audits `report` with the rules its profiles make.
    public func audit(_ report: InspectionReport) -> Result<AuditResult, DiagnosticList> {
        auditor(for: report).map { $0.audit(report) }
    }
}
