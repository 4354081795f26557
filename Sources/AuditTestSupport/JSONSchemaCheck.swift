import AuditCore
import AuditYAML
import Foundation
import Testing

// JSON Schema checks for the tests of `audit schema`: YAML read by the project's own loader
// (YAML 1.2 core scalars, as the loaders and yaml-language-server read them) and written as
// JSON, validated with python3's `jsonschema` (Draft202012Validator), many documents in one
// process.

/// A YAML file (relative to the repository) as JSON text.
public func jsonText(ofYAMLFile relative: String) throws -> String {
    try jsonText(ofYAML: String(contentsOfFile: repositoryRoot + "/" + relative, encoding: .utf8), file: relative)
}

/// YAML text as JSON, scalars resolved as the loader resolves them (YAML 1.2 core schema).
public func jsonText(ofYAML text: String, file: String) throws -> String {
    let document = try YAMLLoader.load(bytes: Array(text.utf8), file: file)
    return jsonValue(of: document.root).serialized()
}

/// A YAML node as JSON, scalars as the loader resolved them.
public func jsonValue(of node: YAMLNode) -> JSON {
    switch node.content {
    case .mapping(let pairs): return .object(pairs.map { ($0.key.scalar?.text ?? "", jsonValue(of: $0.value)) })
    case .sequence(let items): return .array(items.map { jsonValue(of: $0) })
    case .scalar(let scalar):
        switch scalar.value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(Int(i))
        case .float(let f): return .raw("\(f)")
        case .string(let s): return .string(s)
        }
    }
}

public struct SchemaValidation {
    /// Why the schema itself is not valid draft 2020-12, or nil.
    public var schemaError: String?
    /// Per document validated: nil when it validates, else its first errors.
    public var errors: [String: String] = [:]
    public var validated: Set<String> = []

    /// Validated, without errors.
    public func passes(_ name: String) -> Bool { validated.contains(name) && errors[name] == nil }
    /// Validated, with errors.
    public func fails(_ name: String) -> Bool { validated.contains(name) && errors[name] != nil }
    public func describe(_ name: String) -> String { validated.contains(name) ? errors[name] ?? "valid" : "not validated" }
}

/// Validates each document (name → JSON text) against `schema` with python3's jsonschema,
/// in one process. Fails (never skips) when python3 or the module is missing.
public func validate(schema: String, documents: [String: String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> SchemaValidation {
    let script = """
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        try:
            Draft202012Validator.check_schema(schema)
        except Exception as e:
            print(json.dumps({"schema": str(e)[:2000]}))
            sys.exit(0)
        validator = Draft202012Validator(schema)
        results = {}
        args = sys.argv[2:]
        for name, path in zip(args[0::2], args[1::2]):
            errors = sorted(validator.iter_errors(json.load(open(path, encoding="utf-8"))), key=lambda e: list(map(str, e.absolute_path)))
            results[name] = None if not errors else "; ".join("/" + "/".join(map(str, e.absolute_path)) + ": " + e.message[:300] for e in errors[:3])
        print(json.dumps({"results": results}, ensure_ascii=False))
        """
    guard let object = try runJSONSchemaScript(script, first: schema, named: documents, sourceLocation: sourceLocation) else { return SchemaValidation() }
    var validation = SchemaValidation()
    validation.schemaError = object["schema"] as? String
    for (name, value) in object["results"] as? [String: Any] ?? [:] {
        validation.validated.insert(name)
        validation.errors[name] = value as? String
    }
    return validation
}

/// Whether each of `schemas` (name → JSON text) is a valid draft 2020-12 schema, in one
/// process: name → nil when it is, else why not. Names not checked are missing.
public func checkSchemas(_ schemas: [String: String], sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [String: String?] {
    let script = """
        results = {}
        args = sys.argv[2:]
        for name, path in zip(args[0::2], args[1::2]):
            try:
                schema = json.load(open(path, encoding="utf-8"))
                if schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
                    raise ValueError("$schema is not draft 2020-12: " + str(schema.get("$schema")))
                Draft202012Validator.check_schema(schema)
                results[name] = None
            except Exception as e:
                results[name] = str(e)[:2000]
        print(json.dumps({"results": results}, ensure_ascii=False))
        """
    guard let object = try runJSONSchemaScript(script, first: "{}", named: schemas, sourceLocation: sourceLocation) else { return [:] }
    var checked: [String: String?] = [:]
    for (name, value) in object["results"] as? [String: Any] ?? [:] { checked[name] = .some(value as? String) }
    return checked
}

/// Runs `script` (after the jsonschema import) with python3: argv[1] a file holding `first`,
/// then a name and a file for each of `named`; its standard output read as a JSON object.
private func runJSONSchemaScript(
    _ script: String, first: String, named: [String: String], sourceLocation: Testing.SourceLocation
) throws -> [String: Any]? {
    let dir = NSTemporaryDirectory() + "audit-jsonschema-\(getpid())-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: dir) }
    try Data(first.utf8).write(to: URL(fileURLWithPath: dir + "/first.json"))
    var arguments: [String] = []
    for (i, (name, text)) in named.sorted(by: { $0.key < $1.key }).enumerated() {
        let file = dir + "/\(i).json"
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        arguments += [name, file]
    }
    let prelude = """
        import json, sys
        try:
            from jsonschema import Draft202012Validator
        except ImportError:
            print("python3 module 'jsonschema' is missing: pip install jsonschema (or apt-get install python3-jsonschema)")
            sys.exit(3)

        """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", prelude + script, dir + "/first.json"] + arguments
    process.environment = ["PATH": "/usr/local/bin:/usr/bin:/bin"]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let output = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    switch process.terminationStatus {
    case 0: break
    case 127:
        Issue.record("python3 is not installed: the JSON Schema checks need python3 with jsonschema", sourceLocation: sourceLocation)
        return nil
    default:
        Issue.record("python3 jsonschema check failed (\(process.terminationStatus)): \(String(decoding: output, as: UTF8.self))",
                     sourceLocation: sourceLocation)
        return nil
    }
    guard let object = try JSONSerialization.jsonObject(with: output) as? [String: Any] else {
        Issue.record("unreadable python output: \(String(decoding: output, as: UTF8.self))", sourceLocation: sourceLocation)
        return nil
    }
    return object
}
