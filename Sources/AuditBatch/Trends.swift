import AuditCore
import AuditEngine
import AuditFormatters
import AuditRules

/// How an outlet's results moved between two rounds, and `trends.jsonl`, which lists it: one
/// line per outlet of this round (`matched` or `new`), in input order, then one per outlet of
/// the previous round only (`gone`), in its order.
///
/// Results are matched by rule id and item, as `audit diff` does (`ResultDiff`). A batch's
/// results.jsonl lists every result that is neither a pass nor not applicable, so the same is
/// compared on both sides: a result listed before and absent now passes now or no longer
/// applies.
enum Trends {
    typealias Key = PreviousRound.ResultKey

    struct Moved {
        /// Failing now, not before (in this round's finding order).
        var newFailures: [Key] = []
        /// Failing before, not now (in the previous round's order).
        var fixed: [Key] = []
        /// Listed on both sides, failing on neither, with another status.
        var flipped: [(key: Key, old: Status, new: Status)] = []
    }

    static func compare(_ before: PreviousRound.Outlet?, _ result: AuditResult) -> Moved {
        var moved = Moved()
        guard let before else { return moved }
        var was: [Key: Status] = [:]
        for (key, status) in before.results where was[key] == nil { was[key] = status }
        var now: [Key: Status] = [:]
        var order: [Key] = []
        // Field by field through a buffer: `for finding in` would copy each of the hundreds.
        result.findings.withUnsafeBufferPointer { all in
            for i in all.indices where all[i].status != .pass && all[i].status != .notApplicable {
                let key = Key(rule: all[i].rule.id, item: all[i].item)
                if now[key] == nil {
                    now[key] = all[i].status
                    order.append(key)
                }
            }
        }
        for key in order {
            let n = now[key]!, o = was[key]
            if n == .fail, o != .fail { moved.newFailures.append(key) }
            else if let o, o != .fail, n != .fail, o != n { moved.flipped.append((key, o, n)) }
        }
        var seen: Set<Key> = []
        for (key, status) in before.results where status == .fail && now[key] != .fail {
            if seen.insert(key).inserted { moved.fixed.append(key) }
        }
        return moved
    }

    static func keys(_ keys: [Key]) -> JSON {
        .array(keys.map { .object([("rule", .string($0.rule)), ("item", $0.item.map(JSON.string) ?? .null)]) })
    }

    static func score(_ value: Double?) -> JSON { value.map { .number($0, decimals: 1) } ?? .null }

    static func side(inspection: String, at: String, score value: Double?, grade: String?, redLine: String?) -> JSON {
        .object([
            ("inspection_id", .string(inspection)), ("inspected_at", at.isEmpty ? .null : .string(at)), ("score", score(value)),
            ("grade", grade.map(JSON.string) ?? .null), ("red_line", redLine.map(JSON.string) ?? .null),
        ])
    }

    /// The line of an outlet of this round.
    static func line(_ row: OutletRow, before: PreviousRound.Outlet?, _ moved: Moved) -> String {
        let previous = before.map { side(inspection: $0.inspectionId, at: $0.inspectedAt, score: $0.score, grade: $0.grade, redLine: $0.redLine) }
        return JSON.object([
            ("outlet_id", .string(row.outletId)), ("branch", .string(row.branch)), ("name", .string(row.name)),
            ("trend", .string(before == nil ? "new" : "matched")), ("path", .string(row.path)),
            ("previous", previous ?? .null),
            ("current", side(inspection: row.inspectionId, at: row.inspectedAt, score: row.score, grade: row.grade, redLine: row.redLine)),
            ("score_change", score(before == nil ? nil : row.scoreChange)),
            ("new_failures", keys(moved.newFailures)), ("fixed_failures", keys(moved.fixed)),
            ("flipped", .array(moved.flipped.map {
                .object([("rule", .string($0.key.rule)), ("item", $0.key.item.map(JSON.string) ?? .null),
                         ("previous", .string($0.old.rawValue)), ("current", .string($0.new.rawValue))])
            })),
        ]).serialized() + "\n"
    }

    /// The line of an outlet of the previous round only.
    static func goneLine(_ outlet: PreviousRound.Outlet) -> String {
        JSON.object([
            ("outlet_id", .string(outlet.outletId)), ("branch", .string(outlet.branch)), ("name", .string(outlet.name)),
            ("trend", .string("gone")), ("path", .null),
            ("previous", side(inspection: outlet.inspectionId, at: outlet.inspectedAt, score: outlet.score, grade: outlet.grade,
                              redLine: outlet.redLine)),
            ("current", .null), ("score_change", .null), ("new_failures", .array([])), ("fixed_failures", .array([])),
            ("flipped", .array([])),
        ]).serialized() + "\n"
    }
}
