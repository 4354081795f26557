/// `*` and `?` over characters, for outlet id patterns (`HLJ-HRB-*`): waivers' `outlet` and
/// profiles' `match.outlet` use this one matcher.
///
/// Linear in practice whatever the number of stars: the pattern is split on `*` into parts
/// (literal characters and `?`); the first part must match at the start, the last at the end,
/// and each part between is found at its first occurrence after the previous one. Taking the
/// first occurrence is always right, since a star before the next part can absorb anything.
/// Literal parts are found by Knuth–Morris–Pratt, so the whole match is O(n + m) for a text
/// of n and a pattern of m characters, never the O(n·m) of backtracking to the last star (a
/// 100,000-character id against `*a*a*…`); only a part holding `?` is scanned plainly,
/// O(n·k) for its length k.
public enum Glob {
    public static func matches(_ pattern: String, _ text: String) -> Bool {
        let parts = pattern.split(separator: "*", omittingEmptySubsequences: false).map(Array.init)
        let t = Array(text)
        // No star: the whole text, character for character.
        if parts.count == 1 { return t.count == parts[0].count && fits(parts[0], t, at: 0) }
        let first = parts[0], last = parts[parts.count - 1]
        guard first.count + last.count <= t.count, fits(first, t, at: 0), fits(last, t, at: t.count - last.count) else {
            return false
        }
        var position = first.count
        let end = t.count - last.count
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let found = firstOccurrence(of: part, in: t, from: position, before: end) else { return false }
            position = found + part.count
        }
        return true
    }

    /// Whether `part` matches `t` at `start` (`?` matches any one character).
    private static func fits(_ part: [Character], _ t: [Character], at start: Int) -> Bool {
        for (i, c) in part.enumerated() where c != "?" && c != t[start + i] { return false }
        return true
    }

    /// The first index at or after `start` where `part` matches and ends by `end`: a
    /// Knuth–Morris–Pratt search (linear) for a literal part, a plain scan for one with `?`.
    private static func firstOccurrence(of part: [Character], in t: [Character], from start: Int, before end: Int) -> Int? {
        if !part.contains("?") {
            // failure[i]: the length of the longest proper border of part[0...i].
            var failure = [Int](repeating: 0, count: part.count)
            var k = 0
            for i in part.indices.dropFirst() {
                while k > 0, part[i] != part[k] { k = failure[k - 1] }
                if part[i] == part[k] { k += 1 }
                failure[i] = k
            }
            k = 0
            var i = start
            while i < end {
                while k > 0, t[i] != part[k] { k = failure[k - 1] }
                if t[i] == part[k] { k += 1 }
                if k == part.count { return i - part.count + 1 }
                i += 1
            }
            return nil
        }
        var i = start
        while i + part.count <= end {
            if fits(part, t, at: i) { return i }
            i += 1
        }
        return nil
    }
}
