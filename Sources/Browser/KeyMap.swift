/// Everything a key can ask the browser to do.
public enum Command: String, Sendable, CaseIterable {
    case nextLink, previousLink, pageDown, pageUp, top, bottom
    case open, back, forward
    case goTo, editURL, up, reload
    case find, findNext, findPrevious
    case save, download
    case bookmark, showBookmarks, showHistory
    case source, info, copyURL, toggleWrap, help
    case cancel, quit, suspend
}

/// The key table: one place that says which key does what (the contract in DESIGN.md).
/// Digits are not here: they select a link by number.
public enum KeyMap {
    public static let bindings: [Key: Command] = [
        // Moving: next/previous link in a menu, a line in a document.
        .down: .nextLink, .character("j"): .nextLink,
        .up: .previousLink, .character("k"): .previousLink,
        .pageDown: .pageDown, .character(" "): .pageDown,
        .pageUp: .pageUp, .character("b"): .pageUp,
        .home: .top, .character("g"): .top,
        .end: .bottom, .character("G"): .bottom,
        // Following links and history.
        .enter: .open, .right: .open, .character("l"): .open,
        .left: .back, .character("h"): .back, .backspace: .back,
        .character("f"): .forward,
        .character("o"): .goTo, .character("O"): .editURL,
        .character("u"): .up, .character("r"): .reload,
        // Finding.
        .character("/"): .find, .character("n"): .findNext, .character("N"): .findPrevious,
        // Keeping things.
        .character("s"): .save, .character("d"): .download,
        .character("a"): .bookmark, .character("B"): .showBookmarks, .character("H"): .showHistory,
        // Looking closer.
        .character("\\"): .source, .character("="): .info, .character("y"): .copyURL,
        .character("w"): .toggleWrap, .character("?"): .help,
        // Stopping.
        .escape: .cancel, .control("c"): .cancel,
        .character("q"): .quit, .control("z"): .suspend,
    ]
}
