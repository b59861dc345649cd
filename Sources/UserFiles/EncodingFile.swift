import Browser
import GopherCore

/// `encodings`: the encoding chosen with `E` for each host, one `host<TAB>name` a line, so that a
/// host's later pages (and later sessions) are read the same way. Written atomically; a line it
/// cannot read is skipped, never fatal.
public struct EncodingFile: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// The encodings by host (lowercased); empty when there is no file yet.
    public func load() -> [String: PageEncoding] {
        let text = String(decoding: UserFileStore.read(path) ?? [], as: UTF8.self)
        var encodings: [String: PageEncoding] = [:]
        for line in text.split(separator: "\n") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2, !fields[0].isEmpty, let encoding = PageEncoding(name: String(fields[1])),
                encoding != .auto
            else { continue }
            encodings[fields[0].lowercased()] = encoding
        }
        return encodings
    }

    /// Keeps `encoding` for `host`; `auto` forgets the host.
    public func remember(_ encoding: PageEncoding, for host: String) throws(UserFileError) {
        var encodings = load()
        encodings[host.lowercased()] = encoding == .auto ? nil : encoding
        let text = encodings.keys.sorted().map { "\($0)\t\(encodings[$0]!.name)\n" }.joined()
        try UserFileStore.writeAtomically(Array(text.utf8), to: path)
    }
}
