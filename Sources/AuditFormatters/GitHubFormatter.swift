import AuditCore
import AuditEngine
import AuditReport
import AuditRules

/// GitHub Actions workflow commands: one annotation line per finding that needs attention,
/// then one `::notice` line per report with its score, grade and counts.
///
/// | status | command |
/// | --- | --- |
/// | fail critical, major | `::error` |
/// | fail minor | `::warning` |
/// | fail advisory | `::notice` |
/// | error | `::error` |
/// | not_assessed | `::notice` |
/// | not_due, waived, pass, not_applicable | nothing (`--show passed` changes nothing here) |
///
/// `::error file={path},line={line},col={column},title={RULE-ID}[ {item}]::{message}`; `line`
/// and `col` are left out when the finding has no position.
public enum GitHubFormatter {
    public static func format(_ results: [AuditResult], _ options: OutputOptions) -> String {
        var out = ""
        for result in results {
            for finding in ordered(result.findings) {
                guard let command = command(for: finding) else { continue }
                let title = finding.rule.id + (finding.item.map { " " + $0 } ?? "")
                out += GitHubCommand.line(command, location: finding.location, title: title, message: finding.text(options.language))
            }
            let summary = ScoreText(result: result, options: options)
            out += GitHubCommand.line(
                "notice", location: SourceLocation(file: result.report.file), title: "audit" + (result.text("outlet.id").map { " " + $0 } ?? ""),
                message: summary.total + " · " + summary.counts)
        }
        return out
    }

    static func command(for finding: Finding) -> String? {
        switch finding.status {
        case .fail:
            switch finding.rule.severity {
            case .critical, .major: "error"
            case .minor: "warning"
            case .advisory: "notice"
            }
        case .error: "error"
        case .notAssessed: "notice"
        case .notDue, .waived, .pass, .notApplicable: nil
        }
    }
}

/// Building workflow command lines with GitHub's escaping
/// (`toCommandValue`/`escapeData`/`escapeProperty` of `@actions/core`).
enum GitHubCommand {
    /// `::command file=…,line=…,col=…,title=…::message` and a newline. Every value is report-
    /// or file-provided, so its control and bidi characters are escaped visibly first
    /// (`VisibleEscaping`: a line break in a value shows as `\n`, it never starts a line);
    /// `notes` follow the message, each on a line of its own (`%0A`).
    static func line(_ command: String, location: SourceLocation?, title: String?, message: String, notes: [String] = []) -> String {
        var properties: [String] = []
        if let location {
            properties.append("file=" + escapeProperty(VisibleEscaping.escape(location.file)))
            if let mark = location.mark {
                properties.append("line=\(mark.line)")
                properties.append("col=\(mark.column)")
            }
        }
        if let title { properties.append("title=" + escapeProperty(VisibleEscaping.escape(title))) }
        let head = properties.isEmpty ? "::\(command)" : "::\(command) " + properties.joined(separator: ",")
        let text = ([message] + notes).map { VisibleEscaping.escape($0) }.joined(separator: "\n")
        return head + "::" + escapeData(text) + "\n"
    }

    /// The message: `%`, CR and LF (so it stays one line).
    static func escapeData(_ text: String) -> String {
        escape(text, property: false)
    }

    /// A property value: also `:` and `,`, which delimit properties.
    static func escapeProperty(_ text: String) -> String {
        escape(text, property: true)
    }

    /// Any other control or bidi character left (escape sequences a log viewer would interpret)
    /// is escaped visibly.
    private static func escape(_ text: String, property: Bool) -> String {
        var out = String.UnicodeScalarView()
        func append(_ s: String) { out.append(contentsOf: s.unicodeScalars) }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": append("%25")
            case "\r": append("%0D")
            case "\n": append("%0A")
            case ":" where property: append("%3A")
            case "," where property: append("%2C")
            default:
                if VisibleEscaping.needsEscape(scalar) {
                    append(VisibleEscaping.escaped(scalar))
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }
}
