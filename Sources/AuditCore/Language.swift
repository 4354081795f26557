/// Output language of messages, labels and diagnostics. Every layer speaks it, so it lives
/// at the bottom of the module graph.
public enum Language: String, Sendable, CaseIterable {
    case zh, en
}

/// A bilingual label (a token's, a field's, a grade's, a rule's title).
public struct Label: Sendable, Hashable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The label in `language`.
    public func text(_ language: Language) -> String { language == .zh ? zh : en }
}

extension DefaultStringInterpolation {
    /// A label has two texts: `"\(label)"` would print neither, so it is deprecated (the
    /// build warns, and the build has no warnings); write `\(label.en)`, `\(label.zh)` or
    /// `\(label.text(language))`. (`unavailable` would not help: Swift then picks the generic
    /// overload and compiles silently.)
    @available(*, deprecated, message: "pick a language: label.en, label.zh or label.text(language)")
    public mutating func appendInterpolation(_ label: Label) {}

    @available(*, deprecated, message: "pick a language: message.en, message.zh or message.text(language)")
    public mutating func appendInterpolation(_ message: Message) {}
}
