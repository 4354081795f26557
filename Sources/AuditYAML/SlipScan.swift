import AuditCore

/// A slip on one line of a file that failed to parse, where it is and what to write instead.
struct Slip {
    var mark: Mark
    var message: Message
}

/// Finds, line by line, the slips people make typing YAML with a Chinese input method on: a
/// full-width colon after a key (`name：网点`), full-width spaces (U+3000) or tabs in the
/// indentation or after `:` and `-`, and a value opened with a half-width quote but closed
/// with a full-width one (`"网点”`). Each slip comes with the line as it was meant, so the
/// rest of the file can be parsed again to find what else is wrong (`SyntaxRecovery`).
///
/// Only run on a file libyaml refused: in a file that parses, `：` after a word is text.
/// Keys are ASCII (`snake_case`) in every format of the project, so Chinese prose with a
/// full-width colon in it (`备注：…`) is never taken for a key. Lines of block scalars
/// (`|`, `>`) are text and skipped.
enum SlipScan {
    /// How much of one line is looked at: keys, separators and quotes come first, and a
    /// hostile line of megabytes must not be copied whole.
    static let lineLimit = 4096

    /// What the scan carries from one line to the next.
    struct State {
        /// Inside a block scalar: its key's column (0-based); lines indented further, and
        /// blank lines, are its text.
        var blockIndent: Int?
    }

    private static let wideSpace: Unicode.Scalar = "\u{3000}"
    private static let wideColon: Unicode.Scalar = "\u{FF1A}"

    /// The slips on `line` (numbered `number`), and the line as it was meant when there are any.
    static func scan(_ line: Substring, number: Int, state: inout State) -> (slips: [Slip], repaired: String?) {
        let s = Array(line.unicodeScalars.prefix(lineLimit))
        var slips: [Slip] = []
        func slip(_ index: Int, _ message: Message) {
            slips.append(Slip(mark: Mark(line: number, column: index + 1), message: message))
        }
        var out = String.UnicodeScalarView()
        var changed = false
        /// The repaired line: `out`, then the line from `index` on as written.
        func finish(_ index: Int) -> (slips: [Slip], repaired: String?) {
            guard changed else { return (slips, nil) }
            var text = out
            text.append(contentsOf: line.unicodeScalars.dropFirst(index))
            return (slips, String(text))
        }

        // Indentation.
        var i = 0
        var firstWide: Int?, firstTab: Int?
        while i < s.count, s[i] == " " || s[i] == "\t" || s[i] == wideSpace {
            if s[i] == wideSpace, firstWide == nil { firstWide = i }
            if s[i] == "\t", firstTab == nil { firstTab = i }
            i += 1
        }
        let indent = i
        if let block = state.blockIndent {
            if i == s.count || indent > block { return ([], nil) }
            state.blockIndent = nil
        }
        if i == s.count {
            guard let firstWide else { return ([], nil) }
            slip(firstWide, .fullWidthBlankLine)
            return (slips, "")
        }
        let comment = s[i] == "#"
        if let firstWide { slip(firstWide, .fullWidthIndent) }
        if let firstTab, !comment { slip(firstTab, .tabIndent) }
        for k in 0..<indent {
            if s[k] == wideSpace {
                out.append(" ")
                changed = true
            } else if s[k] == "\t", !comment {
                out.append(contentsOf: "  ".unicodeScalars)
                changed = true
            } else {
                out.append(s[k])
            }
        }
        if comment { return finish(i) }

        // Sequence entries: `- `, `- - `.
        while i + 1 < s.count, s[i] == "-", s[i + 1] == " " || s[i + 1] == wideSpace {
            if s[i + 1] == wideSpace {
                var w = i + 1
                while w < s.count, s[w] == " " || s[w] == wideSpace { w += 1 }
                slip(i + 1, .fullWidthSpaceAfter("-", fixed: w < s.count ? "- " + preview(s, from: w) : "-"))
                changed = true
            }
            out.append(contentsOf: "- ".unicodeScalars)
            i += 2
            while i < s.count, s[i] == " " || s[i] == wideSpace {
                if s[i] == wideSpace { changed = true }
                out.append(" ")
                i += 1
            }
        }
        if i < s.count, s[i] == "|" || s[i] == ">", isBlockIndicator(s, from: i) {
            state.blockIndent = indent
            return finish(i)
        }

        // A key, then `:` or `：`.
        let keyStart = i
        while i < s.count, isKeyScalar(s[i]) { i += 1 }
        guard i > keyStart, isKeyStart(s[keyStart]) else { return finish(keyStart) }
        let key = String(String.UnicodeScalarView(s[keyStart..<i]))
        var j = i
        while j < s.count, s[j] == " " || s[j] == wideSpace { j += 1 }
        var value: Int
        if j < s.count, s[j] == wideColon {
            value = j + 1
            while value < s.count, s[value] == " " || s[value] == wideSpace { value += 1 }
            let fixed = value < s.count ? "\(key): " + preview(s, from: value) : "\(key):"
            slip(j, .fullWidthColon(key: key, fixed: fixed))
            out.append(contentsOf: s[keyStart..<i])
            out.append(":")
            if value < s.count { out.append(" ") }
            changed = true
        } else if i < s.count, s[i] == ":", i + 1 == s.count || s[i + 1] == " " || s[i + 1] == "\t" || s[i + 1] == wideSpace {
            out.append(contentsOf: s[keyStart...i])
            value = i + 1
            if value < s.count, s[value] == wideSpace {
                var w = value
                while w < s.count, s[w] == " " || s[w] == wideSpace { w += 1 }
                slip(value, .fullWidthSpaceAfter("\(key):", fixed: w < s.count ? "\(key): " + preview(s, from: w) : "\(key):"))
                if w < s.count { out.append(" ") }
                changed = true
                value = w
            }
        } else {
            return finish(keyStart)
        }

        // The value: a block scalar's indicator, or a quote closed with a full-width one.
        while value < s.count, s[value] == " " || s[value] == "\t" {
            out.append(s[value])
            value += 1
        }
        guard value < s.count else { return finish(value) }
        if (s[value] == "|" || s[value] == ">"), isBlockIndicator(s, from: value) {
            state.blockIndent = keyStart
        } else if s[value] == "{" {
            // `{open_low：true, chairs: true}`: the keys of a flow mapping on this line.
            var k = value
            while k < s.count {
                if s[k] == "\"" || s[k] == "'" {
                    let end = closingQuote(s, from: k) ?? s.count - 1
                    out.append(contentsOf: s[k...end])
                    k = end + 1
                    continue
                }
                out.append(s[k])
                guard s[k] == "{" || s[k] == "," else {
                    k += 1
                    continue
                }
                k += 1
                while k < s.count, s[k] == " " {
                    out.append(s[k])
                    k += 1
                }
                let start = k
                while k < s.count, isKeyScalar(s[k]) { k += 1 }
                out.append(contentsOf: s[start..<k])
                guard k > start, isKeyStart(s[start]), k < s.count, s[k] == wideColon else { continue }
                let flowKey = String(String.UnicodeScalarView(s[start..<k]))
                var v = k + 1
                while v < s.count, s[v] == " " || s[v] == wideSpace { v += 1 }
                var end = v
                while end < s.count, s[end] != ",", s[end] != "}" { end += 1 }
                let shown = String(String.UnicodeScalarView(s[v..<end])).withoutSurroundingSpaces
                slip(k, .fullWidthColon(key: flowKey, fixed: shown.isEmpty ? "\(flowKey):" : "\(flowKey): \(shown)"))
                out.append(contentsOf: ": ".unicodeScalars)
                changed = true
                k = v
            }
            return finish(k)
        } else if s[value] == "\"" || s[value] == "'", closingQuote(s, from: value) == nil,
                  let wide = fullWidthCloser(s, after: value) {
            slip(wide, .fullWidthQuote(open: display(s[value]), close: display(s[wide])))
            out.append(contentsOf: s[value..<wide])
            out.append(s[value])
            changed = true
            return finish(wide + 1)
        }
        return finish(value)
    }

    // MARK: Pieces of a line

    static func isKeyStart(_ c: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_"
    }

    static func isKeyScalar(_ c: Unicode.Scalar) -> Bool {
        isKeyStart(c) || ("0"..."9").contains(c) || c == "-"
    }

    /// `|`, `>-`, `|2+`, then nothing but an optional comment.
    static func isBlockIndicator(_ s: [Unicode.Scalar], from start: Int) -> Bool {
        var k = start + 1
        while k < s.count, s[k] == "+" || s[k] == "-" || ("1"..."9").contains(s[k]) { k += 1 }
        while k < s.count, s[k] == " " || s[k] == "\t" { k += 1 }
        return k == s.count || (s[k] == "#" && k > start + 1 && (s[k - 1] == " " || s[k - 1] == "\t"))
    }

    /// Where the quoted value opened at `start` closes on this line, or nil.
    static func closingQuote(_ s: [Unicode.Scalar], from start: Int) -> Int? {
        let quote = s[start]
        var k = start + 1
        while k < s.count {
            if quote == "\"", s[k] == "\\" {
                k += 2
                continue
            }
            if s[k] == quote {
                if quote == "'", k + 1 < s.count, s[k + 1] == "'" {
                    k += 2
                    continue
                }
                return k
            }
            k += 1
        }
        return nil
    }

    /// The last full-width quote after the half-width one at `start` (`"网点”`, `'网点’`).
    static func fullWidthCloser(_ s: [Unicode.Scalar], after start: Int) -> Int? {
        let closers: [Unicode.Scalar] = s[start] == "\"" ? ["\u{201D}", "\u{201C}"] : ["\u{2019}", "\u{2018}"]
        var k = s.count - 1
        while k > start {
            if closers.contains(s[k]) { return k }
            k -= 1
        }
        return nil
    }

    /// A punctuation mark as messages quote it: `'"'`, `"'"`, `'”'`.
    static func display(_ c: Unicode.Scalar) -> String {
        c == "'" ? "\"'\"" : "'\(c)'"
    }

    /// The value from `start` as a message shows it: without a trailing comment or spaces,
    /// at most 40 characters.
    static func preview(_ s: [Unicode.Scalar], from start: Int) -> String {
        var end = s.count
        var k = start + 1
        while k < s.count {
            if s[k] == "#", s[k - 1] == " " || s[k - 1] == "\t" {
                end = k
                break
            }
            k += 1
        }
        while end > start, s[end - 1] == " " || s[end - 1] == "\t" || s[end - 1] == wideSpace { end -= 1 }
        guard end > start else { return "" }
        if end - start > 40 { return String(String.UnicodeScalarView(s[start..<(start + 40)])) + "…" }
        return String(String.UnicodeScalarView(s[start..<end]))
    }
}

extension String {
    /// Without spaces and tabs around it.
    var withoutSurroundingSpaces: String {
        var s = Substring(self)
        while let first = s.first, first == " " || first == "\t" { s.removeFirst() }
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return String(s)
    }
}
