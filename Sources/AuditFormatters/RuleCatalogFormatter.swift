import AuditCore
import AuditRules
import AuditYAML

/// `audit rules` (one line per rule) and `audit explain` (everything about one clause), as
/// text or JSON.
public enum RuleCatalogFormatter {
    public static func list(_ rules: [CompiledRule], language: Language, json: Bool) -> String {
        if json {
            let items: [JSON] = rules.map { r in
                let d = r.definition
                return .object([
                    ("id", .string(d.id)), ("section", .string(d.section.rawValue)), ("severity", .string(d.severity.rawValue)),
                    ("tier", .optional(d.tier?.rawValue)), ("points", .number(d.effectivePoints, decimals: 2)),
                    ("title", .object([("zh", .string(d.title.zh)), ("en", .string(d.title.en))])),
                    ("pack", .string(d.pack)), ("file", .string(d.location.file)),
                ])
            }
            return JSON.array(items).serialized(pretty: true) + "\n"
        }
        let width = rules.map(\.id.count).max() ?? 0
        var out = ""
        for r in rules {
            let d = r.definition
            let id = d.id.padded(toLength: width)
            let section = d.section.rawValue.padded(toLength: 10)
            let severity = d.severity.rawValue.padded(toLength: 8)
            let tier = (d.tier?.rawValue ?? "-").padded(toLength: 8)
            out += "\(id)  \(section) \(severity) \(tier) \(d.title.text(language))\n"
        }
        return out + "\(rules.count) rules\n"
    }

    /// `profiles`: the loaded profiles; those that change the rule are listed with what they
    /// change and for whom.
    public static func explain(_ rule: CompiledRule, profiles: [Profile] = [], json: Bool) -> String {
        let d = rule.definition
        let touching: [(name: String, match: String, changes: [String])] = profiles.compactMap { p in
            var changes: [String] = []
            for s in p.params where s.key.hasPrefix(d.id + ".") {
                changes.append("\(s.key) = \(s.resolved.map(ParameterValue.text) ?? s.value.flowText)")
            }
            for c in p.disabled where c.rule == d.id { changes.append("disabled (\(c.reason))") }
            for c in p.rerated where c.rule == d.id {
                var what: [String] = []
                if let severity = c.severity { what.append("severity \(severity.rawValue)") }
                if let points = c.points { what.append("points \(JSON.format(points, decimals: 2))") }
                changes.append("re-rated: " + what.joined(separator: ", ") + " (\(c.reason))")
            }
            guard !changes.isEmpty else { return nil }
            let m = p.match
            let match = [("branch", m.branch), ("sub_branch", m.subBranch), ("type", m.type), ("outlet", m.outlet)]
                .filter { !$0.1.isEmpty }.map { "\($0.0) \($0.1.joined(separator: "|"))" }.joined(separator: ", ")
            return (p.name, match.isEmpty ? "every outlet" : match, changes)
        }
        let params = d.params.map { p -> (name: String, value: String, default: String, fixed: Bool) in
            let current = rule.parameters[p.name].map { ParameterValue.text($0) } ?? "?"
            return (p.name, current, ParameterValue.text(p.value), p.fixed)
        }
        if json {
            func source(_ s: ExpressionSource?) -> JSON { s.map { .string($0.text) } ?? .null }
            let json: JSON = .object([
                ("id", .string(d.id)),
                ("title", .object([("zh", .string(d.title.zh)), ("en", .string(d.title.en))])),
                ("description", .optional(d.description)),
                ("section", .string(d.section.rawValue)), ("severity", .string(d.severity.rawValue)),
                ("points", .number(d.effectivePoints, decimals: 2)), ("tier", .optional(d.tier?.rawValue)),
                ("cite", .object([("source", .string(d.cite.source)), ("document", .string(d.cite.document)),
                                  ("clause", .string(d.cite.clause)), ("quote", .string(d.cite.quote))])),
                ("applies", source(d.applies)),
                ("for_each", .array(d.forEach.map { .string($0.list.text) })),
                ("let", .object(d.lets.map { ($0.name, .string($0.source.text)) })),
                ("check", .string(d.check.text)),
                ("message", .object([("zh", .string(d.message.zh.text)), ("en", .string(d.message.en.text))])),
                ("parameters", .array(params.map {
                    .object([("name", .string($0.name)), ("qualified", .string("\(d.id).\($0.name)")), ("value", .string($0.value)),
                             ("default", .string($0.default)), ("fixed", .bool($0.fixed))])
                })),
                ("profiles", .array(touching.map { t in
                    .object([("name", .string(t.name)), ("match", .string(t.match)), ("changes", .array(t.changes.map { .string($0) }))])
                })),
                ("examples", .array(d.examples.map { e in
                    .object([("expect", .string(e.expectation.rawValue)), ("fragment", .string(e.fragment.flowText)),
                             ("location", .string(e.location.description))])
                })),
                ("location", .string(d.location.description)),
            ])
            return json.serialized(pretty: true) + "\n"
        }
        var out = "\(d.id)  \(d.title.zh) / \(d.title.en)\n"
        out += "section \(d.section.rawValue) · severity \(d.severity.rawValue) · points \(JSON.format(d.effectivePoints, decimals: 2))"
        out += " · tier \(d.tier?.rawValue ?? "—")\n"
        out += "cite [\(d.cite.source)] \(d.cite.document) \(d.cite.clause)\n  「\(d.cite.quote)」\n"
        if let description = d.description { out += "note \(description.split(separator: "\n").joined(separator: " "))\n" }
        if let applies = d.applies { out += "applies  \(applies.text)\n" }
        for list in d.forEach {
            out += "for each \(list.list.text)\n"
            for (name, source) in list.lets { out += "  let \(name) = \(source.text)\n" }
        }
        for (name, source) in d.lets { out += "let      \(name) = \(source.text)\n" }
        out += "check    \(d.check.text)\n"
        out += "message  zh: \(d.message.zh.text)\n         en: \(d.message.en.text)\n"
        if !params.isEmpty {
            // The qualified name is what --param and profiles take.
            out += "parameters (--param \(d.id).NAME=VALUE)\n"
            for p in params {
                let note = p.fixed ? " (fixed by the clause)" : (p.value == p.default ? "" : " (default \(p.default))")
                out += "  \(d.id).\(p.name) = \(p.value)\(note)\n"
            }
        }
        if !touching.isEmpty {
            out += "profiles (for the outlets they match)\n"
            for t in touching { out += "  \(t.name) (\(t.match)): \(t.changes.joined(separator: "; "))\n" }
        }
        out += "examples\n"
        for e in d.examples {
            out += "  \(e.expectation.rawValue)  \(e.location)  \(e.fragment.flowText)\n"
        }
        return out + "defined at \(d.location)\n"
    }
}
