import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

/// The certificate question: what it shows, and what each answer does.
@Suite struct CertificateViewTests {
    static let fingerprint = (0..<32).map { String(format: "%02X", $0 * 7 % 256) }.joined(separator: ":")
    static let other = (0..<32).map { String(format: "%02X", 255 - $0) }.joined(separator: ":")
    static let certificate = PeerCertificate(
        subject: "CN=localhost,O=Warren tests", issuer: "CN=localhost,O=Warren tests", fingerprint: fingerprint,
        notAfter: 1_827_000_000)
    static let url = "gophers://127.0.0.1:7443/1/"

    /// A browser whose load of `url` stopped at `reason`.
    static func stopped(at reason: CertificateQuestion.Reason) throws -> Browser {
        var browser = Browser()
        browser.resize(width: 80, height: 24)
        let opened = browser.open(try Location(parsing: url), title: "Garden")
        let id = try #require(opened.fetchID)
        browser.loadStoppedAtCertificate(
            id: id, message: "tls failed: …",
            question: CertificateQuestion(endpoint: "127.0.0.1:7443", certificate: certificate, reason: reason))
        return browser
    }

    @Test func anUnknownCertificateFillsTheScreenWithWhatTheServerShowedAndAsks() throws {
        let browser = try Self.stopped(at: .unknownIssuer("self-signed certificate"))
        #expect(browser.titleLine == " certificate of 127.0.0.1:7443")
        #expect(Array(browser.pageLines.prefix(15)) == [
            "The certificate of 127.0.0.1:7443 is not from a known authority.",
            "",
            "Why        self-signed certificate",
            "Subject    CN=localhost,O=Warren tests",
            "Issuer     CN=localhost,O=Warren tests",
            "SHA-256    00:07:0E:15:1C:23:2A:31:38:3F:46:4D:54:5B:62:69:",
            "           70:77:7E:85:8C:93:9A:A1:A8:AF:B6:BD:C4:CB:D2:D9",
            "Expires    2027-11-23 20:00 UTC",
            "",
            "Trust it only if this fingerprint is the one the server's owner publishes.",
            "",
            "  o   trust it once, until Warren quits",
            "  a   trust it always (pinned in known_certificates)",
            "  n   do not trust it (Esc)",
            "",
        ])
        #expect(browser.statusLine == " trust [o]nce, [a]lways, or [n]o?")
    }

    @Test func aNarrowScreenShowsEveryByteOfTheFingerprintAndWrapsTheRest() throws {
        var browser = try Self.stopped(at: .unknownIssuer("self-signed certificate"))
        browser.resize(width: 40, height: 30)
        #expect(Array(browser.pageLines.prefix(12)) == [
            "The certificate of 127.0.0.1:7443 is not",
            "from a known authority.",
            "",
            "Why        self-signed certificate",
            "Subject    CN=localhost,O=Warren tests",
            "Issuer     CN=localhost,O=Warren tests",
            "SHA-256    00:07:0E:15:1C:23:2A:31:",
            "           38:3F:46:4D:54:5B:62:69:",
            "           70:77:7E:85:8C:93:9A:A1:",
            "           A8:AF:B6:BD:C4:CB:D2:D9",
            "Expires    2027-11-23 20:00 UTC",
            "",
        ])
        #expect(browser.pageLines.contains("  a   trust it always (pinned in"))
    }

    @Test func onceTrustsUntilQuitAndOpensThePageAgain() throws {
        var browser = try Self.stopped(at: .unknownIssuer("self-signed certificate"))
        let actions = browser.press(.character("o"))
        #expect(actions.first == .trustCertificate(
            endpoint: "127.0.0.1:7443", fingerprint: Self.fingerprint, subject: "CN=localhost,O=Warren tests", always: false))
        #expect(actions.fetchedURL?.description == Self.url)
        #expect(browser.views.isEmpty)
    }

    @Test func alwaysPinsAndOpensThePageAgain() throws {
        var browser = try Self.stopped(at: .unknownIssuer("self-signed certificate"))
        let actions = browser.press(.character("a"))
        #expect(actions.first == .trustCertificate(
            endpoint: "127.0.0.1:7443", fingerprint: Self.fingerprint, subject: "CN=localhost,O=Warren tests", always: true))
        #expect(actions.fetchedURL?.description == Self.url)
    }

    @Test func noOrEscapeTrustsNothingAndSaysSo() throws {
        for key in [Key.character("n"), .escape, .character("q")] {
            var browser = try Self.stopped(at: .unknownIssuer("self-signed certificate"))
            #expect(browser.press(key) == [], "\(key)")
            #expect(browser.views.isEmpty)
            #expect(browser.statusLine == " certificate not trusted (127.0.0.1:7443)")
        }
    }

    @Test func otherKeysDoNotAnswer() throws {
        var browser = try Self.stopped(at: .unknownIssuer("self-signed certificate"))
        #expect(browser.press(.character("j"), .character("r"), .enter, .character("y")) == [])
        #expect(browser.titleLine == " certificate of 127.0.0.1:7443")
    }

    @Test func aChangedCertificateWarnsWithBothFingerprintsAndOnlyRReplacesThePin() throws {
        var browser = try Self.stopped(at: .changed(pinned: Self.other))
        #expect(Array(browser.pageLines.prefix(16)) == [
            "WARNING: the certificate of 127.0.0.1:7443 has changed since you pinned it.",
            "",
            "Someone may be between you and the server, or its owner replaced it.",
            "",
            "Pinned     FF:FE:FD:FC:FB:FA:F9:F8:F7:F6:F5:F4:F3:F2:F1:F0:",
            "           EF:EE:ED:EC:EB:EA:E9:E8:E7:E6:E5:E4:E3:E2:E1:E0",
            "Now        00:07:0E:15:1C:23:2A:31:38:3F:46:4D:54:5B:62:69:",
            "           70:77:7E:85:8C:93:9A:A1:A8:AF:B6:BD:C4:CB:D2:D9",
            "Subject    CN=localhost,O=Warren tests",
            "Issuer     CN=localhost,O=Warren tests",
            "Expires    2027-11-23 20:00 UTC",
            "",
            "  r   replace the pin with the new certificate",
            "  n   keep refusing it (Esc)",
            "",
            "",
        ])
        #expect(browser.statusLine == " certificate changed: [r]eplace the pin, or [n]o?")
        // `o` and `a` are not answers here: the change must be chosen as a change.
        #expect(browser.press(.character("o"), .character("a")) == [])
        let actions = browser.press(.character("r"))
        #expect(actions.first == .trustCertificate(
            endpoint: "127.0.0.1:7443", fingerprint: Self.fingerprint, subject: "CN=localhost,O=Warren tests", always: true))
        #expect(actions.fetchedURL?.description == Self.url)
    }

    @Test func aRefusedChangeSaysItIsStillRefused() throws {
        var browser = try Self.stopped(at: .changed(pinned: Self.other))
        browser.press(.escape)
        #expect(browser.statusLine == " certificate changed: still refused (127.0.0.1:7443)")
    }

    @Test func theQuestionWaitsUnderAPromptBeingTypedSoItsKeysNeverAnswerIt() throws {
        var browser = Browser()
        browser.resize(width: 80, height: 24)
        let opened = browser.open(try Location(parsing: Self.url), title: nil)
        let id = try #require(opened.fetchID)
        browser.press(.character("o"))
        browser.type("ab")
        browser.loadStoppedAtCertificate(
            id: id, message: "tls failed: …",
            question: CertificateQuestion(endpoint: "127.0.0.1:7443", certificate: Self.certificate, reason: .unknownIssuer("self-signed certificate")))
        // "a" and "o" go on into the prompt; nothing is trusted.
        #expect(browser.type("ao") == [])
        #expect(browser.statusLine == "Go to: abao")
        browser.press(.escape)
        #expect(browser.titleLine == " certificate of 127.0.0.1:7443")
    }
}
