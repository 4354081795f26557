import AuditCore
import AuditReport
import AuditRules

/// An outlet's score (`scoring.md`): section scores, weighted total, grade, red line and
/// coverage. Values are unrounded; formatters round half-up to one decimal.
public struct Score: Sendable {
    /// Nil when no section has a score.
    public var total: Double?
    public var grade: ScoringSettings.Grade?
    /// Coverage below the scoring file's minimum (or nothing assessed at all).
    public var provisional: Bool
    /// The failed critical rule that sets the grade to fail, whatever the score.
    public var redLine: String?
    /// Assessed points / (assessed + not assessed points); nil when no points apply.
    public var coverage: Double?
    /// Nil for a section with nothing assessed.
    public var sections: [Section: Double?]
    /// Paths of the evidence the report lacks, for a provisional grade.
    public var missingEvidence: [String]
}

/// Tier qualification (`scoring.md`, Tiers).
public struct TierResult: Sendable {
    /// `outlet.tier`; nil for none.
    public var claimed: Tier?
    /// The highest tier whose applicable tier rules all pass; nil for none.
    public var qualifies: Tier?
    /// When the claim is not supported: the rules that block it.
    public var blocking: [String]
    /// The rules (and their statuses) that keep the outlet from the next tier up.
    public var missing: [(rule: String, status: Status)]
    /// Failed advisory tier rules (尽量, "as far as possible"): advice, never a blocker.
    public var advice: [String] = []
    /// Whether the outlet's type can hold a tier at all.
    public var eligible: Bool = true
    /// The titles of the rules `blocking`, `missing` and `advice` name (flagship rules among
    /// them may not be findings), so a reader sees what each rule asks, not only its id.
    public var titles: [String: Label] = [:]
}

/// What qualification reads of one tier rule's result: the rule and its status (not the
/// whole `Finding`, which is costly to copy).
struct TierEvidence {
    let rule: RuleDefinition
    let status: Status
}

/// Turns findings into a score.
struct Scorer {
    /// none < standard < flagship.
    static func rank(_ t: Tier?) -> Int { t == nil ? 0 : (t == .standard ? 1 : 2) }

    let settings: ScoringSettings

    /// Scores `findings` (already without qualification-only results) and sets each failing
    /// finding's `pointsLost`.
    func score(_ findings: inout [Finding]) -> Score {
        var earned: [Section: Double] = [:], lost: [Section: Double] = [:]
        var assessedPoints = 0.0, missingPoints = 0.0
        var missing: Set<String> = []
        // A rule's findings are adjacent (the auditor evaluates rule by rule): walk the runs.
        var start = 0
        while start < findings.count {
            let rule = findings[start].rule
            var end = start + 1
            while end < findings.count && findings[end].rule === rule { end += 1 }
            let group = start..<end
            start = end
            let points = settings.points(of: rule)
            var passed = 0, failed = 0, waived = 0, notAssessed = 0
            for i in group {
                switch findings[i].status {
                case .pass: passed += 1
                case .fail: failed += 1
                case .waived: waived += 1
                case .notAssessed, .error:
                    notAssessed += 1
                    missing.formUnion(findings[i].missing)
                case .notApplicable, .notDue: break
                }
            }
            let assessed = passed + failed + waived
            let counted = assessed + notAssessed
            // A list rule earns points × passed / assessed; a single result is the same
            // formula with one item. Coverage splits the points evenly over counted items.
            if assessed > 0 {
                let share = points / Double(assessed)
                earned[rule.section, default: 0] += share * Double(passed + waived)
                lost[rule.section, default: 0] += share * Double(failed)
                for i in group where findings[i].status == .fail { findings[i].pointsLost = share }
            }
            if counted > 0 {
                assessedPoints += points * Double(assessed) / Double(counted)
                missingPoints += points * Double(notAssessed) / Double(counted)
            }
        }
        var sections: [Section: Double?] = [:]
        var weighted = 0.0, weights = 0.0
        for section in Section.allCases {
            let e = earned[section] ?? 0, l = lost[section] ?? 0
            guard e + l > 0 else { sections[section] = .some(nil); continue }
            let value = 100 * e / (e + l)
            sections[section] = value
            let w = settings.weights[section] ?? 0
            weighted += w * value
            weights += w
        }
        let total: Double? = weights > 0 ? weighted / weights : nil
        let redLine = findings.withUnsafeBufferPointer { all in
            all.indices.first { all[$0].status == .fail && all[$0].rule.severity == .critical }.map { all[$0].rule.id }
        }
        var grade = total.flatMap { settings.grade(for: $0) }
        if redLine != nil { grade = settings.grade(id: settings.redLineGrade) }
        let coverage: Double? = assessedPoints + missingPoints > 0 ? assessedPoints / (assessedPoints + missingPoints) : nil
        return Score(
            total: total, grade: grade, provisional: coverage.map { $0 < settings.minCoverage } ?? true,
            redLine: redLine, coverage: coverage, sections: sections, missingEvidence: missing.sorted())
    }

    /// Qualification from the tier rules' results (scored or not). An outlet type that cannot
    /// hold a tier qualifies for none whatever its rules say; advisory rules never block.
    static func tier(claimed: Tier?, eligible: Bool = true, tierFindings: [TierEvidence]) -> TierResult {
        guard eligible else {
            return TierResult(claimed: claimed, qualifies: nil, blocking: [], missing: [], advice: [], eligible: false)
        }
        func blockers(upTo tier: Tier) -> [(rule: String, status: Status)] {
            let levels: [Tier] = tier == .flagship ? [.standard, .flagship] : [.standard]
            var result: [(rule: String, status: Status)] = []
            var seen: Set<String> = []
            for f in tierFindings where f.rule.severity != .advisory {
                guard let t = f.rule.tier, levels.contains(t), !seen.contains(f.rule.id) else { continue }
                // A waiver is an approved exception; not_assessed blocks ("cannot confirm").
                switch f.status {
                case .fail, .notAssessed, .error:
                    seen.insert(f.rule.id)
                    result.append((f.rule.id, f.status))
                case .pass, .waived, .notApplicable, .notDue:
                    continue
                }
            }
            return result
        }
        var advice: [String] = []
        for f in tierFindings where f.rule.severity == .advisory && f.status == .fail && !advice.contains(f.rule.id) {
            advice.append(f.rule.id)
        }
        let standardBlockers = blockers(upTo: .standard)
        let flagshipBlockers = blockers(upTo: .flagship)
        // A tier with no rule of its own level that applies cannot be qualified for: passing
        // nothing is not meeting the standard.
        func applies(_ tier: Tier) -> Bool {
            tierFindings.contains { $0.rule.tier == tier && $0.status != .notApplicable }
        }
        let qualifies: Tier?
        if standardBlockers.isEmpty && applies(.standard) {
            qualifies = flagshipBlockers.isEmpty && applies(.flagship) ? .flagship : .standard
        } else {
            qualifies = nil
        }
        var blocking: [String] = []
        if let claimed, Self.rank(claimed) > Self.rank(qualifies) {
            blocking = (claimed == .flagship ? flagshipBlockers : standardBlockers).map(\.rule)
        }
        let missing: [(rule: String, status: Status)]
        switch qualifies {
        case nil: missing = standardBlockers
        case .standard?: missing = flagshipBlockers
        case .flagship?: missing = []
        }
        var titles: [String: Label] = [:]
        let named = Set(blocking + missing.map(\.rule) + advice)
        for f in tierFindings where named.contains(f.rule.id) && titles[f.rule.id] == nil { titles[f.rule.id] = f.rule.title }
        return TierResult(claimed: claimed, qualifies: qualifies, blocking: blocking, missing: missing, advice: advice, titles: titles)
    }
}
