import AuditCore

/// The keys of one mapping of a file format, declared once as a `CaseIterable` enum: the
/// loader reads the mapping through them (unknown keys refused with a hint, required ones
/// demanded, both in declaration order) and the format's JSON Schema is generated from them
/// (`audit schema`), so the two cannot disagree about which keys there are; a key added to
/// the enum is a compile error in every exhaustive `switch` until both read it.
public protocol FormatKey: RawRepresentable, CaseIterable, Hashable, Sendable where RawValue == String, AllCases == [Self] {
    /// Whether the key must be there (a loader may waive it where a default stands in).
    var isRequired: Bool { get }
    /// What the key holds, in both languages: the schema's title and description.
    var meaning: Label { get }
}

extension FormatKey {
    /// The key names, in declaration order.
    public static var names: [String] { allCases.map(\.rawValue) }

    /// The required key names, in declaration order, less `waived`.
    public static func requiredNames(waiving waived: Set<Self> = []) -> [String] {
        allCases.filter { $0.isRequired && !waived.contains($0) }.map(\.rawValue)
    }
}

extension NodeReader {
    /// The pairs of a mapping whose keys are `Key`'s: an unknown key is reported (with a hint)
    /// and left out, a missing required one reported unless `waived`.
    public mutating func mapping<Key: FormatKey>(
        _ node: YAMLNode, _ what: Label, keys: Key.Type, waiving waived: Set<Key> = []
    ) -> [(key: Key, keyNode: YAMLNode, value: YAMLNode)]? {
        guard let pairs = mapping(node, what, allowed: Key.names, required: Key.requiredNames(waiving: waived)) else { return nil }
        return pairs.compactMap { pair in Key(rawValue: pair.key).map { (key: $0, keyNode: pair.keyNode, value: pair.value) } }
    }
}
