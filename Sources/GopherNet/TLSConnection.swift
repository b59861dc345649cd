import CTLS
import Glibc
import GopherCore
import SystemPackage

/// One TLS client connection over the fetch's own non-blocking socket, through the system's
/// OpenSSL 3. It never waits: every call says what it needs next (`wantRead`, `wantWrite`), and
/// `FetchSession` waits for that in its usual poll, with its timeouts and its cancel.
///
/// Certificates are not checked inside the handshake (`SSL_VERIFY_NONE`): OpenSSL records what it
/// found, and `FetchSession+TLS` decides after the handshake, before a byte of the request is
/// sent, so a certificate the user may choose to trust can be asked about.
final class TLSConnection {
    enum Step {
        /// Bytes read or written (the handshake: done).
        case done(Int)
        case wantRead
        case wantWrite
        /// The server closed the connection (cleanly, or without a close_notify).
        case closed
        case failed(String)
    }

    private let context: TLSClientContext
    private let ssl: OpaquePointer
    /// After a fatal error OpenSSL must not be asked to shut the connection down.
    private var failed = false

    /// Fails with OpenSSL's reason when the context cannot be made (the trust store unreadable).
    /// `authorityFile` replaces the system store; nil keeps OpenSSL's default paths, which honour
    /// `SSL_CERT_FILE` and `SSL_CERT_DIR`. The context is shared (`TLSClientContext`).
    init(socket: Int32, serverName: String?, authorityFile: String?) throws(TLSSetupFailure) {
        let context = try TLSClientContext.shared(authorityFile: authorityFile)
        ERR_clear_error()
        guard let ssl = SSL_new(context.pointer) else { throw TLSSetupFailure(Self.lastReason()) }
        guard SSL_set_fd(ssl, socket) == 1 else {
            SSL_free(ssl)
            throw TLSSetupFailure(Self.lastReason())
        }
        // SNI is for names only; RFC 6066 forbids sending an address.
        if let serverName { _ = cwarren_tls_set_server_name(ssl, serverName) }
        self.context = context
        self.ssl = ssl
    }

    deinit {
        // A close_notify, once, without waiting for the server's: the response is already in.
        if !failed { _ = SSL_shutdown(ssl) }
        SSL_free(ssl)
    }

    func handshake() -> Step { step(SSL_connect(ssl)) }

    func read(into buffer: UnsafeMutableRawBufferPointer) -> Step {
        step(SSL_read(ssl, buffer.baseAddress, Int32(clamping: buffer.count)))
    }

    func write(_ bytes: UnsafeRawBufferPointer) -> Step {
        step(SSL_write(ssl, bytes.baseAddress, Int32(clamping: bytes.count)))
    }

    /// What one call returned, as the step it asks for.
    private func step(_ result: Int32) -> Step {
        if result > 0 { return .done(Int(result)) }
        let error = SSL_get_error(ssl, result)
        if error == SSL_ERROR_SSL || error == SSL_ERROR_SYSCALL { failed = true }
        switch error {
        case SSL_ERROR_WANT_READ: return .wantRead
        case SSL_ERROR_WANT_WRITE: return .wantWrite
        case SSL_ERROR_ZERO_RETURN: return .closed
        case SSL_ERROR_SYSCALL:
            let code = Glibc.errno
            if code == 0 { return .closed }
            return .failed(Errno(rawValue: code).description)
        default:
            return .failed(Self.lastReason())
        }
    }

    // MARK: What the handshake found

    /// `TLSv1.3`, `TLS_AES_256_GCM_SHA384`.
    var protocolVersion: String { String(cString: SSL_get_version(ssl)) }
    var cipher: String { SSL_CIPHER_get_name(SSL_get_current_cipher(ssl)).map { String(cString: $0) } ?? "unknown" }

    /// OpenSSL's verdict on the chain: `X509_V_OK`, or why not.
    var chainResult: Int { Int(SSL_get_verify_result(ssl)) }

    static func words(forVerifyResult code: Int) -> String {
        String(cString: X509_verify_cert_error_string(code))
    }

    /// The server's own certificate, and the checks that need it, made while it is held.
    func peer(host: String) -> Peer? {
        guard let certificate = SSL_get1_peer_certificate(ssl) else { return nil }
        defer { X509_free(certificate) }
        var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        guard X509_digest(certificate, EVP_sha256(), &digest, &length) == 1 else { return nil }
        let hex = Array("0123456789ABCDEF".utf8)
        let fingerprint = digest.prefix(Int(length)).map { byte in
            String(decoding: [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]], as: UTF8.self)
        }.joined(separator: ":")
        let notAfter = cwarren_tls_not_after(certificate)
        let shown = PeerCertificate(
            subject: Self.text(of: X509_get_subject_name(certificate)),
            issuer: Self.text(of: X509_get_issuer_name(certificate)),
            fingerprint: fingerprint, notAfter: notAfter >= 0 ? Int64(notAfter) : nil)
        return Peer(
            certificate: shown, validity: cwarren_tls_validity(certificate),
            namesHost: Self.names(certificate, host: host))
    }

    struct Peer {
        var certificate: PeerCertificate
        /// -1 not yet valid, 1 expired, 0 valid now, 2 unreadable dates.
        var validity: Int32
        /// The certificate is for the host the URL names.
        var namesHost: Bool
    }

    /// Whether the certificate is for `host`: an IP address against its IP entries, a name
    /// against its DNS names (wildcards in the leftmost label only, as RFC 6125 has it).
    private static func names(_ certificate: OpaquePointer, host: String) -> Bool {
        if SocketAddress(numericHost: host, port: 0) != nil {
            return X509_check_ip_asc(certificate, host, 0) == 1
        }
        let flags = UInt32(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS)
        return X509_check_host(certificate, host, host.utf8.count, flags, nil) == 1
    }

    private static func text(of name: OpaquePointer?) -> String {
        guard let name else { return "" }
        var buffer = [CChar](repeating: 0, count: 1024)
        let length = cwarren_tls_name_text(name, &buffer, Int32(buffer.count))
        guard length >= 0 else { return "" }
        return Sanitizer.clean(String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    /// OpenSSL's reason for the last failure, in its words: `wrong version number`.
    static func lastReason() -> String {
        // The first error queued is the cause; the ones after it are where it was passed up.
        var reason: String?
        while case let code = ERR_get_error(), code != 0 {
            if reason == nil, let text = ERR_reason_error_string(code) { reason = String(cString: text) }
        }
        return reason ?? "unknown TLS error"
    }
}

struct TLSSetupFailure: Error {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
