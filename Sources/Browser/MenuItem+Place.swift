import GopherCore

extension MenuItem {
    /// Where the item leads as a place Warren itself shows, for the address bar: a gopher page
    /// or file (for a `URL:gopher(s)://` link, the address it names), or, on Warren's own pages,
    /// a built-in page. nil for web and telnet links (Warren does not show them), for text
    /// lines, and for links that cannot be followed.
    public func place(onBuiltInPage: Bool) -> Location? {
        if onBuiltInPage, kind == .link, host == PageView.builtInHost {
            guard selector.starts(with: Array("about:".utf8)) else { return nil }
            return try? Location(parsing: String(decoding: selector, as: UTF8.self))
        }
        guard case .success(let url)? = url else { return nil }
        switch url.type.handling {
        case .externalURL:
            guard let target = ExternalURL.target(of: url.selector) else { return .gopher(url) }
            return ExternalURL.gopherTarget(target).map(Location.gopher)
        case .session, .notALink:
            return nil
        case .menu, .search, .text, .download, .unknown:
            return .gopher(url)
        }
    }
}
