/// Warren's own pages, `about:NAME`. Their text lives in `Resources/` as gophermaps and is
/// compiled into the binary (see `BuiltInPages+Resources.swift`, made by
/// `scripts/embed-resources`), so a `warren` binary copied anywhere still has them.
public enum BuiltInPages {
    public static func page(named name: String) -> [UInt8]? {
        switch name {
        case "home": return Array(EmbeddedResources.home.utf8)
        case "help": return Array(EmbeddedResources.help.utf8)
        default: return nil
        }
    }
}
