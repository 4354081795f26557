import AuditCalendar
import AuditCore

/// Recognises the slips inspectors make filling a report by hand, so that a type error can
/// name the slip and say what to write: `是` for a boolean, `18平方米` for a number,
/// `2026/4/3` or `4月3日` for a timestamp, `8:30` for a time, `reception，cashier` for a list.
/// Only ever consulted for a value that is already an error: nothing here changes what a
/// valid report means.
enum ReportSlips {
    /// Full-width ASCII (digits, letters, `：`, `，`, `．`, `／`, `－`, typed with a Chinese
    /// input method) and full-width spaces made half-width, then surrounding spaces removed.
    static func halfWidth(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for c in text.unicodeScalars.prefix(256) {
            switch c.value {
            case 0xFF01...0xFF5E: out.append(Unicode.Scalar(c.value - 0xFEE0) ?? c)
            case 0x3000: out.append(" ")
            default: out.append(c)
            }
        }
        while let first = out.first, first == " " || first == "\t" { out.removeFirst() }
        while let last = out.last, last == " " || last == "\t" { out.removeLast() }
        return String(out)
    }

    // MARK: Booleans

    /// The boolean a word stands for (`是` → true, `无` → false, `yes` → true), or nil.
    static func booleanWord(_ text: String) -> Bool? {
        switch halfWidth(text).lowercased() {
        case "是", "是的", "有", "对", "真", "合格", "符合", "yes", "y", "on", "√", "✓", "✔", "t": true
        case "否", "不是", "无", "没有", "不", "错", "假", "不合格", "不符合", "no", "n", "off", "×", "✗", "✘", "f": false
        default: nil
        }
    }

    // MARK: Numbers

    /// `18平方米`, `18 m2`, `18㎡`, `3次`, `１８`, `"18"`: the number as it should be written,
    /// and the unit written after it (empty when the number only needs half-width digits or
    /// no quotes). Nil when the text does not start with a number followed by a unit.
    static func numberWithUnit(_ text: String) -> (number: String, unit: String)? {
        let s = Array(halfWidth(text).unicodeScalars)
        var i = 0
        if i < s.count, s[i] == "+" || s[i] == "-" { i += 1 }
        let digitsStart = i
        while i < s.count, ("0"..."9").contains(s[i]) { i += 1 }
        guard i > digitsStart, i - digitsStart <= 18 else { return nil }
        if i + 1 < s.count, s[i] == ".", ("0"..."9").contains(s[i + 1]) {
            i += 1
            while i < s.count, ("0"..."9").contains(s[i]) { i += 1 }
        }
        let number = String(String.UnicodeScalarView(s[0..<i]))
        var u = i
        while u < s.count, s[u] == " " { u += 1 }
        let unit = String(String.UnicodeScalarView(s[u...]))
        // A date, a time or a range is not a number with a unit.
        if let first = unit.unicodeScalars.first, "/.-:,~年月日时点".unicodeScalars.contains(first) || ("0"..."9").contains(first) {
            return nil
        }
        guard unit.unicodeScalars.count <= 12 else { return nil }
        return (number, unit)
    }

    // MARK: Dates and times

    /// A date, perhaps with a time, as an inspector may write it: `2026/4/3`, `2026.4.3`,
    /// `2026-4-3`, `2026年4月3日`, `4月3日` (no year), `20260403`, each perhaps followed by
    /// `10:20`, `10点20分`, `10点半`, `下午3点`.
    struct DateSlip: Equatable {
        var year: Int?
        var month: Int
        var day: Int
        var time: TimeSlip?
    }

    struct TimeSlip: Equatable {
        var hour: Int
        var minute: Int

        /// `08:30`.
        var text: String { pad(hour) + ":" + pad(minute) }
    }

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    /// Reads one of the ways of writing a date above; nil for anything else, and for a date
    /// that does not exist (2026-02-30 keeps its own message).
    static func date(_ text: String) -> DateSlip? {
        var reader = Reader(halfWidth(text))
        var result: DateSlip
        if let whole = reader.digits(8...8), !reader.peekDigit {
            result = DateSlip(year: whole / 10_000, month: whole / 100 % 100, day: whole % 100)
        } else {
            reader = Reader(halfWidth(text))
            guard let first = reader.digits(1...4) else { return nil }
            if reader.take("年") {
                guard first >= 1000, let month = reader.digits(1...2), reader.take("月"), let day = reader.digits(1...2) else { return nil }
                _ = reader.take("日") || reader.take("号")
                result = DateSlip(year: first, month: month, day: day)
            } else if reader.take("月") {
                guard first <= 12, let day = reader.digits(1...2) else { return nil }
                _ = reader.take("日") || reader.take("号")
                result = DateSlip(year: nil, month: first, day: day)
            } else if first >= 1000, let separator = reader.takeAny(["/", ".", "-"]) {
                guard let month = reader.digits(1...2), reader.take(separator), let day = reader.digits(1...2) else { return nil }
                result = DateSlip(year: first, month: month, day: day)
            } else {
                return nil
            }
        }
        guard (1...12).contains(result.month), (1...31).contains(result.day) else { return nil }
        if let year = result.year, LocalDate(year: year, month: result.month, day: result.day) == nil { return nil }
        _ = reader.take("T")
        reader.skipSpaces()
        if !reader.atEnd {
            guard let time = reader.time(), reader.atEnd else { return nil }
            result.time = time
        }
        return result
    }

    /// A time of day as an inspector may write it: `8:30`, `8：30`, `8点30分`, `8点半`, `8点`,
    /// `下午5点`, `17时`. Nil for anything else.
    static func time(_ text: String) -> TimeSlip? {
        var reader = Reader(halfWidth(text))
        guard let time = reader.time(), reader.atEnd else { return nil }
        return time
    }

    /// `8:30-17:00`, `8:30～17:00`, `08:30至17:00`, `8点半到17点`: the two times, as they
    /// should be written. Nil for anything else.
    static func hours(_ text: String) -> (TimeSlip, TimeSlip)? {
        let s = halfWidth(text)
        for separator: Character in ["-", "~", "〜", "—", "–", "至", "到"] {
            let parts = s.split(separator: separator, omittingEmptySubsequences: false)
            if parts.count == 2, let open = time(String(parts[0])), let close = time(String(parts[1])) { return (open, close) }
        }
        return nil
    }

    /// A cursor over a short text.
    private struct Reader {
        let s: [Unicode.Scalar]
        var i = 0

        init(_ text: String) { s = Array(text.unicodeScalars) }

        var atEnd: Bool { i >= s.count }
        var peekDigit: Bool { i < s.count && ("0"..."9").contains(s[i]) }

        mutating func digits(_ count: ClosedRange<Int>) -> Int? {
            let start = i
            var value = 0
            while i < s.count, i - start < count.upperBound, ("0"..."9").contains(s[i]) {
                value = value * 10 + Int(s[i].value - 48)
                i += 1
            }
            guard count.contains(i - start) else {
                i = start
                return nil
            }
            return value
        }

        mutating func take(_ word: String) -> Bool {
            let w = Array(word.unicodeScalars)
            guard i + w.count <= s.count, Array(s[i..<(i + w.count)]) == w else { return false }
            i += w.count
            return true
        }

        mutating func takeAny(_ words: [String]) -> String? {
            words.first { take($0) }
        }

        mutating func skipSpaces() {
            while i < s.count, s[i] == " " { i += 1 }
        }

        /// `10:20`, `10:20:30`, `10点20分`, `10点半`, `10点`, `10时`, with `上午`/`下午`/`晚上` before.
        mutating func time() -> TimeSlip? {
            var afternoon = false
            if take("下午") || take("晚上") {
                afternoon = true
            } else {
                _ = take("上午") || take("早上") || take("中午")
            }
            skipSpaces()
            guard var hour = digits(1...2) else { return nil }
            var minute = 0
            if take(":") {
                guard let m = digits(1...2) else { return nil }
                minute = m
                if take(":") { guard digits(2...2) != nil else { return nil } }
            } else if take("点") || take("时") {
                if take("半") {
                    minute = 30
                } else if let m = digits(1...2) {
                    minute = m
                    _ = take("分")
                }
            } else {
                return nil
            }
            if afternoon, hour < 12 { hour += 12 }
            guard hour <= 23, minute <= 59 else { return nil }
            return TimeSlip(hour: hour, minute: minute)
        }
    }

    // MARK: Lists

    /// The items of a list written as one string: `reception，cashier`, `reception、cashier`,
    /// `［reception, cashier］`, `reception, cashier`. The separators and brackets found tell
    /// what the slip was.
    struct ListSlip {
        var items: [String]
        /// `'，'` or `'、'` when items were separated by one.
        var fullWidthComma: String?
        /// `'［'` and `'］'` (or `【】`) when the list had full-width brackets.
        var fullWidthBrackets: String?
        var bracketed: Bool

        /// `[reception, cashier]`.
        var written: String { "[" + items.joined(separator: ", ") + "]" }
    }

    static func list(_ text: String) -> ListSlip? {
        var s = text.trimmingSpaces
        var brackets: String?
        var bracketed = false
        for (open, close) in [("［", "］"), ("【", "】"), ("〔", "〕"), ("[", "]")] where s.hasPrefix(open) && s.hasSuffix(close) && s.count >= 2 {
            if open != "[" { brackets = open + close }
            bracketed = true
            s = String(s.dropFirst().dropLast())
            break
        }
        var comma: String?
        for wide: Character in ["，", "、"] where s.contains(wide) {
            comma = String(wide)
            s = String(s.map { $0 == wide ? "," : $0 })
        }
        let items = s.split(separator: ",", omittingEmptySubsequences: true).map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
        guard !items.isEmpty, items.count <= 64 else { return nil }
        return ListSlip(items: items, fullWidthComma: comma, fullWidthBrackets: brackets, bracketed: bracketed)
    }

    // MARK: Labels

    /// The token whose zh label `text` comes close to (one character off, or a label that
    /// holds the text's characters in order, as `客服大厅` in `客户服务大厅`), when exactly
    /// one does. For text with a non-ASCII character: an ASCII misspelling of a token gets
    /// the usual did-you-mean on the tokens.
    static func closeLabel(_ text: String, in e: EnumSchema) -> String? {
        guard text.unicodeScalars.contains(where: { !$0.isASCII }), text.unicodeScalars.count <= 64 else { return nil }
        let byLabel = Dictionary(e.values.compactMap { token in e.labels[token].map { ($0.zh, token) } }, uniquingKeysWith: { a, _ in a })
        if let label = Suggestion.closest(to: text, among: byLabel.keys) { return byLabel[label] }
        let wanted = Array(text.unicodeScalars)
        guard wanted.count >= 2 else { return nil }
        let holding = e.values.filter { token in
            guard let label = e.labels[token]?.zh else { return false }
            var k = 0
            for c in label.unicodeScalars where k < wanted.count && c == wanted[k] { k += 1 }
            return k == wanted.count
        }
        return holding.count == 1 ? holding[0] : nil
    }
}

extension ValueType {
    /// A single value, not a list or an object.
    var isScalar: Bool {
        switch self {
        case .list, .object: false
        default: true
        }
    }
}

extension String {
    /// Full-width spaces made half-width.
    var replacingWideSpaces: String { String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\u{3000}" ? " " : $0 })) }

    /// Without the spaces (half- and full-width) around it.
    var trimmingSpaces: String {
        var s = Substring(self)
        while let first = s.first, first == " " || first == "\u{3000}" || first == "\t" { s.removeFirst() }
        while let last = s.last, last == " " || last == "\u{3000}" || last == "\t" { s.removeLast() }
        return String(s)
    }
}
