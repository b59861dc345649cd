import GopherCore
import SystemPackage

/// Why a fetch failed, naming the stage that failed: the words the status bar and stderr show.
///
/// `resolve failed: Name or service not known (nohost.invalid:70)`,
/// `connect failed: Connection refused (127.0.0.1:7071)`,
/// `receive timed out after 30 s (127.0.0.1:7071)`, `server error: File not found`.
public struct FetchError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Stage: String, Sendable {
        case resolve, connect
        /// The SOCKS proxy itself: its greeting, its login, or its reply to CONNECT.
        case proxy
        /// The TLS handshake and the server's certificate, for `gophers://` (and `--tls`).
        case tls
        case send, receive
        /// A type-3 error reply.
        case server
        /// Writing the response to disk (or to standard output).
        case save
    }

    public struct Code: Hashable, Sendable {
        let name: String
        /// A system call failed; `errno` says why.
        public static let systemError = Code(name: "system error")
        public static let timedOut = Code(name: "timed out")
        /// The name lookup failed; `detail` holds the resolver's text.
        public static let lookupFailed = Code(name: "lookup failed")
        /// The server closed the connection without sending anything.
        public static let emptyResponse = Code(name: "empty response")
        /// The response passed the memory limit.
        public static let responseTooLarge = Code(name: "response too large")
        /// The server sent too little for too long (a trickle).
        public static let tooSlow = Code(name: "too slow")
        public static let serverError = Code(name: "server error")
        /// The proxy refused, or spoke something other than SOCKS5; `detail` says which.
        public static let proxyFailed = Code(name: "proxy failed")
        /// The TLS handshake failed (the server does not speak TLS, or refused us); `detail` says how.
        public static let tlsFailed = Code(name: "tls failed")
        /// The certificate is expired, not yet valid, for another name, or otherwise bad.
        public static let certificateRefused = Code(name: "certificate refused")
        /// No known authority vouches for the certificate, and it is not pinned: the user may
        /// trust it (`certificate` holds what to ask).
        public static let certificateUnknown = Code(name: "certificate unknown")
        /// The endpoint's pinned certificate is not the one shown (`certificate` holds both).
        public static let certificateChanged = Code(name: "certificate changed")
        /// The target exists and overwriting was not asked for.
        public static let targetExists = Code(name: "target exists")
    }

    public let stage: Stage
    public let code: Code
    public let errno: Errno?
    /// A reason in words, where there is no `errno`: resolver text, server message, limits.
    public let detail: String
    /// `host:port`, an address, or a path: what the stage was working on.
    public let subject: String
    /// For `certificateUnknown` and `certificateChanged`: what the user is asked to trust.
    public let certificate: CertificateQuestion?

    public init(
        stage: Stage, code: Code, errno: Errno? = nil, detail: String = "", subject: String,
        certificate: CertificateQuestion? = nil
    ) {
        self.stage = stage
        self.code = code
        self.errno = errno
        self.detail = detail
        self.subject = subject
        self.certificate = certificate
    }

    static func system(_ stage: Stage, _ errno: Errno, _ subject: String) -> FetchError {
        FetchError(stage: stage, code: .systemError, errno: errno, subject: subject)
    }

    public var description: String {
        let subjectText = Sanitizer.clean(subject)
        switch code {
        case .serverError:
            return "server error: \(Sanitizer.clean(detail))"
        case .timedOut:
            return "\(stage.rawValue) timed out \(detail) (\(subjectText))"
        default:
            let reason = errno?.description ?? (detail.isEmpty ? code.name : detail)
            return "\(stage.rawValue) failed: \(Sanitizer.clean(reason)) (\(subjectText))"
        }
    }
}
