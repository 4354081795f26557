extension String {
    /// The string cut or padded with spaces to `length` characters, for column layouts
    /// (Foundation's `padding(toLength:withPad:startingAt:)` without linking Foundation).
    public func padded(toLength length: Int) -> String {
        let count = self.count
        if count >= length { return count == length ? self : String(prefix(length)) }
        return self + String(repeating: " ", count: length - count)
    }
}
