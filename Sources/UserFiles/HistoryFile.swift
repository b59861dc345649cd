import Browser
import GopherCore

/// `history`: the pages visited, one a line, oldest first, the last `length` kept: the URL, then
/// a TAB and the page's title. A line with the URL alone (how earlier versions wrote it) is read
/// too, its title being its URL.
public struct HistoryFile: Sendable {
    public let path: String
    public let length: Int

    public init(path: String, length: Int = 10_000) {
        self.path = path
        self.length = length
    }

    /// `about:history`: the visited URLs, newest first, each once.
    public func page() -> Page {
        let text = String(decoding: UserFileStore.read(path) ?? [], as: UTF8.self)
        var seen: Set<String> = []
        var bytes: [UInt8] = []
        for line in text.split(separator: "\n").reversed() {
            guard let (url, title) = Self.visit(line), seen.insert(url.description).inserted else { continue }
            bytes += GophermapLine.make(for: url, display: title == url.description ? title : "\(title)  \(url)")
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
            guard let (url, title) = Self.visit(line) else { continue }
            let address = url.description
            entries[address, default: AddressEntry(address: address, title: title)].visits += 1
            entries[address]?.lastVisit = number + 1
            if title != address { entries[address]?.title = title }  // the latest title it had
        }
        return Array(entries.values)
    }

    public func record(_ url: GopherURL, title: String) throws(UserFileError) {
        let oneLine = String(title.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
        let line = oneLine.isEmpty || oneLine == url.description ? url.description : "\(url)\t\(oneLine)"
        try UserFileStore.append(line: line, to: path, keepingLast: length)
    }

    /// A line's URL and title: `URL<TAB>title`, or the URL alone.
    private static func visit(_ line: Substring) -> (GopherURL, String)? {
        let fields = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
        guard let url = try? GopherURL(parsing: String(fields[0])) else { return nil }
        let title = fields.count == 2 && !fields[1].isEmpty ? String(fields[1]) : url.description
        return (url, title)
    }
}
