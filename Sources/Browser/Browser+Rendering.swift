import GopherCore

/// Puts the screen together: the title on the first row, the frontmost screen view between,
/// and on the last row the frontmost line view, else the status bar. Each view renders its
/// own part; this only stacks them.
extension Browser {
    public func render() -> Screen {
        var context = self.context
        context.matchText = matchesToDraw
        let columns = context.columns
        let screen = frontScreenLevel.flatMap { views[$0].screenView } ?? pageView
        var rows: [ScreenRow]
        // A screen view may stand without a page: the certificate question of a first load.
        if let screen {
            var title = screen.title(context: context)
            if case .incomplete? = page?.state { title += "  [incomplete]" }
            rows = [ScreenRow([Span(columns.fitMarkingCut(Sanitizer.clean(title)), .title)], fill: .title)]
            rows += screen.rows(context: context).prefix(context.pageRows)
        } else {
            let retry = keyed(.reload, "tries again").map { ": " + $0 } ?? ""
            let title = unreached.map { " \($0.location)  [not reached\(retry)]" } ?? " Warren"
            rows = [ScreenRow([Span(columns.fitMarkingCut(Sanitizer.clean(title)), .title)], fill: .title)]
            if unreached != nil { rows += unreachedRows(columns) }
        }
        while rows.count < height - 1 { rows.append(ScreenRow()) }
        if case .prompt(let prompt)? = views.last {
            // The `o` prompt's suggestions, just above it, over the page's last rows.
            let offered = prompt.suggestions(context: context).prefix(max(0, height - 2))
            for (number, entry) in offered.enumerated() {
                let style: Style = number == prompt.chosen ? .selectedLink : .info
                let named = entry.title.isEmpty || entry.title == entry.address ? "" : entry.title + "  "
                let text = Sanitizer.clean(" " + named + entry.address)
                rows[height - 1 - offered.count + number] = ScreenRow([Span(columns.fitMarkingCut(text), style)], fill: style)
            }
        }
        var cursor: Screen.Position?
        if let (row, column) = views.last?.lineRow(context: context) {
            rows.append(row)
            cursor = Screen.Position(row: height - 1, column: column)
        } else {
            // Page info keeps the status of what it covers (the source, or the page), unless it
            // is taller than the screen: then it says where in it we are.
            let resting: String?
            if case .pageInfo(let info)? = views.last(where: { !$0.isLineView }), let scrolling = info.scrollStatus(context: context) {
                resting = scrolling
            } else {
                let covered = views.last { view in
                    if case .pageInfo = view { return false }
                    return !view.isLineView
                }?.screenView ?? pageView
                resting = covered?.restingStatus(context: context)
            }
            rows.append(statusRow(resting: resting, columns: columns))
        }
        return Screen(width: width, height: height, rows: Array(rows.prefix(height)), cursor: cursor)
    }

    /// The text of the last find, while the screen in front is the one it searched (the page,
    /// or the page's source).
    private var matchesToDraw: String? {
        guard let needle = finding.text, !needle.isEmpty, let mark = finding.mark, let page,
            mark.screen.location == page.location
        else { return nil }
        switch frontScreenLevel.map({ views[$0] }) {
        case nil: return mark.screen.source ? nil : needle
        case .source?: return mark.screen.source ? needle : nil
        default: return nil
        }
    }

    /// Where the page would be, for a place not reached: why, and what to do. The reason stays
    /// on screen after the status bar has moved on.
    private func unreachedRows(_ columns: ColumnFitter) -> [ScreenRow] {
        let choices = [
            keyed(.reload, "tries again"), keyed(.editURL, "edits the address"),
            history.back.isEmpty ? nil : keyed(.back, "goes back"), keyed(.goTo, "opens another"),
        ].compactMap { $0 }
        let lines = ["", "  This page could not be reached:", "", "  " + unreachedReason, "", "  " + choices.joined(separator: " · ")]
        return lines.flatMap { columns.rows(of: Sanitizer.clean($0), wrapping: true) }.prefix(pageRows).map { columns.row($0) }
    }

    /// What was just said, else the transfers' progress, else the screen view's resting words.
    private func statusRow(resting: String?, columns: ColumnFitter) -> ScreenRow {
        if let status {
            let style: Style = status.isError ? .statusError : .status
            return ScreenRow([Span(columns.fitMarkingCut(" " + status.text), style)], fill: style)
        }
        var parts: [String] = []
        if let loading { parts.append(loading.progress) }
        if let fileFetch { parts.append(fileFetch.progress) }
        let active = downloads.filter(\.isActive)
        if let newest = active.last(where: { $0.state == .running }) ?? active.last {
            parts.append("↓ \(active.count)  \(newest.progress)")
        }
        if parts.isEmpty {
            parts.append(resting ?? [keyed(.goTo, "opens a URL"), keyed(.help, "help"), keyed(.quit, "quits")].compactMap { $0 }.joined(separator: " · "))
        }
        return ScreenRow([Span(columns.fitMarkingCut(Sanitizer.clean(" " + parts.joined(separator: "  ·  "))), .status)], fill: .status)
    }
}
