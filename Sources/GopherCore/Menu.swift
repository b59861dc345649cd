/// A gopher menu, parsed incrementally: feed it byte chunks split anywhere, and items become
/// available as their lines complete. Lines are stored once, compactly (see `LineStore`);
/// an item's fields are cut out of its line when it is asked for.
///
/// Rules (RFC 1436 and what servers really send): CRLF, LF or mixed line endings; a line with
/// fewer than four TAB-separated fields is plain text, kept whole; fields after the fourth
/// (Gopher+ `+`) are ignored; `i` and `3` lines never become links whatever host they name;
/// a link with an empty or fake host or a port outside 1–65535 is kept but marked invalid; the
/// `.` line ends the menu and anything after it is ignored; a menu that just stops at EOF is
/// complete too.
public struct Menu: Sendable {
    var store = LineStore()
    private var kinds: [MenuItem.Kind] = []
    /// Line indices of the numbered items, in order: link N is `links[N - 1]`.
    public private(set) var links: [Int] = []
    /// Set once the `.` line has arrived; later bytes are ignored.
    public private(set) var sawTerminator = false
    public private(set) var isFinished = false

    public init() {}

    /// Items so far (the terminator is not an item).
    public var count: Int { kinds.count }
    public var byteCount: Int { store.byteCount }

    /// Adds bytes from the network; returns the range of items they completed.
    @discardableResult
    public mutating func append(_ chunk: some Collection<UInt8>) -> Range<Int> {
        guard !sawTerminator, !isFinished else { return count..<count }
        let firstItem = count
        let newLines = store.append(chunk)
        for index in newLines where !sawTerminator {
            classify(lineAt: index)
        }
        return firstItem..<count
    }

    /// Ends the input (EOF): an unterminated last line becomes an item.
    @discardableResult
    public mutating func finish() -> Range<Int> {
        let firstItem = count
        if !sawTerminator {
            for index in store.finish() { classify(lineAt: index) }
        }
        isFinished = true
        return firstItem..<count
    }

    public func kind(at index: Int) -> MenuItem.Kind { kinds[index] }

    public func item(at index: Int) -> MenuItem {
        let line = store.line(index)
        let kind = kinds[index]
        let type = ItemType(line.first ?? 0)
        if kind == .plain {
            return MenuItem(
                kind: .plain, type: type, display: Sanitizer.clean(TextDecoder.decode(line)), selector: [],
                host: "", portText: "")
        }
        var fields = line.dropFirst().split(separator: 0x09, maxSplits: 4, omittingEmptySubsequences: false)
        while fields.count < 4 { fields.append([]) }
        return MenuItem(
            kind: kind, type: type,
            display: Sanitizer.clean(TextDecoder.decode(fields[0])),
            selector: Array(fields[1]),
            host: String(decoding: fields[2], as: UTF8.self),
            portText: String(decoding: fields[3], as: UTF8.self))
    }

    /// The link number of the item at `index`, if it is numbered. Binary search over `links`.
    public func linkNumber(ofItemAt index: Int) -> Int? {
        var low = 0
        var high = links.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if links[middle] == index { return middle + 1 }
            if links[middle] < index { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }

    /// Hosts that menus use as placeholders on info lines; a link naming one leads nowhere.
    static let placeholderHosts: Set<String> = ["null.host", "error.host", "fake", "(null)", "none", "."]

    private mutating func classify(lineAt index: Int) {
        let line = store.line(index)
        if line.count == 1, line.first == UInt8(ascii: ".") {
            sawTerminator = true
            return
        }
        let kind = Self.kind(of: line)
        kinds.append(kind)
        if kind == .link || kind == .invalidLink { links.append(index) }
    }

    /// Gopher+ servers may send a length header (`+-1`, `+1234`) or attribute lines (`+INFO:`,
    /// `+ADMIN:`…) where a menu is expected; those are not `+` (mirror) links.
    static func isGopherPlusHeader(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.first == UInt8(ascii: "+"), let second = line.dropFirst().first else { return false }
        if second == UInt8(ascii: "-") || (0x30...0x39).contains(second) { return true }
        let name = line.dropFirst().prefix { (0x41...0x5A).contains($0) }
        return !name.isEmpty && line.dropFirst(1 + name.count).first == UInt8(ascii: ":")
    }

    /// Runs once per menu line as it arrives, so it works on the bytes in place: one pass to find
    /// the field boundaries, no strings.
    static func kind(of line: ArraySlice<UInt8>) -> MenuItem.Kind {
        guard let typeByte = line.first else { return .plain }
        // Tabs after the type byte: a TAB as the type byte does not start a field.
        var tabs: [Int] = []
        tabs.reserveCapacity(4)
        var index = line.index(after: line.startIndex)
        while index < line.endIndex, tabs.count < 4 {
            if line[index] == 0x09 { tabs.append(index) }
            index += 1
        }
        guard tabs.count >= 3, !isGopherPlusHeader(line) else { return .plain }
        switch ItemType(typeByte).handling {
        case .notALink:
            return typeByte == UInt8(ascii: "3") ? .error : .info
        default:
            break
        }
        let selector = line[(tabs[0] + 1)..<tabs[1]]
        let host = line[(tabs[1] + 1)..<tabs[2]]
        let port = line[(tabs[2] + 1)..<(tabs.count > 3 ? tabs[3] : line.endIndex)]
        let selectorIsSendable = selector.count <= GopherURL.maximumSelectorLength
            && !selector.contains { $0 == 0x00 || $0 == 0x0D || $0 == 0x0A }
        if selectorIsSendable, hostIsUsable(host), GopherURL.isStorable(type: ItemType(typeByte)),
            MenuItem.port(bytes: port) != nil
        {
            return .link
        }
        return .invalidLink
    }

    /// The same rules as `GopherURL.validate(host:)` and `placeholderHosts`, on bytes.
    static func hostIsUsable(_ host: ArraySlice<UInt8>) -> Bool {
        if host.contains(where: { $0 >= 0x80 }) {
            // Rare: non-ASCII bytes are decoded (invalid ones grow to U+FFFD), as a URL would.
            let text = String(decoding: host, as: UTF8.self)
            return (try? GopherURL.validate(host: text)) != nil && !placeholderHosts.contains(text.lowercased())
        }
        guard !host.isEmpty, host.count <= 253 else { return false }
        for byte in host where byte <= 0x20 || byte == 0x7F || byte == UInt8(ascii: "/")
            || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]") || byte == UInt8(ascii: "\\")
            || byte == UInt8(ascii: "%") || byte == UInt8(ascii: "@")
        {
            return false
        }
        return !placeholderHostBytes.contains { placeholder in
            placeholder.count == host.count
                && zip(placeholder, host).allSatisfy { $0 == ($1 >= 0x41 && $1 <= 0x5A ? $1 + 0x20 : $1) }
        }
    }

    private static let placeholderHostBytes = placeholderHosts.map { Array($0.utf8) }
}
