import GopherCore

/// A view opened over the page: each is a value with one job. It takes a key and returns
/// `ViewAction`s, and it renders itself; `Browser` keeps them in a stack (`views`), the page
/// view beneath them all. See ARCHITECTURE.md, "Views".
public enum View: Equatable, Sendable {
    /// `\`: the page's bytes as received, line by line.
    case source(SourceView)
    /// `=`: URL, type, size, addresses and time per stage.
    case pageInfo(PageInfoView)
    /// A line being typed: a URL, a search, a file name, text to find.
    case prompt(PromptView)
    /// A question answered with one key: replace a file?
    case question(QuestionView)
    /// A certificate to trust or not, with what the server showed.
    case certificate(CertificateView)
    /// A picture drawn in the terminal's cells.
    case image(ImageView)

    /// Line views take the bottom row only; the screen view under them stays in sight.
    var isLineView: Bool {
        switch self {
        case .prompt, .question: return true
        case .source, .pageInfo, .certificate, .image: return false
        }
    }

    /// Views that show the page (its source, its info) close when another page takes its place;
    /// line views stay, so a URL half typed survives a page arriving.
    var showsThePage: Bool { !isLineView }

    mutating func handle(_ key: Key, command: Command?, context: ViewContext) -> [ViewAction] {
        switch self {
        case .source(var view):
            defer { self = .source(view) }
            return view.handle(key, command: command, context: context)
        case .pageInfo(var view):
            defer { self = .pageInfo(view) }
            return view.handle(key, command: command, context: context)
        case .prompt(var view):
            defer { self = .prompt(view) }
            return view.handle(key, context: context)
        case .question(let view):
            return view.handle(key)
        case .certificate(let view):
            return view.handle(key)
        case .image(var view):
            defer { self = .image(view) }
            return view.handle(key, command: command, context: context)
        }
    }

    /// The view as it fills the page area, for the screen views.
    var screenView: (any ScreenView)? {
        switch self {
        case .source(let view): return view
        case .pageInfo(let view): return view
        case .certificate(let view): return view
        case .image(let view): return view
        case .prompt, .question: return nil
        }
    }

    /// The wheel: `lines` down (or up, when negative), for the views that scroll.
    mutating func scroll(by lines: Int, context: ViewContext) {
        if case .source(var view) = self {
            view.top = view.layout(context).clamp(view.top + lines)
            self = .source(view)
        } else if case .image(var view) = self {
            view.top = max(0, min(view.picture.rows.count - context.pageRows, view.top + lines))
            self = .image(view)
        } else if case .pageInfo(var view) = self {
            view.scroll(by: lines, context: context)
            self = .pageInfo(view)
        }
    }

    /// Keeps the view's place after the screen changed size.
    mutating func clamp(_ context: ViewContext) {
        if case .source(var view) = self {
            view.clamp(context)
            self = .source(view)
        } else if case .pageInfo(var view) = self {
            view.scroll(by: 0, context: context)
            self = .pageInfo(view)
        }
    }

    /// Runs `body` on the view as a searchable one, if it is; the view keeps what `body` moved.
    /// Returns false for views with nothing to search.
    mutating func withFindable(page: Page?, _ body: (inout any FindableView) -> Void) -> Bool {
        guard case .source(let view) = self else { return false }
        var target: any FindableView = FindableSource(view: view, page: page)
        body(&target)
        if let moved = target as? FindableSource { self = .source(moved.view) }
        return true
    }

    /// The bottom row, for the line views: the row and where the cursor goes.
    func lineRow(context: ViewContext) -> (ScreenRow, column: Int)? {
        switch self {
        case .prompt(let view): return view.row(context: context)
        case .question(let view): return view.row(context: context)
        case .source, .pageInfo, .certificate, .image: return nil
        }
    }
}

/// What a view asks of the browser after a key. Plain data, so tests compare it.
public enum ViewAction: Equatable, Sendable {
    /// The key is not (only) this view's: the view beneath it takes it too, and below the page
    /// view the browser's own commands.
    case pass
    /// Leave this view.
    case close
    /// Open a view on top.
    case push(View)
    /// Open this page, whatever its item type (a menu or text link, history, a search's result).
    case open(Location, title: String?)
    /// Go where an address names, as Enter on a link to it would (`o`, an address in a text):
    /// an image is drawn, a file offered for saving, a search asks for words.
    case go(Location, title: String?)
    /// Find this text in the frontmost screen view, from the current line.
    case find(String)
    /// Ask for a file name to save `url` as (the page, or a link).
    case askToSave(GopherURL?, what: SaveSubject)
    case download(GopherURL, fileName: String, overwrite: Bool)
    case say(String, isError: Bool)
    /// Say where download `id` is, or what became of it (Enter on the downloads page).
    case describeDownload(Int)
    /// An outside action, as is (copying to the clipboard).
    case emit(Action)
}

/// What `s` or `d` saves, for the words of the status bar.
public enum SaveSubject: Sendable, Equatable { case page, link }

/// What every view may look at while it handles a key or renders: the page, the screen size,
/// the settings. Views never change it; they return actions.
struct ViewContext {
    var page: Page?
    var width: Int
    var height: Int
    var wrap: Bool
    var defaultPort: UInt16
    /// A page is loading or a download runs (Esc cancels those first).
    var isTransferring = false
    /// The text of the last find, while the screen being drawn is the one it searched: the
    /// views draw its matches in the `.match` style.
    var matchText: String?
    /// Places the `o` prompt suggests from (history and bookmarks; the page's links are added).
    var addressPlaces = AddressPlaces([])
    /// The programs that open what Warren does not show (`[handlers.KIND]`).
    var handlers = HandlerTable()
    /// chafa is there to draw pictures in the terminal.
    var canDrawPictures = false

    /// Rows between the title and the status bar.
    var pageRows: Int { max(1, height - 2) }
    var columns: ColumnFitter { ColumnFitter(width: width) }
}

/// A view that fills the area between the title and the status bar: the page, its source, its
/// info.
protocol ScreenView {
    /// The title bar's text.
    func title(context: ViewContext) -> String
    /// At most `context.pageRows` rows.
    func rows(context: ViewContext) -> [ScreenRow]
    /// The status bar when nothing else is said: the position, or where the selected link leads.
    func restingStatus(context: ViewContext) -> String
}

/// A screen view whose lines `/`, `n` and `N` search.
protocol FindableView {
    var findLineCount: Int { get }
    func findLineText(_ index: Int) -> String
    /// Where a search starts when there is no earlier match on the same screen.
    var findStart: Int { get }
    /// What the screen shows, as far as finding goes (see `Browser.FindMark`).
    var findScreen: FindScreen { get }
    /// Shows the match on line `index` (and selects it, where it is a link).
    mutating func showMatch(_ index: Int, context: ViewContext)
}

/// What the screen shows, as far as finding goes. While it is unchanged since the last match,
/// `n`/`N` go on from that match rather than from the selection or the top line: neither moves
/// to a match on an info line or on the last screen, so the same match would be found again
/// and again.
struct FindScreen: Equatable, Sendable {
    var location: Location?
    var source: Bool
    var top: Int
    var selected: Int?
}
