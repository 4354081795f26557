import AuditCore
import AuditYAML

// Schema extensions: files whose first key is `schema_extension`, adding fields to the
// report schema's objects and tokens (or whole enums) to its enums, without touching the
// shipped schema file (docs/rules.md, "Schema extensions"). An extension only adds: a field
// or token that already exists, an object that does not, a required field are errors.

extension ReportSchema {
    /// This schema with `documents` (each a `schema_extension:` file, applied in order) added:
    /// a new schema, built again from the schema file and every extension so far, so that
    /// every field of type `object` or `list` refers to the extended object. Shipped fields
    /// keep their order; extension fields follow, in file order.
    public func extended(with documents: [YAMLDocument]) throws(DiagnosticList) -> ReportSchema {
        let (schema, diagnostics) = extendedLeniently(with: documents)
        guard let schema, !diagnostics.hasErrors else { throw diagnostics }
        return schema
    }

    /// As `extended(with:)`, but keeping what is valid (`audit lint`): the schema with every
    /// addition that could be read, and the problems found. The schema is nil only when this
    /// schema was not loaded from a file.
    public func extendedLeniently(with documents: [YAMLDocument]) -> (schema: ReportSchema?, diagnostics: DiagnosticList) {
        if documents.isEmpty { return (self, DiagnosticList()) }
        guard let base = sources.first else {
            let at = documents.map { SourceLocation(file: $0.file, mark: $0.root.mark) }
            return (nil, DiagnosticList(at.map { .error(.schemaNotExtensible, at: $0) }))
        }
        return ReportSchemaBuilder.build(base, extensions: Array(sources.dropFirst()) + documents)
    }
}

extension ReportSchema {
    /// This schema without its extensions: the schema file alone (what an extension may add
    /// to). Itself when it has none or was not loaded from a file.
    public func unextended() -> ReportSchema {
        guard !extensions.isEmpty, let base = sources.first else { return self }
        return ReportSchemaBuilder.build(base, extensions: []).0 ?? self
    }
}
