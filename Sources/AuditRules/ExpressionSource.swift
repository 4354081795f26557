import AuditCore
import AuditYAML

/// An expression as written in a rule file: its text and the YAML scalar it came from,
/// so an offset in the text maps back to a line and column of the file.
public struct ExpressionSource: Sendable {
    public let text: String
    public let file: String
    let mark: Mark
    let style: YAMLScalar.Style
    /// Column (1-based) where the content of a block scalar starts.
    let blockIndent: Int

    public init(node: YAMLNode, text: String, file: String, documentText: String) {
        self.text = text
        self.file = file
        self.mark = node.mark
        let style = node.scalar?.style ?? .plain
        self.style = style
        if style == .literal || style == .folded {
            // The content starts on the line after the indicator; its indentation is the
            // first non-space column of that line. Scan to it rather than split the file.
            var line = 1, indent = 0, counting = false
            for byte in documentText.utf8 {
                if counting {
                    if byte == UInt8(ascii: " ") { indent += 1; continue }
                    break
                }
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    if line == node.mark.line + 1 { counting = true }
                }
            }
            blockIndent = indent + 1
        } else {
            blockIndent = 1
        }
    }

    /// The file position of the `offset`-th Unicode scalar of the expression.
    public func mark(at offset: Int) -> Mark {
        switch style {
        case .plain:
            return Mark(line: mark.line, column: mark.column + offset)
        case .singleQuoted, .doubleQuoted:
            return Mark(line: mark.line, column: mark.column + 1 + offset)
        case .literal, .folded:
            var line = 0, column = 0, index = 0
            for scalar in text.unicodeScalars {
                if index == offset { break }
                if scalar == "\n" { line += 1; column = 0 } else { column += 1 }
                index += 1
            }
            return Mark(line: mark.line + 1 + line, column: blockIndent + column)
        }
    }

    public func location(at offset: Int) -> SourceLocation {
        SourceLocation(file: file, mark: mark(at: offset))
    }
}
