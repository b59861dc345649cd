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

    private static let prefixes = [Array("URL:".utf8), Array("/URL:".utf8)]
}
