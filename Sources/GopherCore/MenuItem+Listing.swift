extension MenuItem {
    /// Columns before a display string in a listing: a 4-wide link number, a space, the 3-letter
    /// tag, a space. Info and plain text are indented by the same amount so that text lines up.
    public static let listingIndent = 9

    /// One line of a plain listing (`warren --dump`): `   1 DIR Phlog`, info text indented,
    /// `     ERR message`, and a reason after links that cannot be followed.
    public func listingLine(linkNumber: Int?) -> String {
        let indent = String(repeating: " ", count: Self.listingIndent)
        switch kind {
        case .info, .plain:
            return Self.trimmedTrailingSpaces(indent + display)
        case .error:
            return "     ERR \(display)"
        case .link, .invalidLink:
            let number = linkNumber.map(String.init) ?? ""
            let padded = String(repeating: " ", count: max(0, 4 - number.count)) + number
            var line = "\(padded) \(type.tag) \(display)"
            if case .failure(let reason)? = url { line += " [cannot follow: \(reason)]" }
            return line
        }
    }

    private static func trimmedTrailingSpaces(_ text: String) -> String {
        var text = Substring(text)
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
