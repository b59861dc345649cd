import Dispatch
import GopherCore
import Glibc
import Synchronization

/// Limits for one fetch.
public struct FetchOptions: Sendable {
    /// How long a connection attempt to one address may take.
    public var connectTimeout: Duration = .seconds(15)
    /// How long the server may stay silent while the request is sent or the response received.
    public var idleTimeout: Duration = .seconds(30)
    /// The most response bytes a fetch keeps in memory. Past it the fetch fails with a `receive`
    /// error, "response too large". Fetches into a sink stream and have no limit.
    public var memoryLimit: Int = FetchOptions.defaultMemoryLimit
    /// A server that sends less than this in every `idleTimeout` is too slow: it trickles.
    public var minimumBytesPerWindow = 256

    public static let defaultMemoryLimit = 256 << 20

    public init() {}

    /// The same timeout for connecting and for silence, as `--timeout` sets it.
    public init(timeout: Duration) {
        connectTimeout = timeout
        idleTimeout = timeout
    }
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
        let session = FetchSession(
            url: url, options: options, sink: sink, resolver: resolver, handle: handle,
            deliver: { event in
                queue.async {
                    if handle.admit(event) { handler(event) }
                    if case .data(let bytes, _) = event { handle.consumed(bytes.count) }
                }
            })
        workers.async { session.run() }
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
        var wakeFD: Int32 = -1
    }

    private let state = Mutex(State())
    private let finished = DispatchSemaphore(value: 0)
    /// Bytes delivered to the consumer's queue and not yet handled there.
    private let inFlight = Mutex(0)
    private let room = DispatchSemaphore(value: 0)
    /// The most bytes that may wait on the consumer's queue: a slow consumer slows the fetch
    /// down instead of letting chunks pile up in memory.
    static let inFlightLimit = 4 << 20

    init() {}

    public var isCancelled: Bool { state.withLock { $0.cancelled } }

    /// Stops the fetch: the socket closes promptly, a partial save is removed, and the only event
    /// delivered after this call (when made on the delivery queue) is `.cancelled`. Returns false
    /// when it is too late: the fetch had already ended and its last event is on its way.
    @discardableResult
    public func cancel() -> Bool {
        state.withLock { state in
            guard !state.cancelled, !state.workerDone else { return false }
            state.cancelled = true
            if state.wakeFD >= 0 {
                var byte: UInt8 = 1
                _ = write(state.wakeFD, &byte, 1)
            }
            return true
        }
    }

    /// Blocks until the worker has closed everything it opened (tests count descriptors).
    public func waitUntilDone(timeout: Duration = .seconds(10)) -> Bool {
        let (seconds, attoseconds) = timeout.components
        let nanoseconds = Int(seconds) * 1_000_000_000 + Int(attoseconds / 1_000_000_000)
        guard finished.wait(timeout: .now() + .nanoseconds(nanoseconds)) == .success else { return false }
        finished.signal()
        return true
    }

    // MARK: Worker side

    /// Waits (on the worker) while the consumer is behind, unless the fetch is cancelled.
    func waitForRoom(adding count: Int) {
        while inFlight.withLock({ $0 }) > Self.inFlightLimit, !isCancelled {
            _ = room.wait(timeout: .now() + .milliseconds(20))
        }
        inFlight.withLock { $0 += count }
    }

    /// Called on the consumer's queue once a chunk has been handled.
    func consumed(_ count: Int) {
        inFlight.withLock { $0 -= count }
        room.signal()
    }

    func attachWake(fd: Int32) { state.withLock { $0.wakeFD = fd } }

    /// Marks the worker done and says whether it was cancelled first; `closeWake` runs under the
    /// lock so that `cancel()` never writes to a closed descriptor.
    func finish(closeWake: () -> Void) -> Bool {
        let cancelled = state.withLock { state in
            state.workerDone = true
            closeWake()
            state.wakeFD = -1
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
