import AuditCalendar
import AuditCore
import AuditEngine
import AuditReport
import AuditRules
import AuditYAML
import Foundation

// Helpers shared by the test targets (a target of its own, as swift-argument-parser keeps
// its test helpers): where the repository is, and the shipped rules loaded once.

/// The repository root, from this file's path, so tests do not depend on the current folder.
public let repositoryRoot: String = {
    var url = URL(fileURLWithPath: #filePath)
    for _ in 0..<3 { url.deleteLastPathComponent() }
    return url.path
}()

/// The shipped rules, loaded once per test process.
public let shippedRules: RuleSet = {
    do { return try RuleSet.load(RuleSet.bundledFiles) } catch { fatalError("the shipped rules do not load: \(error)") }
}()

/// The shipped rules compiled with their default parameters.
public let shippedCompiled: [CompiledRule] = {
    do { return try shippedRules.compile() } catch { fatalError("the shipped rules do not compile: \(error)") }
}()

/// Loads and validates a report given as text.
public func report(_ yaml: String, file: String = "r.yaml") throws(DiagnosticList) -> InspectionReport {
    let document = try YAMLLoader.load(bytes: Array(yaml.utf8), file: file)
    return try ReportValidator(schema: shippedRules.schema).validate(document)
}

/// Loads and validates a report file under the repository.
public func reportFile(_ relative: String) throws(DiagnosticList) -> InspectionReport {
    let document = try YAMLLoader.load(path: repositoryRoot + "/" + relative)
    return try ReportValidator(schema: shippedRules.schema).validate(document)
}

public func auditor(asOf: Timestamp? = nil, rules: [CompiledRule] = shippedCompiled) -> Auditor {
    Auditor(rules: rules, context: EvaluationContext(calendar: shippedRules.calendar, asOf: asOf))
}

/// A compact view of a finding for assertions: `RULE item status line:col path`.
public func summary(_ f: Finding) -> String {
    "\(f.rule.id) \(f.item ?? "-") \(f.status.rawValue) \(f.location.line ?? 0):\(f.location.column ?? 0) \(f.path ?? "-")"
}

/// A minimal valid report with the given extra sections appended (YAML text).
public func minimalReport(_ extra: String = "", outletExtra: String = "") -> String {
    """
    schema: outlet-report/1
    inspection:
      id: I1
      inspected_at: 2026-04-14 10:30
    outlet:
      id: O1
      name: 哈尔滨市道里客户服务中心
      branch: 黑龙江分公司
      type: service_center
    \(outletExtra)
    \(extra)
    """
}

/// A pack of one rule written inline (for expression and rule-set tests): `check` and optional
/// `applies`, `due`, `for_each`, `let` names (in name order) and `params`.
public func rulePack(check: String, applies: String? = nil, due: String? = nil, forEach: String? = nil, lets: [String: String] = [:],
                     params: String = "", message: String = "m") -> String {
    var rule = """
        pack: test
        version: "1"
        rules:
          - id: T-1
            title: {zh: t, en: t}
            section: build
            severity: minor
            cite: {source: X, document: X, clause: "1", quote: q}
            check: '\(check)'
            message: {zh: "\(message)", en: "\(message)"}
            examples: {pass: [{outlet: {}}], fail: [{outlet: {}}]}

        """
    if let applies { rule += "    applies: '\(applies)'\n" }
    if let due { rule += "    due: '\(due)'\n" }
    if let forEach { rule += "    for_each: \(forEach)\n" }
    if !lets.isEmpty {
        rule += "    let:\n"
        for (k, v) in lets.sorted(by: { $0.key < $1.key }) { rule += "      \(k): '\(v)'\n" }
    }
    if !params.isEmpty { rule += "    params: {\(params)}\n" }
    return rule
}

/// RFC 4180 parser for the tests: quoted fields, doubled quotes, CRLF or LF records.
public func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = [], row: [String] = [], field = ""
    var quoted = false
    var chars = Array(text.unicodeScalars)[...]
    while let c = chars.popFirst() {
        if quoted {
            if c == "\"" {
                if chars.first == "\"" { field.unicodeScalars.append("\""); chars.removeFirst() } else { quoted = false }
            } else {
                field.unicodeScalars.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            row.append(field); field = ""
        } else if c == "\r" {
            continue
        } else if c == "\n" {
            row.append(field); rows.append(row); row = []; field = ""
        } else {
            field.unicodeScalars.append(c)
        }
    }
    if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
    return rows
}
