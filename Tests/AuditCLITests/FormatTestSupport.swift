import AuditTestSupport
import Foundation
import Testing

/// Golden files of the output formats, compared byte for byte.
let snapshotDirectory = repositoryRoot + "/Tests/AuditCLITests/Snapshots"

/// Compares `actual` with the snapshot `name`, or writes it when updating.
func assertSnapshot(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    try assertGolden(actual, path: snapshotDirectory + "/" + name, name: name, sourceLocation: sourceLocation)
}

/// A fresh temporary folder whose name has a space and CJK characters (paths must survive
/// URI encoding and escaping), removed by `cleanup`.
func temporaryFolder(_ label: String) throws -> String {
    let dir = NSTemporaryDirectory() + "audit \(label) 报告-\(getpid())-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

/// The example report with each `(of, with)` replacement applied (each must occur).
func exampleReport(replacing replacements: [(of: String, with: String)], in dir: String, named name: String = "report.yaml") throws -> String {
    var text = try String(contentsOfFile: repositoryRoot + "/fixtures/example-report.yaml", encoding: .utf8)
    for (of, with) in replacements {
        guard text.contains(of) else { throw FormatTestError("the example report has no '\(of)'") }
        text = text.replacingOccurrences(of: of, with: with)
    }
    let path = dir + "/" + name
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

/// E1077 of the example report as a manager: with no counter to place her staff card at, her
/// missing badge fails ETQ-BADGE (a minor, per-staff failure the format tests use). As the
/// cashier she is in the example, the desk plates satisfy LB 第三条 and she passes.
let badgelessManager = (of: "    role: cashier\n", with: "    role: manager\n")

/// A waivers file for ETQ-BADGE of E1077 in the example report (as `badgelessManager`).
func badgeWaiver(in dir: String) throws -> String {
    let path = dir + "/waivers.yaml"
    try """
        waivers:
          - {rule: ETQ-BADGE, outlet: "HLJ-HRB-*", item: E1077, reason: "工牌补办中 <&\\">", approved_by: 黑龙江分公司客服部, expires: 2026-06-30}
        """.write(toFile: path, atomically: true, encoding: .utf8)
    return path
}

struct FormatTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Validates SARIF text against the official 2.1.0 schema with python3's `jsonschema`.
/// Fails (never skips) when python3 or the module is missing: CI must have them.
func validateSARIF(_ sarif: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    // The shared spec's copy, else the one vendored with the tests (a clone on its own).
    var schema = repositoryRoot + "/../shared/schemas/sarif-schema-2.1.0.json"
    if !FileManager.default.fileExists(atPath: schema) {
        schema = repositoryRoot + "/Tests/AuditCLITests/Schemas/sarif-schema-2.1.0.json"
    }
    #expect(FileManager.default.fileExists(atPath: schema), "SARIF schema missing at \(schema)", sourceLocation: sourceLocation)
    let file = NSTemporaryDirectory() + "audit-sarif-\(getpid())-\(UUID().uuidString).json"
    try Data(sarif.utf8).write(to: URL(fileURLWithPath: file))
    defer { try? FileManager.default.removeItem(atPath: file) }
    let script = """
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("python3 module 'jsonschema' is missing: pip install jsonschema (or apt-get install python3-jsonschema)")
            sys.exit(3)
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        document = json.load(open(sys.argv[2], encoding="utf-8"))
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        errors = sorted(cls(schema, format_checker=getattr(cls, "FORMAT_CHECKER", None)).iter_errors(document), key=lambda e: list(map(str, e.absolute_path)))
        for e in errors[:20]:
            print("/" + "/".join(map(str, e.absolute_path)) + ": " + e.message)
        sys.exit(1 if errors else 0)
        """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, schema, file]
    process.environment = ["PATH": "/usr/local/bin:/usr/bin:/bin"]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    switch process.terminationStatus {
    case 0: return
    case 127: Issue.record("python3 is not installed: the SARIF schema check needs python3 with jsonschema", sourceLocation: sourceLocation)
    case 3: Issue.record("the SARIF schema check needs python3's jsonschema: \(output)", sourceLocation: sourceLocation)
    default: Issue.record("SARIF does not validate against the 2.1.0 schema:\n\(output)", sourceLocation: sourceLocation)
    }
}

/// Parses JSON output into a dictionary.
func jsonObject(_ text: String) throws -> [String: Any] {
    guard let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
        throw FormatTestError("not a JSON object: \(text.prefix(200))")
    }
    return object
}

/// Undoes GitHub's workflow-command escaping (`%25`, `%0D`, `%0A`, `%3A`, `%2C`).
func githubUnescape(_ text: Substring) -> String {
    text.replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n")
        .replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%2C", with: ",")
        .replacingOccurrences(of: "%25", with: "%")
}

/// One workflow command line: `::command k=v,k=v::message`, unescaped.
struct WorkflowCommand {
    var command: String
    var properties: [String: String]
    var message: String

    init?(_ line: Substring) {
        guard line.hasPrefix("::") else { return nil }
        let rest = line.dropFirst(2)
        guard let end = rest.range(of: "::") else { return nil }
        let head = rest[..<end.lowerBound]
        message = githubUnescape(rest[end.upperBound...])
        let parts = head.split(separator: " ", maxSplits: 1)
        command = String(parts.first ?? "")
        properties = [:]
        if parts.count == 2 {
            for pair in parts[1].split(separator: ",") {
                guard let eq = pair.firstIndex(of: "=") else { return nil }
                properties[String(pair[..<eq])] = githubUnescape(pair[pair.index(after: eq)...])
            }
        }
    }
}
