// Measures one report audited N times in one process against libyaml parsing it N times:
// the floor any YAML-based auditor stands on. Run by `make bench` (release build).
//
// `audit-bench --dashboard COUNT [REPORT]`: instead, the dashboard's share of a batch of COUNT
// reports — COUNT outlet detail sections and the page over COUNT outlet rows — printed as
// `dashboard_seconds S` for bench/run.sh to set against the batch's wall time.
import AuditCore
import AuditEngine
import AuditFormatters
import AuditReport
import AuditRules
import AuditYAML
import Foundation

var arguments = CommandLine.arguments
var dashboardCount: Int?
if arguments.count > 2, arguments[1] == "--dashboard" {
    dashboardCount = Int(arguments[2])
    arguments.removeSubrange(1...2)
}
let path = arguments.count > 1 ? arguments[1] : "fixtures/example-report.yaml"
let iterations = arguments.count > 2 ? Int(arguments[2]) ?? 1000 : 1000

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
let bytes = Array(data)
let ruleSet: RuleSet
let rules: [CompiledRule]
do {
    ruleSet = try RuleSet.load(RuleSet.bundledFiles)
    rules = try ruleSet.compile()
} catch {
    fail("rules: \(error)")
}
let validator = ReportValidator(schema: ruleSet.schema)
let auditor = Auditor(rules: rules, context: EvaluationContext(calendar: ruleSet.calendar))

/// Best of `rounds` runs of `body`, in seconds.
func measure(rounds: Int = 5, _ body: () -> Int) -> (seconds: Double, check: Int) {
    var best = Double.infinity
    var check = 0
    for _ in 0..<rounds {
        let start = ContinuousClock.now
        check = body()
        let elapsed = ContinuousClock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        best = min(best, seconds)
    }
    return (best, check)
}

if let count = dashboardCount {
    let result: AuditResult
    do {
        result = auditor.audit(try validator.validate(try YAMLLoader.load(bytes: bytes, file: path)))
    } catch {
        fail("\(path): \(error)")
    }
    // Rows as a batch keeps them: 40 branches, scores spread over the grades.
    let rows: [OutletRow] = (0..<count).map { i in
        var row = OutletRow(
            path: "corpus/\(i).yaml", branch: "分公司 \(i % 40)", outletId: "O-\(i)", name: "网点 \(i)", type: "service_center",
            tierClaimed: "standard", tierQualified: "none", score: 60 + Double(i % 400) / 10, grade: ["excellent", "good", "pass", "fail"][i % 4],
            gradeLabel: nil, provisional: false, redLine: i % 13 == 0 ? "BLD-SIGN" : nil, fails: [.major: i % 5], coverage: 0.95,
            failingRules: [])
        row.anchor = i
        return row
    }
    var summary = BatchSummary(scored: count, errors: 0, total: count, outlets: rows, branches: [], rules: [],
                               grades: ruleSet.scoring.grades, rulesDigest: "")
    summary.redLineGrade = ruleSet.scoring.redLineGrade
    let timed = measure(rounds: 3) {
        var written = 0
        var sections: [String] = []
        sections.reserveCapacity(count)
        let details = Dashboard.OutletDetails(rules: rules.map(\.definition), schema: ruleSet.schema.root, language: .zh)  // as the batch makes them
        for i in 0..<count { sections.append(details.section(result, anchor: i)) }
        Dashboard.write(summary, language: .zh, details: { sink in for s in sections { sink(s) } }, to: { written &+= $0.utf8.count })
        return written
    }
    print("dashboard: \(count) detail sections + the page over \(count) outlets: \(String(format: "%.3f", timed.seconds)) s, \(timed.check) bytes")
    print("dashboard_seconds \(timed.seconds)")
    exit(0)
}

let events = measure {
    var total = 0
    for _ in 0..<iterations { total &+= YAMLEventCounter.countEvents(bytes: bytes) ?? 0 }
    return total
}
let tree = measure {
    var total = 0
    for _ in 0..<iterations {
        if let document = try? YAMLLoader.load(bytes: bytes, file: path) { total &+= document.root.mapping?.count ?? 0 }
    }
    return total
}
let validated = measure {
    var total = 0
    for _ in 0..<iterations {
        if let document = try? YAMLLoader.load(bytes: bytes, file: path), let report = try? validator.validate(document) {
            total &+= report.root.fields.count
        }
    }
    return total
}
let full = measure {
    var total = 0
    for _ in 0..<iterations {
        do {
            let report = try validator.validate(try YAMLLoader.load(bytes: bytes, file: path))
            total &+= auditor.audit(report).findings.count
        } catch {
            fail("\(path): \(error)")
        }
    }
    return total
}

func line(_ name: String, _ m: (seconds: Double, check: Int)) -> String {
    let perReport = m.seconds / Double(iterations) * 1e6
    let ratio = m.seconds / events.seconds
    return "\(name.padding(toLength: 44, withPad: " ", startingAt: 0)) \(String(format: "%8.1f ms  %7.1f µs/report  %5.2f×", m.seconds * 1000, perReport, ratio))"
}
print("\(path): \(bytes.count) bytes × \(iterations), \(rules.count) rules, best of 5")
print(line("libyaml events only (YAMLEventCounter)", events))
print(line("YAML tree (YAMLLoader)", tree))
print(line("report: load + validate against the schema", validated))
print(line("audit: load + validate + evaluate", full))
