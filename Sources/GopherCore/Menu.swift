/// A gopher menu, parsed incrementally: feed it byte chunks split anywhere, and items become
/// available as their lines complete. Lines are stored once, compactly (see `LineStore`);
/// an item's fields are cut out of its line when it is asked for.
///
/// Rules (RFC 1436, and what real maps hand-written or generated look like): CRLF, LF, CR or
/// mixed line endings; fields after the fourth (Gopher+ `+`) are ignored; `i` and `3` lines
/// never become links whatever host they name; the `.` line ends the menu and anything after it
/// is ignored; a menu that just stops at EOF is complete too. Leniently, as real maps are written:
/// - an `i` line without tabs is info text, and a line of nothing but tabs and spaces is blank;
/// - a link with no port field, or an empty one, is on port 70;
/// - a link with an empty host is on the server the menu came from (`origin`), as UMN gopher
///   had it;
/// - an `h` link whose selector is `URL:…` (or `/URL:…`) is a web link whatever its host;
/// - a `+` (redundant server) line takes its type from the link before it;
/// - a dot-stuffed `..` line loses its first dot.
/// Other lines with fewer than three TAB-separated fields are plain text, kept whole; a link with
/// a fake host or a port outside 1–65535 is kept but marked invalid. What the leniency repaired
/// is counted in `repairs`, for the page-info view.
public struct Menu: Sendable {
    /// The server a menu came from: where links with an empty host lead.
    public struct Origin: Sendable, Equatable {
        public var host: String
        public var port: UInt16
        /// The menu came over TLS: links to the same host and port go over TLS too.
        public var isSecure: Bool

        /// The server `url` names.
        public init(_ url: GopherURL) {
            host = url.host
            port = url.port
            isSecure = url.isSecure
        }
    }

    /// Links the lenient rules made followable, by rule.
    public struct Repairs: Sendable, Equatable {
        /// Links with no port, or an empty one: port 70 assumed.
        public var missingPort = 0
        /// Links with an empty host: the menu's own server assumed.
        public var emptyHost = 0
        /// `+` lines that took the type of the link before them.
        public var redundantServer = 0

        public init(missingPort: Int = 0, emptyHost: Int = 0, redundantServer: Int = 0) {
            self.missingPort = missingPort
            self.emptyHost = emptyHost
            self.redundantServer = redundantServer
        }

        public var isEmpty: Bool { self == Repairs() }
    }

    var store = LineStore()
    public let origin: Origin?
    public private(set) var repairs = Repairs()
    /// Items so far (the terminator is not one); an item's kind is its line's tag in `store`,
    /// so it is spooled with it.
    public private(set) var count = 0
    /// The type a `+` line takes from the link before it, by line index.
    private(set) var redundantTypes: [Int: ItemType] = [:]
    /// The type of the last link that was not a `+` line.
    private var lastLinkType: ItemType?
    /// Line indices of the numbered items, in order: link N is `links[N - 1]` (after
    /// `forgetItems`, link `forgottenLinks + N`).
    public private(set) var links: [Int] = []
    /// Links numbered before the last `forgetItems`.
    public private(set) var forgottenLinks = 0
    /// Set once the `.` line has arrived; later bytes are ignored.
    public private(set) var sawTerminator = false
    public private(set) var isFinished = false
    /// How display strings are read: `auto` (each line UTF-8 if it is, else Latin-1 or CP437
    /// by its bytes), or the charset the reader chose with `E`.
    public var encoding = PageEncoding.auto

    /// With a `spool`, older blocks of a large menu go to disk (see `LineStore`).
    public init(origin: Origin? = nil, spool: (any BlockSpool)? = nil) {
        self.origin = origin
        store = LineStore(spool: spool)
    }

    /// Memory the menu holds: its lines in memory, their index, and what each line is.
    public var residentByteCount: Int {
        store.residentByteCount + links.capacity * MemoryLayout<Int>.stride + redundantTypes.count * 16
    }
    /// Why the spool could not take more of the menu (a full disk), if that has happened.
    public var spoolFailure: String? { store.spoolFailure }

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

    /// For consumers that stream (`--dump`): forgets the items so far, keeping what later lines
    /// need (the last link's type for `+` lines, the link count, the repairs), so memory stays
    /// constant whatever the menu's size. Item indices start again at 0; link numbers go on.
    public mutating func forgetItems() {
        store.discardLines()
        count = 0
        redundantTypes.removeAll(keepingCapacity: true)
        forgottenLinks += links.count
        links.removeAll(keepingCapacity: true)
    }

    /// Bytes of the line still arriving.
    public var pendingByteCount: Int { store.pendingByteCount }

    /// Ends the line still arriving here, as an item (a streaming consumer's cut of an endless
    /// line); returns the items it made.
    @discardableResult
    public mutating func endPendingLine() -> Range<Int> {
        guard !sawTerminator, !isFinished else { return count..<count }
        let firstItem = count
        for index in store.endPendingLine() where !sawTerminator { classify(lineAt: index) }
        return firstItem..<count
    }

    public func kind(at index: Int) -> MenuItem.Kind { MenuItem.Kind(rawValue: store.tag(ofLine: index)) ?? .plain }

    public func item(at index: Int) -> MenuItem {
        let line = Self.unstuffed(store.line(index))
        let kind = self.kind(at: index)
        let type = redundantTypes[index] ?? ItemType(line.first ?? 0)
        if kind == .plain {
            return MenuItem(
                kind: .plain, type: type, display: Sanitizer.clean(TextDecoder.decode(line, as: encoding)), selector: [],
                host: "", portText: "")
        }
        if kind == .info, line.allSatisfy({ $0 == 0x09 || $0 == 0x20 }) {
            return MenuItem(kind: .info, type: type, display: "", selector: [], host: "", portText: "")
        }
        var fields = line.dropFirst().split(separator: 0x09, maxSplits: 4, omittingEmptySubsequences: false)
        while fields.count < 4 { fields.append([]) }
        var host = String(decoding: fields[2], as: UTF8.self)
        var portText = String(decoding: fields[3], as: UTF8.self)
        if kind == .link || kind == .invalidLink {
            if let origin, host.isEmpty {
                host = origin.host
                if portText.trimmingASCIIWhitespace().isEmpty { portText = String(origin.port) }
            }
            if portText.trimmingASCIIWhitespace().isEmpty { portText = String(GopherURL.standardPort) }
        }
        var item = MenuItem(
            kind: kind, type: type,
            display: Sanitizer.clean(TextDecoder.decode(fields[0], as: encoding)),
            selector: Array(fields[1]), host: host, portText: portText)
        if let origin, origin.isSecure, host.lowercased() == origin.host.lowercased(),
            MenuItem.port(portText) == origin.port
        {
            item.isSecure = true
        }
        return item
    }

    /// The link number of the item at `index`, if it is numbered. Binary search over `links`.
    public func linkNumber(ofItemAt index: Int) -> Int? {
        var low = 0
        var high = links.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if links[middle] == index { return forgottenLinks + middle + 1 }
            if links[middle] < index { low = middle + 1 } else { high = middle - 1 }
        }
        return nil
    }

    /// Hosts that menus use as placeholders on info lines; a link naming one leads nowhere.
    static let placeholderHosts: Set<String> = ["null.host", "error.host", "fake", "(null)", "none", "."]

    private mutating func classify(lineAt index: Int) {
        let raw = store.line(index)
        if raw.count == 1, raw.first == UInt8(ascii: ".") {
            sawTerminator = true
            return
        }
        let line = Self.unstuffed(raw)
        var found = Self.classification(of: line, hasOrigin: origin != nil)
        var isLink = found.kind == .link || found.kind == .invalidLink
        var redundantType: ItemType?
        if isLink, line.first == UInt8(ascii: "+"), let lastLinkType {
            // Judged again as the type it stands for, so its kind and its URL agree.
            var typed = Array(line)
            typed[0] = lastLinkType.byte
            found = Self.classification(of: typed[...], hasOrigin: origin != nil)
            isLink = found.kind == .link || found.kind == .invalidLink
            redundantType = lastLinkType
        }
        if isLink {
            if let redundantType {
                redundantTypes[index] = redundantType
                repairs.redundantServer += 1
            } else {
                lastLinkType = ItemType(line.first ?? 0)
            }
            if found.assumedPort { repairs.missingPort += 1 }
            if found.assumedHost { repairs.emptyHost += 1 }
            links.append(index)
        }
        store.setTag(found.kind.rawValue, ofLine: index)
        count += 1
    }

    /// A dot-stuffed line (`..x`) without its first dot.
    static func unstuffed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        line.starts(with: [UInt8(ascii: "."), UInt8(ascii: ".")]) ? line.dropFirst() : line
    }

    /// Gopher+ servers may send a length header (`+-1`, `+1234`) or attribute lines (`+INFO:`,
    /// `+ADMIN:`…) where a menu is expected; those are not `+` (mirror) links.
    static func isGopherPlusHeader(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.first == UInt8(ascii: "+"), let second = line.dropFirst().first else { return false }
        if second == UInt8(ascii: "-") || (0x30...0x39).contains(second) { return true }
        let name = line.dropFirst().prefix { (0x41...0x5A).contains($0) }
        return !name.isEmpty && line.dropFirst(1 + name.count).first == UInt8(ascii: ":")
    }

    /// What a line is, without a menu around it (no server to lend an empty host).
    static func kind(of line: ArraySlice<UInt8>) -> MenuItem.Kind {
        classification(of: line, hasOrigin: false).kind
    }

    struct Classification {
        var kind: MenuItem.Kind
        /// The port field was missing or empty: port 70.
        var assumedPort = false
        /// The host was empty: the menu's own server.
        var assumedHost = false
    }

    /// Runs once per menu line as it arrives, so it works on the bytes in place: one pass to find
    /// the field boundaries, no strings.
    static func classification(of line: ArraySlice<UInt8>, hasOrigin: Bool) -> Classification {
        guard let typeByte = line.first else { return Classification(kind: .info) }
        // Nothing but tabs and spaces: a blank line, not an item of type TAB.
        if line.allSatisfy({ $0 == 0x09 || $0 == 0x20 }) { return Classification(kind: .info) }
        // Tabs after the type byte: a TAB as the type byte does not start a field.
        var tabs: [Int] = []
        tabs.reserveCapacity(4)
        var index = line.index(after: line.startIndex)
        while index < line.endIndex, tabs.count < 4 {
            if line[index] == 0x09 { tabs.append(index) }
            index += 1
        }
        let handling = ItemType(typeByte).handling
        if handling == .notALink, tabs.count >= 3 || typeByte == UInt8(ascii: "i") {
            return Classification(kind: typeByte == UInt8(ascii: "3") ? .error : .info)
        }
        // Three fields (no port) are lenience for a real type byte; four are a link (maybe invalid).
        let hasTypeByte = (0x21...0x7E).contains(typeByte)
        guard handling != .notALink, tabs.count >= 3 || (tabs.count == 2 && hasTypeByte), !isGopherPlusHeader(line)
        else { return Classification(kind: .plain) }
        let selector = line[(tabs[0] + 1)..<tabs[1]]
        let hostEnd = tabs.count > 2 ? tabs[2] : line.endIndex
        let host = line[(tabs[1] + 1)..<hostEnd]
        let port = tabs.count > 2 ? line[(tabs[2] + 1)..<(tabs.count > 3 ? tabs[3] : line.endIndex)] : []
        let selectorIsSendable = selector.count <= GopherURL.maximumSelectorLength
            && !selector.contains { $0 == 0x00 || $0 == 0x0D || $0 == 0x0A }
        // A web link needs no host: its address is all in the selector.
        if handling == .externalURL, selectorIsSendable, ExternalURL.target(of: selector) != nil {
            return Classification(kind: .link)
        }
        var found = Classification(kind: .invalidLink)
        found.assumedHost = host.isEmpty && hasOrigin
        // With the host, the menu's server lends its port; without, port 70 is a guess.
        // Blank as `trimmingASCIIWhitespace` has it, which `item(at:)` uses: the two must agree.
        found.assumedPort = !found.assumedHost && port.allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let portIsUsable = found.assumedPort || MenuItem.port(bytes: port) != nil
        if selectorIsSendable, found.assumedHost || hostIsUsable(host), GopherURL.isStorable(type: ItemType(typeByte)),
            portIsUsable
        {
            found.kind = .link
        }
        return found
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
