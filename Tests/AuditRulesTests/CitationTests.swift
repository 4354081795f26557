import AuditRules
import AuditTestSupport
import Foundation
import Testing

/// The source texts the rules quote: the seed standards (CS, CP, CC, 服务规范, 柜面服务标准) and
/// the law sentences of ../shared/spec/catalog.md (IL, CH, LB, SPC2). CI has ../shared beside
/// the clone; without it these tests are skipped, not passed.
enum SourceTexts {
    static let shared = repositoryRoot + "/../shared"

    static var available: Bool {
        FileManager.default.fileExists(atPath: shared + "/seed/china-life-service-standards.zh.txt")
            && FileManager.default.fileExists(atPath: shared + "/spec/catalog.md")
    }

    /// Each source's text, normalised, by the catalog's abbreviation.
    static let bySource: [String: String] = {
        guard let seed = try? String(contentsOfFile: shared + "/seed/china-life-service-standards.zh.txt", encoding: .utf8),
              let catalog = try? String(contentsOfFile: shared + "/spec/catalog.md", encoding: .utf8)
        else { return [:] }
        /// The seed holds several documents one after another: each runs from its title to the
        /// next document's.
        func part(_ start: String, _ end: String?) -> String {
            guard let from = seed.range(of: start) else { return "" }
            let rest = seed[from.lowerBound...]
            guard let end, let to = rest.range(of: end) else { return String(rest) }
            return String(rest[..<to.lowerBound])
        }
        var texts: [String: String] = [
            "服务规范": part("保险公司客户服务人员的服务规范", "保险客户服务的主要内容"),
            "CP": part("中国人寿保险股份有限公司服务承诺", "人身保险投保提示书"),
            "CC": part("客服中心服务规范\n", "中国人寿保险股份有限公司柜面服务标准(试行)"),
            "柜面服务标准": part("中国人寿保险股份有限公司柜面服务标准(试行)", "中国人寿客户服务系统使用指南"),
            "CS": part("中国人寿财产保险股份有限公司客户服务规范第一章", nil),
        ]
        // `- IL 第二十二条: 「…」`, `- SPC2 = … 第十五条: 「…」`: the quoted sentences per source.
        for line in catalog.split(separator: "\n") where line.hasPrefix("- ") {
            guard let open = line.firstIndex(of: "「"), let close = line.lastIndex(of: "」"), open < close else { continue }
            let source = line.dropFirst(2).prefix { $0 != " " && $0 != ":" && $0 != "=" }
            texts[String(source), default: ""] += String(line[line.index(after: open)..<close]) + "\n"
        }
        return texts.mapValues(normalise)
    }()

    /// Spaces removed, full-width ASCII forms (，：（) read as their ASCII forms.
    static func normalise(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace {
            if (0xFF01...0xFF5E).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFEE0) {
                scalars.append(ascii)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    /// The fragments of a quote (split at ……) that occur in none of the cited sources.
    static func unquoted(_ quote: String, sources: String) -> [String] {
        let cited = sources.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let texts = cited.compactMap { bySource[$0] }
        return quote.components(separatedBy: "……").map(normalise).filter { !$0.isEmpty }.filter { fragment in
            !texts.contains { $0.contains(fragment) }
        }
    }
}

@Suite(.enabled(if: SourceTexts.available, "../shared (seed and catalog) is not beside the repository"))
struct CitationTests {
    @Test func everySourceTextIsFound() {
        for source in ["CS", "CP", "CC", "服务规范", "柜面服务标准", "IL", "CH", "LB", "SPC2"] {
            #expect((SourceTexts.bySource[source]?.count ?? 0) > 40, "no text found for \(source)")
        }
    }

    @Test func everyQuoteFragmentOccursInItsSource() {
        for rule in shippedRules.definitions {
            let cited = rule.cite.source.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            for source in cited {
                #expect(SourceTexts.bySource[source] != nil, "\(rule.id) cites an unknown source '\(source)'")
            }
            let missing = SourceTexts.unquoted(rule.cite.quote, sources: rule.cite.source)
            #expect(missing.isEmpty, "\(rule.id): not in \(rule.cite.source): \(missing.joined(separator: " | "))")
        }
    }

    /// The check can fail: a paraphrase, a quote from another source, and a sentence joined to
    /// the next without …… are all caught.
    @Test func paraphrasesAreCaught() {
        #expect(!SourceTexts.unquoted("营业场所应当「公示服务的内容、流程及监督电话」", sources: "LB").isEmpty)
        #expect(!SourceTexts.unquoted("及时接听客户电话。", sources: "CS").isEmpty)
        #expect(SourceTexts.unquoted("及时接听客户电话。", sources: "CS, CC").isEmpty)
        #expect(!SourceTexts.unquoted(
            "资料填写区须设置填写台,台面下方放置资料和业务表格。客户休息区/资料填写区须提供书写的文具和单证填写样本", sources: "CS").isEmpty)
        #expect(SourceTexts.unquoted("对于事实清楚、争议情况简单的消费投诉，应当自收到消费投诉之日起15日内", sources: "CH").isEmpty)
    }
}
