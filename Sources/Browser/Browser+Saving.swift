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


    /// The bookmark file had `url` already: nothing was added.
    public mutating func bookmarkWasThere(_ url: GopherURL) {
        say(withHint("already bookmarked: \(url)", .showBookmarks, "lists the bookmarks"))
    }

    /// A page made from the user's files changed (a bookmark removed): on screen, it is made
    /// again in place, keeping its place, with no load cancelled.
    public mutating func userPageChanged(_ fresh: Page) {
        guard page?.location == fresh.location else { return }
        replaceBuiltInPage(with: fresh)
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
        // Whether it is there already is for the file to say (another Warren, or the user, may
        // have changed it): the app says so instead of this.
        say("bookmarked \(page.title)")
        return [.addBookmark(url: url, title: page.title)]
    }
}
