/// Warren's own pages, `about:NAME`. Their text lives in `Resources/` as gophermaps and is
/// compiled into the binary (see `BuiltInPages+Resources.swift`, made by
/// `scripts/embed-resources`), so a `warren` binary copied anywhere still has them.
/// `about:keys`, and the keys on `about:help`, are made from the key table in force, so they
/// show the user's own keys.
/// Pages made from the user's files (`UserPage`) are the app's to make.
public enum BuiltInPages {
    public static func page(named name: String, keyBindings: [Key: Command] = KeyMap.bindings) -> [UInt8]? {
        switch name {
        case "home": return Array(EmbeddedResources.home.utf8)
        case "help": return KeyMap.helpPage(for: keyBindings, prose: Array(EmbeddedResources.help.utf8))
        case "keys": return KeyMap.page(for: keyBindings)
        default: return nil
        }
    }
}

extension BuiltInPages {
    /// `Resources/config.toml`: every setting with its default, as `--print-default-config`
    /// prints it.
    public static var defaultConfig: String { EmbeddedResources.config }
}
