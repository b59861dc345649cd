import Dispatch
import GopherCore
import GopherNet
import Synchronization

/// Runs one fetch and collects its events, for tests that assert what a consumer receives.
public final class FetchRecorder: Sendable {
    public let queue = DispatchQueue(label: "fetch-recorder")
    private let log = EventLog()
    private let ended = DispatchSemaphore(value: 0)
    public let handle: FetchHandle

    /// Starts the fetch. `onEvent` runs on the delivery queue after each event is recorded, with
    /// the fetch's handle (to cancel from the consumer's side, as a UI would).
    public init(
        _ url: GopherURL, options: FetchOptions = FetchOptions(), sink: (any ResponseSink)? = nil,
        fetcher: Fetcher = Fetcher(), onEvent: (@Sendable (FetchEvent, FetchHandle) -> Void)? = nil
    ) {
        let log = self.log
        let ended = self.ended
        let holder = HandleHolder()
        let queue = self.queue
        // Events are delivered on `queue`; holding it until the handle is stored means `onEvent`
        // always has it.
        handle = queue.sync {
            let handle = fetcher.fetch(url, options: options, sink: sink, deliverOn: queue) { event in
                log.append(event)
                if let onEvent, let handle = holder.handle { onEvent(event, handle) }
                if event.isTerminal { ended.signal() }
            }
            holder.handle = handle
            return handle
        }
    }

    // @unchecked Sendable: `handle` is set once, before the fetch can deliver an event, and only
    // read afterwards (the fetch's events are ordered after `fetch` returns).
    private final class HandleHolder: @unchecked Sendable {
        var handle: FetchHandle?  // written once on `queue` before any event runs there
    }

    private final class EventLog: Sendable {
        private let events = Mutex<[FetchEvent]>([])
        func append(_ event: FetchEvent) { events.withLock { $0.append(event) } }
        var all: [FetchEvent] { events.withLock { $0 } }
    }

    /// Waits (boundedly) for the terminal event and returns it; nil if none came in time.
    @discardableResult
    public func wait(seconds: Int = 20) -> FetchEvent? {
        guard ended.wait(timeout: .now() + .seconds(seconds)) == .success else { return nil }
        ended.signal()
        return log.all.last
    }

    public var allEvents: [FetchEvent] { log.all }

    /// The response bytes delivered, concatenated.
    public var data: [UInt8] {
        allEvents.flatMap { event -> [UInt8] in
            if case .data(let bytes, _) = event { return bytes }
            return []
        }
    }

    public var dataEventCount: Int {
        allEvents.filter { if case .data = $0 { return true } else { return false } }.count
    }

    public var progress: [FetchProgress] {
        allEvents.compactMap { if case .progress(let progress) = $0 { return progress } else { return nil } }
    }

    /// The error, if the fetch failed.
    public var error: FetchError? {
        if case .failed(let error)? = wait() { return error }
        return nil
    }

    public var report: FetchReport? {
        if case .finished(let report)? = wait() { return report }
        return nil
    }
}

/// A resolver that answers from a fixed table and never touches DNS.
public struct TableResolver: Resolver {
    public var answers: [String: Result<[SocketAddress], ResolveFailure>]
    public init(_ answers: [String: Result<[SocketAddress], ResolveFailure>]) { self.answers = answers }

    public func resolve(host: String, port: UInt16) -> Result<[SocketAddress], ResolveFailure> {
        answers[host] ?? .failure(ResolveFailure(code: -2, message: "Name or service not known"))
    }
}
