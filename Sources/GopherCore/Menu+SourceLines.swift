extension Menu {
    /// The lines as the server sent them, for the raw-source view (terminator included).
    public var sourceLineCount: Int { store.count }
    public func sourceLine(_ index: Int) -> ArraySlice<UInt8> { store.line(index) }
}

extension TextDocument {
    /// The lines as the server sent them, before any unstuffing.
    public var sourceLineCount: Int { store.count }
    public func sourceLine(_ index: Int) -> ArraySlice<UInt8> { store.line(index) }
}
