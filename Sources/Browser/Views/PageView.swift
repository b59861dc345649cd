import GopherCore

/// The page: a menu or a document, always at the bottom of the view stack. Its scroll position
/// and selection live in `page.viewport`, so history keeps them with the page.
public struct PageView: Sendable {
    public internal(set) var page: Page
    /// Digits typed so far: `1` then `2` selects link 12.
    var typedNumber = ""
    /// End was pressed while the page streams in: the view stays at the end as it grows, until
    /// the load ends or the user moves (like `less +F`).
    public internal(set) var followsEnd = false

    init(page: Page) { self.page = page }

    var menu: Menu? {
        if case .menu(let menu) = page.content { return menu }
        return nil
    }

    var viewport: Viewport {
        get { page.viewport }
        set { page.viewport = newValue }
    }

    func layout(_ context: ViewContext) -> LineLayout {
        guard context.wrap else { return LineLayout(count: page.lineCount, pageRows: context.pageRows) }
        let limit = context.pageRows + 1
        switch page.content {
        case .menu(let menu):
            return LineLayout(count: menu.count, pageRows: context.pageRows) { [self] in
                menuRows(menu, index: $0, context: context, limit: limit).count
            }
        case .document(let document):
            let columns = context.columns
            return LineLayout(count: document.count, pageRows: context.pageRows) { [self] in
                columns.rows(of: documentText(document, $0), wrapping: true, limit: limit).count
            }
        }
    }

    /// The selected menu item, if the page is a menu with a selection.
    public var selectedItem: MenuItem? {
        guard let menu, let index = viewport.selected, index < menu.count else { return nil }
        return menu.item(at: index)
    }

    // MARK: Keys

    mutating func handle(_ key: Key, command: Command?, context: ViewContext) -> [ViewAction] {
        if case .character(let character) = key, let digit = character.wholeNumberValue, character.isASCII {
            return selectLink(typed: digit, context: context)
        }
        let layout = layout(context)
        switch command {
        case .nextLink, .previousLink, .pageDown, .pageUp, .top: followsEnd = false
        case .bottom: followsEnd = page.state == .loading
        default: break
        }
        switch command {
        case .nextLink: return moveDown(layout)
        case .previousLink: moveUp(layout)
        case .pageDown:
            viewport.top = layout.pageDown(from: viewport.top)
            reselectOnScreen(layout, preferFirst: true)
        case .pageUp:
            viewport.top = layout.pageUp(from: viewport.top)
            reselectOnScreen(layout, preferFirst: false)
        case .top:
            viewport.top = 0
            viewport.selected = nil
            reselectOnScreen(layout, preferFirst: true)
        case .bottom:
            viewport.top = layout.maxTop
            viewport.selected = nil
            reselectOnScreen(layout, preferFirst: false)
        case .open:
            if case .document = page.content { return openTextLink(layout, handlers: context.handlers) }
            return openSelection(layout, handlers: context.handlers, canDrawPictures: context.canDrawPictures)
        case .nextTab:
            if case .document = page.content { return stepTextLink(forward: true, context: context) }
            return moveDown(layout)
        case .previousTab:
            if case .document = page.content { return stepTextLink(forward: false, context: context) }
            moveUp(layout)
        case .download:
            return [.askToSave(selectedItem.flatMap { $0.url.flatMap { try? $0.get() } }, what: .link)]
        case .copyURL: return copyURL()
        default: return [.pass]
        }
        return []
    }

    /// While `followsEnd`: back to the end, as more of the page has come.
    mutating func followEnd(context: ViewContext) {
        guard followsEnd else { return }
        let layout = layout(context)
        guard viewport.top != layout.maxTop else { return }
        viewport.top = layout.maxTop
        viewport.selected = nil
        reselectOnScreen(layout, preferFirst: false)
    }

    /// The wheel: the page scrolls `lines`; the selection stays in sight or goes.
    mutating func scroll(by lines: Int, context: ViewContext) {
        followsEnd = false
        let layout = layout(context)
        viewport.top = layout.clamp(viewport.top + lines)
        reselectOnScreen(layout, preferFirst: lines > 0)
    }

    /// A press on page row `row` (0 is the first row under the title) at `column`: a link
    /// there (a menu's on its whole row, a document's address where it is drawn) is selected;
    /// pressed again, it opens.
    mutating func press(row: Int, column: Int, context: ViewContext) -> [ViewAction] {
        if let position = textLink(atRow: row, column: column, context: context) {
            return pressTextLink(position, context: context)
        }
        guard let menu, let index = line(atRow: row, context: context), menu.linkNumber(ofItemAt: index) != nil else {
            return []
        }
        followsEnd = false
        if viewport.selected == index {
            return openSelection(layout(context), handlers: context.handlers, canDrawPictures: context.canDrawPictures)
        }
        viewport.selected = index
        return []
    }

    /// The line shown on page row `row`, counting the rows wrapped lines take.
    func line(atRow row: Int, context: ViewContext) -> Int? { lineAndRowWithin(atRow: row, context: context)?.line }

    /// The line shown on page row `row`, and which of its rows that is.
    func lineAndRowWithin(atRow row: Int, context: ViewContext) -> (line: Int, row: Int)? {
        let layout = layout(context)
        var rowsAbove = 0
        var index = viewport.top
        while index < layout.count, rowsAbove <= row {
            let rows = layout.rowsOfLine(index)
            if row < rowsAbove + rows { return (index, row - rowsAbove) }
            rowsAbove += rows
            index += 1
        }
        return nil
    }

    /// Keeps the page's place after the screen changed size (from `old`): the top line stays,
    /// unless a selected link that was in sight would now be below the screen, when the page
    /// scrolls just enough to keep it in sight.
    mutating func resize(from old: ViewContext, to context: ViewContext) {
        let wasInSight = viewport.selected.map { layout(old).isVisible($0, top: viewport.top) } ?? false
        let newLayout = layout(context)
        viewport.top = newLayout.clamp(viewport.top)
        if wasInSight, let selected = viewport.selected {
            viewport.top = newLayout.revealing(selected, from: viewport.top)
        }
    }

    /// In a menu: the next link if it is on screen, else scroll a line towards it (so the text
    /// between links can be read). In a document: a line down.
    private mutating func moveDown(_ layout: LineLayout) -> [ViewAction] {
        guard let menu else {
            viewport.top = layout.clamp(viewport.top + 1)
            return []
        }
        let top = viewport.top
        let from = viewport.selected.flatMap { layout.isVisible($0, top: top) ? $0 : nil } ?? (top - 1)
        let next = menu.links.first { $0 > from }
        if let next, layout.isVisible(next, top: top) {
            viewport.selected = next
        } else if top < layout.maxTop {
            viewport.top = top + 1
            if let next, layout.isVisible(next, top: top + 1) { viewport.selected = next }
            reselectOnScreen(layout, preferFirst: true)
        } else if next == nil {
            return [.say("no more links", isError: false)]
        }
        return []
    }

    private mutating func moveUp(_ layout: LineLayout) {
        guard let menu else {
            viewport.top = layout.clamp(viewport.top - 1)
            return
        }
        let top = viewport.top
        let from = viewport.selected.flatMap { layout.isVisible($0, top: top) ? $0 : nil } ?? (top + layout.pageRows)
        let previous = menu.links.last { $0 < from }
        if let previous, layout.isVisible(previous, top: top) {
            viewport.selected = previous
        } else if top > 0 {
            viewport.top = top - 1
            if let previous, layout.isVisible(previous, top: top - 1) { viewport.selected = previous }
            reselectOnScreen(layout, preferFirst: false)
        }
    }

    /// After scrolling, the selection follows onto the screen if it was left behind, or goes
    /// when no link is in sight: Enter never opens a link the user cannot see.
    private mutating func reselectOnScreen(_ layout: LineLayout, preferFirst: Bool) {
        guard let menu else { return }
        let top = viewport.top
        if let selected = viewport.selected, layout.isVisible(selected, top: top) { return }
        let onScreen = linksOnScreen(menu, layout)
        viewport.selected = preferFirst ? onScreen.first : onScreen.last
    }

    /// The links between the top line and the last one on screen (binary search: a menu may
    /// hold 100,000 links).
    private func linksOnScreen(_ menu: Menu, _ layout: LineLayout) -> ArraySlice<Int> {
        let top = viewport.top
        let end = top + layout.linesFitting(from: top, forward: true)
        let first = menu.links.partitioningIndex { $0 >= top }
        let last = menu.links.partitioningIndex { $0 >= end }
        return menu.links[first..<last]
    }

    /// A digit typed: selects link N (multi-digit numbers build up as they are typed).
    private mutating func selectLink(typed digit: Int, context: ViewContext) -> [ViewAction] {
        guard let menu else { return selectTextLink(typed: digit, context: context) }
        typedNumber += String(digit)
        guard let number = Int(typedNumber), number >= 1, let index = menu.links.dropFirst(number - 1).first else {
            defer { typedNumber = "" }
            return [.say("no link \(typedNumber)", isError: true)]
        }
        viewport.selected = index
        viewport.top = layout(context).revealing(index, from: viewport.top)
        return [.say("link \(number) (Enter opens it)", isError: false)]
    }

    /// A new menu gets its first link selected as soon as it arrives, if that link is on screen
    /// (Enter never opens a link the user cannot see; `j` reaches one further down).
    mutating func selectFirstLinkIfNeeded(pageRows: Int) {
        guard viewport.selected == nil, let menu, let first = menu.links.first,
            first >= viewport.top, first < viewport.top + pageRows
        else { return }
        viewport.selected = first
    }

    // MARK: Following links

    /// Where a link on one of Warren's own pages leads when its host is `warren` and its selector
    /// `about:NAME`: that built-in page. (Only Warren's pages link this way; on a server's menu,
    /// or in bookmarks and history, such a link is an ordinary selector.)
    func builtInTarget(of item: MenuItem) -> Location? {
        guard case .about = page.location, item.kind == .link, item.host == Self.builtInHost,
            item.selector.starts(with: Array("about:".utf8)),
            let location = try? Location(parsing: String(decoding: item.selector, as: UTF8.self))
        else { return nil }
        return location
    }

    /// The download an entry of `about:downloads` stands for (only there).
    func downloadEntry(_ item: MenuItem) -> Int? {
        guard page.location == .about("downloads") else { return nil }
        return Browser.downloadID(of: item)
    }

    /// The host Warren's own pages name in links to each other.
    static let builtInHost = "warren"

    /// Enter on the selection: Warren opens what it shows; a program the user set in
    /// `[handlers.KIND]` opens the rest (a file is downloaded for it first); without one, a file
    /// is offered for saving and an address is shown, with a word on how to set one.
    private func openSelection(_ layout: LineLayout, handlers: HandlerTable, canDrawPictures: Bool) -> [ViewAction] {
        guard let item = selectedItem, let index = viewport.selected, layout.isVisible(index, top: viewport.top) else {
            return []
        }
        if let target = builtInTarget(of: item) { return [.open(target, title: item.display)] }
        if let id = downloadEntry(item) { return [.describeDownload(id)] }
        switch item.url {
        case .none:
            return []
        case .failure(let reason)?:
            return [.say("cannot follow: \(reason)", isError: true)]
        case .success(let url)?:
            return Self.follow(url, title: item.display, handlers: handlers, canDrawPictures: canDrawPictures)
        }
    }

    /// What following a gopher URL does, by its item type, wherever the URL came from (Enter on
    /// a link, `o`, `warren URL`, an address in a text): a menu or a text opens here; a search
    /// asks for its words unless the URL carries them; a file goes to its handler, is drawn, or
    /// is offered for saving; a `URL:` link goes where it names; a telnet item to its handler.
    static func follow(_ url: GopherURL, title: String?, handlers: HandlerTable, canDrawPictures: Bool) -> [ViewAction] {
        switch url.type.handling {
        case .menu, .text, .unknown, .notALink:
            return [.open(.gopher(url), title: title)]
        case .search:
            guard url.search == nil else { return [.open(.gopher(url), title: title)] }
            let name = String(DisplayWidth.prefix(of: title ?? url.description, fitting: 30).text)
            // A search named as one ("Search", "Veronica-2 search") is not called "Search" twice.
            let words = name.lowercased().split(whereSeparator: { !$0.isLetter })
            let label = (words.contains("search") ? name : "Search \(name)") + ": "
            return [.push(.prompt(PromptView(.search(url), label: label)))]
        case .download:
            if let request = handlers.request(for: url, drawsPictures: canDrawPictures) { return [.emit(.runHandler(request))] }
            if HandlerKind.of(url) == .image { return [.emit(.drawPicture(url))] }
            return [.askToSave(url, what: .link)]
        case .externalURL:
            if let target = ExternalURL.target(of: url.selector) {
                // A URL: link to gopherspace (a gophers:// bookmark among them) opens here.
                if let gopher = ExternalURL.gopherTarget(target) { return [.open(.gopher(gopher), title: title)] }
                if let request = handlers.request(for: url) { return [.emit(.runHandler(request))] }
                return [.say("URL: \(target) (y copies; set [handlers.web] to open)", isError: false)]
            }
            return [.open(.gopher(url), title: title)]
        case .session:
            if let request = handlers.request(for: url) { return [.emit(.runHandler(request))] }
            let address = url.sessionAddress ?? url.endpoint
            let kind = url.type.byte == UInt8(ascii: "T") ? "tn3270" : "telnet"
            return [.say("\(address) (y copies; set [handlers.\(kind)] to open)", isError: false)]
        }
    }

    /// Where a link really leads, in the words a user pastes elsewhere: a web link's address, a
    /// telnet item's `telnet://user@host:port`, else its gopher URL.
    static func address(of url: GopherURL) -> String {
        if url.type == .html, let target = ExternalURL.target(of: url.selector) { return target }
        return url.sessionAddress ?? url.description
    }

    /// `y`: the selected link's URL (a web link's real target), else the page's.
    private func copyURL() -> [ViewAction] {
        let text: String
        if let link = selectedTextLink {
            text = link.address
        } else if let item = selectedItem, let target = builtInTarget(of: item) {
            text = target.description
        } else if let item = selectedItem, case .success(let url)? = item.url {
            text = Self.address(of: url)
        } else if let item = selectedItem, case .failure(let reason)? = item.url {
            // Never the page's URL in its place: that would paste somewhere the link does not go.
            return [.say("cannot copy: \(reason)", isError: true)]
        } else {
            text = page.location.description
        }
        let clean = Sanitizer.clean(text)
        return [.say("copied \(clean)", isError: false), .emit(.copy(clean))]
    }
}

extension Array where Element == Int {
    /// The first index whose element satisfies `belongs`, for a sorted array and a predicate
    /// that is false and then true.
    func partitioningIndex(where belongs: (Int) -> Bool) -> Int {
        var low = 0
        var high = count
        while low < high {
            let middle = (low + high) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
