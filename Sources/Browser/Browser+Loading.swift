import GopherCore

/// What the app reports about loads and downloads it runs for the browser. Reports for a load
/// that is no longer current (cancelled, replaced) are ignored.
extension Browser {
    /// The stage text for the status bar: `connecting 127.0.0.1:70…`, `receiving 1.4 MB (38 MB/s)`.
    public mutating func loadProgress(id: Int, _ text: String) {
        guard loading?.id == id else { return }
        loading?.progress = text
    }

    /// Bytes of the page. The first ones replace the page on screen (until then the old page
    /// stays) and count as a visit. When the page's spool on disk cannot take more (a full
    /// disk), the load stops there with that reason and the page so far stays: the fetch is
    /// cancelled.
    @discardableResult
    public mutating func loadData(id: Int, _ bytes: [UInt8]) -> [Action] {
        guard let current = loading, current.id == id else { return [] }
        var actions: [Action] = []
        if !current.started {
            loading?.started = true
            actions = arrive(current)
        }
        pageView?.page.append(bytes)
        let rows = pageRows
        pageView?.selectFirstLinkIfNeeded(pageRows: rows)
        followEnd()
        if let failure = pageView?.page.spoolFailure {
            loadFailed(id: id, message: "save failed: \(failure) (page spool)")
            return actions + [.cancel(id: id)]
        }
        return actions
    }

    /// The page arrived whole (an empty one arrives only now).
    public mutating func loadFinished(id: Int, info: PageInfo) -> [Action] {
        guard let current = loading, current.id == id else { return [] }
        let actions = current.started ? [] : arrive(current)
        loading = nil
        pageView?.page.finish()
        pageView?.page.state = .complete
        pageView?.page.info = info
        let rows = pageRows
        pageView?.selectFirstLinkIfNeeded(pageRows: rows)
        followEnd()
        pageView?.followsEnd = false
        if info.byteCount == 0 { say("empty document") }
        return actions
    }

    /// The load failed: a page that had not started arriving is not replaced; one that had is
    /// kept and marked incomplete. The status bar says which stage failed and why.
    public mutating func loadFailed(id: Int, message: String) {
        guard let current = loading, current.id == id else { return }
        loading = nil
        if current.started {
            pageView?.page.finish()
            pageView?.page.state = .incomplete(message)
            followEnd()
            pageView?.followsEnd = false
            say("\(message) (page incomplete)", error: true)
        } else {
            // A step back or forward that fails has not moved history: the place before it is
            // still the current one.
            if page == nil, let viewport = current.purpose.viewportOfAPlace {
                unreached = History.Entry(location: current.location, title: current.title, viewport: viewport, page: nil)
                unreachedReason = message
            }
            say(message, error: true)
        }
    }

    /// End pressed during the load: the page view goes on to the new end.
    private mutating func followEnd() {
        guard pageView?.followsEnd == true else { return }
        let context = self.context
        pageView?.followEnd(context: context)
    }

    /// Replaces the page on screen with the one now arriving, moving history as its purpose says.
    /// A gopher page is a visit from here on, whether or not it ends well: the user has seen it,
    /// and may leave before its last byte.
    private mutating func arrive(_ loading: Loading) -> [Action] {
        let content: Page.Content
        let spool = makeSpool?()
        if case .gopher(let url) = loading.location, url.type.showsAsMenu {
            content = .menu(Menu(origin: Menu.Origin(url), spool: spool))
        } else {
            content = .document(TextDocument(spool: spool))
        }
        var newPage = Page(location: loading.location, title: loading.title, content: content, state: .loading)
        if case .gopher(let url) = loading.location, let chosen = hostEncodings[url.host.lowercased()] {
            newPage.encoding = chosen
        }
        switch loading.purpose {
        case .navigate:
            if let page { history.leave(page) } else if let unreached { history.leave(unreached: unreached) }
        case .reload(let viewport):
            newPage.viewport = viewport
        case .back(let viewport):
            _ = history.goBack(from: page, unreached: unreached)
            newPage.viewport = viewport
        case .forward(let viewport):
            _ = history.goForward(from: page, unreached: unreached)
            newPage.viewport = viewport
        }
        unreached = nil
        // A picture asked for on the page now leaving is not wanted on this one.
        let cancelled = cancelFileFetchOfThePage()
        pageView = PageView(page: newPage)
        closeViewsOfThePage()
        if case .gopher(let url) = loading.location { return cancelled + [.recordVisit(url, title: loading.title)] }
        return cancelled
    }

    /// A message from the app (a bookmark saved, a file that could not be read…).
    public mutating func report(_ text: String, isError: Bool) {
        say(text, error: isError)
    }
}
