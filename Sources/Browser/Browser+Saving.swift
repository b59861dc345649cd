import GopherCore

/// Keeping things: saving the page or a link to the download folder, bookmarking.
extension Browser {
    /// Asks for a file name, prefilled with a safe one made from the selector.
    mutating func askToSave(_ url: GopherURL?, what: SaveSubject) {
        guard let url else {
            say(what == .page ? "only gopher pages can be saved" : "no link selected")
            return
        }
        let name = SafeFileName.suggested(for: url)
        push(.prompt(PromptView(.saveAs(url), label: "Save as: ", text: name)))
    }


    /// `x` on the bookmarks page: the selected bookmark goes.
    mutating func removeSelectedBookmark() -> [Action] {
        guard let item = pageView?.selectedItem, case .success(let url)? = item.url else {
            say(keyed(.removeEntry, "on a bookmark removes it") ?? "no bookmark selected")
            return []
        }
        say("removed the bookmark \(item.display)")
        return [.removeBookmark(url)]
    }

    mutating func bookmark() -> [Action] {
        guard let page, let url = page.location.url else {
            say("only gopher pages can be bookmarked")
            return []
        }
        if addressBook.contains(where: { $0.isBookmark && $0.address == url.description }) {
            say(withHint("already bookmarked: \(url)", .showBookmarks, "lists the bookmarks"))
            return []
        }
        say("bookmarked \(page.title)")
        return [.addBookmark(url: url, title: page.title)]
    }
}
