import Browser
import GopherCore

/// `session`: the last session, so that `warren` with no URL opens it again. One place a line,
/// `current`, `back` or `forward`, then the first line shown, the selected item (`-` for none),
/// the title and the location, tab-separated; back and forward oldest first. Written
/// atomically, so a crash at any moment leaves the last whole session; a line it cannot read is
/// skipped.
public struct SessionFile: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// More lines than any page can hold.
    static let largestPosition = Int(Int32.max)

    public func load() -> Session? {
        guard let bytes = UserFileStore.read(path) else { return nil }
        var session = Session(current: nil)
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let fields = line.split(separator: "\t", maxSplits: 4, omittingEmptySubsequences: false)
            // Positions are capped, so a damaged file can never make the arithmetic overflow.
            guard fields.count == 5, let top = Int(fields[1]).map({ min($0, Self.largestPosition) }), top >= 0,
                let location = try? Location(parsing: String(fields[4]))
            else { continue }
            let selected = fields[2] == "-" ? nil : Int(fields[2]).flatMap { $0 >= 0 && $0 <= Self.largestPosition ? $0 : nil }
            let place = Session.Place(location: location, title: String(fields[3]), viewport: Viewport(top: top, selected: selected))
            switch fields[0] {
            case "current": session.current = place
            case "back": session.back.append(place)
            case "forward": session.forward.append(place)
            default: continue
            }
        }
        return session.current == nil ? nil : session
    }

    public func save(_ session: Session) throws(UserFileError) {
        func line(_ kind: String, _ place: Session.Place) -> String {
            let title = String(place.title.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
            return "\(kind)\t\(place.viewport.top)\t\(place.viewport.selected.map(String.init) ?? "-")\t\(title)\t\(place.location)\n"
        }
        var text = session.back.map { line("back", $0) }.joined()
        if let current = session.current { text += line("current", current) }
        text += session.forward.map { line("forward", $0) }.joined()
        try UserFileStore.writeAtomically(Array(text.utf8), to: path)
    }
}
