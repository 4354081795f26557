import AuditCore

/// What is said about a file libyaml refused, so that one syntax error does not hide the rest.
///
/// 1. Every slip `SlipScan` finds is an error of its own, at its line and column (two
///    full-width colons in one file are two errors).
/// 2. The slips are repaired in a copy of the text (each on its own line, so every other line
///    keeps its line and columns), and the copy is parsed again. libyaml's error is reported
///    only when it is still there: an error the slips caused is not a second problem.
/// 3. An error that remains is reported with its likely cause where one is recognised: a quote
///    or a bracket never closed, a key indented to no level of the mappings above it. These
///    are repaired too, and the copy parsed again, to find the next error further down.
///
/// What the later parses find on lines that were repaired is left out (it describes the
/// repair, not the file). At most `maximumRounds` parses again, and only for files up to
/// `maximumReparsedSize`: a report is a few kilobytes; a huge file gets the first error and
/// the slips.
enum SyntaxRecovery {
    static let maximumReparsedSize = 1 << 20
    static let maximumRounds = 8
    /// Slips reported at most; the scan stops there.
    static let maximumSlips = 50

    /// One line of the text being repaired, and the line end that followed it.
    private struct Line {
        var text: String
        var end: Substring
    }

    static func diagnose(_ first: ParseOutcome, failure: SyntaxFailure, text: String, file: String, limits: YAMLLimits) -> DiagnosticList {
        var result = first.diagnostics
        var seen = Set(first.diagnostics.diagnostics)
        func add(_ diagnostic: Diagnostic) {
            if seen.insert(diagnostic).inserted { result.append(diagnostic) }
        }
        let reparsing = text.utf8.count <= maximumReparsedSize
        var lines: [Line] = []
        var repaired: Set<Int> = []
        var slipLines: Set<Int> = []
        var state = SlipScan.State()
        var slipCount = 0
        forEachLine(of: text) { number, line, end in
            if reparsing { lines.append(Line(text: String(line), end: end)) }
            guard slipCount < maximumSlips else { return reparsing }
            let (slips, fixed) = SlipScan.scan(line, number: number, state: &state)
            for slip in slips { add(.error(slip.message, at: SourceLocation(file: file, mark: slip.mark))) }
            slipCount += slips.count
            if !slips.isEmpty { slipLines.insert(number) }
            if reparsing, let fixed {
                lines[number - 1].text = fixed
                repaired.insert(number)
            }
            return true
        }
        guard reparsing else {
            // Not parsed again: libyaml's error stands unless a slip next to it explains it.
            let near = [failure.problemMark.line, failure.problemMark.line - 1, failure.contextMark?.line ?? 0]
            if !near.contains(where: slipLines.contains) { add(failure.diagnostic) }
            return result
        }

        var current: SyntaxFailure? = failure
        var aligned: [Int: (key: String, line: Int)] = [:]
        var dirty = !repaired.isEmpty
        var rounds = 0
        while true {
            if dirty {
                guard rounds < maximumRounds else { break }
                rounds += 1
                dirty = false
                let outcome = reparse(lines, file: file, limits: limits)
                for diagnostic in outcome.diagnostics.diagnostics where !repaired.contains(diagnostic.location.line ?? 0) {
                    add(diagnostic)
                }
                current = outcome.syntax
            }
            guard let failure = current else { break }
            // An error on a repaired line describes the repair (or what is left of a slip
            // already reported), not a problem of its own.
            if repaired.contains(failure.problemMark.line) { break }
            if let context = failure.contextMark, repaired.contains(context.line), failure.context?.hasPrefix("while scanning") == true { break }
            let (diagnostic, fix) = explain(failure, lines: lines, file: file, aligned: aligned)
            add(diagnostic)
            guard let fix, !repaired.contains(fix.line) else { break }
            lines[fix.line - 1].text = fix.text
            repaired.insert(fix.line)
            if let reference = fix.alignedWith { aligned[fix.line] = reference }
            dirty = true
        }
        return result
    }

    private static func reparse(_ lines: [Line], file: String, limits: YAMLLimits) -> ParseOutcome {
        var bytes: [UInt8] = []
        for line in lines {
            bytes.append(contentsOf: line.text.utf8)
            bytes.append(contentsOf: line.end.utf8)
        }
        return bytes.withUnsafeBufferPointer { EventBuilder.parse($0, file: file, limits: limits) }
    }

    /// Calls `body` with each line's number (from 1), text and line end, counting line ends as
    /// libyaml does (`\n`, `\r\n`, `\r`, U+0085, U+2028, U+2029), until it returns false.
    static func forEachLine(of text: String, _ body: (Int, Substring, Substring) -> Bool) {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var i = start
        var number = 1
        while i < scalars.endIndex {
            let c = scalars[i]
            guard c == "\n" || c == "\r" || c == "\u{85}" || c == "\u{2028}" || c == "\u{2029}" else {
                i = scalars.index(after: i)
                continue
            }
            var end = scalars.index(after: i)
            if c == "\r", end < scalars.endIndex, scalars[end] == "\n" { end = scalars.index(after: end) }
            guard body(number, Substring(scalars[start..<i]), Substring(scalars[i..<end])) else { return }
            number += 1
            start = end
            i = end
        }
        _ = body(number, Substring(scalars[start..<scalars.endIndex]), "")
    }

    // MARK: Likely causes

    /// A replacement for one line that lets parsing go on past an error.
    struct Fix {
        var line: Int
        var text: String
        /// For a re-indented key: the key it was aligned with, which later messages name
        /// in its place (the file still has it where it was).
        var alignedWith: (key: String, line: Int)? = nil
    }

    /// The diagnostic for `failure`: its likely cause where one is recognised, else libyaml's
    /// words; and the repair that gets past it, if there is one.
    private static func explain(_ failure: SyntaxFailure, lines: [Line], file: String,
                                aligned: [Int: (key: String, line: Int)]) -> (Diagnostic, Fix?) {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, mark: mark) }
        func scalars(_ number: Int) -> [Unicode.Scalar] {
            number >= 1 && number <= lines.count ? Array(lines[number - 1].text.unicodeScalars.prefix(SlipScan.lineLimit)) : []
        }
        // A quoted value that ran on to the end of the file.
        if failure.problem == "found unexpected end of stream", failure.context == "while scanning a quoted scalar",
           let open = failure.contextMark {
            let s = scalars(open.line)
            let q = open.column - 1
            if q >= 0, q < s.count, s[q] == "\"" || s[q] == "'" {
                return (.error(.unclosedQuote(SlipScan.display(s[q])), at: at(open)), closeQuote(s, at: q, line: open.line))
            }
        }
        // A flow list or mapping not closed on its line.
        if failure.problem.hasPrefix("did not find expected ',' or"),
           failure.context == "while parsing a flow sequence" || failure.context == "while parsing a flow mapping",
           let open = failure.contextMark {
            let s = scalars(open.line)
            let b = open.column - 1
            if b >= 0, b < s.count, s[b] == "[" || s[b] == "{", let (message, fix) = unclosedBracket(s, at: b) {
                // Only the start of a long line is at hand: it is not repaired.
                return (.error(message, at: at(open)), s.count < SlipScan.lineLimit ? fix.map { Fix(line: open.line, text: $0) } : nil)
            }
        }
        guard failure.diagnostic.wording.code == "yaml.syntax" else { return (failure.diagnostic, nil) }
        // A quoted value left open further up, which ran on to the next quote.
        let top = max(1, min(failure.contextMark?.line ?? failure.problemMark.line, failure.problemMark.line) - 1)
        for number in stride(from: failure.problemMark.line - 1, through: max(top, failure.problemMark.line - 50), by: -1) {
            let s = scalars(number)
            if let q = openQuote(s) {
                return (.error(.unclosedQuote(SlipScan.display(s[q])), at: at(Mark(line: number, column: q + 1))),
                        closeQuote(s, at: q, line: number))
            }
        }
        // A key indented to no level above it.
        if ["mapping values are not allowed in this context", "did not find expected key", "could not find expected ':'"].contains(failure.problem),
           let (message, mark, fix) = misindented(failure.problemMark.line, lines: lines, aligned: aligned) {
            return (.error(message, at: at(mark)), fix)
        }
        return (failure.diagnostic, nil)
    }

    /// The line with the quote opened at `q` closed at its end (before nothing: a `#` inside
    /// an open quote is text).
    private static func closeQuote(_ s: [Unicode.Scalar], at q: Int, line: Int) -> Fix? {
        guard s.count < SlipScan.lineLimit else { return nil }  // only the start of a long line is at hand
        var text = String.UnicodeScalarView(s)
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        text.append(s[q])
        return Fix(line: line, text: String(text))
    }

    /// `zones: [reception, cashier` or `[reception, cashier】`: the message, and the line
    /// with the bracket closed; nil when the bracket is closed on its line (the error is
    /// something else).
    private static func unclosedBracket(_ s: [Unicode.Scalar], at b: Int) -> (Message, String?)? {
        let open = s[b]
        let close: Unicode.Scalar = open == "[" ? "]" : "}"
        let wide: [Unicode.Scalar] = open == "[" ? ["\u{FF3D}", "\u{3011}", "\u{3015}"] : ["\u{FF5D}"]  // ］ 】 〕 ｝
        var depth = 0
        var k = b
        var comment: Int?
        while k < s.count {
            let c = s[k]
            if c == "\"" || c == "'" {
                k = SlipScan.closingQuote(s, from: k).map { $0 + 1 } ?? s.count
                continue
            }
            if c == "#", k > 0, s[k - 1] == " " || s[k - 1] == "\t" {
                comment = k
                break
            }
            if c == "[" || c == "{" { depth += 1 }
            if c == "]" || c == "}" {
                depth -= 1
                if depth == 0 { return nil }
            }
            if wide.contains(c) {
                var text = String.UnicodeScalarView(s)
                let index = text.index(text.startIndex, offsetBy: k)
                text.replaceSubrange(index...index, with: [close])
                return (.unclosedBracket(open: SlipScan.display(open), close: SlipScan.display(close), fullWidth: SlipScan.display(c)),
                        String(text))
            }
            k += 1
        }
        var head = Array(s[..<(comment ?? s.count)])
        while let last = head.last, last == " " || last == "\t" { head.removeLast() }
        var text = String.UnicodeScalarView(head)
        text.append(close)
        if let comment {
            text.append(" ")
            text.append(contentsOf: s[comment...])
        }
        return (.unclosedBracket(open: SlipScan.display(open), close: SlipScan.display(close), fullWidth: nil), String(text))
    }

    /// Where a line's value opens a quote it does not close (`name: "网点`), or nil.
    private static func openQuote(_ s: [Unicode.Scalar]) -> Int? {
        var i = 0
        while i < s.count, s[i] == " " { i += 1 }
        while i + 1 < s.count, s[i] == "-", s[i + 1] == " " {
            i += 2
            while i < s.count, s[i] == " " { i += 1 }
        }
        let keyStart = i
        while i < s.count, SlipScan.isKeyScalar(s[i]) { i += 1 }
        if i > keyStart {
            guard i + 1 < s.count, s[i] == ":", s[i + 1] == " " else { return nil }
            i += 1
            while i < s.count, s[i] == " " { i += 1 }
        }
        guard i < s.count, s[i] == "\"" || s[i] == "'" else { return nil }
        return SlipScan.closingQuote(s, from: i) == nil ? i : nil
    }

    /// The first column of a line's content and the column of its key (after any `- `), both
    /// 0-based, and the key; nil for a blank or comment line.
    private static func shape(_ s: [Unicode.Scalar]) -> (first: Int, keyColumn: Int, key: String?, opensBlock: Bool)? {
        var i = 0
        while i < s.count, s[i] == " " { i += 1 }
        guard i < s.count, s[i] != "#" else { return nil }
        let first = i
        while i + 1 < s.count, s[i] == "-", s[i + 1] == " " {
            i += 2
            while i < s.count, s[i] == " " { i += 1 }
        }
        let keyColumn = i
        while i < s.count, SlipScan.isKeyScalar(s[i]) { i += 1 }
        guard i > keyColumn, i < s.count, s[i] == ":", i + 1 == s.count || s[i + 1] == " " else {
            return (first, keyColumn, nil, false)
        }
        var v = i + 1
        while v < s.count, s[v] == " " { v += 1 }
        let opensBlock = v == s.count || s[v] == "#"
        return (first, keyColumn, String(String.UnicodeScalarView(s[keyColumn..<i])), opensBlock)
    }

    /// `   transit_nearby: true` under `  reception_area_m2: 76`: a `key:` line (no `- `)
    /// whose indentation is neither the previous key's, nor that of a mapping enclosing it,
    /// nor deeper under a key that opens a block. The message (at the key), and the line
    /// indented like the nearest of those.
    private static func misindented(_ number: Int, lines: [Line], aligned: [Int: (key: String, line: Int)]) -> (Message, Mark, Fix?)? {
        func scalars(_ n: Int) -> [Unicode.Scalar] { Array(lines[n - 1].text.unicodeScalars.prefix(SlipScan.lineLimit)) }
        guard number >= 1, number <= lines.count else { return nil }
        let s = scalars(number)
        guard let this = shape(s), let key = this.key, this.first == this.keyColumn else { return nil }
        // The previous content line.
        var p = number - 1
        var previous: (first: Int, keyColumn: Int, key: String?, opensBlock: Bool)?
        while p >= 1, p >= number - 200 {
            if let found = shape(scalars(p)) {
                previous = found
                break
            }
            p -= 1
        }
        guard let previous, let previousKey = previous.key else { return nil }
        if previous.opensBlock, this.first > previous.keyColumn { return nil }  // a child of the previous key
        // Allowed: the previous key's column, and those of the keys enclosing it.
        var allowed: [(column: Int, key: String, line: Int)] = [(previous.keyColumn, previousKey, p)]
        var lowest = previous.first
        var q = p - 1
        while q >= 1, lowest > 0, q >= p - 1000 {
            if let up = shape(scalars(q)), up.first < lowest {
                if let upKey = up.key { allowed.append((up.keyColumn, upKey, q)) }
                lowest = up.first
            }
            q -= 1
        }
        if lowest > 0 { return nil }  // the enclosing mappings are not all in view
        if allowed.contains(where: { $0.column == this.first }) { return nil }
        // The nearest allowed column; on a tie the previous key's (listed first).
        var best = allowed[0]
        for candidate in allowed.dropFirst() where abs(candidate.column - this.first) < abs(best.column - this.first) {
            best = candidate
        }
        let text = String(repeating: " ", count: best.column) + String(String.UnicodeScalarView(lines[number - 1].text.unicodeScalars.dropFirst(this.first)))
        // A key re-indented here is named by the one it was aligned with.
        let reference = aligned[best.line] ?? (best.key, best.line)
        return (.misindented(key, spaces: this.first, expected: best.column, like: reference.key, line: reference.line),
                Mark(line: number, column: this.first + 1), Fix(line: number, text: text, alignedWith: reference))
    }
}
