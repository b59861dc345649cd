import GopherCore

/// `\`: the page's lines exactly as they arrived (control characters made visible), scrolled
/// on their own; back, Esc or `\` again return to the page where it was.
public struct SourceView: Sendable, Equatable {
    /// The first source line shown.
    var top = 0

    init() {}

    func lineCount(_ page: Page?) -> Int {
        switch page?.content {
        case .menu(let menu)?: return menu.sourceLineCount
        case .document(let document)?: return document.sourceLineCount
        case nil: return 0
        }
    }

    func line(_ index: Int, of page: Page?) -> String {
        switch page?.content {
        case .menu(let menu)?: return Sanitizer.clean(TextDecoder.decode(menu.sourceLine(index), as: menu.encoding))
        case .document(let document)?:
            return Sanitizer.clean(document.decoded(document.sourceLine(index)))
        case nil: return ""
        }
    }

    func layout(_ context: ViewContext) -> LineLayout {
        guard context.wrap else { return LineLayout(count: lineCount(context.page), pageRows: context.pageRows) }
        let columns = context.columns
        let limit = context.pageRows + 1
        let page = context.page
        return LineLayout(count: lineCount(page), pageRows: context.pageRows) { [self] in
            columns.rows(of: line($0, of: page), wrapping: true, limit: limit).count
        }
    }

    mutating func handle(_ key: Key, command: Command?, context: ViewContext) -> [ViewAction] {
        // Digits select links, and the source has none: they must not reach the page hidden below.
        if case .character(let character) = key, character.isASCII, character.isNumber { return [] }
        let layout = layout(context)
        switch command {
        case .nextLink: top = layout.clamp(top + 1)
        case .previousLink: top = layout.clamp(top - 1)
        case .pageDown: top = layout.pageDown(from: top)
        case .pageUp: top = layout.pageUp(from: top)
        case .top: top = 0
        case .bottom: top = layout.maxTop
        case .back, .source: return [.close]
        // Esc stops a transfer first, if one runs; then it closes this view.
        case .cancel: return context.isTransferring ? [.pass] : [.close]
        default: return [.pass]
        }
        return []
    }

    /// Keeps the view's place after the screen changed size.
    mutating func clamp(_ context: ViewContext) { top = layout(context).clamp(top) }
}

extension SourceView: ScreenView {
    func title(context: ViewContext) -> String {
        " source of " + (context.page?.location.description ?? "")
    }

    func rows(context: ViewContext) -> [ScreenRow] {
        let count = lineCount(context.page)
        var rows: [ScreenRow] = []
        var index = min(top, max(0, count - 1))
        while rows.count < context.pageRows, index < count {
            let pieces = context.columns.rows(
                of: line(index, of: context.page), wrapping: context.wrap, limit: context.pageRows - rows.count)
            rows += pieces.map { ScreenRow(Span($0).highlightingMatches(of: context.matchText)) }
            index += 1
        }
        return rows
    }

    func restingStatus(context: ViewContext) -> String {
        if case .incomplete(let reason)? = context.page?.state { return "page incomplete: \(reason)" }
        return layout(context).positionText(top: top)
    }
}

/// A source view searches its own lines; it needs the page, so the browser lends it one.
struct FindableSource: FindableView {
    var view: SourceView
    let page: Page?

    var findLineCount: Int { view.lineCount(page) }
    func findLineText(_ index: Int) -> String { view.line(index, of: page) }
    var findStart: Int { view.top }
    var findScreen: FindScreen { FindScreen(location: page?.location, source: true, top: view.top, selected: nil) }
    mutating func showMatch(_ index: Int, context: ViewContext) { view.top = view.layout(context).clamp(index) }
}
