import GopherCore

/// `known_certificates`: the certificates the user chose to trust always (`a` at the certificate
/// question), one `host:port fingerprint subject` a line, separated by single spaces; the subject
/// is there for the reader. Written atomically; a line it cannot read is skipped, never fatal.
public struct KnownCertificatesFile: Sendable {
    public let path: String

    public init(path: String) { self.path = path }

    /// The pins by endpoint; none when there is no file yet.
    public func load() -> CertificatePins {
        var pins = CertificatePins()
        for entry in entries() { pins[entry.endpoint] = entry.fingerprint }
        return pins
    }

    /// Pins `fingerprint` for `endpoint`, replacing an earlier pin there.
    public func pin(_ fingerprint: String, for endpoint: String, subject: String) throws(UserFileError) {
        var kept = entries().filter { $0.endpoint != endpoint.lowercased() }
        kept.append(Entry(endpoint: endpoint.lowercased(), fingerprint: fingerprint, subject: Self.oneLine(subject)))
        let text = kept.map { "\($0.endpoint) \($0.fingerprint) \($0.subject)\n" }.joined()
        try UserFileStore.writeAtomically(Array(text.utf8), to: path)
    }

    private struct Entry {
        var endpoint: String
        var fingerprint: String
        var subject: String
    }

    private func entries() -> [Entry] {
        let text = String(decoding: UserFileStore.read(path) ?? [], as: UTF8.self)
        return text.split(separator: "\n").compactMap { line -> Entry? in
            let fields = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count >= 2, Self.isEndpoint(fields[0]), Self.isFingerprint(fields[1]) else { return nil }
            return Entry(
                endpoint: fields[0].lowercased(), fingerprint: String(fields[1]),
                subject: fields.count == 3 ? String(fields[2]) : "")
        }
    }

    /// `host:port` or `[v6]:port`.
    private static func isEndpoint(_ text: Substring) -> Bool {
        guard let colon = text.lastIndex(of: ":"), colon != text.startIndex else { return false }
        return UInt16(text[text.index(after: colon)...]) != nil
    }

    /// 32 upper-case hex pairs joined by colons, as `PeerCertificate.fingerprint` has it.
    private static func isFingerprint(_ text: Substring) -> Bool {
        let pairs = text.split(separator: ":", omittingEmptySubsequences: false)
        return pairs.count == 32 && pairs.allSatisfy { pair in
            pair.count == 2 && pair.allSatisfy { ("0"..."9").contains($0) || ("A"..."F").contains($0) }
        }
    }

    private static func oneLine(_ text: String) -> String {
        String(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
