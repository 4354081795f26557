/// A 1-based line and column inside one file. Columns count Unicode scalars, not bytes,
/// so a caret lines up under CJK text the way an editor shows it.
public struct Mark: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: Mark, rhs: Mark) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A position in a named file. Created once, at the boundary where a file is read, and
/// carried unchanged by every diagnostic and finding that points into that file.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    /// `nil` when the problem concerns the whole file (unreadable, too large).
    public var mark: Mark?

    public init(file: String, mark: Mark? = nil) {
        self.file = file
        self.mark = mark
    }

    public init(file: String, line: Int, column: Int) {
        self.init(file: file, mark: Mark(line: line, column: column))
    }

    public var line: Int? { mark?.line }
    public var column: Int? { mark?.column }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        switch (lhs.mark, rhs.mark) {
        case let (l?, r?): return l < r
        case (nil, _?): return true
        default: return false
        }
    }

    /// `file:line:col`, or just `file` when there is no position.
    public var description: String {
        guard let mark else { return file }
        return "\(file):\(mark.line):\(mark.column)"
    }
}
