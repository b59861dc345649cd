/// The scrolling arithmetic every view of lines shares (the page, the source view): how many
/// lines fit on the screen from a given line, the last useful top line, where paging lands.
struct LineLayout {
    /// Lines in the view.
    let count: Int
    /// Rows between the title and the status bar.
    let pageRows: Int
    /// Screen rows line `index` takes: more than one only for a long document line while
    /// wrapping (counted up to one more than the screen holds).
    let rowsOfLine: (Int) -> Int

    /// A layout where every line takes one row.
    init(count: Int, pageRows: Int, rowsOfLine: @escaping (Int) -> Int = { _ in 1 }) {
        self.count = count
        self.pageRows = pageRows
        self.rowsOfLine = rowsOfLine
    }

    /// How many lines from line `start`, forward or backward, fit on the screen together (at
    /// least one).
    func linesFitting(from start: Int, forward: Bool) -> Int {
        var rows = 0
        var lines = 0
        var index = start
        while index >= 0, index < count {
            rows += rowsOfLine(index)
            if rows > pageRows { break }
            lines += 1
            index += forward ? 1 : -1
        }
        return max(1, lines)
    }

    /// The last useful top: the end of the view sits on the last row.
    var maxTop: Int { count == 0 ? 0 : count - linesFitting(from: count - 1, forward: false) }

    func clamp(_ top: Int) -> Int { max(0, min(top, maxTop)) }

    /// Whether line `index` is wholly on screen when `top` is the first line shown.
    func isVisible(_ index: Int, top: Int) -> Bool {
        index >= top && index < top + linesFitting(from: top, forward: true)
    }

    /// The top after a page down: the last line shown stays on screen, as the first one.
    func pageDown(from top: Int) -> Int { clamp(top + max(1, linesFitting(from: top, forward: true) - 1)) }

    func pageUp(from top: Int) -> Int { clamp(top - max(1, linesFitting(from: top, forward: false) - 1)) }

    /// The top that shows line `index` with the least scrolling.
    func revealing(_ index: Int, from top: Int) -> Int {
        if index < top { return clamp(index) }
        if !isVisible(index, top: top) { return clamp(index - linesFitting(from: index, forward: false) + 1) }
        return top
    }

    /// `lines 1–22 of 100 (22%)`, or `empty page`.
    func positionText(top: Int) -> String {
        guard count > 0 else { return "empty page" }
        let last = min(count, top + linesFitting(from: top, forward: true))
        return "lines \(top + 1)–\(last) of \(count) (\(last * 100 / count)%)"
    }
}
