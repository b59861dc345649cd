import GopherCore

/// What the browser asks the outside world to do. The app carries these out and reports back
/// through the `load…`, `download…` and `show…` methods.
public enum Action: Equatable, Sendable {
    case fetch(id: Int, url: GopherURL)
    case cancel(id: Int)
    /// Save `url` as `fileName` in the download folder.
    case download(id: Int, url: GopherURL, fileName: String, overwrite: Bool)
    /// Make one of the pages built from the user's files and `show` it.
    case showUserPage(UserPage)
    case addBookmark(url: GopherURL, title: String)
    /// Remove every line of bookmarks.gph that leads to `url`, then show the bookmarks again.
    case removeBookmark(GopherURL)
    /// Keep a visit in the history file, with the page's title.
    case recordVisit(GopherURL, title: String)
    case copy(String)
    /// Read `host`'s pages in `encoding` from now on (`auto`: as detected), and keep that in the
    /// encodings file.
    case rememberEncoding(host: String, encoding: PageEncoding)
    /// Trust this certificate for `endpoint` (`host:port`): until Warren quits, or `always`,
    /// pinned in known_certificates (replacing an earlier pin).
    case trustCertificate(endpoint: String, fingerprint: String, subject: String, always: Bool)
    /// Add `url` to feeds.gph (its first check follows as `checkFeeds`).
    case subscribe(url: GopherURL, title: String)
    /// Remove `url` from feeds.gph, and what was kept of it.
    case unsubscribe(GopherURL)
    /// Keep what this feed's check saw and what is unread in its state file.
    case saveFeed(Feed)
    /// Read feeds.gph (and each feed's state) again and hand them to `feedListRead`.
    case readFeedList
    /// Fetch these feeds' menus in the background and report each with `feedChecked`.
    case checkFeeds([GopherURL])
    /// Open a link with the user's program: download it first when the program takes a file.
    case runHandler(HandlerRequest)
    /// Fetch this picture and draw it in the terminal (chafa), then `showPicture` it.
    case drawPicture(GopherURL)
    case suspend
    case quit
}

/// Built-in pages made from the user's own files, which only the app can read.
public enum UserPage: String, Sendable, Equatable, CaseIterable {
    /// `about:bookmarks`, from bookmarks.gph.
    case bookmarks
    /// `about:history`, from the history file.
    case history
    /// `about:files`: where each of Warren's files is, and whether it exists yet.
    case files

    public var location: Location { .about(rawValue) }
}
