import AuditCore
import AuditReport
import AuditYAML

// TEMPORARY until the schema-extension branch is merged.
extension ReportSchema {
    func extended(with documents: [YAMLDocument]) throws(DiagnosticList) -> ReportSchema { self }
}
