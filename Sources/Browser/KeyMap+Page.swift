import GopherCore

/// `about:keys`: the key table in force, made from the bindings themselves, so a key rebound in
/// config.toml shows here as it really is.
extension KeyMap {
    public static func page(for bindings: [Key: Command]) -> [UInt8] {
        var lines = GophermapLine.info("Keys in force (the [keys] table of config.toml changes them)")
            + GophermapLine.info("")
        for command in Command.allCases {
            let keys = keyNames(of: command, in: bindings)
            let shown = keys.isEmpty ? "(none)" : keys.joined(separator: " ")
            lines += GophermapLine.info("  " + shown.padded(to: 22) + command.summary)
        }
        lines += GophermapLine.info("  1 2 3 …".padded(to: 24) + "select link N; Enter opens it")
        return lines
    }

    /// A key as config.toml names it and as the keys page shows it: `j`, `Down`, `C-c`, `F1`.
    public static func name(of key: Key) -> String {
        switch key {
        case .character(" "): return "Space"
        case .character(let character): return String(character)
        case .control(let letter): return "C-\(letter)"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .enter: return "Enter"
        case .backspace: return "Backspace"
        case .delete: return "Delete"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "S-Tab"
        case .function(let number): return "F\(number)"
        case .resize: return "(resize)"
        case .mouse: return "(mouse)"
        }
    }
}

extension Command {
    /// What the command does, in the words of the keys page.
    public var summary: String {
        switch self {
        case .nextLink: return "next link in a menu; line down in a document"
        case .previousLink: return "previous link; line up"
        case .pageDown: return "page down"
        case .pageUp: return "page up"
        case .top: return "top"
        case .bottom: return "bottom"
        case .open: return "open the selected link"
        case .nextTab: return "next link, or next address in a document"
        case .previousTab: return "previous link, or previous address in a document"
        case .back: return "back (scroll position and selection come back)"
        case .forward: return "forward"
        case .goTo: return "go to a URL"
        case .editURL: return "edit the current URL"
        case .up: return "up one level"
        case .reload: return "reload"
        case .find: return "find in page"
        case .findNext: return "find next"
        case .findPrevious: return "find previous"
        case .save: return "save the current page to disk"
        case .download: return "download the selected item without opening it"
        case .bookmark: return "bookmark this page"
        case .showBookmarks: return "show bookmarks"
        case .showHistory: return "history"
        case .showDownloads: return "downloads, running and ended (about:downloads)"
        case .removeEntry: return "remove a bookmark or a feed; cancel a download"
        case .subscribe: return "subscribe to this menu as a feed, or unsubscribe"
        case .showFeeds: return "feeds: what is new since you last looked (about:feeds)"
        case .recheckFeeds: return "check every feed again now"
        case .source: return "raw source of the page"
        case .info: return "page info: URL, type, size, addresses, timings"
        case .copyURL: return "copy the selected item's URL"
        case .toggleWrap: return "wrap long lines on/off"
        case .cycleEncoding: return "next encoding for this page and host (auto, UTF-8, CP437…)"
        case .help: return "help"
        case .cancel: return "cancel the load in progress"
        case .quit: return "quit"
        case .suspend: return "suspend (fg resumes)"
        }
    }
}
