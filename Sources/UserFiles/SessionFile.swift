import Browser
import GopherCore

/// `session`: the last session, so that `warren` with no URL opens it again. One place a line,
/// `current`, `back` or `forward`, then the first line shown, the selected item (`-` for none),
/// the title and the location, tab-separated; back and forward oldest first; a `version 1` line
/// first. Written atomically, so a crash at any moment leaves the last whole session; a line it
/// cannot read is skipped. A file from a later version, or one with no page left to open, is
/// not used, and `problem` says why.
public struct SessionFile: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// More lines than any page can hold.
    static let largestPosition = Int(Int32.max)

    /// The version this Warren writes; a file with a later one is left alone.
    static let version = 1

    public func load() -> Session? { loadReporting().session }

    /// The session, or why the file there cannot be used (nil, nil: there is none).
    public func loadReporting() -> (session: Session?, problem: String?) {
        guard let bytes = UserFileStore.read(path), !bytes.isEmpty else { return (nil, nil) }
        var session = Session(current: nil)
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            if line.hasPrefix("version ") {
                guard let version = Int(line.dropFirst(8)), version <= Self.version else {
                    return (nil, "session not restored: \(path) is from a newer Warren (\(line))")
                }
                continue
            }
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
        guard session.current != nil else { return (nil, "session not restored: \(path) is damaged (no page to open)") }
        return (session, nil)
    }

    public func save(_ session: Session) throws(UserFileError) {
        func line(_ kind: String, _ place: Session.Place) -> String {
            let title = String(place.title.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 })
            return "\(kind)\t\(place.viewport.top)\t\(place.viewport.selected.map(String.init) ?? "-")\t\(title)\t\(place.location)\n"
        }
        var text = "version \(Self.version)\n" + session.back.map { line("back", $0) }.joined()
        if let current = session.current { text += line("current", current) }
        text += session.forward.map { line("forward", $0) }.joined()
        try UserFileStore.writeAtomically(Array(text.utf8), to: path)
    }
}
