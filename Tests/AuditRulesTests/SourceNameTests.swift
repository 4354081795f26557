import AuditRules
import AuditTestSupport
import Testing

/// The legend below every human report (`依据来源`) names each cited source by the document
/// the rules give for it: `cite.source` lists abbreviations (`CS, LB`), `cite.document` the
/// documents in the same order, separated by `;`. The shipped rules must keep the two lists
/// paired and give every abbreviation one document.
@Suite struct SourceNameTests {
    static func split(_ text: String, _ separators: Set<Character>) -> [String] {
        text.split(whereSeparator: { separators.contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    @Test func everyCitationPairsItsSourcesWithItsDocuments() {
        var documents: [String: String] = [:]
        for rule in shippedRules.definitions {
            let sources = Self.split(rule.cite.source, [",", "，", "、"])
            let names = Self.split(rule.cite.document, [";", "；"])
            #expect(!sources.isEmpty, "\(rule.id) cites no source")
            #expect(sources.count == names.count, "\(rule.id): \(sources.count) sources (\(rule.cite.source)) but \(names.count) documents (\(rule.cite.document))")
            for (source, name) in zip(sources, names) {
                #expect(name != source, "\(rule.id): the document of \(source) is only its abbreviation")
                if let known = documents[source] {
                    #expect(known == name, "\(rule.id): \(source) is '\(name)' here but '\(known)' elsewhere")
                } else {
                    documents[source] = name
                }
            }
        }
        // The catalog's sources (../shared/spec/catalog.md) and the seed's two standards without one.
        #expect(Set(documents.keys) == ["CS", "CP", "CC", "IL", "CH", "LB", "SPC2", "服务规范", "柜面服务标准"])
        #expect(documents["SPC2"] == "最高人民法院关于适用《中华人民共和国保险法》若干问题的解释(二)(法释〔2013〕14号)")
    }
}
