import AuditCore
import AuditEngine
import AuditReport
import AuditRules

/// For programs: one object per report with stable keys (documented in the README).
public enum JSONFormatter {
    /// `compact: true` (one line per report) writes each rule's citation from its ready-made
    /// JSON instead of building it again for every finding.
    public static func object(_ result: AuditResult, _ options: OutputOptions, compact: Bool = false) -> JSON {
        let report = result.report
        let reportInfo: JSON = .object([
            ("path", .string(report.file)),
            ("inspection", .optional(result.text("inspection.id"))),
            ("outlet", .optional(result.text("outlet.id"))),
            ("name", .optional(result.text("outlet.name"))),
            ("branch", .optional(result.text("outlet.branch"))),
            ("type", .optional(result.text("outlet.type"))),
            ("tier", .string(result.text("outlet.tier") ?? "none")),
        ])
        let rules = provenance(result.provenance, digest: options.rulesDigest)
        let counts: JSON = .object(Status.allCases.map { ($0.rawValue, .int(result.count($0))) })
        let findings = orderedIndices(result.findings, where: options.shows).map {
            finding(of: result.findings[$0], language: options.language, compact: compact)
        }
        var fields: [(String, JSON)] = [
            ("report", reportInfo),
            ("rules", rules),
            ("score", score(result.score)),
            ("tier", tier(result.tier)),
            ("counts", counts),
            ("findings", .array(findings)),
        ]
        if !result.warnings.isEmpty {
            fields.append(("warnings", .array(result.warnings.map { w in
                .object([("message", .string(w.wording.text(options.language))), ("file", .string(w.location.file)),
                         ("line", w.location.line.map { .int($0) } ?? .null)])
            })))
        }
        return .object(fields)
    }

    /// Which rules produced the result: packs and extensions (name, version, file, SHA-256),
    /// the profiles applied, parameter values that differ from the defaults (and who set them),
    /// rules disabled or re-rated (and why), and the digest over all of it.
    static func provenance(_ p: RuleProvenance?, digest: String) -> JSON {
        guard let p else { return .object([("digest", .string(digest))]) }
        func file(_ s: RuleSource) -> JSON {
            var fields: [(String, JSON)] = [("name", .string(s.name))]
            if let version = s.version { fields.append(("version", .string(version))) }
            fields += [("file", .string(s.path)), ("sha256", .string(s.sha256)), ("shipped", .bool(s.shipped))]
            return .object(fields)
        }
        func change(_ c: RuleProvenance.RuleChange) -> JSON {
            var fields: [(String, JSON)] = [("rule", .string(c.rule))]
            if let s = c.severity { fields.append(("severity", .object([("from", .string(s.from.rawValue)), ("to", .string(s.to.rawValue))]))) }
            if let points = c.points {
                fields.append(("points", .object([("from", .number(points.from, decimals: 2)), ("to", .number(points.to, decimals: 2))])))
            }
            fields += [("reason", .string(c.reason)), ("profile", .string(c.profile))]
            return .object(fields)
        }
        return .object([
            ("packs", .array(p.packs.map(file))),
            ("extensions", .array(p.extensions.map(file))),
            ("profiles", .array(p.profiles.map(file))),
            ("base", .array(p.base.map { s in
                var fields = [("kind", JSON.string(s.kind.firstKey))]
                fields += [("name", .string(s.name)), ("file", .string(s.path)), ("sha256", .string(s.sha256)), ("shipped", .bool(s.shipped))]
                return .object(fields)
            })),
            ("params", .array(p.params.map { param in
                .object([("rule", .string(param.rule)), ("name", .string(param.name)), ("value", ParameterValue.json(param.value)),
                         ("default", ParameterValue.json(param.defaultValue)), ("source", .string(param.source))])
            })),
            ("disabled", .array(p.disabled.map(change))),
            ("rerated", .array(p.rerated.map(change))),
            ("digest", .string(p.digest)),
        ])
    }

    /// Rounded half-up to one decimal, as everywhere in output.
    static func score(_ s: Score) -> JSON {
        func number(_ v: Double?) -> JSON { v.map { .number($0, decimals: 1) } ?? .null }
        return .object([
            ("total", number(s.total)),
            ("grade", .optional(s.grade?.id)),
            ("grade_label", s.grade.map { .object([("zh", .string($0.label.zh)), ("en", .string($0.label.en))]) } ?? .null),
            ("provisional", .bool(s.provisional)),
            ("red_line", .optional(s.redLine)),
            ("coverage", s.coverage.map { .number($0, decimals: 3) } ?? .null),
            ("sections", .object(Section.allCases.map { ($0.rawValue, number(s.sections[$0] ?? nil)) })),
            ("missing_evidence", .array(s.missingEvidence.map { .string($0) })),
        ])
    }

    static func tier(_ t: TierResult) -> JSON {
        .object([
            ("claimed", .string(t.claimed?.rawValue ?? "none")),
            ("qualifies", .string(t.qualifies?.rawValue ?? "none")),
            ("blocking", .array(t.blocking.map { .string($0) })),
            ("missing", .array(t.missing.map { .object([("rule", .string($0.rule)), ("status", .string($0.status.rawValue))]) })),
            ("advice", .array(t.advice.map { .string($0) })),
        ])
    }

    static func finding(of f: Finding, language: Language, compact: Bool = false) -> JSON {
        var location: [(String, JSON)] = [("file", .string(f.location.file))]
        location.append(("line", f.location.line.map { .int($0) } ?? .null))
        location.append(("column", f.location.column.map { .int($0) } ?? .null))
        location.append(("path", .optional(f.path)))
        var fields: [(String, JSON)] = [
            ("rule", .string(f.rule.id)),
            ("status", .string(f.status.rawValue)),
            ("severity", .string(f.rule.severity.rawValue)),
            ("section", .string(f.rule.section.rawValue)),
            ("points_lost", .number(f.pointsLost, decimals: 2)),
            ("message", .string(f.text(language))),
            ("cite", compact ? .raw(f.rule.citeJSON) : .object([
                ("source", .string(f.rule.cite.source)),
                ("document", .string(f.rule.cite.document)),
                ("clause", .string(f.rule.cite.clause)),
                ("quote", .string(f.rule.cite.quote)),
            ])),
            ("item", .optional(f.item)),
            ("location", .object(location)),
        ]
        if !f.missing.isEmpty { fields.append(("missing", .array(f.missing.map { .string($0) }))) }
        if let w = f.waiver {
            fields.append(("waiver", .object([
                ("reason", .string(w.reason)), ("approved_by", .string(w.approvedBy)), ("expires", .string(w.expires.description)),
                ("file", .string(w.location.file)), ("line", w.location.line.map { .int($0) } ?? .null),
            ])))
        }
        if !f.related.isEmpty {
            fields.append(("related", .array(f.related.map { r in
                .object([("file", .string(r.file)), ("line", r.line.map { .int($0) } ?? .null), ("column", r.column.map { .int($0) } ?? .null)])
            })))
        }
        return .object(fields)
    }

    /// One report: a pretty object. Several: an array of them.
    public static func format(_ results: [AuditResult], _ options: OutputOptions) -> String {
        let objects = results.map { object($0, options) }
        let json = objects.count == 1 ? objects[0] : .array(objects)
        return json.serialized(pretty: true) + "\n"
    }

    /// One compact line per report.
    public static func formatLines(_ results: [AuditResult], _ options: OutputOptions) -> String {
        results.map { object($0, options, compact: true).serialized() + "\n" }.joined()
    }
}
