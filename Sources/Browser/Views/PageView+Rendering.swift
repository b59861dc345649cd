import GopherCore

/// How the page looks: menu items with their number and type tag, document lines (wrapped or
/// cut), and the resting status bar (where the selected link leads, or where in the page).
extension PageView: ScreenView {
    func title(context: ViewContext) -> String { " " + page.location.description }

    func rows(context: ViewContext) -> [ScreenRow] {
        let count = page.lineCount
        let first = min(viewport.top, max(0, count - 1))
        let columns = context.columns
        switch page.content {
        case .menu(let menu):
            let numberWidth = max(2, String(menu.links.count).count)
            return (first..<min(count, first + context.pageRows)).map {
                menuRow(menu, index: $0, numberWidth: numberWidth, selected: $0 == viewport.selected, columns: columns)
            }
        case .document(let document):
            var rows: [ScreenRow] = []
            var index = first
            while rows.count < context.pageRows, index < document.count {
                for piece in columns.rows(of: document.line(index), wrapping: context.wrap, limit: context.pageRows - rows.count) {
                    rows.append(ScreenRow([Span(piece)]))
                }
                index += 1
            }
            return rows
        }
    }

    private func menuRow(_ menu: Menu, index: Int, numberWidth: Int, selected: Bool, columns: ColumnFitter) -> ScreenRow {
        let item = menu.item(at: index)
        let indent = String(repeating: " ", count: numberWidth + 6)
        switch item.kind {
        case .info, .plain:
            return ScreenRow([Span(columns.fit(indent + item.display), .info)])
        case .error:
            let lead = " " + String(repeating: " ", count: numberWidth) + " "
            return ScreenRow([
                Span(columns.fit(lead)), Span(columns.fit("ERR", offset: lead.count), .error),
                Span(columns.fit(" " + item.display, offset: lead.count + 3), .error),
            ])
        case .link, .invalidLink:
            let number = menu.linkNumber(ofItemAt: index).map(String.init) ?? ""
            let lead = " " + String(repeating: " ", count: max(0, numberWidth - number.count)) + number + " "
            let style: Style = selected ? .selectedLink : (item.kind == .invalidLink ? .invalidLink : .link)
            let used = lead.count + 4
            return ScreenRow(
                [
                    Span(columns.fit(lead), selected ? .selectedLink : .linkNumber),
                    Span(columns.fit(item.type.tag, offset: lead.count), selected ? .selectedLink : .tag),
                    Span(columns.fit(" " + item.display, offset: used - 1), style),
                ],
                fill: selected ? .selectedLink : .normal)
        }
    }

    /// Where the selection leads, or where in the document we are.
    func restingStatus(context: ViewContext) -> String {
        if case .incomplete(let reason) = page.state { return "page incomplete: \(reason)" }
        if let item = selectedItem, let menu, let index = viewport.selected, let number = menu.linkNumber(ofItemAt: index) {
            let position = "\(number)/\(menu.links.count)"
            if let target = builtInTarget(of: item) { return "\(position)  \(target)" }
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
