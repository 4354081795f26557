import AuditCore
import Testing

/// The escapings look at the bytes first and return most text untouched; these check, scalar
/// by scalar over the ranges that matter, that the shortcut never lets through a scalar the
/// full rules change.
@Suite struct EscapingFastPathTests {
    static let scalars: [Unicode.Scalar] = (Array(0...0x3000) + Array(0xFE00...0xFFFF) + [0x1F600, 0x10FFFF])
        .compactMap(Unicode.Scalar.init)

    @Test func visibleEscapingChangesExactlyTheScalarsItNames() {
        var changed = 0
        for scalar in Self.scalars {
            let text = "a" + String(scalar) + "b·—"
            let expected = VisibleEscaping.needsEscape(scalar) ? "a" + VisibleEscaping.escaped(scalar) + "b·—" : text
            #expect(VisibleEscaping.escape(text) == expected, "U+\(String(scalar.value, radix: 16))")
            if expected != text { changed += 1 }
        }
        #expect(changed == 0x20 + 0x21 + 1 + 2 + 2 + 5 + 4, "C0, DEL + C1, ALM, LRM/RLM, LS/PS, embeddings and overrides, isolates")
    }

    @Test func markupEscapingChangesExactlyWhatItsRulesSay() {
        for context in [MarkupEscaping.Context.html, .xmlAttribute, .xmlText] {
            for scalar in Self.scalars {
                let text = "x" + String(scalar) + "·"
                let expected: String
                switch scalar {
                case "&": expected = "x&amp;·"
                case "<": expected = "x&lt;·"
                case ">": expected = "x&gt;·"
                case "\"": expected = "x&quot;·"
                case "'": expected = context == .html ? "x&#39;·" : "x&apos;·"
                case "\t": expected = context == .html ? "x ·" : context == .xmlAttribute ? "x&#9;·" : text
                case "\n": expected = context == .html ? "x ·" : context == .xmlAttribute ? "x&#10;·" : text
                case "\r" where context != .html: expected = "x&#13;·"
                default: expected = MarkupEscaping.isAllowed(scalar, in: context) ? text : "x\u{FFFD}·"
                }
                #expect(MarkupEscaping.escape(text, for: context) == expected, "\(context) U+\(String(scalar.value, radix: 16))")
            }
        }
    }
}
