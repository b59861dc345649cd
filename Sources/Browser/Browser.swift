import GopherCore

/// What the browser asks the outside world to do. The app carries these out and reports back
/// through the `load…`, `download…` and `show…` methods.
public enum Action: Equatable, Sendable {
    case fetch(id: Int, url: GopherURL)
    case cancel(id: Int)
    /// Save `url` as `fileName` in the download folder.
    case download(id: Int, url: GopherURL, fileName: String, overwrite: Bool)
    case showBookmarks
    case showHistory
    case addBookmark(url: GopherURL, title: String)
    case recordVisit(GopherURL)
    case copy(String)
    case suspend
    case quit
}

/// The whole browser as a pure state machine: keys and load events in, actions out; `render`
/// turns the state into a `Screen`. No terminal, socket or file here.
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
        }

        public var id: Int
        public var location: Location
        public var title: String
        public var purpose: Purpose
        public var progress: String
        /// Set once the first bytes have arrived and the page is on screen.
        public var started = false
    }

    public struct Download: Sendable, Equatable {
        public var id: Int
        public var url: GopherURL
        public var fileName: String
        public var progress: String
    }

    public struct Status: Sendable, Equatable {
        public var text: String
        public var isError: Bool
    }

    public internal(set) var page: Page?
    public internal(set) var history = History()
    public internal(set) var loading: Loading?
    public internal(set) var download: Download?
    public internal(set) var prompt: Prompt?
    public internal(set) var status: Status?
    public internal(set) var wrap = true
    public internal(set) var showingSource = false
    public internal(set) var showingInfo = false
    var sourceTop = 0
    var lastFind: String?
    /// Where the last find matched and what the screen showed then (see `FindView`).
    var findMark: (line: Int, view: FindView)?
    var typedNumber = ""
    var nextID = 1
    /// The size of the last render, for paging.
    public var width = 80
    public var height = 24
    public let defaultPort: UInt16

    /// The key table in force: `KeyMap.bindings` with the user's changes from config.toml.
    public let keyBindings: [Key: Command]

    public init(
        defaultPort: UInt16 = GopherURL.standardPort, historyCacheLimit: Int = 64 << 20,
        keyBindings: [Key: Command] = KeyMap.bindings
    ) {
        self.defaultPort = defaultPort
        self.keyBindings = keyBindings
        history = History(cacheLimit: historyCacheLimit)
    }

    /// Rows between the title and the status bar.
    var pageRows: Int { max(1, height - 2) }

    // MARK: Keys

    /// Handles one key press.
    public mutating func handle(_ key: Key) -> [Action] {
        if key == .resize { return [] }
        if prompt != nil { return handlePromptKey(key) }
        status = nil
        if showingInfo {
            showingInfo = false
            if key == .escape || key == .character("=") || keyBindings[key] == .back { return [] }
        }
        if case .character(let character) = key, let digit = character.wholeNumberValue, character.isASCII {
            return selectLink(typed: digit)
        }
        typedNumber = ""
        guard let command = keyBindings[key] else { return [] }
        return perform(command)
    }

    mutating func perform(_ command: Command) -> [Action] {
        switch command {
        case .nextLink: moveDown()
        case .previousLink: moveUp()
        case .pageDown: pageDown()
        case .pageUp: pageUp()
        case .top: goToTop()
        case .bottom: goToBottom()
        case .open: return openSelection()
        case .back: return goBack()
        case .forward: return goForward()
        case .goTo: prompt = Prompt(.goTo, label: "Go to: ")
        case .editURL: prompt = Prompt(.goTo, label: "Go to: ", text: page?.location.description ?? "")
        case .up: return goUp()
        case .reload: return reload()
        case .find: prompt = Prompt(.find, label: "Find: ", text: lastFind ?? "")
        case .findNext: find(forward: true)
        case .findPrevious: find(forward: false)
        case .save: askToSave(page?.location.url, what: "page")
        case .download: askToSave(selectedItem.flatMap { $0.url.flatMap { try? $0.get() } }, what: "link")
        case .bookmark: return bookmark()
        case .showBookmarks: return [.showBookmarks]
        case .showHistory: return [.showHistory]
        case .source: toggleSource()
        case .info: showingInfo = page != nil
        case .copyURL: return copyURL()
        case .toggleWrap:
            wrap.toggle()
            say(wrap ? "wrapping long lines" : "not wrapping long lines")
        case .help: return open(.about("help"), title: "Help")
        case .cancel: return cancel()
        case .quit: return [.quit]
        case .suspend: return [.suspend]
        }
        return []
    }

    mutating func say(_ text: String, error: Bool = false) {
        status = Status(text: Sanitizer.clean(text), isError: error)
    }

    // MARK: Prompts

    private mutating func handlePromptKey(_ key: Key) -> [Action] {
        guard var current = prompt else { return [] }
        if case .confirmOverwrite(let url, let fileName) = current.purpose {
            prompt = nil
            if key == .character("y") || key == .character("Y") {
                return startDownload(url, fileName: fileName, overwrite: true)
            }
            say("not saved: \(fileName) exists")
            return []
        }
        let outcome = current.handle(key)
        prompt = current
        switch outcome {
        case .editing:
            return []
        case .cancelled:
            prompt = nil
            return []
        case .submitted(let text):
            prompt = nil
            return submit(current.purpose, text)
        }
    }

    private mutating func submit(_ purpose: Prompt.Purpose, _ text: String) -> [Action] {
        switch purpose {
        case .goTo:
            guard !text.isEmpty else { return [] }
            do {
                return open(try Location(parsing: text, defaultPort: defaultPort), title: nil)
            } catch {
                say("\(error)", error: true)
                return []
            }
        case .find:
            guard !text.isEmpty else { return [] }
            lastFind = text
            find(forward: true, includingCurrent: true)
            return []
        case .search(var url):
            url.search = Array(text.utf8)
            return open(.gopher(url), title: "Search: \(text)")
        case .saveAs(let url):
            let name = text.trimmingCharacters(in: " ")
            guard !name.isEmpty else { return [] }
            guard SafeFileName.isSafe(name) else {
                say("not a file name for the download folder: \(name)", error: true)
                return []
            }
            return startDownload(url, fileName: name, overwrite: false)
        case .confirmOverwrite:
            return []
        }
    }

    // MARK: Opening

    /// The selected menu item, if the page is a menu with a selection.
    public var selectedItem: MenuItem? {
        guard let page, case .menu(let menu) = page.content, let index = page.viewport.selected,
            index < menu.count
        else { return nil }
        return menu.item(at: index)
    }

    private mutating func openSelection() -> [Action] {
        guard let item = selectedItem else { return [] }
        switch item.url {
        case .none:
            return []
        case .failure(let reason)?:
            say("cannot follow: \(reason)", error: true)
            return []
        case .success(let url)?:
            switch url.type.handling {
            case .menu, .text, .unknown:
                return open(.gopher(url), title: item.display)
            case .search:
                prompt = Prompt(.search(url), label: "Search \(DisplayWidth.prefix(of: item.display, fitting: 30).text): ")
            case .download:
                askToSave(url, what: "link")
            case .externalURL:
                if let target = ExternalURL.target(of: url.selector) {
                    say("URL: \(target) (y copies it)")
                } else {
                    return open(.gopher(url), title: item.display)
                }
            case .session:
                say("\(url.type.tag) session at \(url.endpoint); Warren does not open sessions")
            case .notALink:
                break
            }
        }
        return []
    }

    /// Starts loading `location`; built-in pages open at once.
    public mutating func open(_ location: Location, title: String?) -> [Action] {
        var actions = cancelLoading()
        switch location {
        case .about(let name):
            guard let bytes = BuiltInPages.page(named: name) else {
                say("no such page: about:\(name)", error: true)
                return actions
            }
            show(Page.menu(location, title: title ?? location.description, bytes: bytes))
        case .gopher(let url):
            actions.append(startLoading(location, title: title ?? location.description, purpose: .navigate, url: url))
        }
        return actions
    }

    private mutating func startLoading(_ location: Location, title: String, purpose: Loading.Purpose, url: GopherURL) -> Action {
        let id = nextID
        nextID += 1
        loading = Loading(id: id, location: location, title: title, purpose: purpose, progress: "loading \(location)…")
        return .fetch(id: id, url: url)
    }

    private mutating func cancelLoading() -> [Action] {
        guard let current = loading else { return [] }
        loading = nil
        if current.started, page?.state == .loading { page?.state = .incomplete("cancelled") }
        return [.cancel(id: current.id)]
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
        }
        page = newPage
        leaveOverlays()
        selectFirstLinkIfNeeded()
        return actions
    }

    private mutating func leaveOverlays() {
        showingSource = false
        showingInfo = false
        sourceTop = 0
    }

    private mutating func goBack() -> [Action] {
        if showingSource {
            showingSource = false
            return []
        }
        return travel(back: true)
    }

    private mutating func goForward() -> [Action] { travel(back: false) }

    /// One step through history: instant from the cache, else fetched again (the history moves
    /// when the page arrives, with its viewport restored).
    private mutating func travel(back: Bool) -> [Action] {
        guard let entry = back ? history.back.last : history.forward.last else {
            say("no page to go \(back ? "back" : "forward") to")
            return []
        }
        var actions = cancelLoading()
        if let cached = cachedPage(of: entry) {
            let restored = back ? history.goBack(from: page)! : history.goForward(from: page)!
            page = cached
            page?.viewport = restored.viewport
            leaveOverlays()
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
        guard case .about(let name) = entry.location, let bytes = BuiltInPages.page(named: name) else { return nil }
        return Page.menu(entry.location, title: entry.title, bytes: bytes)
    }

    private mutating func goUp() -> [Action] {
        guard let url = page?.location.url else { return [] }
        guard let parent = url.parent else {
            say("already at the top of \(url.endpoint)")
            return []
        }
        return open(.gopher(parent), title: nil)
    }

    private mutating func reload() -> [Action] {
        guard let page else { return [] }
        switch page.location {
        case .gopher(let url):
            var actions = cancelLoading()
            actions.append(startLoading(page.location, title: page.title, purpose: .reload(page.viewport), url: url))
            return actions
        case .about(let name):
            switch name {
            case "bookmarks": return [.showBookmarks]
            case "history": return [.showHistory]
            default: return []
            }
        }
    }

    private mutating func cancel() -> [Action] {
        if loading != nil {
            let actions = cancelLoading()
            say("cancelled")
            return actions
        }
        if let current = download {
            download = nil
            say("download of \(current.fileName) cancelled")
            return [.cancel(id: current.id)]
        }
        if showingSource {
            showingSource = false
            return []
        }
        say("nothing to cancel (q quits)")
        return []
    }

    // MARK: Saving, bookmarks, copying

    private mutating func askToSave(_ url: GopherURL?, what: String) {
        guard let url else {
            say(what == "page" ? "only gopher pages can be saved" : "no link selected")
            return
        }
        if download != nil {
            say("a download is already running (Esc cancels it)", error: true)
            return
        }
        prompt = Prompt(.saveAs(url), label: "Save as: ", text: SafeFileName.suggested(forSelector: url.selector, type: url.type))
    }

    private mutating func startDownload(_ url: GopherURL, fileName: String, overwrite: Bool) -> [Action] {
        let id = nextID
        nextID += 1
        download = Download(id: id, url: url, fileName: fileName, progress: "saving \(fileName)…")
        return [.download(id: id, url: url, fileName: fileName, overwrite: overwrite)]
    }

    private mutating func bookmark() -> [Action] {
        guard let page, let url = page.location.url else {
            say("only gopher pages can be bookmarked")
            return []
        }
        say("bookmarked \(page.title)")
        return [.addBookmark(url: url, title: page.title)]
    }

    private mutating func copyURL() -> [Action] {
        let text: String
        if let item = selectedItem, case .success(let url)? = item.url {
            text = url.type == .html ? (ExternalURL.target(of: url.selector) ?? url.description) : url.description
        } else if let page {
            text = page.location.description
        } else {
            return []
        }
        let clean = Sanitizer.clean(text)
        say("copied \(clean)")
        return [.copy(clean)]
    }

    private mutating func toggleSource() {
        guard page != nil else { return }
        showingSource.toggle()
        sourceTop = 0
    }
}
