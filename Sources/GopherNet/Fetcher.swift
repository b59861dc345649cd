import Dispatch
import GopherCore
import Glibc
import Synchronization
import SystemPackage

/// Limits for one fetch.
public struct FetchOptions: Sendable {
    /// How long a connection attempt to one address may take.
    public var connectTimeout: Duration = .seconds(15)
    /// How long the server may stay silent while the request is sent or the response received.
    public var idleTimeout: Duration = .seconds(30)
    /// The most response bytes a fetch keeps in memory. Past it the fetch fails with a `receive`
    /// error, "response too large". Fetches into a sink stream and have no limit.
    public var memoryLimit: Int = FetchOptions.defaultMemoryLimit
    /// Where connections go through (SOCKS5), if anywhere.
    public var proxy: Proxy?
    /// TLS for plain `gopher://` URLs, and the certificates trusted outside the authorities.
    public var tls = TLSOptions()
    /// A server that sends less than this in every `idleTimeout` is too slow: it trickles.
    public var minimumBytesPerWindow = 256

    public static let defaultMemoryLimit = 256 << 20
    /// The cap for consumers that hold constant memory however much arrives (`--dump`): the
    /// response is read on until this many bytes, then fails as too large.
    public static let streamingLimit = 2 << 30

    public init() {}

    /// The same timeout for connecting and for silence, as `--timeout` sets it.
    public init(timeout: Duration) {
        connectTimeout = timeout
        idleTimeout = timeout
    }
}

/// How `gophers://` and `--tls` fetches trust what servers show.
public struct TLSOptions: Sendable {
    public enum Mode: String, Sendable {
        /// `gopher://` is plain gopher; only `gophers://` uses TLS.
        case off
        /// `--tls`, `tls = "prefer"`: try TLS first for `gopher://` too, and fall back to plain
        /// gopher (saying so) when the server does not speak it (the handshake fails or times
        /// out). A certificate that is not trusted fails the fetch, as for `gophers://`.
        case prefer
    }

    public var mode = Mode.off
    /// `known_certificates`: certificates pinned per `host:port`.
    public var pinned = CertificatePins()
    /// Certificates trusted until Warren quits (`o` at the certificate question).
    public var trustedUntilQuit = CertificatePins()
    /// A PEM file of authorities used instead of the system store (tests); nil keeps OpenSSL's
    /// default paths, which honour `SSL_CERT_FILE` and `SSL_CERT_DIR`.
    public var authorityFile: String?
    /// With `prefer`: servers (`host:port`, as `plainEndpoint(of:)` gives) that answered in clear
    /// earlier, until Warren quits. They are fetched in clear at once, without a handshake that
    /// cannot succeed (and that a server silent on a ClientHello makes wait its whole timeout).
    public var plainEndpoints: Set<String> = []

    /// What `plainEndpoints` holds for `url`.
    public static func plainEndpoint(of url: GopherURL) -> String { url.endpoint.lowercased() }

    /// Why a server in `plainEndpoints` is fetched in clear.
    public static let plainFoundEarlier = "the server did not speak TLS earlier in this session"

    public init() {}
}

/// Runs gopher requests: resolve → connect → send selector → receive until EOF, each on a worker
/// of a Dispatch queue, streaming stages and bytes back to the caller's queue.
public final class Fetcher: Sendable {
    private let resolver: any Resolver
    private let workers = DispatchQueue(label: "warren.fetcher", qos: .userInitiated, attributes: .concurrent)

    public init(resolver: any Resolver = SystemResolver()) {
        self.resolver = resolver
    }

    /// Starts fetching `url`. With no `sink`, response bytes arrive as `.data` events (bounded by
    /// `options.memoryLimit`); with one, they are written to it on the worker and only progress
    /// arrives. Every event is delivered on `queue`, ending with exactly one terminal event.
    @discardableResult
    public func fetch(
        _ url: GopherURL, options: FetchOptions = FetchOptions(), sink: (any ResponseSink)? = nil,
        deliverOn queue: DispatchQueue, handler: @escaping @Sendable (FetchEvent) -> Void
    ) -> FetchHandle {
        let handle = FetchHandle()
        let resolver = resolver
        let deliver: @Sendable (FetchEvent) -> Void = { event in
            queue.async {
                if handle.admit(event) { handler(event) }
                if case .data(let bytes, _) = event { handle.consumed(bytes.count) }
            }
        }
        // The session is made on the worker and lives there: only Sendable values cross.
        workers.async {
            FetchSession(url: url, options: options, sink: sink, resolver: resolver, handle: handle, deliver: deliver)
                .run()
        }
        return handle
    }
}

/// The caller's hold on a running fetch: cancel it, or wait for its worker to let go of its
/// descriptors.
public final class FetchHandle: Sendable {
    private struct State {
        var cancelled = false
        var workerDone = false
        var terminalDelivered = false
        /// The write end of the worker's wake-up pipe, while the worker runs.
        var wake: FileDescriptor?
        /// Bytes delivered to the consumer's queue and not yet handled there.
        var inFlight = 0
        /// The worker is blocked on `room`, waiting for `inFlight` to drop below the limit.
        var waitingForRoom = false
    }

    private let state = Mutex(State())
    private let finished = DispatchSemaphore(value: 0)
    /// Signalled exactly once for each time the worker starts waiting for room: by the consumer
    /// when it catches up, or by `cancel()`.
    private let room = DispatchSemaphore(value: 0)
    /// The most bytes that may wait on the consumer's queue: a slow consumer slows the fetch
    /// down instead of letting chunks pile up in memory.
    static let inFlightLimit = 1 << 20

    init() {}

    public var isCancelled: Bool { state.withLock { $0.cancelled } }

    /// Stops the fetch: the socket closes promptly, a partial save is removed, and the only event
    /// delivered after this call (when made on the delivery queue) is `.cancelled`. Returns false
    /// when it is too late: the fetch had already ended and its last event is on its way.
    @discardableResult
    public func cancel() -> Bool {
        let (cancelled, wakeWorker) = state.withLock { state -> (Bool, Bool) in
            guard !state.cancelled, !state.workerDone else { return (false, false) }
            state.cancelled = true
            _ = try? state.wake?.writeAll([1])
            defer { state.waitingForRoom = false }
            return (true, state.waitingForRoom)
        }
        if wakeWorker { room.signal() }
        return cancelled
    }

    /// Blocks until the worker has closed everything it opened (tests count descriptors).
    public func waitUntilDone(timeout: Duration = .seconds(10)) -> Bool {
        guard finished.wait(timeout: .now() + .nanoseconds(Int(timeout.wholeNanoseconds))) == .success else { return false }
        finished.signal()
        return true
    }

    // MARK: Worker side

    /// Waits (on the worker) while the consumer is behind, unless the fetch is cancelled; then
    /// counts `count` more bytes in flight. The wait is woken by `consumed` or `cancel`, never
    /// polled.
    func waitForRoom(adding count: Int) {
        while true {
            let mustWait = state.withLock { state -> Bool in
                if state.inFlight <= Self.inFlightLimit || state.cancelled {
                    state.inFlight += count
                    return false
                }
                state.waitingForRoom = true
                return true
            }
            if !mustWait { return }
            room.wait()
        }
    }

    /// Called on the consumer's queue once a chunk has been handled.
    func consumed(_ count: Int) {
        let wakeWorker = state.withLock { state -> Bool in
            state.inFlight -= count
            guard state.waitingForRoom, state.inFlight <= Self.inFlightLimit else { return false }
            state.waitingForRoom = false
            return true
        }
        if wakeWorker { room.signal() }
    }

    func attachWake(_ descriptor: FileDescriptor) { state.withLock { $0.wake = descriptor } }

    /// Marks the worker done and says whether it was cancelled first; `closeWake` runs under the
    /// lock so that `cancel()` never writes to a closed descriptor.
    func finish(closeWake: () -> Void) -> Bool {
        let cancelled = state.withLock { state in
            state.workerDone = true
            closeWake()
            state.wake = nil
            return state.cancelled
        }
        finished.signal()
        return cancelled
    }

    /// Runs `body` unless the fetch was cancelled; the decision and the body are atomic with
    /// respect to `cancel()`.
    func unlessCancelled<T>(_ body: () throws(FetchError) -> T) throws(FetchError) -> T? {
        try state.withLock { (state: inout State) throws(FetchError) -> T? in
            guard !state.cancelled else { return nil }
            return try body()
        }
    }

    /// Called on the delivery queue: passes an event on unless the fetch was cancelled or
    /// has already ended.
    func admit(_ event: FetchEvent) -> Bool {
        state.withLock { state in
            if state.terminalDelivered { return false }
            if case .cancelled = event {
                state.terminalDelivered = true
                return true
            }
            if state.cancelled { return false }
            if event.isTerminal { state.terminalDelivered = true }
            return true
        }
    }
}
