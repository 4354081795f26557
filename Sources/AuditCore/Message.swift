/// What a diagnostic says, in both languages, with a stable code (`yaml.duplicate-key`) a
/// program can match on. Each phase words its messages in one file (YAMLWording.swift,
/// ReportWording.swift, RuleWording.swift, …), zh and en side by side; the output renders
/// the language it was asked for.
public struct Message: Sendable, Hashable, CustomStringConvertible {
    public let code: String
    public let en: String
    public let zh: String

    public init(_ code: String, en: String, zh: String) {
        self.code = code
        self.en = en
        self.zh = zh
    }

    public func text(_ language: Language) -> String { language == .zh ? zh : en }

    public var description: String { en }
}
