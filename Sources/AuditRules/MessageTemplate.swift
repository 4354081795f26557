import AuditCalendar
import AuditCore
import AuditReport

/// A message with `{expression}` holes, compiled once. `{{` and `}}` are literal braces.
struct MessageTemplate: Sendable {
    enum Part: Sendable {
        case text(String)
        case value(Evaluator, @Sendable (Value, Int) -> String)
    }

    let parts: [Part]

    /// The holes' values, in order: what the message says, before it is worded.
    func evaluate(_ frame: Frame) -> [Value] {
        parts.compactMap { part in
            if case .value(let eval, _) = part { return eval(frame) }
            return nil
        }
    }

    /// The message with `values` (from `evaluate`) in its holes.
    func render(_ values: [Value], offsetSeconds: Int) -> String {
        var result = ""
        var next = 0
        for part in parts {
            switch part {
            case .text(let text): result += text
            case .value(_, let format):
                if next < values.count { result += format(values[next], offsetSeconds) }
                next += 1
            }
        }
        return result
    }

    /// Splits the template and compiles each hole; errors are reported at the hole's offset.
    static func compile(_ source: ExpressionSource, language: Language, _ compiler: inout ExpressionCompiler) -> (MessageTemplate, [CheckError]) {
        let scalars = Array(source.text.unicodeScalars)
        var parts: [Part] = []
        var errors: [CheckError] = []
        var text: [Unicode.Scalar] = []
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "{", i + 1 < scalars.count, scalars[i + 1] == "{" { text.append("{"); i += 2; continue }
            if c == "}", i + 1 < scalars.count, scalars[i + 1] == "}" { text.append("}"); i += 2; continue }
            if c == "}" {
                errors.append(CheckError(offset: i, .unmatchedBrace))
                i += 1
                continue
            }
            guard c == "{" else { text.append(c); i += 1; continue }
            guard let close = scalars[(i + 1)...].firstIndex(of: "}") else {
                errors.append(CheckError(offset: i, .unclosedBrace))
                break
            }
            if !text.isEmpty { parts.append(.text(String(scalars: text))); text.removeAll(keepingCapacity: true) }
            let inner = String(scalars: scalars[(i + 1)..<close])
            let base = i + 1
            do throws(SyntaxError) {
                let expr = try ExpressionParser.parse(inner)
                let before = compiler.errors.count
                let compiled = compiler.compile(expr)
                for e in compiler.errors[before...] { errors.append(CheckError(offset: base + e.offset, e.wording)) }
                if compiled.type == .timeliness {
                    errors.append(CheckError(offset: base, .deadlineShownDirectly))
                }
                parts.append(.value(compiled.eval, formatter(compiled.type, language)))
            } catch {
                errors.append(CheckError(offset: base + error.offset, error.wording))
            }
            i = close + 1
        }
        if !text.isEmpty { parts.append(.text(String(scalars: text))) }
        return (MessageTemplate(parts: parts), errors)
    }

    /// Formats by static type, so tokens read as their labels in the output language.
    static func formatter(_ type: ExprType, _ language: Language) -> @Sendable (Value, Int) -> String {
        let separator = language == .zh ? "、" : ", "
        switch type {
        case .token(let e):
            return { value, offset in
                if case .string(let token) = value, let label = e.labels[token] { return language == .zh ? label.zh : label.en }
                return format(value, language, offset)
            }
        case .list(.token(let e)):
            return { value, offset in
                guard case .list(let items) = value else { return format(value, language, offset) }
                return items.map { item in
                    if case .string(let token) = item, let label = e.labels[token] { return language == .zh ? label.zh : label.en }
                    return format(item, language, offset)
                }.joined(separator: separator)
            }
        default:
            return { format($0, language, $1) }
        }
    }

    static func format(_ value: Value, _ language: Language, _ offset: Int) -> String {
        switch value {
        case .unknown: return "?"
        case .none: return "—"
        case .bool(let b): return language == .zh ? (b ? "是" : "否") : (b ? "yes" : "no")
        case .int(let i): return String(i)
        case .number(let d):
            if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
            return String(d)
        case .string(let s): return s
        case .timestamp(let t): return t.formatted(offsetSeconds: offset)
        case .date(let d): return d.description
        case .time(let t): return t.description
        case .list(let items): return items.map { format($0, language, offset) }.joined(separator: language == .zh ? "、" : ", ")
        case .object(let o): return o.identifier ?? o.path
        case .timeliness(let t): return t.deadline.lastDay.description
        case .period(let p): return p.from.formatted(offsetSeconds: offset) + "–" + (p.to.map { $0.formatted(offsetSeconds: offset) } ?? "")
        case .failure(let e): return e.message
        }
    }
}
