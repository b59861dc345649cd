import GopherCore

/// Moving through a page: links in a menu, lines in a document, pages, ends, link numbers.
extension Browser {
    /// Lines of the thing on screen: the source view's, else the page's.
    var visibleLineCount: Int {
        guard let page else { return 0 }
        if showingSource {
            switch page.content {
            case .menu(let menu): return menu.sourceLineCount
            case .document(let document): return document.sourceLineCount
            }
        }
        return page.lineCount
    }

    var top: Int {
        get { showingSource ? sourceTop : (page?.viewport.top ?? 0) }
        set {
            let clamped = max(0, min(newValue, maxTop))
            if showingSource { sourceTop = clamped } else { page?.viewport.top = clamped }
        }
    }

    /// The last useful top: the end of the page sits on the last row.
    var maxTop: Int {
        let count = visibleLineCount
        return count == 0 ? 0 : count - linesFitting(from: count - 1, forward: false)
    }

    /// How many lines from line `start`, forward or backward, fit on the screen together (at
    /// least one): `pageRows`, unless long document lines wrap onto several rows.
    func linesFitting(from start: Int, forward: Bool) -> Int {
        let count = visibleLineCount
        var rows = 0
        var lines = 0
        var index = start
        while index >= 0, index < count {
            rows += rowCount(ofLine: index)
            if rows > pageRows { break }
            lines += 1
            index += forward ? 1 : -1
        }
        return max(1, lines)
    }

    private var menu: Menu? {
        guard !showingSource, let page, case .menu(let menu) = page.content else { return nil }
        return menu
    }

    private func isVisible(_ index: Int) -> Bool { index >= top && index < top + pageRows }

    /// In a menu: the next link if it is on screen, else scroll a line towards it (so the text
    /// between links can be read). In a document: a line down.
    mutating func moveDown() {
        guard let menu else {
            top += 1
            return
        }
        let from = page?.viewport.selected.flatMap { isVisible($0) ? $0 : nil } ?? (top - 1)
        let next = menu.links.first { $0 > from }
        if let next, isVisible(next) {
            page?.viewport.selected = next
        } else if top < maxTop {
            top += 1
            if let next, isVisible(next) { page?.viewport.selected = next }
        } else if next == nil {
            say("no more links")
        }
    }

    mutating func moveUp() {
        guard let menu else {
            top -= 1
            return
        }
        let from = page?.viewport.selected.flatMap { isVisible($0) ? $0 : nil } ?? (top + pageRows)
        let previous = menu.links.last { $0 < from }
        if let previous, isVisible(previous) {
            page?.viewport.selected = previous
        } else if top > 0 {
            top -= 1
            if let previous, isVisible(previous) { page?.viewport.selected = previous }
        }
    }

    mutating func pageDown() {
        top += max(1, linesFitting(from: top, forward: true) - 1)
        reselectOnScreen(preferFirst: true)
    }

    mutating func pageUp() {
        top -= max(1, linesFitting(from: top, forward: false) - 1)
        reselectOnScreen(preferFirst: false)
    }

    mutating func goToTop() {
        top = 0
        if let menu { page?.viewport.selected = menu.links.first }
    }

    mutating func goToBottom() {
        top = maxTop
        if let menu { page?.viewport.selected = menu.links.last }
    }

    /// After paging, the selection follows onto the screen if it was left behind.
    private mutating func reselectOnScreen(preferFirst: Bool) {
        guard let menu else { return }
        if let selected = page?.viewport.selected, isVisible(selected) { return }
        let onScreen = menu.links.filter { isVisible($0) }
        if let choice = preferFirst ? onScreen.first : onScreen.last { page?.viewport.selected = choice }
    }

    /// Scrolls the least needed to show line `index`.
    mutating func reveal(_ index: Int) {
        if index < top {
            top = index
        } else if index >= top + pageRows {
            top = index - pageRows + 1
        }
    }

    /// A digit typed: selects link N (multi-digit numbers build up as they are typed).
    mutating func selectLink(typed digit: Int) -> [Action] {
        guard let menu else { return [] }
        typedNumber += String(digit)
        if let number = Int(typedNumber), number >= 1, let index = menu.links.dropFirst(number - 1).first {
            page?.viewport.selected = index
            reveal(index)
            say("link \(number) (Enter opens it)")
        } else {
            say("no link \(typedNumber)", error: true)
            typedNumber = ""
        }
        return []
    }

    /// A new menu gets its first link selected as soon as it arrives, if that link is on screen
    /// (Enter never opens a link the user cannot see; `j` reaches one further down).
    mutating func selectFirstLinkIfNeeded() {
        guard let page, page.viewport.selected == nil, case .menu(let menu) = page.content,
            let first = menu.links.first, first >= page.viewport.top, first < page.viewport.top + pageRows
        else { return }
        self.page?.viewport.selected = first
    }
}
