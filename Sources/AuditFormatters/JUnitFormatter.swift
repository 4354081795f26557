import AuditCore
import AuditEngine
import AuditReport
import AuditRules

/// JUnit XML for CI dashboards: a `<testsuite>` per report and a `<testcase>` per result, so a
/// dashboard shows what was checked as well as what failed.
///
/// | status | test case |
/// | --- | --- |
/// | pass | passed |
/// | waived | passed, with `<system-out>` naming the waiver |
/// | fail | `<failure message type="{severity}">` with location, message, evidence path and clause |
/// | error | `<error message type="error">` with location, message and the related locations |
/// | not_assessed, not_due | `<skipped message="{status}: {message}"/>` |
/// | not_applicable | omitted (nothing was checked) |
///
/// `--show passed` changes nothing here: passing cases are always listed.
public enum JUnitFormatter {
    public static func format(_ results: [AuditResult], _ options: OutputOptions) -> String {
        let suites = results.map { suite($0, options) }
        let tests = suites.reduce(0) { $0 + $1.tests }, failures = suites.reduce(0) { $0 + $1.failures }
        let errors = suites.reduce(0) { $0 + $1.errors }, skipped = suites.reduce(0) { $0 + $1.skipped }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"audit\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\">\n"
        for suite in suites { out += suite.xml }
        out += "</testsuites>\n"
        return out
    }

    private struct Suite {
        var xml = ""
        var tests = 0, failures = 0, errors = 0, skipped = 0
    }

    private static func suite(_ result: AuditResult, _ options: OutputOptions) -> Suite {
        let zh = options.language == .zh
        var suite = Suite()
        var cases = ""
        for finding in ordered(result.findings) where finding.status != .notApplicable {
            suite.tests += 1
            let name = finding.rule.id + (finding.item.map { " " + $0 } ?? "")
            let open = "    <testcase classname=\"\(attr(finding.rule.section.rawValue))\" name=\"\(attr(name))\""
            switch finding.status {
            case .pass, .notApplicable:
                cases += open + "/>\n"
            case .waived:
                var note = "waived"
                if let w = finding.waiver {
                    note += zh
                        ? "：\(w.reason)；\(w.approvedBy) 批准，有效期至 \(w.expires)（\(w.location)）"
                        : ": \(w.reason); approved by \(w.approvedBy), until \(w.expires) (\(w.location))"
                }
                note += "\n\(finding.location): \(finding.text(options.language))"
                cases += open + ">\n      <system-out>\(text(note))</system-out>\n    </testcase>\n"
            case .fail:
                suite.failures += 1
                var body = "\(finding.location): \(finding.text(options.language))"
                if let path = finding.path { body += "\n\(zh ? "位置" : "at") \(path)" }
                body += "\n" + SARIFFormatter.citation(finding.rule.cite)
                cases += open + ">\n      <failure message=\"\(attr(finding.text(options.language)))\" type=\"\(attr(finding.rule.severity.rawValue))\">"
                    + text(body) + "</failure>\n    </testcase>\n"
            case .error:
                suite.errors += 1
                var body = "\(finding.location): \(finding.text(options.language))"
                for related in finding.related { body += "\n\(zh ? "另见" : "see also") \(related)" }
                cases += open + ">\n      <error message=\"\(attr(finding.text(options.language)))\" type=\"error\">"
                    + text(body) + "</error>\n    </testcase>\n"
            case .notAssessed, .notDue:
                suite.skipped += 1
                let message = "\(finding.status.rawValue): \(finding.text(options.language))"
                cases += open + ">\n      <skipped message=\"\(attr(message))\"/>\n    </testcase>\n"
            }
        }
        var properties: [(String, String)] = []
        if let outlet = result.text("outlet.id") { properties.append(("outlet", outlet)) }
        if let inspection = result.text("inspection.id") { properties.append(("inspection", inspection)) }
        if let total = result.score.total { properties.append(("score", ScoreText.number(total))) }
        if let grade = result.score.grade { properties.append(("grade", grade.id)) }
        if let coverage = result.score.coverage { properties.append(("coverage", JSON.format(coverage, decimals: 3))) }
        properties.append(("provisional", result.score.provisional ? "true" : "false"))
        if let redLine = result.score.redLine { properties.append(("red_line", redLine)) }

        suite.xml = "  <testsuite name=\"\(attr(result.report.file))\" tests=\"\(suite.tests)\" failures=\"\(suite.failures)\""
            + " errors=\"\(suite.errors)\" skipped=\"\(suite.skipped)\">\n"
        suite.xml += "    <properties>\n"
        for (name, value) in properties {
            suite.xml += "      <property name=\"\(attr(name))\" value=\"\(attr(value))\"/>\n"
        }
        suite.xml += "    </properties>\n"
        suite.xml += cases
        suite.xml += "  </testsuite>\n"
        return suite
    }

    private static func attr(_ s: String) -> String { MarkupEscaping.escape(s, for: .xmlAttribute) }
    private static func text(_ s: String) -> String { MarkupEscaping.escape(s, for: .xmlText) }
}
