import GopherCore

/// Where a page comes from: a gopher URL, or one of Warren's own pages.
public enum Location: Hashable, Sendable, CustomStringConvertible {
    case gopher(GopherURL)
    /// `about:home`, `about:help`, `about:bookmarks`, `about:history`.
    case about(String)

    /// Parses what a user types: `about:NAME`, or anything `GopherURL(parsing:)` takes.
    public init(parsing text: String, defaultPort: UInt16 = GopherURL.standardPort) throws(GopherURLError) {
        let trimmed = text.trimmingCharacters(in: " \t")
        if trimmed.lowercased().hasPrefix("about:") {
            self = .about(String(trimmed.dropFirst(6)).lowercased())
        } else {
            self = .gopher(try GopherURL(parsing: trimmed, defaultPort: defaultPort))
        }
    }

    public var description: String {
        switch self {
        case .gopher(let url): return url.description
        case .about(let name): return "about:\(name)"
        }
    }

    public var url: GopherURL? {
        if case .gopher(let url) = self { return url }
        return nil
    }
}

extension GopherURL {
    /// One level up: the menu holding this selector (`/a/b/c` → `/a/b/`, `/a/b/` → `/a/`,
    /// `/a` → `/`), or nil at the server's root menu.
    public var parent: GopherURL? {
        var path = selector
        if path.last == UInt8(ascii: "/") { path.removeLast() }
        if path.isEmpty, type == .menu, search == nil { return nil }
        let parentSelector = path.lastIndex(of: UInt8(ascii: "/")).map { Array(path[...$0]) } ?? []
        return try? GopherURL(host: host, port: port, type: .menu, selector: parentSelector)
    }
}
