import Browser
import GopherCore
import GopherNet

/// Bookmarks and history: plain files at the places DESIGN.md names, written atomically.
extension InteractiveSession {
    static let historyLength = 1000

    func bookmarksPage() -> Page {
        var bytes = UserFileStore.read(paths.bookmarksFile) ?? []
        if bytes.isEmpty {
            bytes = GophermapLine.info("No bookmarks yet: press a on a page to add it.")
                + GophermapLine.info("They are kept in \(paths.bookmarksFile), a gophermap you may edit.")
        }
        return Page.menu(.about("bookmarks"), title: "Bookmarks", bytes: bytes)
    }

    func addBookmark(_ url: GopherURL, title: String) {
        var bytes = UserFileStore.read(paths.bookmarksFile) ?? []
        bytes += GophermapLine.make(for: url, display: title)
        do {
            try UserFileStore.writeAtomically(bytes, to: paths.bookmarksFile)
        } catch {
            browserReport("bookmark not saved: \(error)", isError: true)
        }
    }

    /// The visited URLs, newest first, each once.
    func historyPage() -> Page {
        let text = String(decoding: UserFileStore.read(paths.historyFile) ?? [], as: UTF8.self)
        var seen: Set<String> = []
        var bytes: [UInt8] = []
        for line in text.split(separator: "\n").reversed() {
            let entry = String(line)
            guard seen.insert(entry).inserted, let url = try? GopherURL(parsing: entry) else { continue }
            bytes += GophermapLine.make(for: url, display: url.description)
        }
        if bytes.isEmpty { bytes = GophermapLine.info("No pages visited yet.") }
        return Page.menu(.about("history"), title: "History", bytes: bytes)
    }

    func recordVisit(_ url: GopherURL) {
        do {
            try UserFileStore.append(line: url.description, to: paths.historyFile, keepingLast: Self.historyLength)
        } catch {
            browserReport("history not saved: \(error)", isError: true)
        }
    }
}
