import GopherCore

/// `/`, `n`, `N`: find text in the page, case-insensitively, from the current position.
extension Browser {
    /// The text of line `index` as searched and shown (display strings in a menu).
    func lineText(_ index: Int) -> String {
        guard let page else { return "" }
        switch page.content {
        case .menu(let menu):
            return showingSource ? Sanitizer.clean(TextDecoder.decode(menu.sourceLine(index))) : menu.item(at: index).display
        case .document(let document):
            return showingSource ? Sanitizer.clean(TextDecoder.decode(document.sourceLine(index))) : document.line(index)
        }
    }

    /// What the screen shows, as far as finding goes. While it is unchanged since the last match,
    /// `n`/`N` go on from that match rather than from the selection or the top line: neither
    /// moves to a match on an info line or on the last screen, so the same match would be found
    /// again and again.
    struct FindView: Equatable, Sendable {
        var location: Location?
        var source: Bool
        var top: Int
        var selected: Int?
    }

    var findView: FindView {
        FindView(location: page?.location, source: showingSource, top: top, selected: page?.viewport.selected)
    }

    mutating func find(forward: Bool, includingCurrent: Bool = false) {
        guard let needle = lastFind, !needle.isEmpty else {
            say("nothing to find yet (/ starts a search)")
            return
        }
        let count = visibleLineCount
        guard count > 0 else { return }
        let current: Int
        if let mark = findMark, mark.view == findView {
            current = mark.line
        } else {
            current = (!showingSource ? page?.viewport.selected : nil) ?? top
        }
        let start = includingCurrent ? current : current + (forward ? 1 : -1)
        let lowered = needle.lowercased()
        for step in 0..<count {
            let index = ((forward ? start + step : start - step) % count + count) % count
            guard lineText(index).lowercased().contains(lowered) else { continue }
            if !showingSource, case .menu(let menu)? = page?.content, menu.linkNumber(ofItemAt: index) != nil {
                page?.viewport.selected = index
            }
            if !showingSource, page?.isMenu == true { reveal(index) } else { top = index }
            findMark = (index, findView)
            let wrapped = forward ? index < start : index > start
            say("“\(needle)” on line \(index + 1)\(wrapped ? " (wrapped around)" : "")")
            return
        }
        say("“\(needle)” not found", error: true)
    }
}
