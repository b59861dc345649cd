/// What a TLS server showed of itself: for page info, and for the question asked when its
/// certificate is not from a known authority.
public struct PeerCertificate: Sendable, Equatable {
    /// RFC 2253 order: `CN=localhost,O=Warren tests`.
    public var subject: String
    public var issuer: String
    /// SHA-256 of the DER certificate, as colon-separated upper-case hex pairs (how openssl and
    /// browsers show it, so a user can compare it with what the server's owner publishes).
    public var fingerprint: String
    /// The end of its validity, in seconds since 1970 (UTC), when it could be read.
    public var notAfter: Int64?

    public init(subject: String, issuer: String, fingerprint: String, notAfter: Int64?) {
        self.subject = subject
        self.issuer = issuer
        self.fingerprint = fingerprint
        self.notAfter = notAfter
    }

    /// `label` and the fingerprint, padded like page info's lines, on lines of 16 pairs (32
    /// pairs and a label do not fit 80 columns), or fewer where `width` is narrower.
    public static func fingerprintLines(_ label: String, _ fingerprint: String, width: Int = 80) -> [String] {
        let pairs = fingerprint.split(separator: ":")
        let indent = 11
        // 16 pairs a line where they fit; on a narrow screen fewer (groups of 4 where 4 fit),
        // so that every byte the user is asked to compare is always on screen.
        var perLine = pairs.count > 16 && indent + 16 * 3 <= width ? 16 : max(1, (width - indent) / 3)
        if perLine > 4 { perLine -= perLine % 4 }
        guard pairs.count > perLine else { return [label.padded(to: indent) + fingerprint] }
        var lines: [String] = []
        var start = 0
        while start < pairs.count {
            let end = min(pairs.count, start + perLine)
            let text = pairs[start..<end].joined(separator: ":") + (end < pairs.count ? ":" : "")
            lines.append((start == 0 ? label.padded(to: indent) : String(repeating: " ", count: indent)) + text)
            start = end
        }
        return lines
    }

    /// `2027-12-01 10:00 UTC`, or `unknown`.
    public var expiryText: String {
        guard let notAfter else { return "unknown" }
        return Self.utcText(notAfter)
    }

    /// Seconds since 1970 as a UTC date and time, without Foundation (civil-from-days).
    static func utcText(_ seconds: Int64) -> String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day)) \(two(secondOfDay / 3600)):\(two(secondOfDay % 3600 / 60)) UTC"
    }
}

/// How a TLS server's certificate came to be trusted.
public enum CertificateTrust: String, Sendable, Equatable {
    /// It chains to an authority in the system store (or `SSL_CERT_FILE`, `SSL_CERT_DIR`).
    case authority
    /// The user pinned it (`a` at the question), in `known_certificates`.
    case pinned
    /// The user trusted it until Warren quits (`o` at the question).
    case untilQuit
}

/// How one page's connection was protected, for the title bar and page info.
public struct TLSDetails: Sendable, Equatable {
    /// `TLSv1.3`.
    public var protocolVersion: String
    /// `TLS_AES_256_GCM_SHA384`.
    public var cipher: String
    public var certificate: PeerCertificate
    public var trust: CertificateTrust

    public init(protocolVersion: String, cipher: String, certificate: PeerCertificate, trust: CertificateTrust) {
        self.protocolVersion = protocolVersion
        self.cipher = cipher
        self.certificate = certificate
        self.trust = trust
    }

    /// Page info's lines, labels padded like the others there.
    public var infoLines: [String] {
        let trustWords: String
        switch trust {
        case .authority: trustWords = "by a certificate authority in the system store"
        case .pinned: trustWords = "pinned by you (known_certificates)"
        case .untilQuit: trustWords = "by you, until Warren quits"
        }
        return [
            "Security   \(protocolVersion), \(cipher)",
            "Subject    \(certificate.subject)",
            "Issuer     \(certificate.issuer)",
        ] + PeerCertificate.fingerprintLines("SHA-256", certificate.fingerprint) + [
            "Expires    \(certificate.expiryText)",
            "Trusted    \(trustWords)",
        ]
    }
}

/// Certificates trusted for a `host:port` outside the authorities: a SHA-256 fingerprint per
/// endpoint (`GopherURL.endpoint`, host in lower case).
public struct CertificatePins: Sendable, Equatable {
    public private(set) var fingerprints: [String: String] = [:]

    public init(_ fingerprints: [String: String] = [:]) {
        for (endpoint, fingerprint) in fingerprints { self.fingerprints[endpoint.lowercased()] = fingerprint }
    }

    public subscript(endpoint: String) -> String? {
        get { fingerprints[endpoint.lowercased()] }
        set { fingerprints[endpoint.lowercased()] = newValue }
    }
}

/// A certificate the fetch would not trust on its own, and that the user may: one not from a
/// known authority (self-signed, or an unknown issuer), or one that differs from the pin.
public struct CertificateQuestion: Sendable, Equatable {
    public enum Reason: Sendable, Equatable {
        /// Why no authority vouches for it, in OpenSSL's words: `self-signed certificate`.
        case unknownIssuer(String)
        /// The endpoint has a pin, and this is not it.
        case changed(pinned: String)
    }

    /// `host:port`, as the pin is kept.
    public var endpoint: String
    public var certificate: PeerCertificate
    public var reason: Reason

    public init(endpoint: String, certificate: PeerCertificate, reason: Reason) {
        self.endpoint = endpoint
        self.certificate = certificate
        self.reason = reason
    }
}
