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

extension Menu {
    /// Item `index` as a listing line (`MenuItem.listingLine`) and a line feed, appended to
    /// `output` as bytes. Info, plain and valid link lines whose text is printable ASCII are
    /// copied straight from the menu's bytes: that is what decoding and sanitising would make of
    /// them, and `--dump` of a large menu is mostly such lines.
    public func appendListingLine(at index: Int, to output: inout [UInt8]) {
        let kind = kind(at: index)
        let line = Self.unstuffed(store.line(index))
        switch kind {
        case .info, .plain:
            // An info line's text is its first field; a plain line is shown whole.
            var text = kind == .plain ? line : line.dropFirst().prefix { $0 != 0x09 }
            while text.last == 0x20 { text = text.dropLast() }
            if redundantTypes[index] == nil, ByteScan.isPrintableASCII(text) {
                if !text.isEmpty { output += repeatElement(0x20, count: MenuItem.listingIndent) }
                output += text
                output.append(0x0A)
                return
            }
        case .link:
            let text = line.dropFirst().prefix { $0 != 0x09 }
            if redundantTypes[index] == nil, ByteScan.isPrintableASCII(text), let number = linkNumber(ofItemAt: index) {
                let digits = Array(String(number).utf8)
                output += repeatElement(0x20, count: max(0, 4 - digits.count))
                output += digits
                output.append(0x20)
                output += ItemType(line.first ?? 0).tag.utf8
                output.append(0x20)
                output += text
                output.append(0x0A)
                return
            }
        case .invalidLink, .error:
            break
        }
        output += item(at: index).listingLine(linkNumber: linkNumber(ofItemAt: index)).utf8
        output.append(0x0A)
    }
}
