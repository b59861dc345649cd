import GopherCore

/// What a fetch reports to its consumer, in order: stages and data while it runs, then exactly
/// one of `finished`, `failed` or `cancelled`.
public enum FetchEvent: Sendable {
    case progress(FetchProgress)
    /// Response bytes, in order, with the running total (memory mode only).
    case data([UInt8], total: Int)
    case finished(FetchReport)
    case failed(FetchError)
    case cancelled

    public var isTerminal: Bool {
        switch self {
        case .progress, .data: return false
        case .finished, .failed, .cancelled: return true
        }
    }
}

/// The stage a fetch is in, for the status bar.
public enum FetchProgress: Sendable, Equatable, CustomStringConvertible {
    case resolving(String)
    case connecting(String)
    /// Asking the SOCKS proxy (at the address given) for the way through.
    case negotiatingProxy(String)
    /// The TLS handshake with the server at the address given.
    case securing(String)
    case sending(String)
    case receiving(bytes: Int)

    public var description: String {
        switch self {
        case .resolving(let host): return "resolving \(Sanitizer.clean(host))…"
        case .connecting(let address): return "connecting \(address)…"
        case .negotiatingProxy(let address): return "asking the proxy \(address)…"
        case .securing(let address): return "TLS handshake with \(address)…"
        case .sending(let address): return "sending to \(address)…"
        case .receiving(let bytes): return "receiving \(ByteCountFormatter.string(bytes))"
        }
    }
}

/// What a finished fetch knows about itself, for the page-info view.
public struct FetchReport: Sendable, Equatable {
    public var url: GopherURL
    public var byteCount: Int
    public var localAddress: String
    public var peerAddress: String
    public var timings: StageTimings
    /// Bytes that came after a menu's `.` line in the read that held it (not passed on).
    public var bytesAfterTerminator = 0
    /// `via socks5h://127.0.0.1:9050`, or empty for a direct connection.
    public var route = ""
    /// How the connection was protected; nil for plain gopher.
    public var tls: TLSDetails?
    /// With `--tls` (prefer): why TLS was not used for this plain `gopher://` URL, when the
    /// fetch fell back to plain gopher.
    public var tlsFallback: String?
}

/// Time spent in each stage of one fetch.
public struct StageTimings: Sendable, Equatable {
    public var resolve: Duration = .zero
    public var connect: Duration = .zero
    /// The TLS handshake, and the certificate checks.
    public var tls: Duration = .zero
    public var send: Duration = .zero
    /// From the end of sending to the first byte of the response.
    public var firstByte: Duration = .zero
    /// From the first byte to the end of the response.
    public var receive: Duration = .zero

    public var total: Duration { resolve + connect + tls + send + firstByte + receive }
}
