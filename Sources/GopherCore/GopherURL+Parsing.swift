extension GopherURL {
    /// Parses what a user types or a bookmark holds:
    /// `gopher://host[:port]/<type><selector>[%09<search>[%09<gopher+>]]` (RFC 4266), the same
    /// without `gopher://` (`example.org/1/phlog`), and IPv6 literals in brackets (`[::1]:7070`).
    /// A URL with no path is the server's root menu. `gophers://` is the same over TLS, with the
    /// same default port, as curl has it.
    public init(parsing text: String, defaultPort: UInt16 = GopherURL.standardPort) throws(GopherURLError) {
        // Split at ASCII bytes, not Characters: a combining mark after `/`, `:` or `]` (or a
        // prepended mark before one) would merge it into one Character and hide it, so that a
        // host starting with U+0301 formatted to a URL that did not parse back.
        let bytes = Array(text.trimmingASCIIWhitespace().utf8)
        var rest = bytes[...]
        guard !rest.isEmpty else { throw .empty }

        var isSecure = false
        if let colon = rest.firstIndex(of: UInt8(ascii: ":")), Self.looksLikeScheme(rest[..<colon]) {
            let scheme = String(decoding: rest[..<colon], as: UTF8.self)
            let afterColon = rest[(colon + 1)...]
            if afterColon.starts(with: "//".utf8) {
                switch scheme.lowercased() {
                case "gopher": isSecure = false
                case "gophers": isSecure = true
                default: throw .unsupportedScheme(scheme)
                }
                rest = afterColon.dropFirst(2)
            } else if let first = afterColon.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) {
                // `about:home`, `mailto:x`: a scheme, not `host:port`.
                throw .unsupportedScheme(scheme)
            }
        }

        let authorityEnd = rest.firstIndex(of: UInt8(ascii: "/")) ?? rest.endIndex
        let (host, port) = try Self.parseAuthority(rest[..<authorityEnd], defaultPort: defaultPort)
        let path = rest[authorityEnd...].dropFirst()  // drop the "/"

        var type = ItemType.menu
        var selector: [UInt8] = []
        var search: [UInt8]? = nil
        if !path.isEmpty {
            let decoded = try Self.percentDecode(path)
            type = ItemType(decoded.first ?? UInt8(ascii: "1"))
            let request = decoded.dropFirst()
            if let tab = request.firstIndex(of: 0x09) {
                selector = Array(request[..<tab])
                let afterTab = request[request.index(after: tab)...]
                // A second TAB starts a Gopher+ string, which Warren does not send.
                search = Array(afterTab.prefix { $0 != 0x09 })
            } else {
                selector = Array(request)
            }
        }
        try self.init(host: host, port: port, type: type, selector: selector, search: search, isSecure: isSecure)
    }

    /// `HOST [SELECTOR]`, as the classic command-line clients take it.
    public init(host: String, selectorText: String, port: UInt16, type: ItemType? = nil) throws(GopherURLError) {
        let selector = Array(selectorText.utf8)
        let guessed: ItemType = selector.isEmpty || selector.last == UInt8(ascii: "/") ? .menu : .text
        try self.init(host: host, port: port, type: type ?? guessed, selector: selector)
    }

    private static func looksLikeScheme(_ bytes: ArraySlice<UInt8>) -> Bool {
        func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        guard let first = bytes.first, isLetter(first) else { return false }
        return bytes.allSatisfy { isLetter($0) || (0x30...0x39).contains($0) || "+-.".utf8.contains($0) }
    }

    private static func parseAuthority(_ authority: ArraySlice<UInt8>, defaultPort: UInt16) throws(GopherURLError) -> (String, UInt16) {
        func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
        let colon = UInt8(ascii: ":")
        var host: ArraySlice<UInt8>
        var portText: ArraySlice<UInt8>?
        if authority.first == UInt8(ascii: "[") {
            guard let close = authority.firstIndex(of: UInt8(ascii: "]")) else { throw .invalidHost(text(authority)) }
            host = authority[(authority.startIndex + 1)..<close]
            let after = authority[(close + 1)...]
            if !after.isEmpty {
                guard after.first == colon else { throw .invalidHost(text(authority)) }
                portText = after.dropFirst()
            }
            guard host.contains(colon) else { throw .invalidHost(text(authority)) }
        } else {
            // A userinfo part (`user@host`) means nothing to gopher: refuse rather than guess.
            guard !authority.contains(UInt8(ascii: "@")) else { throw .invalidHost(text(authority)) }
            let colons = authority.lazy.filter { $0 == colon }.count
            if colons == 1, let at = authority.firstIndex(of: colon) {
                host = authority[..<at]
                portText = authority[(at + 1)...]
            } else {
                // No port, or a bare IPv6 address (a port would need brackets).
                host = authority
            }
        }
        var port = defaultPort
        if let portText, !portText.isEmpty {
            guard portText.allSatisfy({ (0x30...0x39).contains($0) }), let value = UInt16(text(portText)), value > 0 else {
                throw .invalidPort(text(portText))
            }
            port = value
        }
        try validate(host: text(host))
        return (text(host), port)
    }

    /// Decodes `%XX` escapes into bytes; every other character stands for its UTF-8 bytes.
    static func percentDecode(_ text: ArraySlice<UInt8>) throws(GopherURLError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        var iterator = text.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                throw .invalidPercentEncoding(String(decoding: text, as: UTF8.self))
            }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    /// The value of one hex digit (either case).
    static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

extension StringProtocol {
    func trimmingASCIIWhitespace() -> String {
        // CRLF is one Character in Swift, equal to neither "\r" nor "\n".
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        guard let start = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[start...last])
    }
}
