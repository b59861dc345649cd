import GopherCore

/// The text being typed on the prompt line, and the cursor in it.
public struct LineEditor: Sendable, Equatable {
    public private(set) var text: [Character]
    public private(set) var cursor: Int

    public init(text: String = "") {
        self.text = Array(text)
        self.cursor = self.text.count
    }

    public var value: String { String(text) }

    public enum Outcome: Equatable, Sendable { case editing, submitted(String), cancelled }

    /// Edits with a key: characters insert, arrows move, Backspace/Delete erase, Ctrl-U clears,
    /// Ctrl-A/Ctrl-E go to the ends, Enter submits, Esc or Ctrl-C cancels, and Backspace on an
    /// empty line cancels too.
    public mutating func handle(_ key: Key) -> Outcome {
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
