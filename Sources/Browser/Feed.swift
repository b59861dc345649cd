import GopherCore

/// A subscribed menu (a phlog's index, usually) and what is new in it: the links it had at the
/// last check, and the ones that came since and are not read yet. Pure: the app fetches the
/// menu and keeps the feed in its files.
public struct Feed: Sendable, Equatable {
    /// A link that came since the last check and is not read yet.
    public struct Item: Sendable, Equatable {
        public var url: GopherURL
        public var title: String
        /// When a check first found it, in seconds since 1970.
        public var found: Int64

        public init(url: GopherURL, title: String, found: Int64) {
            self.url = url
            self.title = title
            self.found = found
        }
    }

    public var url: GopherURL
    public var title: String
    /// The last check, good or not, in seconds since 1970; nil before the first.
    public var checked: Int64?
    /// Why the last check failed (its stage error); the items stay as they were.
    public var failure: String?
    /// The last check that brought the menu, in seconds since 1970; nil until one has.
    public var lastGoodCheck: Int64?
    /// The links seen in the menu at good checks, by `key(of:)`: added to, never replaced, so a
    /// menu that comes back short once does not make its posts new again the time after.
    public var seen: Set<String> = []
    /// The most links `seen` keeps; past it, only the menu's links at the latest check stay.
    public static let seenLimit = 20_000
    /// New links not read yet, newest first.
    public var unread: [Item] = []

    public init(url: GopherURL, title: String) {
        self.url = url
        self.title = title
    }

    /// What makes two links the same post: type, selector, host (in any case) and port; not the
    /// display text, so that a post retitled is not new.
    public static func key(of url: GopherURL) -> String {
        var same = url
        same.host = url.host.lowercased()
        same.search = nil
        return same.description
    }

    /// A good check: links not seen before are new (none on the first check, which marks
    /// everything there as seen). Returns how many are new.
    @discardableResult
    public mutating func update(with menu: Menu, at time: Int64) -> Int {
        var keys: Set<String> = []
        var fresh: [Item] = []
        // The first check that brings the menu, even after checks that failed.
        let isFirst = lastGoodCheck == nil && seen.isEmpty
        for index in menu.links {
            let item = menu.item(at: index)
            guard item.kind == .link, case .success(let link)? = item.url else { continue }
            let key = Self.key(of: link)
            guard keys.insert(key).inserted else { continue }
            let known = seen.contains(key) || unread.contains { Self.key(of: $0.url) == key }
            if !isFirst, !known { fresh.append(Item(url: link, title: item.display, found: time)) }
        }
        // The unread keep their place; a post removed from the menu stays unread too.
        seen.formUnion(keys)
        seen.formUnion(fresh.map { Self.key(of: $0.url) })
        if seen.count > Self.seenLimit { seen = keys.union(unread.map { Self.key(of: $0.url) }) }
        unread = fresh + unread
        checked = time
        lastGoodCheck = time
        failure = nil
        return fresh.count
    }

    /// A good check, from the menu's bytes as they came.
    @discardableResult
    public mutating func update(withMenuBytes bytes: [UInt8], at time: Int64) -> Int {
        var menu = Menu(origin: Menu.Origin(url))
        menu.append(bytes)
        menu.finish()
        return update(with: menu, at: time)
    }

    /// A failed check: said on the feeds page; what was there stays.
    public mutating func failed(_ message: String, at time: Int64) {
        checked = time
        failure = message
    }

    /// Opening an item marks it read. Returns whether it was unread.
    @discardableResult
    public mutating func markRead(_ url: GopherURL) -> Bool {
        let key = Self.key(of: url)
        let before = unread.count
        unread.removeAll { Self.key(of: $0.url) == key }
        return unread.count != before
    }

    /// Whether the last check was at least `interval` seconds before `now` (or there was none).
    public func isDue(now: Int64, interval: Int64) -> Bool {
        guard let checked else { return true }
        return now - checked >= interval
    }
}
