import AuditCore

/// Plain diagnostics (`audit lint`: rule, scoring, calendar and waiver files) as SARIF,
/// GitHub workflow commands or JSON. Diagnostics are written in the order given (pass
/// `DiagnosticList.sorted` for file/line order).
public enum DiagnosticFormatter {
    /// The one rule every lint diagnostic reports under.
    static let ruleID = "audit-lint"

    /// SARIF 2.1.0: one run, one rule (`audit-lint`), a result per diagnostic with level
    /// error/warning/note and the related locations (with their messages).
    public static func sarif(_ diagnostics: [Diagnostic], toolVersion: String, language: Language = .en) -> String {
        let rule: JSON = .object([
            ("id", .string(ruleID)),
            ("name", .string("AuditLint")),
            ("shortDescription", .object([("text", .string("Problems in rule, scoring, calendar and waiver files"))])),
            ("fullDescription", .object([("text", .string("规则、评分、日历与豁免文件中的问题"))])),
            ("defaultConfiguration", .object([("level", .string("error"))])),
        ])
        let results: [JSON] = diagnostics.map { d in
            var fields: [(String, JSON)] = [
                ("ruleId", .string(ruleID)),
                ("ruleIndex", .int(0)),
                ("kind", .string("fail")),
                ("level", .string(level(d.severity))),
                ("message", .object([("text", .string(d.wording.text(language)))])),
                ("locations", .array([.object([("physicalLocation", SARIFFormatter.physicalLocation(d.location))])])),
            ]
            if !d.related.isEmpty {
                fields.append(("relatedLocations", .array(d.related.enumerated().map { i, r in
                    .object([
                        ("id", .int(i + 1)),
                        ("physicalLocation", SARIFFormatter.physicalLocation(r.location)),
                        ("message", .object([("text", .string(r.wording.text(language)))])),
                    ])
                })))
            }
            fields.append(("properties", .object([("code", .string(d.wording.code))])))
            return .object(fields)
        }
        let run: JSON = .object([
            ("tool", .object([("driver", .object([
                ("name", .string("audit")),
                ("version", .string(toolVersion)),
                ("rules", .array([rule])),
            ]))])),
            ("columnKind", .string("unicodeCodePoints")),
            ("results", .array(results)),
        ])
        return SARIFFormatter.log(runs: [run])
    }

    /// One workflow command per diagnostic: `::error`, `::warning` or `::notice`; related
    /// locations follow in the message, one per (escaped) line.
    public static func github(_ diagnostics: [Diagnostic], language: Language = .en) -> String {
        diagnostics.map { d in
            let command = switch d.severity {
            case .error: "error"
            case .warning: "warning"
            case .note: "notice"
            }
            let notes = d.related.map { "\($0.location): \(Diagnostic.label(.note, language)): \($0.wording.text(language))" }
            return GitHubCommand.line(command, location: d.location, title: nil, message: d.wording.text(language), notes: notes)
        }.joined()
    }

    /// `{"diagnostics": [{file, line, column, severity, code, message, related: [{file, line, column,
    /// message}]}], "errors": N, "warnings": N}`, pretty-printed; `line`/`column` null when
    /// the problem concerns the whole file.
    public static func json(_ diagnostics: [Diagnostic], language: Language = .en) -> String {
        func position(_ location: SourceLocation) -> [(String, JSON)] {
            [
                ("file", .string(location.file)),
                ("line", location.line.map { .int($0) } ?? .null),
                ("column", location.column.map { .int($0) } ?? .null),
            ]
        }
        let items: [JSON] = diagnostics.map { d in
            .object(position(d.location) + [
                ("severity", .string(d.severity.rawValue)),
                ("code", .string(d.wording.code)),
                ("message", .string(d.wording.text(language))),
                ("related", .array(d.related.map { r in .object(position(r.location) + [("message", .string(r.wording.text(language)))]) })),
            ])
        }
        let object: JSON = .object([
            ("diagnostics", .array(items)),
            ("errors", .int(diagnostics.lazy.filter { $0.severity == .error }.count)),
            ("warnings", .int(diagnostics.lazy.filter { $0.severity == .warning }.count)),
        ])
        return object.serialized(pretty: true) + "\n"
    }

    static func level(_ severity: Diagnostic.Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }
}
