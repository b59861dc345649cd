/// A key press, as the terminal layer decodes it and the browser understands it.
public enum Key: Hashable, Sendable {
    /// A printable character (letters, digits, punctuation, any script).
    case character(Character)
    /// A control key: `.control("c")` is Ctrl-C.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, backspace, delete, escape, tab
    /// Shift-Tab.
    case backTab
    case function(Int)
    /// The terminal changed size.
    case resize
    /// A mouse button or the wheel, at a screen row and column (0-based).
    case mouse(MouseEvent)
}

/// What the mouse did, where.
public struct MouseEvent: Hashable, Sendable {
    public enum Action: Hashable, Sendable { case press, wheelUp, wheelDown }

    public var action: Action
    public var row: Int
    public var column: Int

    public init(_ action: Action, row: Int, column: Int) {
        self.action = action
        self.row = row
        self.column = column
    }
}
