import GopherCore

/// A picture drawn in the terminal's cells (by chafa), over the page: scrolled with the movement
/// keys when taller than the screen, drawn again at the new size when the window changes. `=`
/// says its format and pixel size, `d` saves the original bytes, back, `q` or Esc return.
public struct ImageView: Sendable, Equatable {
    public var picture: Picture
    var top = 0

    init(_ picture: Picture) { self.picture = picture }

    mutating func handle(_ key: Key, command: Command?, context: ViewContext) -> [ViewAction] {
        let rows = context.pageRows
        let maxTop = max(0, picture.rows.count - rows)
        switch command {
        case .nextLink, .nextTab: top = min(maxTop, top + 1)
        case .previousLink, .previousTab: top = max(0, top - 1)
        case .pageDown: top = min(maxTop, top + max(1, rows - 1))
        case .pageUp: top = max(0, top - max(1, rows - 1))
        case .top: top = 0
        case .bottom: top = maxTop
        case .back, .cancel, .quit: return [.close]
        // Going elsewhere leaves the picture: the key then does what it does on the page.
        case .goTo, .editURL, .up, .forward, .showBookmarks, .showHistory, .showDownloads, .showFeeds, .recheckFeeds, .help:
            return [.close, .pass]
        case .suspend: return [.pass]
        case .download, .save: return [.askToSave(picture.url, what: .link)]
        case .info: return [.say(infoText, isError: false)]
        case .copyURL: return [.say("copied \(picture.url)", isError: false), .emit(.copy(picture.url.description))]
        // A key that means nothing on a picture says what does, rather than nothing at all.
        case .some: return [.say("on a picture: d saves it, = says what it is, y copies its URL, h returns", isError: false)]
        case nil: return []
        }
        return []
    }

    var infoText: String {
        let size = ByteCountFormatter.string(picture.byteCount)
        return "picture: " + (picture.header.map { "\($0.description), " } ?? "") + size
    }
}

extension ImageView: ScreenView {
    func title(context: ViewContext) -> String { " picture " + picture.url.description }

    /// Cut at the screen's edge: a picture drawn for a wider window (while a redraw for the new
    /// size runs) never wraps onto the next row.
    func rows(context: ViewContext) -> [ScreenRow] {
        picture.rows.dropFirst(top).prefix(context.pageRows).map { spans in
            var used = 0
            var kept: [Span] = []
            for span in spans where used < context.width {
                let fitted = DisplayWidth.prefix(of: span.text, fitting: context.width - used).text
                used += DisplayWidth.columns(of: String(fitted))
                kept.append(Span(String(fitted), span.style, colours: span.colours))
            }
            return ScreenRow(kept)
        }
    }

    func restingStatus(context: ViewContext) -> String {
        let format = picture.header.map { "\($0.format) \($0.width)×\($0.height)" } ?? "picture"
        return "\(format)  d saves it · h returns"
    }
}
