import GopherCore

/// The help page and the manual's KEYS section, both made from the key table: the help page
/// from the keys in force, the manual from the defaults (a test holds `Resources/warren.1` to
/// `manualSection`). The rest of the help page is prose, in `Resources/help.gph`.
extension KeyMap {
    /// `about:help`: the keys in force by group, then what the screen shows.
    public static func helpPage(for bindings: [Key: Command], prose: [UInt8]) -> [UInt8] {
        var lines = GophermapLine.info("Warren keys") + GophermapLine.info("")
        for group in groups {
            lines += GophermapLine.info(group.title)
            for command in group.commands {
                let keys = keyNames(of: command, in: bindings)
                lines += GophermapLine.info("  " + (keys.isEmpty ? "(none)" : keys.joined(separator: " ")).padded(to: 20) + command.summary)
            }
            if group.title == "Moving" {
                lines += GophermapLine.info("  1 2 3 …".padded(to: 22) + "select link N; Enter opens it")
            }
            lines += GophermapLine.info("")
        }
        return lines + prose
    }

    /// The `.SH KEYS` section of warren.1, in roff, for the default keys.
    public static var manualSection: String {
        var text = """
            .SH KEYS
            These are the defaults; the
            .B [keys]
            table of config.toml changes them, and
            .B about:keys
            shows the keys in force.

            """
        for group in groups {
            text += ".SS \(group.title)\n"
            for command in group.commands {
                text += ".TP\n.B \(roff(keyNames(of: command, in: bindings).joined(separator: "  ")))\n\(roff(command.summary))\n"
            }
            if group.title == "Moving" { text += ".TP\n.B 1 2 3 ...\nselect link N; Enter opens it\n" }
        }
        return text
    }

    /// Text for a roff line: backslashes and hyphens escaped, and never a leading dot or quote.
    private static func roff(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\e"
            case "-": escaped += "\\-"
            default: escaped.append(character)
            }
        }
        return escaped.hasPrefix(".") || escaped.hasPrefix("'") ? "\\&" + escaped : escaped
    }
}
