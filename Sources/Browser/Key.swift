/// A key press, as the terminal layer decodes it and the browser understands it.
public enum Key: Hashable, Sendable {
    /// A printable character (letters, digits, punctuation, any script).
    case character(Character)
    /// A control key: `.control("c")` is Ctrl-C.
    case control(Character)
    case up, down, left, right
    case pageUp, pageDown, home, end
    case enter, backspace, delete, escape, tab
    case function(Int)
    /// The terminal changed size.
    case resize
}
