import AuditRules

/// The legend below a report: each source the shown findings cite, by the abbreviation the
/// citations use (`CS`), with the document the rule set names for it, once, in the order the
/// report first cites them.
///
/// The names come from the rules' own citations: `cite.source` lists the abbreviations
/// (`CS, LB`), `cite.document` the documents in the same order, separated by `;`
/// (`中国人寿财产保险股份有限公司客户服务规范;人身保险业务基本服务规定(保监会令2010年第4号)`).
struct SourceLegend {
    struct Entry: Equatable {
        /// `CS`, as the citations show it.
        let source: String
        /// `中国人寿财产保险股份有限公司客户服务规范`
        let document: String
    }

    private(set) var entries: [Entry] = []

    init(_ citations: some Sequence<Citation>) {
        var seen: Set<String> = []
        for cite in citations {
            for entry in Self.entries(of: cite) where seen.insert(entry.source).inserted {
                entries.append(entry)
            }
        }
    }

    var isEmpty: Bool { entries.isEmpty }

    /// A citation's sources with their documents: paired in order when the two lists are as
    /// long; otherwise each source with the whole `document` text (never a wrong pairing).
    static func entries(of cite: Citation) -> [Entry] {
        let sources = split(cite.source, at: [",", "，", "、"])
        let documents = split(cite.document, at: [";", "；"])
        if sources.count == documents.count {
            return zip(sources, documents).map { Entry(source: $0, document: $1) }
        }
        let whole = cite.document.trimmingSpaces
        return sources.map { Entry(source: $0, document: whole) }
    }

    private static func split(_ text: String, at separators: Set<Character>) -> [String] {
        text.split(whereSeparator: { separators.contains($0) }).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }
}

extension String {
    /// Without leading and trailing spaces (ASCII and ideographic).
    fileprivate var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
