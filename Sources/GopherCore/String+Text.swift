extension String {
    /// The string without the characters of `set` at either end (Foundation-free).
    public func trimmingCharacters(in set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}

extension String {
    /// The string and spaces up to `length` characters, and always at least one space after:
    /// a column of labels.
    public func padded(to length: Int) -> String {
        count >= length ? self + " " : self + String(repeating: " ", count: length - count)
    }
}
