import GopherCore

/// Places the `o` prompt knows: from history (how often and how lately), from bookmarks, and
/// the page's own links. The app fills `Browser.addressBook` from the user's files.
public struct AddressEntry: Sendable, Equatable {
    public var address: String { didSet { matchText = Self.matchText(address: address, title: title) } }
    public var title: String { didSet { matchText = Self.matchText(address: address, title: title) } }
    /// Times visited, and how lately: a larger `lastVisit` is more recent (0: never).
    public var visits: Int
    public var lastVisit: Int
    public var isBookmark: Bool
    /// What typing is matched against, made once: the title and the address after its scheme,
    /// in lower case, as UTF-8. Matching bytes keeps a keystroke within a frame over 10,000 places.
    private(set) var matchText: [UInt8]

    public init(address: String, title: String, visits: Int = 0, lastVisit: Int = 0, isBookmark: Bool = false) {
        self.address = address
        self.title = title
        self.visits = visits
        self.lastVisit = lastVisit
        self.isBookmark = isBookmark
        matchText = Self.matchText(address: address, title: title)
    }

    static func matchText(address: String, title: String) -> [UInt8] {
        // Every address starts with the scheme: matching it would match every place.
        var place = Substring(address)
        for scheme in ["gopher://", "gophers://"] where place.hasPrefix(scheme) { place = place.dropFirst(scheme.count) }
        let text = (title == address ? "" : title) + " " + place
        return Array(text.lowercased().utf8)
    }
}

/// The address bar finds: what is typed in the `o` prompt is matched, fuzzily (its characters
/// in order, anywhere in a place's title or address), against history, bookmarks and the page's
/// links, ranked by frecency (visits, how lately, bookmarked) and by how well it matched. ↑ and
/// ↓ choose one, Enter opens it.
extension PromptView {
    /// The most suggestions shown.
    static let suggestionLimit = 5

    func suggestions(context: ViewContext) -> [AddressEntry] {
        guard purpose == .goTo else { return [] }
        let typed = Array(editor.value.lowercased().utf8)
        guard !typed.isEmpty else { return [] }
        let places = context.addressPlaces
        var best: [(entry: AddressEntry, score: Int)] = []
        /// Keeps the `suggestionLimit` best, in order: a short array, not a sort of every match.
        func offer(_ entry: AddressEntry) {
            guard let quality = Self.matchQuality(typed, in: entry.matchText) else { return }
            let frecency = entry.visits * 4 + entry.lastVisit * 10 / places.newest + (entry.isBookmark ? 8 : 0)
            let scored = (entry: entry, score: quality + frecency)
            let ranksAbove = { (other: (entry: AddressEntry, score: Int)) in
                scored.score != other.score ? scored.score > other.score : scored.entry.address < other.entry.address
            }
            guard best.count < Self.suggestionLimit || ranksAbove(best[best.count - 1]) else { return }
            best.insert(scored, at: best.firstIndex(where: ranksAbove) ?? best.count)
            if best.count > Self.suggestionLimit { best.removeLast() }
        }
        var linked: [String: AddressEntry] = [:]
        if let page = context.page, case .menu(let menu) = page.content {
            let onBuiltInPage = if case .about = page.location { true } else { false }
            for number in 0..<min(menu.links.count, 2000) {
                let item = menu.item(at: menu.links[number])
                guard let place = item.place(onBuiltInPage: onBuiltInPage) else { continue }
                let link = AddressEntry(address: place.description, title: item.display)
                linked[link.address, default: link].merge(link)
            }
        }
        for var entry in places.entries {
            // A place the page links to counts once, with the history's visits and the link's name.
            if let link = linked.removeValue(forKey: entry.address) { entry.merge(link) }
            offer(entry)
        }
        for link in linked.values { offer(link) }
        return best.map(\.entry)
    }

    /// nil when `typed` is not a subsequence of `text`; more for a run of it together, more
    /// still at the start of a word.
    static func matchQuality(_ typed: String, in text: String) -> Int? {
        matchQuality(Array(typed.utf8), in: Array(text.utf8))
    }

    static func matchQuality(_ typed: [UInt8], in text: [UInt8]) -> Int? {
        guard !typed.isEmpty, typed.count <= text.count else { return nil }
        let first = typed[0]
        var start = 0
        while start + typed.count <= text.count {
            if text[start] == first, text[start..<(start + typed.count)].elementsEqual(typed) {
                let atWordStart = start == 0 || !Self.isLetter(text[start - 1])
                return 20 + (atWordStart ? 10 : 0)
            }
            start += 1
        }
        var position = 0
        for byte in typed {
            while position < text.count, text[position] != byte { position += 1 }
            guard position < text.count else { return nil }
            position += 1
        }
        return 0
    }

    /// A letter for the word-start bonus: ASCII letters, and any byte of a non-ASCII character.
    private static func isLetter(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || byte >= 0x80
    }
}

/// The address book, one entry an address (the same place from history, bookmarks and feeds
/// merged), with the most recent visit, for ranking.
struct AddressPlaces: Sendable, Equatable {
    private(set) var entries: [AddressEntry] = []
    private(set) var newest = 1

    init(_ book: [AddressEntry]) {
        var positions: [String: Int] = [:]
        for entry in book {
            if let position = positions[entry.address] {
                entries[position].merge(entry)
            } else {
                positions[entry.address] = entries.count
                entries.append(entry)
            }
            newest = max(newest, entry.lastVisit)
        }
    }
}

extension AddressEntry {
    /// The same place from two sources: the stronger of each.
    fileprivate mutating func merge(_ other: AddressEntry) {
        if title.isEmpty || title == address { title = other.title }
        visits = max(visits, other.visits)
        lastVisit = max(lastVisit, other.lastVisit)
        isBookmark = isBookmark || other.isBookmark
    }
}
