import CTLS
import GopherCore
import Glibc

/// The `tls` stage, between connect and send: the handshake on the fetch's own socket, then the
/// decision on the certificate, before any byte of the request leaves. A `gophers://` URL never
/// falls back to plain text; only `--tls` (prefer) does, for a plain `gopher://` URL.
extension FetchSession {
    /// Makes the connection TLS, or throws why not.
    func secure(host: String) throws(Stop) -> TLSConnection {
        deliver(.progress(.securing(peerAddress)))
        let start = clock.now
        defer { timings.tls += clock.now - start }
        let subject = url.endpoint
        let isAddress = SocketAddress(numericHost: host, port: 0) != nil
        let connection: TLSConnection
        do {
            connection = try TLSConnection(
                socket: socket?.rawValue ?? -1, serverName: isAddress ? nil : host,
                authorityFile: options.tls.authorityFile)
        } catch {
            // Here, not the server's doing: never a reason for --tls to go on in clear.
            throw .failed(FetchError(stage: .tls, code: .certificateRefused, detail: error.reason, subject: subject))
        }
        // One deadline for the whole handshake: a server sending a byte at a time cannot hold it.
        let deadline = clock.now + options.connectTimeout
        handshake: while true {
            let remaining = max(.zero, deadline - clock.now)
            switch connection.handshake() {
            case .done: break handshake
            case .wantRead:
                try wait(for: Int16(POLLIN), timeout: remaining, stage: .tls, subject: subject, reportedAs: options.connectTimeout)
            case .wantWrite:
                try wait(for: Int16(POLLOUT), timeout: remaining, stage: .tls, subject: subject, reportedAs: options.connectTimeout)
            case .closed:
                throw .failed(FetchError(
                    stage: .tls, code: .tlsFailed,
                    detail: "the server closed the connection in the handshake (does it speak TLS?)", subject: subject))
            case .failed(let reason):
                throw .failed(FetchError(stage: .tls, code: .tlsFailed, detail: Self.handshakeWords(reason), subject: subject))
            }
        }
        guard let peer = connection.peer(host: host) else {
            throw .failed(FetchError(stage: .tls, code: .certificateRefused, detail: "the server sent no certificate", subject: subject))
        }
        switch Self.trust(peer, chainResult: connection.chainResult, endpoint: subject, options: options.tls) {
        case .success(let trust):
            tlsDetails = TLSDetails(
                protocolVersion: connection.protocolVersion, cipher: connection.cipher,
                certificate: peer.certificate, trust: trust)
            return connection
        case .failure(let error):
            throw .failed(error)
        }
    }

    /// The decision on a certificate, in order: its dates, its name, the pin (which overrides
    /// the authorities: a pinned certificate that changed is refused even if an authority signed
    /// the new one), the user's trust until quitting, then the authorities.
    static func trust(
        _ peer: TLSConnection.Peer, chainResult: Int, endpoint: String, options: TLSOptions
    ) -> Result<CertificateTrust, FetchError> {
        func refused(_ reason: String) -> Result<CertificateTrust, FetchError> {
            .failure(FetchError(stage: .tls, code: .certificateRefused, detail: reason, subject: endpoint))
        }
        let shown = peer.certificate
        switch peer.validity {
        case 1: return refused("certificate has expired (on \(shown.expiryText))")
        case -1: return refused("certificate is not yet valid")
        case 2: return refused("certificate dates cannot be read")
        default: break
        }
        guard peer.namesHost else {
            return refused("hostname mismatch (the certificate is for \(shown.subject.isEmpty ? "no name" : shown.subject))")
        }
        if let pinned = options.pinned[endpoint] {
            if pinned == shown.fingerprint { return .success(.pinned) }
            return .failure(FetchError(
                stage: .tls, code: .certificateChanged,
                detail: "certificate changed since it was pinned (pinned \(pinned), now \(shown.fingerprint))",
                subject: endpoint,
                certificate: CertificateQuestion(endpoint: endpoint, certificate: shown, reason: .changed(pinned: pinned))))
        }
        if options.trustedUntilQuit[endpoint] == shown.fingerprint { return .success(.untilQuit) }
        if chainResult == Int(X509_V_OK) { return .success(.authority) }
        let reason = TLSConnection.words(forVerifyResult: chainResult)
        guard unknownIssuerResults.contains(Int32(chainResult)) else { return refused(reason) }
        return .failure(FetchError(
            stage: .tls, code: .certificateUnknown,
            detail: "certificate not from a known authority (\(reason)), SHA-256 \(shown.fingerprint)",
            subject: endpoint,
            certificate: CertificateQuestion(endpoint: endpoint, certificate: shown, reason: .unknownIssuer(reason))))
    }

    /// Verdicts that mean only "no authority here vouches for it": the user may trust it.
    private static let unknownIssuerResults: Set<Int32> = [
        X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT, X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN,
        X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT,
        X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE, X509_V_ERR_CERT_UNTRUSTED,
    ]

    /// OpenSSL's words for a plain server answering a ClientHello, said plainly.
    static func handshakeWords(_ reason: String) -> String {
        let plainServer = ["wrong version number", "packet length too long", "unknown protocol", "record layer failure", "http request"]
        return plainServer.contains(reason) ? "the server does not speak TLS (\(reason))" : reason
    }

    // MARK: Bytes over TLS

    /// Sends all of `bytes` over TLS, waiting as the connection asks.
    func sendAll(_ bytes: [UInt8], over connection: TLSConnection, stage: FetchError.Stage, subject: String) throws(Stop) {
        var offset = 0
        while offset < bytes.count {
            let step = bytes.withUnsafeBytes { buffer in
                connection.write(UnsafeRawBufferPointer(rebasing: buffer[offset...]))
            }
            switch step {
            case .done(let count): offset += count
            case .wantRead: try wait(for: Int16(POLLIN), timeout: options.idleTimeout, stage: stage, subject: subject)
            case .wantWrite: try wait(for: Int16(POLLOUT), timeout: options.idleTimeout, stage: stage, subject: subject)
            case .closed:
                throw .failed(FetchError(stage: stage, code: .tlsFailed, detail: "the server closed the connection", subject: subject))
            case .failed(let reason):
                throw .failed(FetchError(stage: stage, code: .tlsFailed, detail: reason, subject: subject))
            }
        }
    }

    /// Reads what has arrived over TLS: a count, or 0 at the end of the response.
    func read(into buffer: UnsafeMutableRawBufferPointer, over connection: TLSConnection) throws(Stop) -> Int {
        while true {
            switch connection.read(into: buffer) {
            case .done(let count): return count
            case .closed: return 0
            case .wantRead: try wait(for: Int16(POLLIN), timeout: options.idleTimeout, stage: .receive, subject: peerAddress)
            case .wantWrite: try wait(for: Int16(POLLOUT), timeout: options.idleTimeout, stage: .receive, subject: peerAddress)
            case .failed(let reason):
                throw .failed(FetchError(stage: .receive, code: .tlsFailed, detail: reason, subject: peerAddress))
            }
        }
    }
}
