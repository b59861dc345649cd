/// `h` items whose selector is `URL:<address>` point outside gopherspace (RFC-less but universal
/// convention; some maps write `/URL:<address>`); Warren shows the address rather than fetching
/// it.
public enum ExternalURL {
    public static func target(of selector: some Collection<UInt8>) -> String? {
        for prefix in prefixes where selector.starts(with: prefix) {
            return TextDecoder.decode(selector.dropFirst(prefix.count))
        }
        return nil
    }

    /// A `URL:` target that is itself a `gopher://` or `gophers://` URL, which Warren follows.
    public static func gopherTarget(_ target: String) -> GopherURL? {
        let lowered = target.lowercased()
        guard lowered.hasPrefix("gopher://") || lowered.hasPrefix("gophers://") else { return nil }
        return try? GopherURL(parsing: target)
    }

    private static let prefixes = [Array("URL:".utf8), Array("/URL:".utf8)]
}
