import AuditCore
import AuditEngine
import AuditReport
import AuditRules

/// SARIF 2.1.0 for code-scanning UIs: one run for all reports, a reportingDescriptor per rule
/// that has a result (with its citation), and a result per shown finding pointing at its line.
///
/// Mapping of statuses (SARIF allows a `level` other than `none` only for kind `fail`):
///
/// | status | kind | level |
/// | --- | --- | --- |
/// | fail | fail | critical, major → error; minor → warning; advisory → note |
/// | waived | fail | as fail, with an external, accepted suppression carrying the reason |
/// | error | fail | error |
/// | not_assessed, not_due | review | none |
/// | pass (`--show passed`) | pass | none |
/// | not_applicable (`--show passed`) | notApplicable | none |
///
/// Columns count Unicode scalars, so the run declares `columnKind: unicodeCodePoints`.
public enum SARIFFormatter {
    /// The driver's version: the build's (`audit --version`; a CLI test compares them).
    public static let toolVersion = BuildInfo.version
    static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// Relative report paths are relative to where `audit` ran: the checkout in CI.
    static let sourceRoot = "%SRCROOT%"

    public static func format(_ results: [AuditResult], _ options: OutputOptions) -> String {
        let findings = results.flatMap { ordered($0.findings, where: options.shows) }
        var definitions: [String: RuleDefinition] = [:]
        for finding in findings where definitions[finding.rule.id] == nil {
            definitions[finding.rule.id] = finding.rule
        }
        let rules = definitions.values.sorted { $0.id < $1.id }
        var ruleIndex: [String: Int] = [:]
        for (i, rule) in rules.enumerated() { ruleIndex[rule.id] = i }

        let driver: JSON = .object([
            ("name", .string("audit")),
            ("version", .string(toolVersion)),
            ("rules", .array(rules.map(descriptor))),
        ])
        let reports: JSON = .array(results.map { result in
            .object([
                ("path", .string(result.report.file)),
                ("outlet", .optional(result.text("outlet.id"))),
                ("score", JSONFormatter.score(result.score)),
            ])
        })
        let run: JSON = .object([
            ("tool", .object([("driver", driver)])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(findings.map { self.result($0, ruleIndex: ruleIndex[$0.rule.id] ?? 0, language: options.language) })),
            ("properties", .object([("reports", reports)])),
        ])
        return log(runs: [run])
    }

    /// The top-level object, pretty-printed, ending in a newline.
    static func log(runs: [JSON]) -> String {
        let log: JSON = .object([
            ("$schema", .string(schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array(runs)),
        ])
        return log.serialized(pretty: true) + "\n"
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .critical, .major: "error"
        case .minor: "warning"
        case .advisory: "note"
        }
    }

    static func descriptor(_ rule: RuleDefinition) -> JSON {
        let cite = rule.cite
        var properties: [(String, JSON)] = [
            ("section", .string(rule.section.rawValue)),
            ("severity", .string(rule.severity.rawValue)),
        ]
        if let tier = rule.tier { properties.append(("tier", .string(tier.rawValue))) }
        properties.append(("points", .number(rule.effectivePoints, decimals: 2)))
        properties.append(("cite", .object([
            ("source", .string(cite.source)),
            ("document", .string(cite.document)),
            ("clause", .string(cite.clause)),
            ("quote", .string(cite.quote)),
        ])))
        return .object([
            ("id", .string(rule.id)),
            ("name", .string(pascalCase(rule.title.en, fallback: rule.id))),
            ("shortDescription", .object([("text", .string(rule.title.en))])),
            ("fullDescription", .object([("text", .string(rule.title.zh))])),
            ("help", .object([("text", .string(citation(cite)))])),
            ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])),
            ("properties", .object(properties)),
        ])
    }

    /// `[CS] 中国人寿…客户服务规范 2.2.3「quote」`: the clause in one line, for help texts.
    static func citation(_ cite: Citation) -> String {
        "[\(cite.source)] \(cite.document) \(cite.clause)「\(cite.quote)」"
    }

    static func result(_ finding: Finding, ruleIndex: Int, language: Language) -> JSON {
        let kind: String, level: String
        switch finding.status {
        case .fail, .waived: (kind, level) = ("fail", self.level(finding.rule.severity))
        case .error: (kind, level) = ("fail", "error")
        case .notAssessed, .notDue: (kind, level) = ("review", "none")
        case .pass: (kind, level) = ("pass", "none")
        case .notApplicable: (kind, level) = ("notApplicable", "none")
        }
        var fields: [(String, JSON)] = [
            ("ruleId", .string(finding.rule.id)),
            ("ruleIndex", .int(ruleIndex)),
            ("kind", .string(kind)),
            ("level", .string(level)),
            ("message", .object([("text", .string(finding.text(language)))])),
            ("locations", .array([.object([("physicalLocation", physicalLocation(finding.location))])])),
        ]
        if !finding.related.isEmpty {
            fields.append(("relatedLocations", .array(finding.related.enumerated().map { i, location in
                .object([("id", .int(i + 1)), ("physicalLocation", physicalLocation(location))])
            })))
        }
        if let waiver = finding.waiver {
            var properties: [(String, JSON)] = [
                ("approved_by", .string(waiver.approvedBy)),
                ("expires", .string(waiver.expires.description)),
                ("file", .string(waiver.location.file)),
            ]
            properties.append(("line", waiver.location.line.map { .int($0) } ?? .null))
            fields.append(("suppressions", .array([.object([
                ("kind", .string("external")),
                ("status", .string("accepted")),
                ("justification", .string(waiver.reason)),
                ("properties", .object(properties)),
            ])])))
        }
        var properties: [(String, JSON)] = [
            ("status", .string(finding.status.rawValue)),
            ("item", .optional(finding.item)),
            ("path", .optional(finding.path)),
            ("points_lost", .number(finding.pointsLost, decimals: 2)),
        ]
        if !finding.missing.isEmpty { properties.append(("missing", .array(finding.missing.map { .string($0) }))) }
        fields.append(("properties", .object(properties)))
        return .object(fields)
    }

    /// `artifactLocation` (and `region` when the location has a line).
    static func physicalLocation(_ location: SourceLocation) -> JSON {
        var fields: [(String, JSON)] = [("artifactLocation", artifactLocation(location.file))]
        if let mark = location.mark {
            fields.append(("region", .object([("startLine", .int(mark.line)), ("startColumn", .int(mark.column))])))
        }
        return .object(fields)
    }

    /// A relative path stays relative, against `%SRCROOT%`; an absolute one becomes a `file:` URI.
    static func artifactLocation(_ path: String) -> JSON {
        if path.hasPrefix("/") {
            return .object([("uri", .string("file://" + percentEncoded(path)))])
        }
        return .object([("uri", .string(percentEncoded(path))), ("uriBaseId", .string(sourceRoot))])
    }

    /// A path as a URI reference: unreserved ASCII and `/` stay, every other byte of its UTF-8
    /// is percent-encoded (so spaces, `#`, `?`, `%`, `:` and CJK names cannot change its meaning).
    static func percentEncoded(_ path: String) -> String {
        let hex = Array("0123456789ABCDEF".unicodeScalars)
        var out = String.UnicodeScalarView()
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.append(Unicode.Scalar(byte))
            default:
                out.append("%")
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            }
        }
        return String(out)
    }

    /// `Reception area of a customer service centre` → `ReceptionAreaOfACustomerServiceCentre`:
    /// the ASCII letters and digits of each word, each word capitalised (apostrophes join:
    /// `outlet's` → `Outlets`).
    static func pascalCase(_ title: String, fallback: String) -> String {
        var out = ""
        let joined = title.filter { $0 != "'" && $0 != "\u{2019}" }
        for word in joined.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }) {
            out += word.prefix(1).uppercased() + word.dropFirst()
        }
        return out.isEmpty ? fallback : out
    }
}
