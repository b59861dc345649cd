import GopherCore

/// The whole browser as a pure state machine: keys and load events in, actions out; `render`
/// turns the state into a `Screen`. No terminal, socket or file here.
///
/// It keeps the history, the loads, and a stack of views: the page view at the bottom, the
/// views opened over it (`views`) above. A key goes to the frontmost view first and down the
/// stack until one takes it; below the page view the browser's own commands run
/// (`perform(_:)`). See ARCHITECTURE.md.
public struct Browser: Sendable {
    public struct Loading: Sendable, Equatable {
        public enum Purpose: Sendable, Equatable {
            /// A new page: the current one goes into history when the first bytes arrive.
            case navigate
            /// The same page again, keeping the viewport.
            case reload(Viewport)
            /// A history entry whose cached page was evicted.
            case back(Viewport)
            case forward(Viewport)

            /// A new place, or this one again, with the viewport it opens at; nil for a step
            /// through history.
            var viewportOfAPlace: Viewport? {
                switch self {
                case .navigate: Viewport()
                case .reload(let viewport): viewport
                case .back, .forward: nil
                }
            }
        }

        public var id: Int
        public var location: Location
        public var title: String
        public var purpose: Purpose
        public var progress: String
        /// Set once the first bytes have arrived and the page is on screen.
        public var started = false
    }

    /// A download in the background: queued, running, or ended, until removed from the list.
    public struct Download: Sendable, Equatable {
        public enum State: Sendable, Equatable {
            case queued(overwrite: Bool)
            case running
            case done(path: String, byteCount: Int)
            case failed(String)
            case cancelled
        }

        public var id: Int
        public var url: GopherURL
        public var fileName: String
        public var progress: String
        public var state: State

        /// Queued or running: it still has work to do.
        public var isActive: Bool {
            switch state {
            case .queued, .running: return true
            case .done, .failed, .cancelled: return false
            }
        }
    }

    public struct Status: Sendable, Equatable {
        public var text: String
        public var isError: Bool
    }

    /// The page on screen, with its viewport; nil before the first page.
    public internal(set) var pageView: PageView?
    /// The views open over the page, the frontmost last.
    public internal(set) var views: [View] = []
    public internal(set) var history = History()
    public internal(set) var loading: Loading?
    /// The subscribed menus and what is new in them (`S`, `F`, `R`; `Browser+Feeds.swift`).
    public var feeds: [Feed] = []
    /// The feeds `R` asked for that have not answered yet, and what those that did found: when
    /// the last answers, the status bar says how it went.
    var feedRound: (waiting: Set<String>, fresh: Int, failed: Int)?
    /// Downloads, oldest first: at most `maximumRunningDownloads` run, the rest wait in turn.
    public internal(set) var downloads: [Download] = []
    /// Where the last load failed to reach while no page was on screen (the first page, a
    /// restored session's server down): `r` tries it again, `O` edits it, the title names it,
    /// and back and forward keep it in history. Gone when a page is on screen.
    public internal(set) var unreached: History.Entry?
    /// Why `unreached` could not be reached (the failed stage's words), shown where the page
    /// would be, so the reason outlives the status bar.
    var unreachedReason = ""
    /// The file being fetched for a handler or a picture, if one is (`fileFetchStarted`).
    public internal(set) var fileFetch: FileFetch?
    public static let maximumRunningDownloads = 4
    public internal(set) var status: Status?
    public internal(set) var wrap = true
    /// The columns and rows of the last `resize`.
    public private(set) var width = 80
    public private(set) var height = 24
    var finding = FindState()
    var nextID = 1
    public let defaultPort: UInt16

    /// The key table in force: `KeyMap.bindings` with the user's changes from config.toml.
    public let keyBindings: [Key: Command]
    /// Encodings chosen with `E`, by host (lowercased): the app loads them from the encodings
    /// file; a page from such a host arrives read that way.
    public var hostEncodings: [String: PageEncoding] = [:]
    /// History and bookmarks, for the `o` prompt's suggestions; the app fills it from the
    /// user's files and again when they change.
    public var addressBook: [AddressEntry] = [] { didSet { addressPlaces = AddressPlaces(addressBook) } }
    /// The programs that open what Warren does not show; the app fills it from config.toml and
    /// the defaults it finds on the machine.
    public var handlers = HandlerTable()
    /// chafa is on the machine: an image with no handler is drawn in the terminal.
    public var canDrawPictures = false
    /// Enter on a picture has said once that chafa is missing.
    var toldNoChafa = false
    /// The address book merged by address, made when it changes rather than at each keystroke.
    var addressPlaces = AddressPlaces([])
    /// Makes a spool for each page that arrives, so that a large page keeps only a few MiB in
    /// memory (the app's spools are files on disk); nil, or a nil spool, keeps pages in memory.
    let makeSpool: (@Sendable () -> (any BlockSpool)?)?

    public init(
        defaultPort: UInt16 = GopherURL.standardPort, historyCacheLimit: Int = 64 << 20,
        keyBindings: [Key: Command] = KeyMap.bindings, makeSpool: (@Sendable () -> (any BlockSpool)?)? = nil
    ) {
        self.defaultPort = defaultPort
        self.keyBindings = keyBindings
        self.makeSpool = makeSpool
        history = History(cacheLimit: historyCacheLimit)
    }

    /// The page on screen.
    public var page: Page? { pageView?.page }

    /// The selected menu item, if the page is a menu with a selection.
    public var selectedItem: MenuItem? { pageView?.selectedItem }

    // Here, beside `width` and `height`: the only place that sets them.
    /// Takes the terminal's new size; the page and the views keep their place.
    public mutating func resize(width: Int, height: Int) {
        let old = self.context
        self.width = max(1, width)
        self.height = max(3, height)
        let context = self.context
        pageView?.resize(from: old, to: context)
        for level in views.indices { views[level].clamp(context) }
    }

    /// Rows between the title and the status bar.
    var pageRows: Int { max(1, height - 2) }

    var context: ViewContext {
        ViewContext(
            page: page, width: width, height: height, wrap: wrap, defaultPort: defaultPort,
            isTransferring: loading != nil || download != nil, addressPlaces: addressPlaces, handlers: handlers,
            canDrawPictures: canDrawPictures)
    }

    // MARK: Keys

    /// Handles one key press: down the stack of views, from the frontmost, until one takes it.
    public mutating func handle(_ key: Key) -> [Action] {
        if key == .resize { return [] }
        if case .mouse(let event) = key { return handleMouse(event) }
        if views.last?.isLineView != true { status = nil }
        // A number being typed ends at the first key that is not a digit, whoever takes it.
        if case .character(let character) = key, character.isASCII, character.isNumber {} else {
            pageView?.typedNumber = ""
        }
        let command = keyBindings[key]
        var actions: [Action] = []
        var level = views.count - 1
        while level >= 0 {
            let response = views[level].handle(key, command: command, context: context)
            guard apply(response, from: level, into: &actions) else { return actions }
            level = min(level, views.count) - 1
        }
        if var view = pageView {
            pageView = nil  // handled alone, so the page is never copied on the way
            let response = view.handle(key, command: command, context: context(with: view.page))
            pageView = view
            guard apply(response, from: nil, into: &actions) else { return actions }
        } else if case .character(let character) = key, character.isASCII, character.isNumber {
            return actions  // digits select links; with no page there is nothing to select
        }
        if let command { actions += perform(command) }
        return actions
    }

    /// The browser's own commands: the ones no view took.
    mutating func perform(_ command: Command) -> [Action] {
        switch command {
        case .nextLink, .previousLink, .pageDown, .pageUp, .top, .bottom, .open, .nextTab, .previousTab, .copyURL: break
        case .back: return travel(back: true)
        case .forward: return travel(back: false)
        case .goTo: push(.prompt(PromptView(.goTo, label: "Go to: ")))
        case .editURL: push(.prompt(PromptView(.goTo, label: "Go to: ", text: (page?.location ?? unreached?.location)?.description ?? "")))
        case .up: return goUp()
        case .reload: return reload()
        case .find: push(.prompt(PromptView(.find, label: "Find: ", text: finding.text ?? "", offered: true)))
        case .findNext: find(forward: true)
        case .findPrevious: find(forward: false)
        case .save: askToSave(page?.location.url, what: .page)
        case .download: askToSave(nil, what: .link)
        case .bookmark: return bookmark()
        case .showBookmarks: return [.showUserPage(.bookmarks)]
        case .showHistory: return [.showUserPage(.history)]
        case .showDownloads: return showDownloads()
        case .removeEntry:
            if page?.location == .about("feeds") { return unsubscribeSelected() }
            if page?.location == UserPage.bookmarks.location { return removeSelectedBookmark() }
            return removeSelectedDownload()
        case .subscribe: return toggleSubscription()
        case .showFeeds: return showFeeds()
        case .recheckFeeds: return recheckFeeds()
        case .source: if page != nil { push(.source(SourceView())) }
        case .info:
            guard pageView != nil else { break }
            changePageView { view in
                guard view.page.lint == nil, case .menu(let menu) = view.page.content, view.page.state != .loading,
                    view.page.location.url != nil
                else { return }
                view.page.lint = menu.lint(bytesAfterTerminator: view.page.info?.bytesAfterTerminator ?? 0)
            }
            push(.pageInfo(PageInfoView()))
        case .toggleWrap:
            wrap.toggle()
            say(wrap ? "wrapping long lines" : "not wrapping long lines")
        case .cycleEncoding: return cycleEncoding()
        case .help: return open(.about("help"), title: "Help")
        case .cancel: return cancel()
        case .quit:
            // A download would be lost half-way: ask first.
            let active = downloads.filter(\.isActive)
            if let first = active.first {
                push(.question(.quitDuring(active.count == 1 ? first.fileName : "\(active.count) files")))
                return []
            }
            return [.quit]
        case .suspend: return [.suspend]
        }
        return []
    }

    /// Carries out what a view asked for. `level` is the view's place in `views` (nil for the
    /// page view). Returns whether the key goes on down the stack.
    mutating func apply(_ response: [ViewAction], from level: Int?, into actions: inout [Action]) -> Bool {
        var passes = false
        for action in response {
            switch action {
            case .pass: passes = true
            case .close: if let level { closeView(at: level) }
            case .push(let view): push(view)
            case .open(let location, let title):
                actions += markReadIfFeedItem(location)
                actions += open(location, title: title)
            case .go(let location, let title):
                actions += go(location, title: title)
            case .find(let text):
                finding.text = text
                find(forward: true, includingCurrent: true)
            case .askToSave(let url, let what): askToSave(url, what: what)
            case .download(let url, let fileName, let overwrite):
                actions += startDownload(url, fileName: fileName, overwrite: overwrite)
            case .say(let text, let isError): say(text, error: isError)
            case .emit(.drawPicture(let url)) where !canDrawPictures:
                // Without chafa: said once; from then on Enter offers to save, as for a file.
                if toldNoChafa {
                    askToSave(url, what: .link)
                } else {
                    toldNoChafa = true
                    say("chafa is not installed to draw pictures: Enter again or d saves it")
                }
            case .emit(let action): actions.append(action)
            case .describeDownload(let id): if let words = describeDownload(id) { say(words) }
            }
        }
        return passes
    }

    func context(with page: Page) -> ViewContext {
        var context = self.context
        context.page = page
        return context
    }

    mutating func say(_ text: String, error: Bool = false) {
        status = Status(text: Sanitizer.clean(text), isError: error)
    }

    /// Changes the page view in place: taken out of `pageView` first, so that its page (which
    /// may be large) is never copied on the way.
    /// A page Warren makes (downloads, feeds) made again in place: it keeps its place, and a
    /// selection whose entry is gone goes.
    mutating func replaceBuiltInPage(with fresh: Page) {
        let rows = pageRows
        changePageView { view in
            let viewport = view.page.viewport
            view.page = fresh
            view.page.viewport = viewport
            if let selected = viewport.selected, view.menu?.linkNumber(ofItemAt: selected) == nil {
                view.page.viewport.selected = nil  // the entry it was on is gone
            }
            view.selectFirstLinkIfNeeded(pageRows: rows)
        }
    }

    mutating func changePageView(_ body: (inout PageView) -> Void) {
        guard var view = pageView else { return }
        pageView = nil
        body(&view)
        pageView = view
    }

    // MARK: The stack of views

    mutating func push(_ view: View) { views.append(view) }

    /// Leaving a view: the one place a view closes.
    mutating func closeView(at level: Int) {
        guard views.indices.contains(level) else { return }
        views.remove(at: level)
    }

    /// Another page takes the screen: the views that showed the old one close with it.
    mutating func closeViewsOfThePage() {
        for level in views.indices.reversed() where views[level].showsThePage { closeView(at: level) }
    }

    /// The frontmost view that fills the screen: a source or info view, else the page view.
    var frontScreenLevel: Int? { views.lastIndex { !$0.isLineView } }
}
