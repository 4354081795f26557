import AuditCore
import AuditReport
@testable import AuditRules
import AuditTestSupport
import Foundation
import Testing

/// One punctuation style per language (issue 12): Chinese prose uses full-width ，；：（）？！,
/// English keeps ASCII. An ASCII `, ; : ( ) ? !` with a Chinese character directly on either
/// side is a slip; ASCII inside quotes ('…', `…`, “…”, 「…」) and interpolations is code or a
/// value the user types, and is left alone.
enum PunctuationStyle {
    static let ascii: Set<Character> = [",", ";", ":", "(", ")", "?", "!"]

    static func isChinese(_ c: Character) -> Bool {
        c.unicodeScalars.contains { s in
            (0x3400...0x9FFF).contains(s.value) || (0x3000...0x303F).contains(s.value)
        }
    }

    /// `text` with quoted segments and `{…}` template holes blanked out (a space each).
    static func prose(_ text: String, holes: Bool = false) -> [Character] {
        let closers: [Character: Character] = ["'": "'", "`": "`", "“": "”", "「": "」", "\u{1}": "\u{2}"]
        var out: [Character] = []
        var closing: Character?
        var depth = 0
        let all = Array(text)
        for (i, c) in all.enumerated() {
            if let close = closing {
                if c == close { closing = nil }
                out.append(" ")
            } else if holes, c == "{" || depth > 0 {
                if c == "{" { depth += 1 }
                if c == "}" { depth -= 1 }
                out.append(" ")
            } else if let close = closers[c], all[(i + 1)...].contains(close) {
                closing = close
                out.append(" ")
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// The ASCII punctuation in `text` that touches a Chinese character, as `'x' in «…»`.
    static func offenders(_ text: String, holes: Bool = false) -> [String] {
        let chars = prose(text, holes: holes)
        var found: [String] = []
        for (i, c) in chars.enumerated() where ascii.contains(c) {
            let before = i > 0 && isChinese(chars[i - 1])
            let after = i + 1 < chars.count && isChinese(chars[i + 1])
            if before || after { found.append("'\(c)' in «\(text)»") }
        }
        return found
    }

    /// The string literals on a line of Swift source, interpolations replaced by \u{1}…\u{2}
    /// (blanked like a quote), each with what precedes it on the line. Comments are skipped.
    static func literals(in line: String) -> [(prefix: String, text: String)] {
        let chars = Array(line)
        var result: [(String, String)] = []
        var i = 0
        func literal(from start: Int) -> (String, Int) {
            var text = ""
            var j = start + 1
            while j < chars.count {
                let c = chars[j]
                if c == "\\", j + 1 < chars.count {
                    if chars[j + 1] == "(" {
                        var depth = 1
                        j += 2
                        while j < chars.count, depth > 0 {
                            if chars[j] == "\"" { j = literal(from: j).1; continue }
                            if chars[j] == "(" { depth += 1 }
                            if chars[j] == ")" { depth -= 1 }
                            j += 1
                        }
                        text += "\u{1}x\u{2}"
                        continue
                    }
                    text.append(chars[j + 1])
                    j += 2
                    continue
                }
                if c == "\"" { return (text, j + 1) }
                text.append(c)
                j += 1
            }
            return (text, j)
        }
        while i < chars.count {
            if chars[i] == "/", i + 1 < chars.count, chars[i + 1] == "/" { break }
            if chars[i] == "#", i + 1 < chars.count, chars[i + 1] == "/" {
                // A regex literal: its text is English to match, not wording.
                var j = i + 2
                while j + 1 < chars.count, !(chars[j] == "/" && chars[j + 1] == "#") { j += 1 }
                i = j + 2
                continue
            }
            if chars[i] == "\"" {
                if i + 2 < chars.count, chars[i + 1] == "\"", chars[i + 2] == "\"" { break }
                let (text, end) = literal(from: i)
                result.append((String(chars[0..<i]), text))
                i = end
                continue
            }
            i += 1
        }
        return result
    }

    /// `file:line: …` for each Chinese literal in Sources/**/*.swift with an offender. English
    /// literals (an `en:` argument, argument-parser help) may quote Chinese in ASCII style.
    static func sourceOffenders() throws -> [String] {
        let root = URL(fileURLWithPath: repositoryRoot).appending(path: "Sources")
        let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }
            .filter { $0.pathExtension == "swift" }
            .sorted { $0.path < $1.path } ?? []
        var found: [String] = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            var inMultiline = false
            for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.components(separatedBy: "\"\"\"").count % 2 == 0 { inMultiline.toggle(); continue }
                if inMultiline || line.contains("ArgumentHelp(") { continue }
                for (prefix, literal) in literals(in: String(line)) where literal.contains(where: isChinese) {
                    if prefix.trimmingCharacters(in: .whitespaces).hasSuffix("en:") { continue }
                    let relative = file.path.dropFirst(repositoryRoot.count + 1)
                    found += offenders(literal).map { "\(relative):\(n + 1): \($0)" }
                }
            }
        }
        return found
    }

    /// The zh wording of the shipped rules: titles, message templates (outside their holes, and
    /// the string literals inside them), schema labels and `unmet` words, grade names.
    static func ruleOffenders(_ rules: RuleSet) -> [String] {
        var found: [String] = []
        for rule in rules.definitions {
            found += offenders(rule.title.zh).map { "\(rule.id) title: \($0)" }
            let template = rule.message.zh.text
            found += offenders(template, holes: true).map { "\(rule.id) message: \($0)" }
            for piece in holeStrings(template) {
                found += offenders(piece).map { "\(rule.id) message: \($0)" }
            }
        }
        let schema = rules.schema
        for (name, e) in schema.enums.sorted(by: { $0.key < $1.key }) {
            for token in e.values { found += offenders(e.labels[token]?.zh ?? "").map { "enum \(name).\(token): \($0)" } }
        }
        for (name, object) in schema.objects.sorted(by: { $0.key < $1.key }) {
            for field in object.fields {
                found += offenders(field.label.zh).map { "\(name).\(field.name): \($0)" }
                found += offenders(field.unmet?.zh ?? "").map { "\(name).\(field.name) unmet: \($0)" }
            }
        }
        for grade in rules.scoring.grades { found += offenders(grade.label.zh).map { "grade \(grade.id): \($0)" } }
        return found
    }

    /// The "…" string literals inside the `{…}` holes of a message template: words it prints.
    static func holeStrings(_ template: String) -> [String] {
        var pieces: [String] = []
        var depth = 0
        var current: String?
        for c in template {
            if var piece = current {
                if c == "\"" { pieces.append(piece); current = nil } else { piece.append(c); current = piece }
                continue
            }
            if c == "{" { depth += 1 } else if c == "}" { depth -= 1 } else if c == "\"", depth > 0 { current = "" }
        }
        return pieces
    }
}

@Suite struct PunctuationStyleTests {
    @Test func theRuleSeesSlipsAndLeavesCodeAlone() {
        #expect(PunctuationStyle.offenders("平方米,低于").count == 1)
        #expect(PunctuationStyle.offenders("面积(平方米)").count == 2)
        #expect(PunctuationStyle.offenders("是否应为 'x'(是)").count == 2)
        #expect(PunctuationStyle.offenders("面积（平方米），低于").isEmpty)
        #expect(PunctuationStyle.offenders("请写成 'name: 网点'，如 `HH:MM`").isEmpty)
        #expect(PunctuationStyle.offenders("应为 YYYY-MM-DD HH:MM，如 10:20").isEmpty)
        #expect(PunctuationStyle.offenders("缺少功能区:{zones}", holes: true).count == 1)
        #expect(PunctuationStyle.offenders("{a ? \"x:\" : \"\"}功能区", holes: true).isEmpty)
        #expect(PunctuationStyle.holeStrings("{a ? \"缺少:\" : \"\"}x") == ["缺少:", ""])
        let literals = PunctuationStyle.literals(in: #"f(en: "a, b", zh: "甲,\(x ? "乙" : "丙")") // 注释,"#)
        #expect(literals.map(\.text) == ["a, b", "甲,\u{1}x\u{2}"])
        #expect(literals.last?.prefix.hasSuffix("zh: ") == true)
    }

    @Test func aLabelWrittenWithASCIIPunctuationStillNamesItsToken() {
        let posting = shippedRules.schema.enums["posting"]
        #expect(posting?.token(named: "服务人员监督板（带照片）") == "supervision_board")
        #expect(posting?.token(named: "服务人员监督板(带照片)") == "supervision_board")
        #expect(posting?.token(named: "服务人员监督板") == nil)
    }

    @Test func chineseWordingInTheSourcesIsFullWidth() throws {
        let found = try PunctuationStyle.sourceOffenders()
        #expect(found.isEmpty, "ASCII punctuation in Chinese prose:\n\(found.joined(separator: "\n"))")
    }

    @Test func chineseWordingOfTheShippedRulesIsFullWidth() {
        let found = PunctuationStyle.ruleOffenders(shippedRules)
        #expect(found.isEmpty, "ASCII punctuation in Chinese prose:\n\(found.joined(separator: "\n"))")
    }
}
