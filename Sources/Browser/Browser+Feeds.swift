import GopherCore

/// Feeds: `S` subscribes to the menu on screen (or unsubscribes), `F` shows `about:feeds` (what is
/// new, grouped by feed), `R` checks every feed again. The app fetches the menus and reports each
/// with `feedChecked`; the browser decides what is new (`Feed.update`) and asks the app to keep it.
extension Browser {
    /// `S`.
    mutating func toggleSubscription() -> [Action] {
        guard let page, case .gopher(let url) = page.location, page.isMenu else {
            say(keyed(.subscribe, "subscribes to a menu (a phlog's index, say)") ?? "a feed is a menu (a phlog's index, say)")
            return []
        }
        if let index = feeds.firstIndex(where: { Feed.key(of: $0.url) == Feed.key(of: url) }) {
            let removed = feeds.remove(at: index)
            say("unsubscribed from \(removed.title)")
            return [.unsubscribe(removed.url)]
        }
        let title = Self.feedTitle(of: page, url: url)
        feeds.append(Feed(url: url, title: title))
        say("subscribed to \(title): F shows what is new")
        return [.subscribe(url: url, title: title), .checkFeeds([url])]
    }

    /// `F`.
    mutating func showFeeds() -> [Action] { show(feedsPage()) }

    /// `R`: every feed, now.
    /// `R`: feeds.gph is read again first (the user may have edited it), then every feed in
    /// it is checked (`feedListRead`).
    mutating func recheckFeeds() -> [Action] { [.readFeedList] }

    /// feeds.gph as it is now: feeds added by hand join, feeds taken out leave, the others keep
    /// what this session knows of them; then every feed is checked.
    @discardableResult
    public mutating func feedListRead(_ loaded: [Feed]) -> [Action] {
        let known = Dictionary(feeds.map { (Feed.key(of: $0.url), $0) }, uniquingKeysWith: { first, _ in first })
        feeds = loaded.map { known[Feed.key(of: $0.url)] ?? $0 }
        refreshFeedsPage()
        guard !feeds.isEmpty else {
            say("no feeds yet" + (keyed(.subscribe, "on a menu subscribes to it").map { ": " + $0 } ?? ""))
            return []
        }
        say("checking \(feeds.count) feed\(feeds.count == 1 ? "" : "s")…")
        feedRound = (Set(feeds.map { Feed.key(of: $0.url) }), 0, 0)
        return [.checkFeeds(feeds.map(\.url))]
    }

    /// A feed's check ended: `menu` is the response when it arrived, else `failure` says why.
    @discardableResult
    public mutating func feedChecked(_ url: GopherURL, menu bytes: [UInt8]?, failure: String?, at time: Int64) -> [Action] {
        guard let index = feeds.firstIndex(where: { Feed.key(of: $0.url) == Feed.key(of: url) }) else { return [] }
        var fresh = 0
        if let bytes {
            fresh = feeds[index].update(withMenuBytes: bytes, at: time)
        } else {
            feeds[index].failed(failure ?? "failed", at: time)
        }
        let unread = feeds.reduce(0) { $0 + $1.unread.count }
        if fresh > 0 { say("feeds: \(unread) new") }
        if var round = feedRound, round.waiting.remove(Feed.key(of: url)) != nil {
            round.fresh += fresh
            round.failed += bytes == nil ? 1 : 0
            feedRound = round.waiting.isEmpty ? nil : round
            if round.waiting.isEmpty, round.fresh == 0 {
                say(round.failed > 0 ? "feeds: nothing new; \(round.failed) failed (F shows why)" : "feeds: nothing new", error: round.failed > 0)
            }
        }
        refreshFeedsPage()
        return [.saveFeed(feeds[index])]
    }

    /// Opening a link that is an unread item marks it read, wherever it is opened from.
    mutating func markReadIfFeedItem(_ location: Location) -> [Action] {
        guard case .gopher(let url) = location else { return [] }
        var actions: [Action] = []
        for index in feeds.indices where feeds[index].markRead(url) {
            actions.append(.saveFeed(feeds[index]))
        }
        return actions
    }

    /// `x` on a feed's name on the feeds page.
    mutating func unsubscribeSelected() -> [Action] {
        guard let item = pageView?.selectedItem, case .success(let url)? = item.url,
            let target = Self.feedLink(url),
            let index = feeds.firstIndex(where: { Feed.key(of: $0.url) == Feed.key(of: target) })
        else {
            say(keyed(.removeEntry, "on a feed's name unsubscribes from it") ?? "no feed selected")
            return []
        }
        let removed = feeds.remove(at: index)
        say("unsubscribed from \(removed.title)")
        refreshFeedsPage()
        return [.unsubscribe(removed.url)]
    }

    /// The feeds page on screen follows the feeds as they change, keeping its place.
    mutating func refreshFeedsPage() {
        guard page?.location == .about("feeds") else { return }
        replaceBuiltInPage(with: feedsPage())
    }

    /// `about:feeds`: feeds with something new first (the newest first), each with its name,
    /// its count and its new items; then the others; a failed check says why under its feed.
    func feedsPage() -> Page {
        var bytes = GophermapLine.info("Feeds: what is new since you last looked")
            + GophermapLine.info("(Enter reads, R checks every feed now, x on a feed's name unsubscribes)")
            + GophermapLine.info("")
        let ordered = feeds.enumerated().sorted { lhs, rhs in
            let left = lhs.element.unread.first?.found ?? Int64.min
            let right = rhs.element.unread.first?.found ?? Int64.min
            return left != right ? left > right : lhs.offset < rhs.offset
        }.map(\.element)
        for feed in ordered {
            let count = feed.unread.isEmpty ? "nothing new" : "\(feed.unread.count) new"
            let checked = feed.checked == nil ? ", not checked yet" : ""
            bytes += GophermapLine.make(for: feed.url, display: "\(feed.title) — \(count)\(checked)")
            if let failure = feed.failure { bytes += GophermapLine.info("    last check failed: \(failure)") }
            for item in feed.unread { bytes += GophermapLine.make(for: item.url, display: "  " + item.title) }
            bytes += GophermapLine.info("")
        }
        if feeds.isEmpty {
            bytes += GophermapLine.info("No feeds yet: S on a menu (a phlog's index, say) subscribes to it.")
        }
        return Page.menu(.about("feeds"), title: "Feeds", bytes: bytes)
    }

    /// What a feed is called: the link's name that led to the menu, else the menu's first line
    /// of text (a phlog's own title, usually), else its host.
    static func feedTitle(of page: Page, url: GopherURL) -> String {
        if page.title != page.location.description, !page.title.isEmpty { return page.title }
        if case .menu(let menu) = page.content {
            for index in 0..<min(menu.count, 20) where menu.kind(at: index) == .info {
                let text = menu.item(at: index).display.trimmingCharacters(in: " \t")
                if !text.isEmpty { return String(DisplayWidth.prefix(of: text, fitting: 60).text) }
            }
        }
        return url.host
    }

    /// A link's place, through a `URL:gophers://` line as a gophers:// feed is written.
    static func feedLink(_ url: GopherURL) -> GopherURL? {
        guard url.type.handling == .externalURL else { return url }
        return ExternalURL.target(of: url.selector).flatMap(ExternalURL.gopherTarget)
    }
}
