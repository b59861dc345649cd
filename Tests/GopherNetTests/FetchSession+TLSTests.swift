import GopherCore
import GopherNet
import Glibc
import Testing
import WarrenTestSupport

/// Options that trust the test authority (in place of the system store) and give up quickly.
private func trustingTheTestAuthority(_ change: (inout TLSOptions) -> Void = { _ in }) throws -> FetchOptions {
    var options = FetchOptions(timeout: .seconds(5))
    options.tls.authorityFile = try TestCertificates.shared.get().authorityFile
    change(&options.tls)
    return options
}

/// gophers:// against gophernicus behind a real stunnel4, with certificates made at test time.
@Suite struct FetchOverTLS {
    @Test func aMenuArrivesOverTLSAndTheReportSaysHowItWasProtected() throws {
        let certificates = try TestCertificates.shared.get()
        let server = try RealServer(.gophernicus)
        let tls = try RealTLSServer(certificate: .valid, backendPort: server.port)
        let recorder = FetchRecorder(try GopherURL(parsing: tls.url("/")), options: try trustingTheTestAuthority())
        let report = try #require(recorder.report, "\(String(describing: recorder.error))")
        #expect(String(decoding: recorder.data, as: UTF8.self).contains("hello.txt"))
        let details = try #require(report.tls)
        #expect(details.protocolVersion == "TLSv1.3")
        #expect(details.trust == .authority)
        #expect(details.certificate.subject == "CN=localhost,O=Warren tests")
        #expect(details.certificate.issuer == "CN=Warren test authority,O=Warren tests")
        #expect(details.certificate.fingerprint == (try certificates.fingerprint(.valid)))
        #expect(recorder.progress.contains(.securing("127.0.0.1:\(tls.port)")))
        #expect(report.timings.tls > .zero)
    }

    @Test func expiredNotYetValidAndWrongNameCertificatesAreRefusedWithTheReason() throws {
        let server = try RealServer(.gophernicus)
        var messages: [String] = []
        for kind in [TestCertificates.Kind.expired, .notYetValid, .wrongName] {
            let tls = try RealTLSServer(certificate: kind, backendPort: server.port)
            let recorder = FetchRecorder(try GopherURL(parsing: tls.url("/")), options: try trustingTheTestAuthority())
            let error = try #require(recorder.error)
            #expect(error.stage == .tls)
            #expect(error.code == .certificateRefused)
            messages.append(error.description.replacingOccurrences(of: "\(tls.port)", with: "PORT"))
        }
        #expect(messages[0].hasPrefix("tls failed: certificate has expired (on "))
        #expect(messages[0].hasSuffix(" UTC) (127.0.0.1:PORT)"))
        #expect(messages[1] == "tls failed: certificate is not yet valid (127.0.0.1:PORT)")
        #expect(messages[2] == "tls failed: hostname mismatch (the certificate is for CN=elsewhere.invalid,O=Warren tests) (127.0.0.1:PORT)")
    }

    @Test func aSelfSignedCertificateIsNotTrustedButAskedAboutWithItsFingerprint() throws {
        let certificates = try TestCertificates.shared.get()
        let server = try RealServer(.gophernicus)
        let tls = try RealTLSServer(certificate: .selfSigned, backendPort: server.port)
        let recorder = FetchRecorder(try GopherURL(parsing: tls.url("/")), options: try trustingTheTestAuthority())
        let error = try #require(recorder.error)
        let fingerprint = try certificates.fingerprint(.selfSigned)
        #expect(error.code == .certificateUnknown)
        #expect(error.description
            == "tls failed: certificate not from a known authority (self-signed certificate), SHA-256 \(fingerprint) (127.0.0.1:\(tls.port))")
        let question = try #require(error.certificate)
        #expect(question.endpoint == "127.0.0.1:\(tls.port)")
        #expect(question.reason == .unknownIssuer("self-signed certificate"))
        #expect(question.certificate.fingerprint == fingerprint)
        #expect(question.certificate.subject == "CN=localhost,O=Warren tests")
        // Nothing of the response was handed on.
        #expect(recorder.data.isEmpty)
    }

    @Test func aPinnedCertificateIsTrustedAndOneThatChangedIsRefusedShowingBoth() throws {
        let certificates = try TestCertificates.shared.get()
        let server = try RealServer(.gophernicus)
        let pinnedServer = try RealTLSServer(certificate: .selfSigned, backendPort: server.port)
        let pinned = try certificates.fingerprint(.selfSigned)
        let endpoint = "127.0.0.1:\(pinnedServer.port)"
        let options = try trustingTheTestAuthority { $0.pinned[endpoint] = pinned }
        let accepted = FetchRecorder(try GopherURL(parsing: pinnedServer.url("/")), options: options)
        #expect(accepted.report?.tls?.trust == .pinned)
        #expect(String(decoding: accepted.data, as: UTF8.self).contains("hello.txt"))

        // The same endpoint now shows another certificate.
        pinnedServer.stop()
        let replaced = try RealTLSServer(certificate: .replacement, backendPort: server.port)
        let now = try certificates.fingerprint(.replacement)
        let moved = try trustingTheTestAuthority { $0.pinned["127.0.0.1:\(replaced.port)"] = pinned }
        let refused = FetchRecorder(try GopherURL(parsing: replaced.url("/")), options: moved)
        let error = try #require(refused.error)
        #expect(error.code == .certificateChanged)
        #expect(error.description
            == "tls failed: certificate changed since it was pinned (pinned \(pinned), now \(now)) (127.0.0.1:\(replaced.port))")
        #expect(error.certificate?.reason == .changed(pinned: pinned))
        #expect(refused.data.isEmpty)
    }

    @Test func aPinOverridesTheAuthoritiesSoAnAuthoritySignedReplacementIsRefusedToo() throws {
        let certificates = try TestCertificates.shared.get()
        let server = try RealServer(.gophernicus)
        let tls = try RealTLSServer(certificate: .valid, backendPort: server.port)
        let pinned = try certificates.fingerprint(.selfSigned)
        let options = try trustingTheTestAuthority { $0.pinned["127.0.0.1:\(tls.port)"] = pinned }
        let recorder = FetchRecorder(try GopherURL(parsing: tls.url("/")), options: options)
        #expect(recorder.error?.code == .certificateChanged)
    }

    @Test func aCertificateTrustedUntilQuitIsAcceptedForItsEndpointOnly() throws {
        let certificates = try TestCertificates.shared.get()
        let server = try RealServer(.gophernicus)
        let tls = try RealTLSServer(certificate: .selfSigned, backendPort: server.port)
        let fingerprint = try certificates.fingerprint(.selfSigned)
        let trusted = try trustingTheTestAuthority { $0.trustedUntilQuit["127.0.0.1:\(tls.port)"] = fingerprint }
        #expect(FetchRecorder(try GopherURL(parsing: tls.url("/")), options: trusted).report?.tls?.trust == .untilQuit)
        let elsewhere = try trustingTheTestAuthority { $0.trustedUntilQuit["127.0.0.1:1"] = fingerprint }
        #expect(FetchRecorder(try GopherURL(parsing: tls.url("/")), options: elsewhere).error?.code == .certificateUnknown)
    }

    @Test func gophersToAPlainServerFailsAtTLSAndNeverSendsTheSelectorInClear() throws {
        let plain = try FixtureServer(.reply(Array("iplain gopher\t\tnull.host\t1\r\n.\r\n".utf8)))
        var options = try trustingTheTestAuthority()
        options.connectTimeout = .seconds(2)
        let recorder = FetchRecorder(try GopherURL(parsing: "gophers://127.0.0.1:\(plain.port)/1/secret-selector"), options: options)
        let error = try #require(recorder.error)
        #expect(error.stage == .tls)
        #expect(recorder.data.isEmpty)
        // The server saw a ClientHello, and never the selector.
        #expect(!plain.received.isEmpty)
        #expect(!String(decoding: plain.received, as: UTF8.self).contains("secret-selector"))
    }

    @Test func aServerSilentInTheHandshakeTimesOutAtTheTLSStage() throws {
        let silent = try FixtureServer(.neverAnswer)
        var options = try trustingTheTestAuthority()
        options.connectTimeout = .seconds(1)
        let recorder = FetchRecorder(try GopherURL(parsing: "gophers://127.0.0.1:\(silent.port)/"), options: options)
        #expect(recorder.error?.description == "tls timed out after 1 s (127.0.0.1:\(silent.port))")
    }

    @Test func aCancelDuringTheHandshakeEndsTheFetchAtOnce() throws {
        let silent = try FixtureServer(.neverAnswer)
        let recorder = FetchRecorder(
            try GopherURL(parsing: "gophers://127.0.0.1:\(silent.port)/"), options: try trustingTheTestAuthority()
        ) { event, handle in
            if case .progress(.securing) = event { handle.cancel() }
        }
        guard case .cancelled? = recorder.wait(seconds: 3) else {
            Issue.record("not cancelled: \(recorder.allEvents)")
            return
        }
        #expect(recorder.handle.waitUntilDone())
    }

    @Test func preferTriesTLSAndFallsBackToPlainGopherSayingWhy() throws {
        let server = try RealServer(.gophernicus)
        var options = try trustingTheTestAuthority { $0.mode = .prefer }
        options.connectTimeout = .seconds(3)
        let plain = FetchRecorder(try GopherURL(parsing: server.url("/")), options: options)
        let report = try #require(plain.report, "\(String(describing: plain.error))")
        #expect(report.tls == nil)
        #expect(report.tlsFallback?.hasPrefix("the server does not speak TLS") == true)
        #expect(String(decoding: plain.data, as: UTF8.self).contains("hello.txt"))

        let tls = try RealTLSServer(certificate: .valid, backendPort: server.port)
        let secured = FetchRecorder(try GopherURL(parsing: "gopher://127.0.0.1:\(tls.port)/"), options: options)
        #expect(secured.report?.tls?.trust == .authority)
        #expect(secured.report?.tlsFallback == nil)
    }

    /// A server that answered in clear before (one silent on a ClientHello, here) is asked in
    /// clear at once: its first bytes are the selector, with no handshake before them.
    @Test func preferAsksAServerFoundPlainEarlierInClearAtOnce() throws {
        let server = try FixtureServer(.reply(Array("iplain\t\tnull.host\t1\r\n.\r\n".utf8)))
        let options = try trustingTheTestAuthority {
            $0.mode = .prefer
            $0.plainEndpoints = ["127.0.0.1:\(server.port)"]
        }
        let recorder = FetchRecorder(try GopherURL(parsing: "gopher://127.0.0.1:\(server.port)/1/x"), options: options)
        let report = try #require(recorder.report, "\(String(describing: recorder.error))")
        #expect(report.tlsFallback == "the server did not speak TLS earlier in this session")
        #expect(report.tls == nil)
        #expect(server.requests == [Array("/x".utf8)])
    }

    @Test func preferNeverGoesRoundACertificateItDoesNotTrust() throws {
        let server = try RealServer(.gophernicus)
        let tls = try RealTLSServer(certificate: .selfSigned, backendPort: server.port)
        let options = try trustingTheTestAuthority { $0.mode = .prefer }
        let recorder = FetchRecorder(try GopherURL(parsing: "gopher://127.0.0.1:\(tls.port)/"), options: options)
        #expect(recorder.error?.code == .certificateUnknown)
        #expect(recorder.data.isEmpty)
    }

    @Test func tlsGoesThroughARealSocksProxy() throws {
        let server = try RealServer(.gophernicus)
        let tls = try RealTLSServer(certificate: .valid, backendPort: server.port)
        let proxy = try RealSocksProxy()
        var options = try trustingTheTestAuthority()
        options.proxy = try Proxy(parsing: proxy.url(resolvingNames: true))
        let recorder = FetchRecorder(try GopherURL(parsing: "gophers://localhost:\(tls.port)/"), options: options)
        let report = try #require(recorder.report, "\(String(describing: recorder.error))")
        #expect(report.route == "via socks5h://127.0.0.1:\(proxy.port)")
        #expect(report.tls?.trust == .authority)
        #expect(String(decoding: recorder.data, as: UTF8.self).contains("hello.txt"))
    }
}
