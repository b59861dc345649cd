/// Back and forward, like a web browser's. Each entry keeps its viewport (scroll position and
/// selection) and, while the cache has room, the page itself, so going back is instant. The
/// cache holds at most `cacheLimit` bytes of pages; older pages lose their content first and
/// are fetched again when visited, their viewport restored.
public struct History: Sendable {
    public struct Entry: Sendable {
        public var location: Location
        public var title: String
        public var viewport: Viewport
        /// The cached page, or nil once evicted.
        public var page: Page?
    }

    public private(set) var back: [Entry] = []
    public private(set) var forward: [Entry] = []
    public let cacheLimit: Int
    public let entryLimit: Int

    public init(cacheLimit: Int = 64 << 20, entryLimit: Int = 500) {
        self.cacheLimit = cacheLimit
        self.entryLimit = entryLimit
    }

    /// A session's history, coming back: entries without their pages, fetched when visited.
    mutating func restore(back: [Entry], forward: [Entry]) {
        self.back = Array(back.suffix(entryLimit))
        self.forward = Array(forward.suffix(entryLimit))
    }

    /// Leaving `page` for a new one: it goes on the back stack, and forward is forgotten.
    public mutating func leave(_ page: Page) {
        back.append(Self.entry(for: page))
        forward.removeAll()
        if back.count > entryLimit { back.removeFirst(back.count - entryLimit) }
        enforceCacheLimit()
    }

    /// Leaving a place that could not be reached (no page was on screen) for a new page: it
    /// goes on the back stack like a page, and forward is forgotten.
    mutating func leave(unreached entry: Entry) {
        back.append(entry)
        forward.removeAll()
        if back.count > entryLimit { back.removeFirst(back.count - entryLimit) }
    }

    /// Going back from `current`: returns the entry to show, and keeps `current` for forward
    /// (or, with no page on screen, the place that could not be reached).
    public mutating func goBack(from current: Page?, unreached: Entry? = nil) -> Entry? {
        guard let entry = back.popLast() else { return nil }
        if let kept = current.map(Self.entry(for:)) ?? unreached { forward.append(kept) }
        enforceCacheLimit()
        return entry
    }

    public mutating func goForward(from current: Page?, unreached: Entry? = nil) -> Entry? {
        guard let entry = forward.popLast() else { return nil }
        if let kept = current.map(Self.entry(for:)) ?? unreached { back.append(kept) }
        enforceCacheLimit()
        return entry
    }

    private static func entry(for page: Page) -> Entry {
        // A page cut short is not worth keeping: going back to it fetches it again.
        let cached = page.state == .complete ? page : nil
        return Entry(location: page.location, title: page.title, viewport: page.viewport, page: cached)
    }

    /// Drops cached pages, the farthest from the present first, until the cache fits.
    private mutating func enforceCacheLimit() {
        var total = (back + forward).reduce(0) { $0 + ($1.page?.residentByteCount ?? 0) }
        var index = 0
        while total > cacheLimit, index < back.count {
            total -= back[index].page?.residentByteCount ?? 0
            back[index].page = nil
            index += 1
        }
        index = 0
        while total > cacheLimit, index < forward.count {
            total -= forward[index].page?.residentByteCount ?? 0
            forward[index].page = nil
            index += 1
        }
    }
}
