import GopherCore

/// The text being typed on the prompt line, and the cursor in it.
public struct LineEditor: Sendable, Equatable {
    public private(set) var text: [Character]
    public private(set) var cursor: Int
    /// The text was offered, not typed (the last search, on `/`): Enter takes it as it is, the
    /// first character typed replaces it, Backspace or Delete clears it, and a movement key
    /// keeps it for editing.
    public private(set) var isOffered: Bool

    public init(text: String = "", offered: Bool = false) {
        self.text = Array(text)
        self.cursor = self.text.count
        self.isOffered = offered && !text.isEmpty
    }

    public var value: String { String(text) }

    public enum Outcome: Equatable, Sendable { case editing, submitted(String), cancelled }

    /// Edits with a key: characters insert, arrows move, Backspace/Delete erase, Ctrl-U clears,
    /// Ctrl-A/Ctrl-E go to the ends, Enter submits, Esc or Ctrl-C cancels, and Backspace on an
    /// empty line cancels too.
    public mutating func handle(_ key: Key) -> Outcome {
        if isOffered {
            isOffered = false
            switch key {
            case .character, .backspace, .delete:
                text.removeAll()
                cursor = 0
                if case .character = key { break }
                return .editing
            default: break
            }
        }
        switch key {
        case .character(let character):
            // Nothing that could act on a terminal gets into the line.
            guard !character.unicodeScalars.contains(where: { Sanitizer.isControl($0.value) }) else { return .editing }
            text.insert(character, at: cursor)
            cursor += 1
        case .backspace:
            if cursor > 0 {
                text.remove(at: cursor - 1)
                cursor -= 1
            } else if text.isEmpty {
                return .cancelled
            }
        case .delete:
            if cursor < text.count { text.remove(at: cursor) }
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .control("a"): cursor = 0
        case .end, .control("e"): cursor = text.count
        case .control("u"):
            text.removeAll()
            cursor = 0
        case .enter: return .submitted(value)
        case .escape, .control("c"), .control("g"): return .cancelled
        default: break
        }
        return .editing
    }
}
