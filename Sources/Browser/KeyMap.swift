/// Everything a key can ask the browser to do.
public enum Command: String, Sendable, CaseIterable {
    case nextLink, previousLink, pageDown, pageUp, top, bottom
    case open, back, forward, nextTab, previousTab
    case goTo, editURL, up, reload
    case find, findNext, findPrevious
    case save, download
    case bookmark, showBookmarks, showHistory, showDownloads, removeEntry
    case subscribe, showFeeds, recheckFeeds
    case source, info, copyURL, toggleWrap, cycleEncoding, help
    case cancel, quit, suspend
}

/// The key table: one place that says which key does what. It is a contract with users (the
/// README lists it); ARCHITECTURE.md says which view handles each key.
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
        // Tab, Shift-Tab: the next, previous link, in documents too (their addresses).
        .tab: .nextTab, .backTab: .previousTab,
        .left: .back, .character("h"): .back, .backspace: .back,
        .character("f"): .forward,
        .character("o"): .goTo, .character("O"): .editURL,
        .character("u"): .up, .character("r"): .reload,
        // Finding.
        .character("/"): .find, .character("n"): .findNext, .character("N"): .findPrevious,
        // Keeping things.
        .character("s"): .save, .character("d"): .download,
        .character("a"): .bookmark, .character("B"): .showBookmarks, .character("H"): .showHistory,
        .character("D"): .showDownloads, .character("x"): .removeEntry,
        // Feeds: subscribe to the menu on screen (or not), what is new, check again now.
        .character("S"): .subscribe, .character("F"): .showFeeds, .character("R"): .recheckFeeds,
        // Looking closer.
        .character("\\"): .source, .character("="): .info, .character("y"): .copyURL,
        .character("w"): .toggleWrap, .character("E"): .cycleEncoding, .character("?"): .help,
        // Stopping.
        .escape: .cancel, .control("c"): .cancel,
        .character("q"): .quit, .control("z"): .suspend,
    ]
}

extension KeyMap {
    /// The table's commands in the groups its comments make, in the order the help page and
    /// the manual list them; a test holds it to cover every command exactly once.
    public static let groups: [(title: String, commands: [Command])] = [
        ("Moving", [.nextLink, .previousLink, .pageDown, .pageUp, .top, .bottom]),
        ("Following links and history", [.open, .nextTab, .previousTab, .back, .forward, .goTo, .editURL, .up, .reload]),
        ("Finding", [.find, .findNext, .findPrevious]),
        ("Keeping things", [.save, .download, .bookmark, .showBookmarks, .showHistory, .showDownloads, .removeEntry]),
        ("Feeds", [.subscribe, .showFeeds, .recheckFeeds]),
        ("Looking closer", [.source, .info, .copyURL, .toggleWrap, .cycleEncoding, .help]),
        ("Stopping", [.cancel, .quit, .suspend]),
    ]

    /// The keys that do `command` in `bindings`, as config.toml names them, in one order for
    /// every page that lists them.
    public static func keyNames(of command: Command, in bindings: [Key: Command]) -> [String] {
        bindings.filter { $0.value == command }.map { name(of: $0.key) }.sorted()
    }
}

extension KeyMap {
    /// A key as config.toml names it: one character (`"x"`, `"?"`), a name (`"Enter"`, `"Esc"`,
    /// `"Up"`, `"Down"`, `"Left"`, `"Right"`, `"PgUp"`, `"PgDn"`, `"Home"`, `"End"`,
    /// `"Backspace"`, `"Delete"`, `"Tab"`, `"S-Tab"`, `"Space"`, `"F1"`…`"F12"`), or `"C-x"` for Ctrl-x.
    public static func key(named name: String) -> Key? {
        let named: [String: Key] = [
            "enter": .enter, "esc": .escape, "escape": .escape, "up": .up, "down": .down, "left": .left,
            "right": .right, "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
            "home": .home, "end": .end, "backspace": .backspace, "delete": .delete, "tab": .tab, "s-tab": .backTab,
            "space": .character(" "),
        ]
        if name.count == 1, let character = name.first { return .character(character) }
        if let key = named[name.lowercased()] { return key }
        let lowered = name.lowercased()
        if lowered.hasPrefix("c-"), lowered.count == 3, let letter = lowered.last, letter.isLetter, letter.isASCII {
            return .control(letter)
        }
        if lowered.hasPrefix("f"), let number = Int(lowered.dropFirst()), (1...24).contains(number) {
            return .function(number)
        }
        return nil
    }

    /// Why a key that config.toml names can never be told apart: Ctrl-H, Ctrl-I, Ctrl-J and
    /// Ctrl-M send the bytes of Backspace, Tab and Enter. nil for keys that arrive as themselves.
    public static func whyNeverArrives(_ name: String) -> String? {
        switch name.lowercased() {
        case "c-h": return "the terminal sends Backspace (use \"Backspace\")"
        case "c-i": return "the terminal sends Tab (use \"Tab\")"
        case "c-j", "c-m": return "the terminal sends Enter (use \"Enter\")"
        default: return nil
        }
    }

    /// A command as config.toml names it: `next_link`, `find_next`, `quit`…
    public static func command(named name: String) -> Command? {
        Command.allCases.first { $0.configName == name }
    }

    /// The default table with `changes` applied: each names a key that now does its command.
    public static func bindings(with changes: [Key: Command]) -> [Key: Command] {
        bindings.merging(changes) { $1 }
    }
}

extension Command {
    /// `nextLink` → `next_link`, `copyURL` → `copy_url`.
    public var configName: String {
        var name = ""
        var previous: Character = " "
        for character in rawValue {
            if character.isUppercase, previous.isLowercase { name += "_" }
            name += character.lowercased()
            previous = character
        }
        return name
    }
}
