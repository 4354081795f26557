/// The whole numbers a Chinese text states, in Arabic digits (30, ３０) or Chinese numerals
/// (三十, 十五, 两, 二〇二六): what a fixed parameter is checked against. The numbers of
/// articles and items (第二十二条, 第3款) are references, not quantities, and are left out.
public enum Numerals {
    public static func numbers(in text: String) -> Set<Int64> {
        var result: Set<Int64> = []
        var digits: [Int64] = []
        var chinese: [Character] = []
        var previous: Character?  // before the run now being read
        var reference = false     // the run follows 第
        func flush() {
            if !digits.isEmpty {
                if digits.count <= 18, !reference { result.insert(digits.reduce(0) { $0 * 10 + $1 }) }
                digits.removeAll()
            }
            if !chinese.isEmpty {
                if !reference, let n = value(of: chinese) { result.insert(n) }
                chinese.removeAll()
            }
        }
        for character in text {
            let isDigit = arabic(character) != nil
            let isChinese = chineseDigits[character] != nil || units[character] != nil
            if (isDigit && !chinese.isEmpty) || (isChinese && !digits.isEmpty) || (!isDigit && !isChinese) { flush() }
            if (isDigit || isChinese) && digits.isEmpty && chinese.isEmpty { reference = previous == "第" }
            if let d = arabic(character) { digits.append(d) } else if isChinese { chinese.append(character) }
            previous = character
        }
        flush()
        return result
    }

    private static func arabic(_ c: Character) -> Int64? {
        guard let scalar = c.unicodeScalars.first, c.unicodeScalars.count == 1 else { return nil }
        switch scalar.value {
        case 0x30...0x39: return Int64(scalar.value - 0x30)
        case 0xFF10...0xFF19: return Int64(scalar.value - 0xFF10)  // fullwidth ０–９
        default: return nil
        }
    }

    private static let chineseDigits: [Character: Int64] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    private static let units: [Character: Int64] = ["十": 10, "百": 100, "千": 1000, "万": 10_000]

    /// 三十 = 30, 十五 = 15, 一百零五 = 105, 两万 = 20000; digits without units are positional
    /// (二〇二六 = 2026).
    static func value(of run: [Character]) -> Int64? {
        if !run.contains(where: { units[$0] != nil }) {
            guard run.count <= 18 else { return nil }
            return run.reduce(0) { $0 * 10 + (chineseDigits[$1] ?? 0) }
        }
        var total: Int64 = 0, section: Int64 = 0, number: Int64 = 0
        for c in run {
            if let d = chineseDigits[c] {
                number = d
            } else if let unit = units[c] {
                if unit == 10_000 {
                    total += (section + number) * unit
                    section = 0
                } else {
                    section += (number == 0 ? 1 : number) * unit
                }
                number = 0
            }
        }
        return total + section + number
    }
}
