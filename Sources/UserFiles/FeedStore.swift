import Browser
import Glibc
import GopherCore

/// The feeds on disk: `feeds.gph` (`$XDG_DATA_HOME/warren`), the subscribed menus, a gophermap
/// the user may edit like the bookmarks; and `feeds/` (`$XDG_STATE_HOME/warren`), one file a
/// feed with what its last check saw and what is unread. Every write is atomic, so a crash at
/// any moment leaves each file whole; a line that cannot be read is skipped, never fatal.
public struct FeedStore: Sendable {
    public let subscriptionsFile: String
    public let stateFolder: String

    public init(subscriptionsFile: String, stateFolder: String) {
        self.subscriptionsFile = subscriptionsFile
        self.stateFolder = stateFolder
    }

    /// The subscriptions in the file's order, each with what its state file says.
    public func load() -> [Feed] {
        var feeds: [Feed] = []
        var keys: Set<String> = []
        for (url, title) in subscriptions() where keys.insert(Feed.key(of: url)).inserted {
            feeds.append(state(of: Feed(url: url, title: title)))
        }
        return feeds
    }

    /// Adds `url` at the end of feeds.gph (nothing if it is there already).
    public func subscribe(_ url: GopherURL, title: String) throws(UserFileError) {
        guard !subscriptions().contains(where: { Feed.key(of: $0.url) == Feed.key(of: url) }) else { return }
        var bytes = UserFileStore.read(subscriptionsFile) ?? []
        if let last = bytes.last, last != 0x0A { bytes += [0x0D, 0x0A] }
        bytes += GophermapLine.make(for: url, display: title)
        try UserFileStore.writeAtomically(bytes, to: subscriptionsFile)
    }

    /// Removes every line of feeds.gph that leads to `url` (other lines stay as written), and
    /// the feed's state.
    public func unsubscribe(_ url: GopherURL) throws(UserFileError) {
        let key = Feed.key(of: url)
        let bytes = UserFileStore.read(subscriptionsFile) ?? []
        var kept: [UInt8] = []
        for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast(bytes.last == 0x0A ? 1 : 0) {
            if let link = Self.link(in: Array(line)), Feed.key(of: link.url) == key { continue }
            kept += line + [0x0A]
        }
        try UserFileStore.writeAtomically(kept, to: subscriptionsFile)
        _ = unlink(statePath(for: url))
    }

    /// Writes what `feed`'s last check saw and what is unread.
    public func save(_ feed: Feed) throws(UserFileError) {
        var text = "url \(feed.url)\n"
        if let checked = feed.checked { text += "checked \(checked)\n" }
        if let good = feed.lastGoodCheck { text += "good \(good)\n" }
        if let failure = feed.failure { text += "failure \(Self.oneLine(failure))\n" }
        for key in feed.seen.sorted() { text += "seen \(key)\n" }
        for item in feed.unread { text += "unread \(item.found) \(item.url) \(Self.oneLine(item.title))\n" }
        try UserFileStore.writeAtomically(Array(text.utf8), to: statePath(for: feed.url))
    }

    /// `feeds/<16 hex digits>`: a hash of the feed's key, so any URL makes a safe file name.
    public func statePath(for url: GopherURL) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a, 64 bits: stable across runs and builds
        for byte in Feed.key(of: url).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return UserPaths.join(stateFolder, String(repeating: "0", count: 16 - hex.count) + hex)
    }

    // MARK: Reading

    private func subscriptions() -> [(url: GopherURL, title: String)] {
        let bytes = UserFileStore.read(subscriptionsFile) ?? []
        return bytes.split(separator: 0x0A).compactMap { Self.link(in: Array($0)) }
    }

    /// The place a line of feeds.gph subscribes to: a menu link, or a `URL:gopher(s)://` one.
    private static func link(in line: [UInt8]) -> (url: GopherURL, title: String)? {
        var menu = Menu()
        menu.append(line + [0x0A])
        menu.finish()
        guard menu.count > 0, menu.kind(at: 0) == .link else { return nil }
        let item = menu.item(at: 0)
        guard case .success(var url)? = item.url else { return nil }
        if url.type.handling == .externalURL {
            guard let target = ExternalURL.target(of: url.selector), let gopher = ExternalURL.gopherTarget(target) else {
                return nil
            }
            url = gopher
        }
        return (url, item.display)
    }

    private func state(of feed: Feed) -> Feed {
        var feed = feed
        let text = String(decoding: UserFileStore.read(statePath(for: feed.url)) ?? [], as: UTF8.self)
        for line in text.split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            let value = line[line.index(after: space)...]
            switch line[..<space] {
            case "checked": feed.checked = Int64(value)
            case "good": feed.lastGoodCheck = Int64(value)
            case "failure": feed.failure = String(value)
            case "seen": feed.seen.insert(String(value))
            case "unread":
                let fields = value.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
                guard fields.count >= 2, let found = Int64(fields[0]), let url = try? GopherURL(parsing: String(fields[1]))
                else { continue }
                feed.unread.append(Feed.Item(url: url, title: fields.count == 3 ? String(fields[2]) : url.description, found: found))
            default: continue
            }
        }
        return feed
    }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
