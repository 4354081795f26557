import AuditCore
import AuditReport
import AuditYAML

/// The `schema_extension:` files among the rule files, applied to the report schema before
/// packs are checked against it (rule loading and `audit lint` alike).
enum SchemaExtensions {
    /// `schema` with `documents` added, as far as they are valid; every problem is appended
    /// to `diagnostics` (an error in an extension fails the load; lint goes on with the rest).
    static func apply(_ documents: [YAMLDocument], to schema: ReportSchema, diagnostics: inout DiagnosticList) -> ReportSchema {
        guard !documents.isEmpty else { return schema }
        let (extended, problems) = schema.extendedLeniently(with: documents)
        diagnostics.append(contentsOf: problems)
        return extended ?? schema
    }
}
