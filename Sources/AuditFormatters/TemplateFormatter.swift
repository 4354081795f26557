import AuditCore
import AuditEngine
import AuditReport
import AuditRules

/// A blank inspection report with exactly the fields a checklist needs, each commented with
/// its zh label (and en), its type and its tokens. A blank value is null: a field left
/// empty is "not observed", so the template loads as it is, and filled in.
public enum TemplateFormatter {
    /// `sample: true` fills every blank with a value of its type (for tests and examples).
    public static func format(_ checklist: Checklist, schema: ReportSchema, sample: Bool = false) -> String {
        var out = "# 检查报告模板 / inspection report template: \(checklist.type), tier \(checklist.tier)\n"
        out += "# audit template: \(checklist.rules.count) rules apply; only the fields they read are listed.\n"
        out += "# Leave a field empty when it was not observed (the rules that need it are then not assessed).\n"
        render(schema.root, schema: schema, checklist: checklist, indent: "", listItem: false, sample: sample, into: &out)
        return out
    }

    private static func wanted(_ object: ObjectSchema, _ field: FieldSchema, _ checklist: Checklist) -> Bool {
        if checklist.fields.contains(FieldReference(object: object.name, field: field.name)) { return true }
        switch field.type {
        case .object(let nested), .list(.object(let nested)):
            return nested.fields.contains { wanted(nested, $0, checklist) }
        default:
            return false
        }
    }

    private static func render(
        _ object: ObjectSchema, schema: ReportSchema, checklist: Checklist, indent: String, listItem: Bool, sample: Bool,
        into out: inout String
    ) {
        var first = true
        for field in object.fields where wanted(object, field, checklist) {
            let lead = listItem && first ? String(indent.dropLast(2)) + "- " : indent
            first = false
            let comment = "# \(field.label.zh) / \(field.label.en)" + (field.required ? " (必填 required)" : "")
            switch field.type {
            case .object(let nested):
                out += "\(lead)\(field.name):  \(comment)\n"
                render(nested, schema: schema, checklist: checklist, indent: indent + "  ", listItem: false, sample: sample, into: &out)
            case .list(.object(let nested)):
                out += "\(lead)\(field.name):  \(comment) — one entry each\n"
                render(nested, schema: schema, checklist: checklist, indent: indent + "    ", listItem: true, sample: sample, into: &out)
            default:
                let value = fixedValue(object, field, checklist) ?? (sample ? sampleValue(field) : "")
                let hint = typeHint(field)
                out += "\(lead)\(field.name):\(value.isEmpty ? "" : " " + value)  \(comment)\(hint.isEmpty ? "" : "; " + hint)\n"
            }
        }
    }

    private static func fixedValue(_ object: ObjectSchema, _ field: FieldSchema, _ checklist: Checklist) -> String? {
        switch (object.name, field.name) {
        case ("report", "schema"): return "outlet-report/1"
        case ("outlet", "type"): return checklist.type
        case ("outlet", "tier"): return checklist.tier
        default: return nil
        }
    }

    private static func typeHint(_ field: FieldSchema) -> String {
        switch field.type {
        case .bool: return "true/false"
        case .int: return field.allowedInts.map { "one of " + $0.map(String.init).joined(separator: ", ") } ?? "integer"
        case .number: return "number"
        case .timestamp: return "YYYY-MM-DD HH:MM"
        case .date: return "YYYY-MM-DD"
        case .time: return "HH:MM"
        case .string: return field.format == .hours ? "HH:MM-HH:MM" : (field.format == .timezone ? "e.g. Asia/Shanghai" : "")
        case .token(let e): return tokens(e)
        case .list(.token(let e)): return "list of: " + tokens(e)
        case .list(.string): return "list of texts heard verbatim"
        default: return ""
        }
    }

    private static func tokens(_ e: EnumSchema) -> String {
        e.values.map { "\($0) \(e.labels[$0]?.zh ?? "")" }.joined(separator: ", ")
    }

    private static func sampleValue(_ field: FieldSchema) -> String {
        switch field.type {
        case .bool: return "true"
        case .int: return field.allowedInts?.first.map(String.init) ?? "1"
        case .number: return "100"
        case .timestamp: return "2026-04-14 10:30"
        case .date: return "2026-04-14"
        case .time: return "\"08:30\""
        case .string:
            switch field.format {
            case .hours: return "\"08:30-17:00\""
            case .timezone: return "Asia/Shanghai"
            case .plain: return field.name == "id" || field.isIdentifier ? "X1" : "示例"
            }
        case .token(let e): return e.values.first ?? ""
        case .list(.token(let e)): return "[" + e.values.joined(separator: ", ") + "]"
        case .list(.string): return "[\"您好\"]"
        default: return ""
        }
    }
}
