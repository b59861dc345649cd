import GopherCore

/// Places the `o` prompt knows: from history (how often and how lately), from bookmarks, and
/// the page's own links. The app fills `Browser.addressBook` from the user's files.
public struct AddressEntry: Sendable, Equatable {
    public var address: String
    public var title: String
    /// Times visited, and how lately: a larger `lastVisit` is more recent (0: never).
    public var visits: Int
    public var lastVisit: Int
    public var isBookmark: Bool

    public init(address: String, title: String, visits: Int = 0, lastVisit: Int = 0, isBookmark: Bool = false) {
        self.address = address
        self.title = title
        self.visits = visits
        self.lastVisit = lastVisit
        self.isBookmark = isBookmark
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
        let typed = editor.value.lowercased()
        guard !typed.isEmpty else { return [] }
        var places: [String: AddressEntry] = [:]
        for entry in context.addressBook { places[entry.address, default: entry].merge(entry) }
        if case .menu(let menu)? = context.page?.content {
            for number in 0..<min(menu.links.count, 2000) {
                let item = menu.item(at: menu.links[number])
                guard case .success(let url)? = item.url, url.type.handling != .externalURL else { continue }
                let entry = AddressEntry(address: url.description, title: item.display)
                places[entry.address, default: entry].merge(entry)
            }
        }
        let newest = max(1, context.addressBook.map(\.lastVisit).max() ?? 1)
        let ranked = places.values.compactMap { entry -> (AddressEntry, Int)? in
            // Every address starts with the scheme: matching it would match every place.
            let address = entry.address.hasPrefix("gopher://") ? String(entry.address.dropFirst(9)) : entry.address
            let title = entry.title == entry.address ? "" : entry.title
            guard let quality = Self.matchQuality(typed, in: (title + " " + address).lowercased()) else { return nil }
            let frecency = entry.visits * 4 + entry.lastVisit * 10 / newest + (entry.isBookmark ? 8 : 0)
            return (entry, quality + frecency)
        }
        return ranked.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.address < $1.0.address }
            .prefix(Self.suggestionLimit).map(\.0)
    }

    /// nil when `typed` is not a subsequence of `text`; more for a run of it together, more
    /// still at the start of a word.
    static func matchQuality(_ typed: String, in text: String) -> Int? {
        if let range = text.range(of: typed) {
            let atWordStart = range.lowerBound == text.startIndex || !text[text.index(before: range.lowerBound)].isLetter
            return 20 + (atWordStart ? 10 : 0)
        }
        var rest = Substring(text)
        for character in typed {
            guard let found = rest.firstIndex(of: character) else { return nil }
            rest = rest[rest.index(after: found)...]
        }
        return 0
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

extension String {
    fileprivate func range(of needle: String) -> Range<String.Index>? {
        guard !needle.isEmpty else { return nil }
        var start = startIndex
        while start < endIndex {
            if self[start...].hasPrefix(needle) { return start..<(index(start, offsetBy: needle.count)) }
            start = index(after: start)
        }
        return nil
    }
}
