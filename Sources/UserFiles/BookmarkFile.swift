import Browser
import GopherCore

/// `bookmarks.gph`: the user's bookmarks, a gophermap, so it is browsable and hand-editable.
public struct BookmarkFile: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// `about:bookmarks`: the file as a menu, or a word on how to add one.
    public func page() -> Page {
        var bytes = UserFileStore.read(path) ?? []
        if bytes.isEmpty {
            bytes = GophermapLine.info("No bookmarks yet: press a on a page to add it.")
                + GophermapLine.info("They are kept in \(path), a gophermap you may edit.")
        }
        return Page.menu(UserPage.bookmarks.location, title: "Bookmarks", bytes: bytes)
    }

    /// The bookmarks as places for the `o` prompt's suggestions.
    public func addressEntries() -> [AddressEntry] {
        var menu = Menu()
        menu.append(UserFileStore.read(path) ?? [])
        menu.finish()
        return menu.links.compactMap { index in
            let item = menu.item(at: index)
            guard let place = item.place(onBuiltInPage: false) else { return nil }
            return AddressEntry(address: place.description, title: item.display, isBookmark: true)
        }
    }

    /// Removes every line that leads to `url` (the others stay as written); the file is
    /// replaced atomically. Returns whether one was there.
    @discardableResult
    public func remove(_ url: GopherURL) throws(UserFileError) -> Bool {
        let bytes = UserFileStore.read(path) ?? []
        var kept: [UInt8] = []
        var found = false
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast(bytes.last == 0x0A ? 1 : 0) {
            var menu = Menu()
            menu.append(Array(line) + [0x0A])
            menu.finish()
            if menu.count > 0, menu.kind(at: 0) == .link, case .success(let target)? = menu.item(at: 0).url, target == url {
                found = true
                continue
            }
            kept += line + [0x0A]
        }
        if found { try UserFileStore.writeAtomically(kept, to: path) }
        return found
    }

    /// Adds a line for `url` at the end, unless the file has one for it already (another Warren,
    /// or the user's editing, may have put it there); the file is replaced atomically. Returns
    /// whether it was added.
    @discardableResult
    public func add(_ url: GopherURL, title: String) throws(UserFileError) -> Bool {
        if addressEntries().contains(where: { $0.address == url.description }) { return false }
        var bytes = UserFileStore.read(path) ?? []
        bytes += GophermapLine.make(for: url, display: title)
        try UserFileStore.writeAtomically(bytes, to: path)
        return true
    }
}
