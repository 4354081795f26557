import AuditCore
import AuditEngine
import AuditReport
import AuditRules

/// A blank inspection report with exactly the fields a checklist needs, each commented in
/// one language with its label, its type and its tokens. A blank value is null: a field left
/// empty is "not observed", so the template loads as it is, and filled in.
///
/// The first line points the YAML language server (VS Code's YAML extension) at the JSON
/// Schema of reports, `report.schema.json` beside the template (`audit schema report`).
public enum TemplateFormatter {
    /// `sample: true` fills every blank with a value of its type (for tests and examples).
    public static func format(_ checklist: Checklist, schema: ReportSchema, language: Language, sample: Bool = false) -> String {
        let w = { (label: Label) in label.text(language) }
        var out = "# yaml-language-server: $schema=\(TemplateWording.schemaFile)\n"
        let title = TemplateWording.title(
            type: checklist.type, typeLabel: schema.enums["outlet_type"]?.labels[checklist.type],
            tier: checklist.tier, tierLabel: schema.enums["tier"]?.labels[checklist.tier])
        out += "# \(w(title))\n"
        out += "# \(w(TemplateWording.rulesApply(checklist.rules.count)))\n"
        for line in TemplateWording.howToFill + TemplateWording.schemaLines(extended: !schema.extensions.isEmpty) {
            out += "# \(w(line))\n"
        }
        var renderer = Renderer(schema: schema, checklist: checklist, language: language, sample: sample)
        renderer.render(schema.root, indent: "", listItem: false)
        return out + renderer.out
    }

    private struct Renderer {
        let schema: ReportSchema
        let checklist: Checklist
        let language: Language
        let sample: Bool
        var out = ""

        init(schema: ReportSchema, checklist: Checklist, language: Language, sample: Bool) {
            self.schema = schema
            self.checklist = checklist
            self.language = language
            self.sample = sample
        }

        func wanted(_ object: ObjectSchema, _ field: FieldSchema) -> Bool {
            if checklist.fields.contains(FieldReference(object: object.name, field: field.name)) { return true }
            switch field.type {
            case .object(let nested), .list(.object(let nested)):
                return nested.fields.contains { wanted(nested, $0) }
            default:
                return false
            }
        }

        mutating func render(_ object: ObjectSchema, indent: String, listItem: Bool) {
            var first = true
            for field in object.fields where wanted(object, field) {
                let lead = listItem && first ? String(indent.dropLast(2)) + "- " : indent
                first = false
                var notes = [field.label.text(language)]
                if field.required { notes.append(TemplateWording.required.text(language)) }
                switch field.type {
                case .object(let nested):
                    out += "\(lead)\(field.name):  # \(notes.joined(separator: TemplateWording.noteSeparator.text(language)))\n"
                    render(nested, indent: indent + "  ", listItem: false)
                case .list(.object(let nested)):
                    notes.append(TemplateWording.oneEntryEach.text(language))
                    if field.acceptsCount { notes.append(TemplateWording.orACount.text(language)) }
                    notes.append(TemplateWording.noneIsEmptyList.text(language))
                    out += "\(lead)\(field.name):  # \(notes.joined(separator: TemplateWording.noteSeparator.text(language)))\n"
                    render(nested, indent: indent + "    ", listItem: true)
                default:
                    let value = fixedValue(object, field) ?? (sample ? sampleValue(field) : "")
                    notes += typeHints(field)
                    out += "\(lead)\(field.name):\(value.isEmpty ? "" : " " + value)  # \(notes.joined(separator: TemplateWording.noteSeparator.text(language)))\n"
                }
            }
        }

        func fixedValue(_ object: ObjectSchema, _ field: FieldSchema) -> String? {
            if object === schema.root, field.name == "schema" { return schema.version }
            switch (object.name, field.name) {
            case ("outlet", "type"): return checklist.type
            case ("outlet", "tier"): return checklist.tier
            default: return nil
            }
        }

        func typeHints(_ field: FieldSchema) -> [String] {
            var hints: [Label] = []
            switch field.type {
            case .bool: hints.append(Label(zh: "true/false", en: "true/false"))
            case .int:
                if let allowed = field.allowedInts {
                    hints.append(TemplateWording.oneOf(allowed.map(String.init).joined(separator: TemplateWording.listSeparator.text(language))))
                } else {
                    hints.append(TemplateWording.integer)
                }
            case .number: hints.append(TemplateWording.number)
            case .timestamp: hints.append(Label(zh: "YYYY-MM-DD HH:MM", en: "YYYY-MM-DD HH:MM"))
            case .date: hints.append(Label(zh: "YYYY-MM-DD", en: "YYYY-MM-DD"))
            case .time: hints.append(Label(zh: "HH:MM", en: "HH:MM"))
            case .string:
                switch field.format {
                case .hours: hints.append(Label(zh: "HH:MM-HH:MM", en: "HH:MM-HH:MM"))
                case .timezone: hints.append(TemplateWording.timeZone)
                case .plain: break
                }
            case .token(let e): hints.append(TemplateWording.oneOf(tokens(e)))
            case .list(.token(let e)):
                hints.append(TemplateWording.anyOf(tokens(e)))
                hints.append(TemplateWording.noneIsEmptyList)
            case .list(.string):
                hints.append(TemplateWording.verbatim)
                hints.append(TemplateWording.noneIsEmptyList)
            default: break
            }
            if let minimum = field.minimum { hints.append(TemplateWording.atLeast(JSON.format(minimum, decimals: 2))) }
            if field.absentMeansNone { hints.append(TemplateWording.notHappened) }
            return hints.map { $0.text(language) }
        }

        func tokens(_ e: EnumSchema) -> String {
            e.values.map { TemplateWording.tokenWithLabel($0, e.labels[$0]?.text(language) ?? "", language) }
                .joined(separator: TemplateWording.listSeparator.text(language))
        }

        func sampleValue(_ field: FieldSchema) -> String {
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
                case .timezone: return ReportValidator.defaultTimeZone
                case .plain: return field.name == "id" || field.isIdentifier ? "X1" : "示例"
                }
            case .token(let e): return e.values.first ?? ""
            case .list(.token(let e)): return "[" + e.values.joined(separator: ", ") + "]"
            case .list(.string): return "[\"您好\"]"
            default: return ""
            }
        }
    }
}

// MARK: - The outlet's type and tier as given on the command line
// (a token or its exact Chinese label is read by `EnumSchema.token(named:)`, as in reports)

extension TemplateFormatter {
    /// Why `value` names no token of `e` (nil: the schema has no such enum), with the closest
    /// token or Chinese label as a did-you-mean.
    public static func unknownValue(_ value: String, option: String, in e: EnumSchema?) -> Message {
        let tokens = e?.values ?? []
        var byLabel: [String: String] = [:]
        for token in tokens { if let zh = e?.labels[token]?.zh, !zh.isEmpty, byLabel[zh] == nil { byLabel[zh] = token } }
        func listed(_ language: Language) -> String {
            tokens.map { TemplateWording.tokenWithLabel($0, e?.labels[$0]?.text(language) ?? "", language) }
                .joined(separator: TemplateWording.listSeparator.text(language))
        }
        var hint = Label(zh: "", en: "")
        // A near miss; else a label the value abbreviates (客服大厅 for 客户服务大厅), if only one does.
        let abbreviated = byLabel.keys.sorted().filter { isAbbreviation(value, of: $0) }
        if let match = Suggestion.closest(to: value, among: tokens + byLabel.keys.sorted())
            ?? (abbreviated.count == 1 ? abbreviated[0] : nil) {
            let token = tokens.contains(match) ? match : byLabel[match] ?? match
            hint = match == token
                ? Label(zh: "（是否应为 '\(token)'？）", en: " (did you mean '\(token)'?)")
                : Label(zh: "（是否应为 '\(match)'，即 \(token)？）", en: " (did you mean '\(match)', that is \(token)?)")
        }
        return TemplateWording.unknownValue(value, option: option, expected: Label(zh: listed(.zh), en: listed(.en)), hint: hint)
    }

    /// Whether `value` is `label` with some characters left out (at least two kept, and only
    /// letters that are not ASCII: Chinese abbreviates so, English words do not).
    static func isAbbreviation(_ value: String, of label: String) -> Bool {
        let short = Array(value.unicodeScalars), long = Array(label.unicodeScalars)
        guard short.count >= 2, short.count < long.count, short.allSatisfy({ !$0.isASCII }) else { return false }
        var i = 0
        for scalar in long where i < short.count && scalar == short[i] { i += 1 }
        return i == short.count
    }
}
