import GopherCore

/// Going places: opening a location, showing a page made elsewhere, back and forward, up,
/// reload, cancel.
extension Browser {
    /// Starts loading `location`; built-in pages open at once.
    public mutating func open(_ location: Location, title: String?) -> [Action] {
        var actions = cancelLoading()
        switch location {
        case .about(let name):
            if let userPage = UserPage(rawValue: name) {
                actions.append(.showUserPage(userPage))
            } else if name == "feeds" {
                actions += showFeeds()
            } else if name == "downloads" {
                actions += showDownloads()
            } else if let bytes = BuiltInPages.page(named: name, keyBindings: keyBindings) {
                show(Page.menu(location, title: title ?? location.description, bytes: bytes))
            } else {
                say("no such page: about:\(name)", error: true)
            }
        case .gopher(let url):
            actions.append(startLoading(location, title: title ?? location.description, purpose: .navigate, url: url))
        }
        return actions
    }

    /// Goes where an address names as Enter on a link to it would (`PageView.follow`): `o`, a
    /// URL given to `warren`. A page opens; an image is drawn, a file is offered for saving, a
    /// search asks for its words.
    public mutating func go(_ location: Location, title: String?) -> [Action] {
        guard case .gopher(let url) = location else {
            return markReadIfFeedItem(location) + open(location, title: title)
        }
        var actions: [Action] = []
        _ = apply(PageView.follow(url, title: title, handlers: handlers, canDrawPictures: canDrawPictures), from: nil, into: &actions)
        return actions
    }

    /// Shows a page made elsewhere (bookmarks, history) as a new page.
    /// A load in progress is cancelled first, so it cannot arrive on top of this page.
    @discardableResult
    public mutating func show(_ newPage: Page) -> [Action] {
        let actions = cancelLoading()
        var newPage = newPage
        if let current = page {
            if current.location == newPage.location {
                // The same page shown again (`r` on bookmarks or history): replace it in place.
                newPage.viewport = current.viewport
            } else {
                history.leave(current)
            }
        } else if let unreached, unreached.location != newPage.location {
            history.leave(unreached: unreached)
        }
        replacePage(with: newPage)
        return actions
    }

    /// Puts `newPage` on screen: the views of the old page close, a menu gets its first link.
    mutating func replacePage(with newPage: Page) {
        unreached = nil
        pageView = PageView(page: newPage)
        closeViewsOfThePage()
        let rows = pageRows
        pageView?.selectFirstLinkIfNeeded(pageRows: rows)
    }

    mutating func startLoading(_ location: Location, title: String, purpose: Loading.Purpose, url: GopherURL) -> Action {
        let id = nextID
        nextID += 1
        loading = Loading(
            id: id, location: location, title: Self.pageTitle(title, of: location), purpose: purpose,
            progress: "loading \(location)…")
        return .fetch(id: id, url: url)
    }

    /// A link's words as the title of the page it opens (history, suggestions, the session):
    /// without a listing's padding and columns of spaces; `..`, `.` or nothing is no title, so
    /// the address stands in.
    static func pageTitle(_ words: String, of location: Location) -> String {
        let collapsed = words.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
        return collapsed.isEmpty || collapsed == ".." || collapsed == "." ? location.description : collapsed
    }

    /// Another page is asked for: the load in progress, and a picture for this page, stop.
    mutating func cancelLoading() -> [Action] {
        cancelFileFetchOfThePage() + stopLoad()
    }

    /// The load in progress stops; the page stays (marked cut short if it had begun).
    private mutating func stopLoad() -> [Action] {
        guard let current = loading else { return [] }
        loading = nil
        if current.started, page?.state == .loading { pageView?.page.state = .incomplete("cancelled") }
        return [.cancel(id: current.id)]
    }

    /// One step through history: instant from the cache, else fetched again (the history moves
    /// when the page arrives, with its viewport restored).
    mutating func travel(back: Bool) -> [Action] {
        guard let entry = back ? history.back.last : history.forward.last else {
            say("no page to go \(back ? "back" : "forward") to")
            return []
        }
        var actions = cancelLoading()
        if let cached = cachedPage(of: entry) {
            let restored = back ? history.goBack(from: page, unreached: unreached)! : history.goForward(from: page, unreached: unreached)!
            unreached = nil
            var shown = cached
            shown.viewport = restored.viewport
            pageView = PageView(page: shown)
            closeViewsOfThePage()
            refreshFeedsPage()  // what was read since it was left is gone from it
        } else if case .gopher(let url) = entry.location {
            let purpose: Loading.Purpose = back ? .back(entry.viewport) : .forward(entry.viewport)
            actions.append(startLoading(entry.location, title: entry.title, purpose: purpose, url: url))
        }
        return actions
    }

    /// A history entry's page: the cached one, else a built-in page made again (those are never
    /// fetched, so an evicted one could not come back otherwise).
    private func cachedPage(of entry: History.Entry) -> Page? {
        if let page = entry.page { return page }
        guard case .about(let name) = entry.location,
            let bytes = BuiltInPages.page(named: name, keyBindings: keyBindings)
        else { return nil }
        return Page.menu(entry.location, title: entry.title, bytes: bytes)
    }

    mutating func goUp() -> [Action] {
        guard let url = page?.location.url else { return [] }
        guard let parent = url.parent else {
            say("already at the top of \(url.endpoint)")
            return []
        }
        return open(.gopher(parent), title: nil)
    }

    mutating func reload() -> [Action] {
        guard let page else { return retryUnreached() }
        switch page.location {
        case .gopher(let url):
            var actions = cancelLoading()
            actions.append(startLoading(page.location, title: page.title, purpose: .reload(page.viewport), url: url))
            return actions
        case .about(let name):
            // Pages from the user's files are read again; the others never change.
            return UserPage(rawValue: name).map { [.showUserPage($0)] } ?? []
        }
    }

    /// `r` with no page on screen: the place that could not be reached, tried again as it was
    /// first asked (a step back keeps its viewport).
    private mutating func retryUnreached() -> [Action] {
        guard let unreached, case .gopher(let url) = unreached.location else {
            say(withHint("no page to reload", .goTo, "opens a URL"))
            return []
        }
        var actions = cancelLoading()
        actions.append(startLoading(unreached.location, title: unreached.title, purpose: .reload(unreached.viewport), url: url))
        return actions
    }

    /// Esc: the load, else the file fetch, else the download, in progress.
    mutating func cancel() -> [Action] {
        if loading != nil {
            // Only the load: a picture for the page that stays is still wanted.
            let actions = stopLoad()
            say("cancelled")
            return actions
        }
        if let fetch = fileFetch {
            let actions = dropFileFetch(fetch)
            say("cancelled fetching \(fetch.what)")
            return actions
        }
        if let current = downloads.last(where: \.isActive) {
            return cancelDownload(current.id)
        }
        say(withHint("nothing to cancel", .quit, "quits"))
        return []
    }
}
