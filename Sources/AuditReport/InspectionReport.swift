import AuditCalendar
import AuditCore

/// A validated inspection report: every value typed per the schema and carrying its
/// position, fields stored by schema index so compiled rules read them without hashing.
public struct InspectionReport: Sendable {
    public let file: String
    /// The whole source, for snippets in messages.
    public let text: String
    public let root: ReportObject
    /// The outlet's UTC offset (from `outlet.timezone`, default Asia/Shanghai), used for
    /// local timestamps and for the local dates deadlines count in.
    public let utcOffsetSeconds: Int
    /// What validation noticed without refusing the report (a deprecated field).
    public let warnings: [Diagnostic]

    public init(file: String, text: String, root: ReportObject, utcOffsetSeconds: Int, warnings: [Diagnostic] = []) {
        self.file = file
        self.text = text
        self.root = root
        self.utcOffsetSeconds = utcOffsetSeconds
        self.warnings = warnings
    }

    /// Reads a value by dotted path from the root (`inspection.inspected_at`); nil when absent.
    public func value(at path: String) -> ReportField? {
        var object = root
        var field: ReportField?
        for (i, name) in path.split(separator: ".").enumerated() {
            if i > 0 {
                guard case .object(let next)? = field?.value else { return nil }
                object = next
            }
            guard let schema = object.schema.field(named: String(name)) else { return nil }
            field = object.fields[schema.index]
        }
        return field
    }
}

/// A mapping of the report, typed by its `ObjectSchema`.
public final class ReportObject: Sendable {
    public let schema: ObjectSchema
    public let mark: Mark
    /// Where the object sits in the report (`cases[2]`, `premises.counters`; empty for the
    /// root), so findings and missing evidence can name it.
    public let path: String
    /// Indexed by `FieldSchema.index`; nil when the key is absent or null.
    public let fields: [ReportField?]
    /// For a stand-in item of a list written as a count (`document_requests: 2`): the list's
    /// path, which is what a rule reading one of its (unknown) fields is missing.
    public let countedIn: String?

    public init(schema: ObjectSchema, mark: Mark, path: String, fields: [ReportField?], countedIn: String? = nil) {
        self.schema = schema
        self.mark = mark
        self.path = path
        self.fields = fields
        self.countedIn = countedIn
    }

    /// `cases[2].feedback_at`: the path of one of this object's fields.
    public func path(of field: String) -> String {
        path.isEmpty ? field : "\(path).\(field)"
    }

    public subscript(name: String) -> ReportField? {
        schema.field(named: name).flatMap { fields[$0.index] }
    }

    /// The item's id (`E1077`, `CMP-0402-01`) when its schema names an identifier field.
    public var identifier: String? {
        guard let id = schema.identifier, case .string(let text)? = fields[id.index]?.value else { return nil }
        return text
    }
}

/// A value and where it was written.
public struct ReportField: Sendable {
    public let value: ReportValue
    public let mark: Mark

    public init(value: ReportValue, mark: Mark) {
        self.value = value
        self.mark = mark
    }
}

public enum ReportValue: Sendable {
    case bool(Bool)
    case int(Int64)
    case number(Double)
    /// Free text and tokens alike; the schema tells which.
    case string(String)
    case timestamp(Timestamp)
    case date(LocalDate)
    case time(TimeOfDay)
    case list([ReportField])
    case object(ReportObject)
}
