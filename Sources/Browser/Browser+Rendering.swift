import GopherCore

/// Turns the browser's state into a `Screen`: the title on the first row, the page, the status
/// bar (or the prompt) on the last row.
extension Browser {
    /// Takes the terminal's new size; the page keeps its place.
    public mutating func resize(width: Int, height: Int) {
        self.width = max(1, width)
        self.height = max(3, height)
        top = top  // re-clamp
    }

    public func render() -> Screen {
        var rows: [ScreenRow] = [titleRow()]
        rows += contentRows()
        while rows.count < height - 1 { rows.append(ScreenRow()) }
        let (status, cursor) = statusRow()
        rows.append(status)
        return Screen(width: width, height: height, rows: Array(rows.prefix(height)), cursor: cursor)
    }

    // MARK: Rows

    private func titleRow() -> ScreenRow {
        guard let page else { return ScreenRow([Span(fit(" Warren"), .title)], fill: .title) }
        var title = " " + page.location.description
        if showingSource { title = " source of " + page.location.description }
        if showingInfo { title = " info for " + page.location.description }
        if case .incomplete = page.state { title += "  [incomplete]" }
        return ScreenRow([Span(fit(Sanitizer.clean(title)), .title)], fill: .title)
    }

    private func contentRows() -> [ScreenRow] {
        guard let page else { return [] }
        if showingInfo { return infoLines(page).prefix(pageRows).map { ScreenRow([Span(fit($0))]) } }
        let count = visibleLineCount
        let first = min(top, max(0, count - 1))
        if showingSource {
            return (first..<min(count, first + pageRows)).map { ScreenRow([Span(fit(lineText($0)))]) }
        }
        switch page.content {
        case .menu(let menu):
            let numberWidth = max(2, String(menu.links.count).count)
            return (first..<min(count, first + pageRows)).map {
                menuRow(menu, index: $0, numberWidth: numberWidth, selected: $0 == page.viewport.selected)
            }
        case .document(let document):
            var rows: [ScreenRow] = []
            var index = first
            while rows.count < pageRows, index < document.count {
                for piece in wrapped(document.line(index), limit: pageRows - rows.count) {
                    rows.append(ScreenRow([Span(piece)]))
                }
                index += 1
            }
            return rows
        }
    }

    private func menuRow(_ menu: Menu, index: Int, numberWidth: Int, selected: Bool) -> ScreenRow {
        let item = menu.item(at: index)
        let indent = String(repeating: " ", count: numberWidth + 6)
        switch item.kind {
        case .info, .plain:
            return ScreenRow([Span(fit(indent + item.display), .info)])
        case .error:
            let lead = " " + String(repeating: " ", count: numberWidth) + " "
            return ScreenRow([Span(fit(lead)), Span(fit("ERR", offset: lead.count), .error), Span(fit(" " + item.display, offset: lead.count + 3), .error)])
        case .link, .invalidLink:
            let number = menu.linkNumber(ofItemAt: index).map(String.init) ?? ""
            let lead = " " + String(repeating: " ", count: max(0, numberWidth - number.count)) + number + " "
            let style: Style = selected ? .selectedLink : (item.kind == .invalidLink ? .invalidLink : .link)
            let used = lead.count + 4
            return ScreenRow(
                [Span(fit(lead), selected ? .selectedLink : .linkNumber),
                 Span(fit(item.type.tag, offset: lead.count), selected ? .selectedLink : .tag),
                 Span(fit(" " + item.display, offset: used - 1), style)],
                fill: selected ? .selectedLink : .normal)
        }
    }

    private func infoLines(_ page: Page) -> [String] {
        var lines = ["URL        \(page.location)", "Title      \(page.title)"]
        if case .gopher(let url) = page.location {
            lines.append("Type       \(url.type.tag) (\(url.type.printable))")
        }
        let shape: String
        switch page.content {
        case .menu(let menu): shape = "\(menu.count) items, \(menu.links.count) links"
        case .document(let document): shape = "\(document.count) lines"
        }
        lines.append("Size       \(ByteCountFormatter.string(page.byteCount)), \(shape)")
        switch page.state {
        case .loading: lines.append("State      loading")
        case .complete: lines.append("State      complete")
        case .incomplete(let reason): lines.append("State      incomplete: \(reason)")
        }
        if let info = page.info {
            lines.append("Peer       \(info.peerAddress)")
            lines.append("Local      \(info.localAddress)")
            for (stage, time) in info.timings {
                lines.append("\(stage.padding(to: 11))\(Self.milliseconds(time))")
            }
        }
        lines.append("")
        lines.append("(any key returns to the page)")
        return lines.map { Sanitizer.clean($0) }
    }

    private func statusRow() -> (ScreenRow, Screen.Position?) {
        if let prompt {
            let label = Sanitizer.clean(prompt.label)
            let labelWidth = DisplayWidth.columns(of: label)
            let before = String(prompt.text.prefix(prompt.cursor))
            var shown = prompt.value
            var cursorColumn = labelWidth + DisplayWidth.columns(of: before)
            // Keep the cursor on screen: drop characters from the front when the line is long.
            while cursorColumn >= width, !shown.isEmpty {
                let dropped = DisplayWidth.columns(of: String(shown.removeFirst()))
                cursorColumn -= dropped
            }
            let row = ScreenRow([Span(fit(label), .prompt), Span(fit(shown, offset: labelWidth), .prompt)], fill: .prompt)
            return (row, Screen.Position(row: height - 1, column: min(cursorColumn, width - 1)))
        }
        if let status {
            return (ScreenRow([Span(fit(" " + status.text), status.isError ? .statusError : .status)],
                              fill: status.isError ? .statusError : .status), nil)
        }
        var parts: [String] = []
        if let loading { parts.append(loading.progress) }
        if let download { parts.append(download.progress) }
        if parts.isEmpty { parts.append(positionText()) }
        return (ScreenRow([Span(fit(Sanitizer.clean(" " + parts.joined(separator: "  ·  "))), .status)], fill: .status), nil)
    }

    /// The resting status: where the selection leads, or where in the document we are.
    private func positionText() -> String {
        guard let page else { return "o opens a URL · ? help · q quits" }
        if case .incomplete(let reason) = page.state { return "page incomplete: \(reason)" }
        let count = visibleLineCount
        if !showingSource, let item = selectedItem, let index = page.viewport.selected,
            case .menu(let menu) = page.content, let number = menu.linkNumber(ofItemAt: index)
        {
            switch item.url {
            case .success(let url)?:
                // A web link shows where it really goes, not its gopher wrapping.
                if url.type == .html, let target = ExternalURL.target(of: url.selector) {
                    return "\(number)/\(menu.links.count)  \(target)"
                }
                return "\(number)/\(menu.links.count)  \(url)"
            case .failure(let reason)?: return "\(number)/\(menu.links.count)  cannot follow: \(reason)"
            case nil: break
            }
        }
        guard count > 0 else { return "empty page" }
        let last = min(count, top + linesFitting(from: top, forward: true))
        let percent = last * 100 / count
        return "lines \(top + 1)–\(last) of \(count) (\(percent)%)"
    }

    // MARK: Text fitting

    /// Cuts text to the columns left after `offset`.
    func fit(_ text: String, offset: Int = 0) -> String {
        String(DisplayWidth.prefix(of: text, fitting: max(0, width - offset)).text)
    }

    /// Screen rows line `index` takes: more than one only for a long document line while
    /// wrapping (counted up to one more than the screen holds).
    func rowCount(ofLine index: Int) -> Int {
        guard wrap, !showingSource, case .document(let document)? = page?.content else { return 1 }
        return wrapped(document.line(index), limit: pageRows + 1).count
    }

    /// A document line cut into screen rows (or just its first row when not wrapping), at most
    /// `limit` of them.
    private func wrapped(_ line: String, limit: Int = .max) -> [String] {
        guard wrap else { return [fit(line)] }
        var pieces: [String] = []
        var rest = Substring(line)
        repeat {
            let (piece, _) = DisplayWidth.prefix(of: String(rest), fitting: width)
            if piece.isEmpty, !rest.isEmpty {
                // A character wider than the screen: show it alone rather than loop.
                pieces.append(String(rest.prefix(1)))
                rest = rest.dropFirst()
                continue
            }
            pieces.append(String(piece))
            rest = rest.dropFirst(piece.count)
        } while !rest.isEmpty && pieces.count < limit
        return pieces
    }

    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let microseconds = seconds * 1_000_000 + attoseconds / 1_000_000_000_000
        return "\(microseconds / 1000).\(String(microseconds % 1000 / 100)) ms"
    }
}

extension String {
    func padding(to length: Int) -> String {
        count >= length ? self + " " : self + String(repeating: " ", count: length - count)
    }
}
