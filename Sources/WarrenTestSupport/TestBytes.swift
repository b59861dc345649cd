import GopherCore

/// The UTF-8 bytes of `text`, as a server would send them.
public func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

extension Menu {
    /// The item with link number `number` (1-based), if there is one: what typing the number
    /// selects.
    public func link(number: Int) -> MenuItem? {
        guard number >= 1, number <= links.count else { return nil }
        return item(at: links[number - 1])
    }
}
