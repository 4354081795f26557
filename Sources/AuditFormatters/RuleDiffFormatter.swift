import AuditCore
import AuditRules

/// `audit rules --diff OLD NEW`: a `RuleSetDiff` as text (for the reviewer of a rules change)
/// or JSON (stable key order; packs by name, rules by id, changes in `RuleSetDiff.fields` order).
public enum RuleDiffFormatter {
    /// `old` and `new` name the two sides (the paths as given).
    public static func format(_ diff: RuleSetDiff, old: String, new: String, json: Bool) -> String {
        json ? self.json(diff, old: old, new: new).serialized(pretty: true) + "\n" : text(diff, old: old, new: new)
    }

    public static func text(_ diff: RuleSetDiff, old: String, new: String) -> String {
        var out = "rules diff: \(old) → \(new)\n"
        for pack in diff.packs {
            switch pack.kind {
            case .added: out += "+ pack \(pack.name) \(pack.newVersion ?? "")\n"
            case .removed: out += "- pack \(pack.name) \(pack.oldVersion ?? "")\n"
            case .version: out += "~ pack \(pack.name) \(pack.oldVersion ?? "") → \(pack.newVersion ?? "")\n"
            }
        }
        for change in diff.schema {
            out += "\(change.kind == .added ? "+" : "-") schema \(change.path)\n"
        }
        for profile in diff.profiles {
            let sign = switch profile.kind { case .added: "+"; case .removed: "-"; case .changed: "~" }
            out += "\(sign) profile \(profile.name)\n"
            for change in profile.changes { out += "    \(change.field): \(shown(change.old)) → \(shown(change.new))\n" }
        }
        let width = (diff.added + diff.removed).map(\.id.count).max() ?? 0
        // Rules by id, whichever way they changed.
        var lines: [(id: String, text: String)] = []
        for rule in diff.added {
            lines.append((rule.id, "+ \(pad(rule.id, width))  (added, pack \(rule.pack) \(rule.packVersion))\n"))
        }
        for rule in diff.removed {
            lines.append((rule.id, "- \(pad(rule.id, width))  (removed, was in pack \(rule.pack) \(rule.packVersion))\n"))
        }
        for rule in diff.changed {
            var text = "~ \(rule.id)\n"
            for change in rule.changes {
                text += "    \(change.field): \(shown(change.old)) → \(shown(change.new))\n"
            }
            lines.append((rule.id, text))
        }
        for line in lines.sorted(by: { $0.id < $1.id }) { out += line.text }
        return out + "\(diff.added.count) added, \(diff.removed.count) removed, \(diff.changed.count) changed, \(diff.unchanged) unchanged\n"
    }

    public static func json(_ diff: RuleSetDiff, old: String, new: String) -> JSON {
        func value(_ v: RuleSetDiff.FieldValue?) -> JSON { v.map { .string($0.string) } ?? .null }
        func entry(_ rule: RuleSetDiff.RuleEntry) -> JSON {
            .object([
                ("id", .string(rule.id)), ("pack", .string(rule.pack)), ("version", .string(rule.packVersion)),
                ("title", .object([("zh", .string(rule.title.zh)), ("en", .string(rule.title.en))])),
            ])
        }
        return .object([
            ("old", .string(old)),
            ("new", .string(new)),
            ("packs", .array(diff.packs.map {
                .object([("name", .string($0.name)), ("change", .string($0.kind.rawValue)),
                         ("old_version", .optional($0.oldVersion)), ("new_version", .optional($0.newVersion))])
            })),
            ("schema", .array(diff.schema.map { .object([("change", .string($0.kind.rawValue)), ("path", .string($0.path))]) })),
            ("added", .array(diff.added.map(entry))),
            ("removed", .array(diff.removed.map(entry))),
            ("changed", .array(diff.changed.map { rule in
                .object([
                    ("id", .string(rule.id)), ("pack", .string(rule.pack)),
                    ("changes", .array(rule.changes.map {
                        .object([("field", .string($0.field)), ("old", value($0.old)), ("new", value($0.new))])
                    })),
                ])
            })),
            ("profiles", .array(diff.profiles.map { profile in
                .object([
                    ("name", .string(profile.name)), ("change", .string(profile.kind.rawValue)),
                    ("changes", .array(profile.changes.map {
                        .object([("field", .string($0.field)), ("old", value($0.old)), ("new", value($0.new))])
                    })),
                ])
            })),
            ("counts", .object([
                ("added", .int(diff.added.count)), ("removed", .int(diff.removed.count)),
                ("changed", .int(diff.changed.count)), ("unchanged", .int(diff.unchanged)),
            ])),
        ])
    }

    /// A token as it is, text quoted (a quote or expression may hold spaces or line breaks),
    /// and `(none)` for a value not set.
    static func shown(_ value: RuleSetDiff.FieldValue?) -> String {
        switch value {
        case .token(let s)?: s
        case .text(let s)?: JSON.string(s).serialized()
        case nil: "(none)"
        }
    }

    static func pad(_ s: String, _ width: Int) -> String { s.padded(toLength: max(width, s.count)) }
}
