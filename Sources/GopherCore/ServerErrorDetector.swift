/// Tells a server's type-3 error reply from real content by looking at the start of a response.
///
/// Servers answer a missing selector with a one-item menu whose item is a `3` line (gophernicus:
/// `3Error: File or directory not found!…`, pygopherd: `3'/x' does not exist…`), whatever type
/// was asked for. A response is taken as such an error when its first line is a well-formed `3`
/// line and the whole response is short and holds no links. Content that merely starts with `3`
/// is held back only until it is clearly not an error (a newline, or `window` bytes).
public struct ServerErrorDetector: Sendable {
    /// An error reply is never longer than this; longer responses are content.
    public static let window = 4096

    private enum State { case undecided, content, possibleError }
    private var state = State.undecided
    private var held: [UInt8] = []

    public init() {}

    /// Takes a chunk; returns the bytes that can be passed on now (none while undecided).
    public mutating func consume(_ chunk: some Collection<UInt8>) -> [UInt8] {
        switch state {
        case .content:
            return Array(chunk)
        case .undecided, .possibleError:
            held.append(contentsOf: chunk)
        }
        // Nothing to look at yet (an empty chunk): stay undecided.
        if state == .undecided, let first = held.first {
            if first != UInt8(ascii: "3") {
                state = .content
            } else if let newline = held.firstIndex(of: 0x0A) {
                state = Menu.kind(of: held[..<newline]) == .error ? .possibleError : .content
            }
        }
        if held.count > Self.window { state = .content }
        if state == .content {
            defer { held = [] }
            return held
        }
        return []
    }

    /// At the end of the response: the server's message if it was an error, else the bytes still
    /// held back, to pass on.
    public mutating func finish() -> Result<[UInt8], ServerErrorMessage> {
        defer { held = []; state = .content }
        guard state != .content, held.first == UInt8(ascii: "3") else { return .success(held) }
        var menu = Menu()
        menu.append(held)
        menu.finish()
        guard menu.count > 0, menu.kind(at: 0) == .error, menu.links.isEmpty else { return .success(held) }
        return .failure(ServerErrorMessage(text: menu.item(at: 0).display))
    }
}

/// The text of a server's error reply, sanitised.
public struct ServerErrorMessage: Error, Equatable, Sendable {
    public var text: String
    public init(text: String) { self.text = text }
}
