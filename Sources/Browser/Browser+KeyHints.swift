import GopherCore

/// The keys the status bar and the built-in words name (`r tries again`, `Esc cancels`): the
/// key in force for the command, so that a key moved in config.toml is named where it now is.
extension Browser {
    /// The default key a message names for each command it mentions (one of several defaults:
    /// `Esc` rather than `C-c`, `h` rather than `Left`).
    private static let namedDefaults: [Command: Key] = [
        .reload: .character("r"), .goTo: .character("o"), .editURL: .character("O"), .back: .character("h"),
        .help: .character("?"), .quit: .character("q"), .cancel: .escape, .find: .character("/"),
        .subscribe: .character("S"), .removeEntry: .character("x"), .showDownloads: .character("D"),
        .showBookmarks: .character("B"),
    ]

    /// The key for `command`: its usual one while that still does it, else the first of those
    /// config.toml gave it; nil when no key does it.
    func keyName(for command: Command) -> String? {
        if let usual = Self.namedDefaults[command], keyBindings[usual] == command { return KeyMap.name(of: usual) }
        return KeyMap.keyNames(of: command, in: keyBindings).first
    }

    /// `r tries again`, with the key in force; nil when no key does it (the words are left out).
    func keyed(_ command: Command, _ words: String) -> String? {
        keyName(for: command).map { "\($0) \(words)" }
    }

    /// `words (r tries again)`, or just `words` when no key does it.
    func withHint(_ words: String, _ command: Command, _ hint: String) -> String {
        keyed(command, hint).map { "\(words) (\($0))" } ?? words
    }
}
