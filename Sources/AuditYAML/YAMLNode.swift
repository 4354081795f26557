import AuditCore

/// One node of a loaded YAML document: a scalar, a sequence or a mapping, with the 1-based
/// line and column where it starts.
///
/// Nodes are immutable and shared: an alias (`*name`) is the very same `YAMLNode` instance as
/// the node its anchor (`&name`) marks, never a copy, so a document's memory is bounded by its
/// source size even when aliases are used. An aliased node therefore carries the mark of the
/// anchored node, not of the alias.
public final class YAMLNode: Sendable {
    /// What a node holds. Mapping pairs keep the order of the source.
    public enum Content: Sendable {
        case scalar(YAMLScalar)
        case sequence([YAMLNode])
        case mapping([YAMLPair])
    }

    public let content: Content
    /// Where the node starts (1-based; columns count Unicode scalars, not bytes). For a node
    /// with an anchor or tag this is the anchor or tag; for a quoted scalar the opening quote;
    /// for a block scalar its indicator `|` or `>`; for a block sequence its first `-`; for a
    /// block mapping its first key.
    public let mark: Mark

    public init(content: Content, mark: Mark) {
        self.content = content
        self.mark = mark
    }

    /// The scalar, or `nil` for a collection.
    public var scalar: YAMLScalar? {
        if case .scalar(let scalar) = content { return scalar }
        return nil
    }

    /// The items, or `nil` when the node is not a sequence.
    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    /// The pairs in source order, or `nil` when the node is not a mapping.
    public var mapping: [YAMLPair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// A word for messages: `"sequence"`, `"mapping"`, or for a scalar the kind its value
    /// resolved to: `"null"`, `"boolean"`, `"integer"`, `"float"` or `"string"`.
    public var kindName: String {
        switch content {
        case .sequence: "sequence"
        case .mapping: "mapping"
        case .scalar(let scalar): scalar.value.kindName
        }
    }

    /// `kindName` in both languages.
    public var kindLabel: Label { Label.kind(kindName) }
}

/// One `key: value` entry of a mapping. Keys are always scalars in a successfully loaded
/// document (complex keys are rejected).
public struct YAMLPair: Sendable {
    public let key: YAMLNode
    public let value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}

/// A scalar as written, with its presentation style and its resolved value.
public struct YAMLScalar: Sendable {
    /// How the scalar was written.
    public enum Style: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// The scalar's content as libyaml gives it: quotes removed, escapes decoded, block
    /// scalars folded and chomped. Never the raw source slice.
    public let text: String
    public let style: Style
    /// The value resolved per the YAML 1.2 core schema. Only plain scalars are resolved;
    /// quoted and block scalars are always `.string(text)` (unless an explicit core tag such
    /// as `!!int` says otherwise).
    public let value: YAMLValue

    public init(text: String, style: Style, value: YAMLValue) {
        self.text = text
        self.style = style
        self.value = value
    }
}

/// A scalar's value under the YAML 1.2 core schema.
///
/// - `null`: `~`, `null`, `Null`, `NULL` or an empty plain scalar.
/// - `bool`: only `true`/`True`/`TRUE`/`false`/`False`/`FALSE` (`yes`, `on`, … are strings).
/// - `int`: decimal `[-+]?[0-9]+`, octal `0o[0-7]+`, hex `0x[0-9a-fA-F]+`, within `Int64`.
/// - `float`: `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, always finite.
/// - `string`: everything else, including dates and times (`2026-04-01`, `08:30`).
public enum YAMLValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case string(String)

    /// `"null"`, `"boolean"`, `"integer"`, `"float"` or `"string"`.
    public var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .float: "float"
        case .string: "string"
        }
    }
}

/// Hard limits that keep a hostile or broken file from exhausting time or memory.
public struct YAMLLimits: Sendable, Hashable {
    /// Largest accepted input in bytes (`--max-file-size`); checked before a file is read.
    public var maxFileSize: Int
    /// Most collections that may be open at once (the root mapping counts as one level).
    public var maxDepth: Int
    /// Most nodes all aliases of one document may expand to, in total (billion laughs).
    public var maxAliasNodes: Int
    /// Most bytes of scalar text all aliases of one document may expand to, in total: one long
    /// value aliased a few thousand times is few nodes but gigabytes of text for every later
    /// phase. 1 MiB is far above any sensible reuse of a default block, and keeps the expanded
    /// document within the file plus 1 MiB whatever `maxFileSize` is.
    public var maxAliasBytes: Int

    public init(maxFileSize: Int = 8 * 1024 * 1024, maxDepth: Int = 64, maxAliasNodes: Int = 10_000, maxAliasBytes: Int = 1024 * 1024) {
        self.maxFileSize = maxFileSize
        self.maxDepth = maxDepth
        self.maxAliasNodes = maxAliasNodes
        self.maxAliasBytes = maxAliasBytes
    }
}

/// A loaded file: its name as given, the root node, and the whole source for error snippets.
public struct YAMLDocument: Sendable {
    /// The path or name passed to the loader; every diagnostic about this file uses it.
    public let file: String
    /// The root node; a mapping for documents returned by `YAMLLoader.load`.
    public let root: YAMLNode
    /// The whole source as UTF-8 text (for `SourceSnippet`), without a leading byte order mark.
    public let text: String

    public init(file: String, root: YAMLNode, text: String) {
        self.file = file
        self.root = root
        self.text = text
    }
}
