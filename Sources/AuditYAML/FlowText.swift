extension YAMLNode {
    /// The node as one line of YAML flow syntax (`{outlet: {type: service_center}}`), for
    /// showing rule examples. Strings that would read as something else are quoted.
    public var flowText: String {
        switch content {
        case .scalar(let scalar):
            guard case .string(let text) = scalar.value else { return scalar.text.isEmpty ? "null" : scalar.text }
            return Self.quotedIfNeeded(text)
        case .sequence(let items):
            return "[" + items.map(\.flowText).joined(separator: ", ") + "]"
        case .mapping(let pairs):
            return "{" + pairs.map { "\($0.key.flowText): \($0.value.flowText)" }.joined(separator: ", ") + "}"
        }
    }

    static func quotedIfNeeded(_ text: String) -> String {
        let special: Set<Character> = [",", ":", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`"]
        let resolvesOtherwise = ScalarResolver.resolvePlainForDisplay(text)
        if text.isEmpty || resolvesOtherwise || text.contains(where: { special.contains($0) || $0 == "\n" })
            || text.first == " " || text.last == " " || text.first == "-" || text.first == "?" {
            var escaped = ""
            for c in text {
                switch c {
                case "\"": escaped += "\\\""
                case "\\": escaped += "\\\\"
                case "\n": escaped += "\\n"
                default: escaped.append(c)
                }
            }
            return "\"\(escaped)\""
        }
        return text
    }
}

extension ScalarResolver {
    /// Whether `text`, written plain, would read as something other than this string.
    static func resolvePlainForDisplay(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            if case .value(.string) = resolvePlain(bytes, text: text) { return false }
            return true
        }
    }
}
