import GopherCore

/// The one-line editor on the bottom row: a label, the text typed so far, a cursor.
public struct Prompt: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case goTo
        case find
        case search(GopherURL)
        case saveAs(GopherURL)
        case confirmOverwrite(GopherURL, fileName: String)
    }

    public var purpose: Purpose
    public var label: String
    public private(set) var text: [Character]
    public private(set) var cursor: Int

    public init(_ purpose: Purpose, label: String, text: String = "") {
        self.purpose = purpose
        self.label = label
        self.text = Array(text)
        self.cursor = self.text.count
    }

    public var value: String { String(text) }

    public enum Outcome: Equatable { case editing, submitted(String), cancelled }

    /// Edits with a key: characters insert, arrows move, Backspace/Delete erase, Ctrl-U clears,
    /// Ctrl-A/Ctrl-E go to the ends, Enter submits, Esc or Ctrl-C cancels.
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
