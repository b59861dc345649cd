import Browser
import GopherCore

/// `history`: the URLs visited, one a line, oldest first, the last `length` kept.
public struct HistoryFile: Sendable {
    public let path: String
    public let length: Int

    public init(path: String, length: Int = 1000) {
        self.path = path
        self.length = length
    }

    /// `about:history`: the visited URLs, newest first, each once.
    public func page() -> Page {
        let text = String(decoding: UserFileStore.read(path) ?? [], as: UTF8.self)
        var seen: Set<String> = []
        var bytes: [UInt8] = []
        for line in text.split(separator: "\n").reversed() {
            let entry = String(line)
            guard seen.insert(entry).inserted, let url = try? GopherURL(parsing: entry) else { continue }
            bytes += GophermapLine.make(for: url, display: url.description)
        }
        if bytes.isEmpty { bytes = GophermapLine.info("No pages visited yet.") }
        return Page.menu(UserPage.history.location, title: "History", bytes: bytes)
    }

    /// The visited URLs as places for the `o` prompt's suggestions: how often each was visited
    /// and how lately (its last line's number in the file).
    public func addressEntries() -> [AddressEntry] {
        let text = String(decoding: UserFileStore.read(path) ?? [], as: UTF8.self)
        var entries: [String: AddressEntry] = [:]
        for (number, line) in text.split(separator: "\n").enumerated() {
            guard let url = try? GopherURL(parsing: String(line)) else { continue }
            let address = url.description
            entries[address, default: AddressEntry(address: address, title: address)].visits += 1
            entries[address]?.lastVisit = number + 1
        }
        return Array(entries.values)
    }

    public func record(_ url: GopherURL) throws(UserFileError) {
        try UserFileStore.append(line: url.description, to: path, keepingLast: length)
    }
}
