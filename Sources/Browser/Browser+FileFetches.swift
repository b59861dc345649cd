import GopherCore

/// A file fetched for a handler or a picture before it opens. The app runs the fetch; the
/// browser knows of it so that Esc cancels it and Enter on the same link does not fetch it
/// twice. One runs at a time: asking for another cancels it, as a new page cancels a load.
public struct FileFetch: Sendable, Equatable {
    public var id: Int
    public var url: GopherURL
    /// `cat.png for chafa`: what the status bar names.
    public var what: String
    /// What the status bar says of it while no message covers it: the stage, then the bytes.
    public var progress: String
    /// The page it was asked from.
    public var page: Location?
    /// Its result belongs on that page only (a picture): going elsewhere cancels it, and one
    /// that arrives after the page was replaced is not shown.
    public var onlyOnItsPage: Bool
}

extension Browser {
    /// The app starts fetching `url` as fetch `id`. Returns a fetch to cancel (the one this
    /// replaces), or nothing.
    public mutating func fileFetchStarted(id: Int, url: GopherURL, what: String, onlyOnItsPage: Bool = false) -> [Action] {
        let replaced = fileFetch.map { [Action.cancel(id: $0.id)] } ?? []
        fileFetch = FileFetch(
            id: id, url: url, what: what, progress: withHint("fetching \(what)…", .cancel, "cancels"), page: page?.location,
            onlyOnItsPage: onlyOnItsPage)
        return replaced
    }

    /// Fetch `id` moved on (`receiving 3.1 KB`): the status bar follows it.
    public mutating func fileFetchProgress(id: Int, _ stage: String) {
        guard fileFetch?.id == id, let what = fileFetch?.what else { return }
        let progress = withHint("fetching \(what): \(stage)", .cancel, "cancels")
        fileFetch?.progress = progress
    }

    /// Whether `url` is being fetched already (said, so Enter again does not fetch it twice).
    public mutating func isFetchingFile(_ url: GopherURL) -> Bool {
        guard let fetch = fileFetch, fetch.url == url else { return false }
        say(withHint("still fetching \(fetch.what)…", .cancel, "cancels"))
        return true
    }

    /// Another page is asked for: a picture for this one is no longer wanted.
    mutating func cancelFileFetchOfThePage() -> [Action] {
        guard let fetch = fileFetch, fetch.onlyOnItsPage else { return [] }
        return dropFileFetch(fetch)
    }

    /// `fetch` is no longer wanted: forgotten, no longer said, and cancelled.
    mutating func dropFileFetch(_ fetch: FileFetch) -> [Action] {
        fileFetch = nil
        clearFetchingStatus(of: fetch)
        return [.cancel(id: fetch.id)]
    }

    /// Whether it is still the page `fetch` was asked from that is on screen.
    public func isOnItsPage(_ fetch: FileFetch) -> Bool {
        !fetch.onlyOnItsPage || page?.location == fetch.page
    }

    /// Fetch `id` ended (done, failed or cancelled). Returns it while its result is still
    /// wanted (it was not cancelled or replaced), else nil.
    @discardableResult
    public mutating func fileFetchEnded(id: Int) -> FileFetch? {
        guard let fetch = fileFetch, fetch.id == id else { return nil }
        fileFetch = nil
        // The status bar no longer says it is fetching; what follows says what became of it.
        clearFetchingStatus(of: fetch)
        return fetch
    }

    private mutating func clearFetchingStatus(of fetch: FileFetch) {
        if let text = status?.text, text.hasPrefix("fetching \(fetch.what)") || text.hasPrefix("still fetching \(fetch.what)") {
            status = nil
        }
    }
}
