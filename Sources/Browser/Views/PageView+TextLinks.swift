import GopherCore

/// Addresses in a document, followed like a menu's links: numbered in reading order (`[3]`
/// before each), `Tab`/`Shift-Tab` select the next and previous, digits select link N, Enter
/// opens the selected one. `j`/`k` still scroll a line at a time.
extension PageView {
    var selectedTextLink: DocumentLink? {
        guard case .document = page.content, let index = viewport.selectedLink, page.documentLinks.indices.contains(index)
        else { return nil }
        return page.documentLinks[index]
    }

    /// A document line as shown: each address with its number just before it.
    func documentText(_ document: TextDocument, _ index: Int) -> String {
        markedLine(document, index).text
    }

    /// The line with its `[N]` markers, the style of each of its characters (nil: plain text)
    /// and the link each belongs to (nil: none), worked out from where the addresses are,
    /// never by looking for their text.
    private func markedLine(_ document: TextDocument, _ index: Int) -> (text: String, styles: [Style?], owners: [Int?]) {
        let links = page.documentLinks(onLine: index)
        let line = document.line(index)
        guard !links.isEmpty else { return (line, [], []) }
        let original = Array(line)
        var characters: [Character] = []
        var styles: [Style?] = []
        var owners: [Int?] = []
        characters.reserveCapacity(original.count + links.count * 4)
        var consumed = 0
        for position in links.indices {
            let link = links[position]
            guard link.start >= consumed, link.start + link.length <= original.count else { continue }
            characters += original[consumed..<link.start]
            styles += Array(repeating: nil, count: link.start - consumed)
            owners += Array(repeating: nil, count: link.start - consumed)
            let selected = position == viewport.selectedLink
            let marker = Array("[\(position + 1)]")
            characters += marker
            styles += Array(repeating: selected ? Style.selectedLink : .linkNumber, count: marker.count)
            characters += original[link.start..<(link.start + link.length)]
            styles += Array(repeating: selected ? Style.selectedLink : .link, count: link.length)
            owners += Array(repeating: position, count: marker.count + link.length)
            consumed = link.start + link.length
        }
        characters += original[consumed...]
        styles += Array(repeating: nil, count: original.count - consumed)
        owners += Array(repeating: nil, count: original.count - consumed)
        return (String(characters), styles, owners)
    }

    /// Where in `characters` each wrapped row begins (a wrap drops the space it breaks at).
    private static func rowStarts(of characters: [Character], rows pieces: [String]) -> [Int] {
        var cursor = 0
        var starts: [Int] = []
        for piece in pieces {
            let row = Array(piece)
            while cursor < characters.count, !characters[cursor...].starts(with: row), characters[cursor] == " " { cursor += 1 }
            starts.append(cursor)
            cursor += row.count
        }
        return starts
    }

    /// The address drawn at `column` of page row `row` (its number or its text), if any: what
    /// a mouse press there means.
    func textLink(atRow row: Int, column: Int, context: ViewContext) -> Int? {
        guard case .document(let document) = page.content, !page.documentLinks.isEmpty,
            let (index, rowInLine) = lineAndRowWithin(atRow: row, context: context)
        else { return nil }
        let marked = markedLine(document, index)
        guard !marked.owners.isEmpty else { return nil }
        let pieces = context.columns.rows(of: marked.text, wrapping: context.wrap, limit: rowInLine + 1)
        guard rowInLine < pieces.count else { return nil }
        var offset = Self.rowStarts(of: Array(marked.text), rows: pieces)[rowInLine]
        var width = 0
        for character in pieces[rowInLine] {
            width += DisplayWidth.columns(of: String(character))
            if column < width { return offset < marked.owners.count ? marked.owners[offset] : nil }
            offset += 1
        }
        return nil
    }

    /// A press on an address selects it; pressed again, it opens.
    mutating func pressTextLink(_ position: Int, context: ViewContext) -> [ViewAction] {
        followsEnd = false
        // The press was on the address itself, in sight even when its line goes on below.
        if viewport.selectedLink == position { return Self.follow(page.documentLinks[position].address, handlers: context.handlers) }
        viewport.selectedLink = position
        return []
    }

    /// The rows of document line `index`: its numbers and addresses drawn as links, the
    /// selected one as the selection (across rows where it wraps); find matches in the rest.
    func documentRows(_ document: TextDocument, index: Int, context: ViewContext, limit: Int) -> [ScreenRow] {
        let (text, styles, _) = markedLine(document, index)
        let pieces = context.columns.rows(of: text, wrapping: context.wrap, limit: limit)
        guard !styles.isEmpty else {
            return pieces.map { ScreenRow(Span($0).highlightingMatches(of: context.matchText)) }
        }
        let starts = Self.rowStarts(of: Array(text), rows: pieces)
        return zip(pieces, starts).map { piece, cursor in
            let row = Array(piece)
            var spans: [Span] = []
            var start = 0
            while start < row.count {
                let style = cursor + start < styles.count ? styles[cursor + start] : nil
                var end = start + 1
                while end < row.count, (cursor + end < styles.count ? styles[cursor + end] : nil) == style { end += 1 }
                let text = String(row[start..<end])
                if let style { spans.append(Span(text, style)) } else { spans += Span(text).highlightingMatches(of: context.matchText) }
                start = end
            }
            return ScreenRow(spans)
        }
    }

    // MARK: Choosing

    /// Digits in a document: link N, brought into sight.
    mutating func selectTextLink(typed digit: Int, context: ViewContext) -> [ViewAction] {
        typedNumber += String(digit)
        guard let number = Int(typedNumber), number >= 1, number <= page.documentLinks.count else {
            defer { typedNumber = "" }
            return [.say(page.documentLinks.isEmpty ? "no links in this document" : "no link \(typedNumber)", isError: true)]
        }
        select(textLink: number - 1, context: context)
        return [.say("link \(number) (Enter opens it)", isError: false)]
    }

    /// `Tab`, `Shift-Tab` in a document: the next or previous address, from the selection, else
    /// from the top of the screen.
    mutating func stepTextLink(forward: Bool, context: ViewContext) -> [ViewAction] {
        let links = page.documentLinks
        guard !links.isEmpty else { return [.say("no links in this document", isError: false)] }
        let next: Int?
        if let current = viewport.selectedLink {
            next = forward ? (current + 1 < links.count ? current + 1 : nil) : (current > 0 ? current - 1 : nil)
        } else if forward {
            next = links.firstIndex { $0.line >= viewport.top }
        } else {
            next = links.lastIndex { $0.line < viewport.top + context.pageRows }
        }
        guard let next else { return [.say(forward ? "no more links" : "no links before", isError: false)] }
        select(textLink: next, context: context)
        return []
    }

    private mutating func select(textLink index: Int, context: ViewContext) {
        viewport.selectedLink = index
        viewport.top = layout(context).revealing(page.documentLinks[index].line, from: viewport.top)
    }

    // MARK: Following

    /// Enter on the selected address, when it is in sight.
    func openTextLink(_ layout: LineLayout, handlers: HandlerTable) -> [ViewAction] {
        guard let link = selectedTextLink, layout.isVisible(link.line, top: viewport.top) else { return [] }
        return Self.follow(link.address, handlers: handlers)
    }

    /// What following an address does: gopher and gophers open here; the web and telnet go to
    /// their handlers, else the address is shown.
    static func follow(_ address: String, handlers: HandlerTable) -> [ViewAction] {
        if let gopher = ExternalURL.gopherTarget(address) { return [.go(.gopher(gopher), title: nil)] }
        let lowered = address.lowercased()
        if lowered.hasPrefix("telnet://"), let telnet = telnetURL(address), let request = handlers.request(for: telnet) {
            return [.emit(.runHandler(request))]
        }
        if lowered.hasPrefix("http"),
            let web = try? GopherURL(host: "localhost", type: .html, selector: Array("URL:\(address)".utf8)),
            let request = handlers.request(for: web)
        {
            return [.emit(.runHandler(request))]
        }
        let kind = lowered.hasPrefix("telnet://") ? "telnet" : "web"
        return [.say("URL: \(address) (y copies; set [handlers.\(kind)] to open)", isError: false)]
    }

    /// `telnet://[user@]host[:port]` as the telnet item it stands for (the login in the selector).
    static func telnetURL(_ address: String) -> GopherURL? {
        var rest = Substring(address.dropFirst("telnet://".count))
        if let slash = rest.firstIndex(of: "/") { rest = rest[..<slash] }
        var user = Substring("")
        if let at = rest.lastIndex(of: "@") {
            user = rest[..<at]
            rest = rest[rest.index(after: at)...]
        }
        guard let parsed = try? GopherURL(parsing: "gopher://" + rest + "/1", defaultPort: 23) else { return nil }
        return try? GopherURL(host: parsed.host, port: parsed.port, type: ItemType("8"), selector: Array(user.utf8))
    }
}
