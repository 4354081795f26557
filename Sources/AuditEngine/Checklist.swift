import AuditCalendar
import AuditCore
import AuditReport
import AuditRules
import AuditYAML

/// What an inspector must observe at an outlet of one type and tier: the rules that may
/// apply, and the report fields they read (`audit template`).
public struct Checklist: Sendable {
    public let type: String
    public let tier: String
    public let rules: [CompiledRule]
    /// Fields to fill in: every field the rules read, plus the schema's required keys.
    public let fields: Set<FieldReference>

    /// Rules whose `applies` is false for an outlet of `type` claiming `tier` are left out;
    /// rules that depend on other facts (hosting, zones…) stay, since the inspector decides
    /// them on site. Flagship rules are included only for a flagship claim (for the others
    /// they do not count).
    public init(rules: [CompiledRule], ruleSet: RuleSet, type: String, tier: String) throws(DiagnosticList) {
        self.type = type
        self.tier = tier
        let text = "outlet: {type: \(type), tier: \(tier)}"
        let document = try YAMLLoader.load(bytes: Array(text.utf8), file: "template")
        let report = try ReportValidator(schema: ruleSet.schema).validate(document, mode: .fragment)
        let auditor = Auditor(rules: [], context: EvaluationContext(calendar: ruleSet.calendar))
        var chosen: [CompiledRule] = []
        for rule in rules {
            if rule.definition.tier == .flagship && tier != "flagship" { continue }
            let findings = auditor.findings(of: rule, in: report)
            if !findings.isEmpty && findings.allSatisfy({ $0.status == .notApplicable }) { continue }
            chosen.append(rule)
        }
        self.rules = chosen
        var fields = Set(chosen.flatMap(\.fieldsRead))
        for object in ruleSet.schema.objects.values {
            for field in object.fields where field.required {
                fields.insert(FieldReference(object: object.name, field: field.name))
            }
        }
        // The type and tier are filled in, so keep them.
        fields.insert(FieldReference(object: "outlet", field: "type"))
        fields.insert(FieldReference(object: "outlet", field: "tier"))
        self.fields = fields
    }
}
