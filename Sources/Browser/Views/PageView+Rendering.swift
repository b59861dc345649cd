import GopherCore

/// How the page looks: menu items with their number and type tag, document lines (wrapped or
/// cut), and the resting status bar (where the selected link leads, or where in the page).
extension PageView: ScreenView {
    /// The URL, marked `[TLS]` when the page comes over TLS: a `gophers://` page from its first
    /// byte (it never falls back to plain text), a `gopher://` page that `--tls` upgraded once it
    /// has finished and says so.
    func title(context: ViewContext) -> String {
        (isOverTLS ? " [TLS] " : " ") + page.location.description
    }

    private var isOverTLS: Bool {
        if case .gopher(let url) = page.location, url.isSecure { return true }
        return page.info?.tls != nil
    }

    func rows(context: ViewContext) -> [ScreenRow] {
        let count = page.lineCount
        let first = min(viewport.top, max(0, count - 1))
        let columns = context.columns
        var rows: [ScreenRow] = []
        var index = first
        while rows.count < context.pageRows, index < count {
            let limit = context.pageRows - rows.count
            switch page.content {
            case .menu(let menu):
                rows += menuRows(menu, index: index, context: context, limit: limit)
            case .document(let document):
                rows += documentRows(document, index: index, context: context, limit: limit)
            }
            index += 1
        }
        return rows
    }

    /// Screen rows of menu item `index`: one, or with wrapping as many as its text needs, the
    /// continuation rows indented to where the text starts (a link's number and tag are on its
    /// first row only).
    func menuRows(_ menu: Menu, index: Int, context: ViewContext, limit: Int = .max) -> [ScreenRow] {
        let item = menu.item(at: index)
        let numberWidth = max(2, String(menu.links.count).count)
        let textColumn = numberWidth + 6
        let columns = context.columns
        let selected = index == viewport.selected
        let style: Style
        let fill: Style
        var lead: [Span]
        switch item.kind {
        case .info, .plain:
            (style, fill) = (.info, .normal)
            lead = [Span(String(repeating: " ", count: textColumn), .info)]
        case .error:
            (style, fill) = (.error, .normal)
            let gap = " " + String(repeating: " ", count: numberWidth) + " "
            lead = [Span(gap), Span("ERR", .tag(.error)), Span(" ", .error)]
        case .link, .invalidLink:
            // A `URL:gophers://…` line (a gophers:// bookmark or feed) is tagged as what it opens.
            let target = item.type == .html ? ExternalURL.target(of: item.selector).flatMap(ExternalURL.gopherTarget) : nil
            let shownType = target?.type ?? item.type
            let number = menu.linkNumber(ofItemAt: index).map(String.init) ?? ""
            let gap = " " + String(repeating: " ", count: max(0, numberWidth - number.count)) + number + " "
            style = selected ? .selectedLink : (item.kind == .invalidLink ? .invalidLink : .link)
            fill = selected ? .selectedLink : .normal
            lead = [
                Span(gap, selected ? .selectedLink : .linkNumber),
                Span(shownType.tag, selected ? .selectedLink : .tag(TagKind(shownType))),
                Span(" ", style),
            ]
        }
        let textWidth = context.width - textColumn
        guard context.wrap, textWidth >= 8 else {
            // Cut at the screen's edge, each span where it starts.
            var used = 0
            var spans: [Span] = []
            for span in lead + [Span(item.display, style)] {
                spans.append(Span(columns.fitMarkingCut(span.text, offset: used), span.style))
                used += DisplayWidth.columns(of: span.text)
            }
            let text = spans.removeLast()
            return [ScreenRow(spans + text.highlightingMatches(of: context.matchText), fill: fill)]
        }
        let pieces = ColumnFitter(width: textWidth).rows(of: item.display, wrapping: true, limit: limit)
        let indent = Span(String(repeating: " ", count: textColumn), style == .info ? .info : fill)
        return pieces.enumerated().map { number, piece in
            ScreenRow((number == 0 ? lead : [indent]) + Span(piece, style).highlightingMatches(of: context.matchText), fill: fill)
        }
    }

    /// Where the selection leads, or where in the document we are.
    func restingStatus(context: ViewContext) -> String {
        if let link = selectedTextLink, let index = viewport.selectedLink {
            return "\(index + 1)/\(page.documentLinks.count)  \(link.address)"
        }
        if case .incomplete(let reason) = page.state { return "page incomplete: \(reason)" }
        if let item = selectedItem, let menu, let index = viewport.selected, let number = menu.linkNumber(ofItemAt: index) {
            let position = "\(number)/\(menu.links.count)"
            if let target = builtInTarget(of: item) { return "\(position)  \(target)" }
            if downloadEntry(item) != nil { return "\(position)  Enter says where it is · x cancels or removes it" }
            switch item.url {
            case .success(let url)?:
                // A web or telnet link shows where it really goes, not its gopher wrapping.
                return "\(position)  \(PageView.address(of: url))"
            case .failure(let reason)?: return "\(position)  cannot follow: \(reason)"
            case nil: break
            }
        }
        return layout(context).positionText(top: viewport.top)
    }
}

/// `/`, `n`, `N` on the page: display strings in a menu, lines in a document.
extension PageView: FindableView {
    var findLineCount: Int { page.lineCount }

    func findLineText(_ index: Int) -> String {
        switch page.content {
        case .menu(let menu): return menu.item(at: index).display
        case .document(let document): return document.line(index)
        }
    }

    var findStart: Int { viewport.selected ?? viewport.top }

    var findScreen: FindScreen {
        FindScreen(location: page.location, source: false, top: viewport.top, selected: viewport.selected)
    }

    /// A match on a link selects it; a menu scrolls the least to show the match, a document
    /// puts it at the top.
    mutating func showMatch(_ index: Int, context: ViewContext) {
        let layout = layout(context)
        guard let menu else {
            viewport.top = layout.clamp(index)
            return
        }
        if menu.linkNumber(ofItemAt: index) != nil { viewport.selected = index }
        viewport.top = layout.revealing(index, from: viewport.top)
    }
}
