import AuditCore
import AuditEngine

import AuditRules

/// `audit test --format junit`: a test suite per rule pack (a test case per example) and one
/// for the fixture expectations (a test case per fixture).
public enum TestReportFormatter {
    public static func junit(examples: [ExampleRunner.Outcome], fixtures: [FixtureExpectation.Outcome]) -> String {
        var packs: [String] = []
        var byPack: [String: [ExampleRunner.Outcome]] = [:]
        for e in examples {
            let pack = e.example.location.file
            if byPack[pack] == nil { packs.append(pack) }
            byPack[pack, default: []].append(e)
        }
        let failures = examples.filter { !$0.passed }.count + fixtures.filter { !$0.passed }.count
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"audit test\" tests=\"\(examples.count + fixtures.count)\" failures=\"\(failures)\">\n"
        for pack in packs {
            let cases = byPack[pack] ?? []
            out += "  <testsuite name=\"\(attr(pack))\" tests=\"\(cases.count)\" failures=\"\(cases.filter { !$0.passed }.count)\">\n"
            for e in cases {
                let name = "\(e.rule) \(e.example.expectation.rawValue) example at line \(e.example.location.line ?? 0)"
                out += "    <testcase classname=\"\(attr(e.rule))\" name=\"\(attr(name))\""
                if let problem = e.problem {
                    out += ">\n      <failure message=\"\(attr(problem))\">\(text("\(e.example.location): \(problem)"))</failure>\n    </testcase>\n"
                } else {
                    out += "/>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        if !fixtures.isEmpty {
            out += "  <testsuite name=\"fixtures\" tests=\"\(fixtures.count)\" failures=\"\(fixtures.filter { !$0.passed }.count)\">\n"
            for f in fixtures {
                out += "    <testcase classname=\"fixtures\" name=\"\(attr(f.file))\""
                if f.passed {
                    out += "/>\n"
                } else {
                    let problems = f.problems.joined(separator: "\n")
                    out += ">\n      <failure message=\"\(attr(f.problems.first ?? ""))\">\(text(problems))</failure>\n    </testcase>\n"
                }
            }
            out += "  </testsuite>\n"
        }
        out += "</testsuites>\n"
        return out
    }

    private static func attr(_ s: String) -> String { MarkupEscaping.escape(s, for: .xmlAttribute) }
    private static func text(_ s: String) -> String { MarkupEscaping.escape(s, for: .xmlText) }
}
