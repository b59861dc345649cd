/// `h` items whose selector is `URL:<address>` point outside gopherspace (RFC-less but universal
/// convention); Warren shows the address rather than fetching it.
public enum ExternalURL {
    public static func target(of selector: some Collection<UInt8>) -> String? {
        let prefix = Array("URL:".utf8)
        guard selector.starts(with: prefix) else { return nil }
        return TextDecoder.decode(selector.dropFirst(prefix.count))
    }
}
