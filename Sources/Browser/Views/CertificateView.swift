import GopherCore

/// The question a `gophers://` load stops at when it meets a certificate it cannot trust on its
/// own: one no known authority signed (self-signed, an unknown issuer), or one that differs from
/// the pin. It fills the screen with what the server showed, and takes only its answers:
/// - not from a known authority: `o` trusts it until Warren quits, `a` pins it in
///   known_certificates, `n` (or Esc, `q`) does not;
/// - changed since pinned: `r` replaces the pin, `n` (or Esc, `q`) keeps refusing.
/// Either trust opens the page again. Other keys do nothing, so a key meant for the page never
/// answers by accident.
public struct CertificateView: Sendable, Equatable {
    public let question: CertificateQuestion
    /// The page the load was for, opened again once the certificate is trusted.
    let location: Location
    let title: String?

    init(_ question: CertificateQuestion, location: Location, title: String?) {
        self.question = question
        self.location = location
        self.title = title
    }

    var isChange: Bool {
        if case .changed = question.reason { return true }
        return false
    }

    func handle(_ key: Key) -> [ViewAction] {
        guard case .character(let character) = key else {
            return key == .escape ? refuse() : []
        }
        switch (character, isChange) {
        case ("o", false): return trust(always: false)
        case ("a", false), ("r", true): return trust(always: true)
        case ("n", _), ("N", _), ("q", _): return refuse()
        default: return []
        }
    }

    private func trust(always: Bool) -> [ViewAction] {
        let shown = question.certificate
        return [
            .close,
            .emit(.trustCertificate(
                endpoint: question.endpoint, fingerprint: shown.fingerprint, subject: shown.subject, always: always)),
            .open(location, title: title),
        ]
    }

    private func refuse() -> [ViewAction] {
        let words = isChange ? "certificate changed: still refused" : "certificate not trusted"
        return [.close, .say("\(words) (\(question.endpoint))", isError: false)]
    }

    /// The status bar's words while the question is open.
    var prompt: String {
        isChange ? "certificate changed: [r]eplace the pin, or [n]o?" : "trust [o]nce, [a]lways, or [n]o?"
    }

    private var names: [String] {
        ["Subject    \(question.certificate.subject)", "Issuer     \(question.certificate.issuer)"]
    }

    private var expiry: String { "Expires    \(question.certificate.expiryText)" }

    /// What the view says, the fingerprints laid out for `width` columns.
    func lines(width: Int = 80) -> [String] {
        let shown = question.certificate
        var lines: [String]
        switch question.reason {
        case .unknownIssuer(let why):
            lines = [
                "The certificate of \(question.endpoint) is not from a known authority.",
                "",
                "Why        \(why)",
            ]
            lines += names
            lines += PeerCertificate.fingerprintLines("SHA-256", shown.fingerprint, width: width)
            lines += [
                expiry,
                "",
                "Trust it only if this fingerprint is the one the server's owner publishes.",
                "",
                "  o   trust it once, until Warren quits",
                "  a   trust it always (pinned in known_certificates)",
                "  n   do not trust it (Esc)",
            ]
        case .changed(let pinned):
            lines = [
                "WARNING: the certificate of \(question.endpoint) has changed since you pinned it.",
                "",
                "Someone may be between you and the server, or its owner replaced it.",
                "",
            ]
            lines += PeerCertificate.fingerprintLines("Pinned", pinned, width: width)
            lines += PeerCertificate.fingerprintLines("Now", shown.fingerprint, width: width)
            lines += names + [
                expiry,
                "",
                "  r   replace the pin with the new certificate",
                "  n   keep refusing it (Esc)",
            ]
        }
        return lines.map { Sanitizer.clean($0) }
    }
}

extension CertificateView: ScreenView {
    func title(context: ViewContext) -> String { " certificate of " + question.endpoint }

    /// Every line wraps rather than being cut: what the user is asked to judge is all there.
    func rows(context: ViewContext) -> [ScreenRow] {
        let rows = lines(width: context.width).flatMap { context.columns.rows(of: $0, wrapping: true) }
        return rows.prefix(context.pageRows).map { context.columns.row($0) }
    }

    func restingStatus(context: ViewContext) -> String { prompt }
}
