extension GopherURL {
    /// Parses what a user types or a bookmark holds:
    /// `gopher://host[:port]/<type><selector>[%09<search>[%09<gopher+>]]` (RFC 4266), the same
    /// without `gopher://` (`example.org/1/phlog`), and IPv6 literals in brackets (`[::1]:7070`).
    /// A URL with no path is the server's root menu.
    public init(parsing text: String, defaultPort: UInt16 = GopherURL.standardPort) throws(GopherURLError) {
        var rest = Substring(text.trimmingASCIIWhitespace())
        guard !rest.isEmpty else { throw .empty }

        if let colon = rest.firstIndex(of: ":"), Self.looksLikeScheme(rest[..<colon]) {
            let scheme = rest[..<colon]
            let afterColon = rest[rest.index(after: colon)...]
            if afterColon.hasPrefix("//") {
                guard scheme.lowercased() == "gopher" else { throw .unsupportedScheme(String(scheme)) }
                rest = afterColon.dropFirst(2)
            } else if let first = afterColon.first, !(first.isASCII && first.isNumber) {
                // `about:home`, `mailto:x`: a scheme, not `host:port`.
                throw .unsupportedScheme(String(scheme))
            }
        }

        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
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
        try self.init(host: host, port: port, type: type, selector: selector, search: search)
    }

    /// `HOST [SELECTOR]`, as the classic command-line clients take it.
    public init(host: String, selectorText: String, port: UInt16, type: ItemType? = nil) throws(GopherURLError) {
        let selector = Array(selectorText.utf8)
        let guessed: ItemType = selector.isEmpty || selector.last == UInt8(ascii: "/") ? .menu : .text
        try self.init(host: host, port: port, type: type ?? guessed, selector: selector)
    }

    private static func looksLikeScheme(_ text: Substring) -> Bool {
        guard let first = text.first, first.isASCII, first.isLetter else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    private static func parseAuthority(_ authority: Substring, defaultPort: UInt16) throws(GopherURLError) -> (String, UInt16) {
        var host: Substring
        var portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { throw .invalidHost(String(authority)) }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { throw .invalidHost(String(authority)) }
                portText = after.dropFirst()
            }
            guard host.contains(":") else { throw .invalidHost(String(authority)) }
        } else {
            // A userinfo part (`user@host`) means nothing to gopher: refuse rather than guess.
            guard !authority.contains("@") else { throw .invalidHost(String(authority)) }
            let colons = authority.filter { $0 == ":" }.count
            if colons == 1, let colon = authority.firstIndex(of: ":") {
                host = authority[..<colon]
                portText = authority[authority.index(after: colon)...]
            } else if colons > 1 {
                // A bare IPv6 address; a port would need brackets.
                host = authority
            } else {
                host = authority
            }
        }
        var port = defaultPort
        if let portText, !portText.isEmpty {
            guard portText.allSatisfy({ $0.isASCII && $0.isNumber }), let value = UInt16(portText), value > 0 else {
                throw .invalidPort(String(portText))
            }
            port = value
        }
        try validate(host: String(host))
        return (String(host), port)
    }

    /// Decodes `%XX` escapes into bytes; every other character stands for its UTF-8 bytes.
    static func percentDecode(_ text: Substring) throws(GopherURLError) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                throw .invalidPercentEncoding(String(text))
            }
            bytes.append(high << 4 | low)
        }
        return bytes
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
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
