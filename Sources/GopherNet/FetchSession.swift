import AtomicFiles
import GopherCore
import Glibc
import SystemPackage

/// One fetch, run start to end on one worker thread. Every wait is a `poll` on the socket and on
/// a wake-up pipe, so a cancel interrupts any stage at once (except the name lookup itself,
/// which cannot be interrupted; its result is then dropped).
enum FetchSessionStop: Error {
    case cancelled
    case failed(FetchError)
}

/// Made and run on the worker, so it is never shared between threads and needs no `Sendable`.
final class FetchSession {
    typealias Stop = FetchSessionStop

    let url: GopherURL
    let options: FetchOptions
    private let sink: (any ResponseSink)?
    private let resolver: any Resolver
    private let handle: FetchHandle
    let deliver: @Sendable (FetchEvent) -> Void
    let clock = ContinuousClock()

    private(set) var socket: FileDescriptor?
    private var wake: (read: FileDescriptor, write: FileDescriptor)?
    var timings = StageTimings()
    private(set) var peerAddress = ""
    private var localAddress = ""
    private var byteCount = 0
    /// Bytes after a menu's `.` line in the read that held it, for `--lint`.
    private var bytesAfterTerminator = 0
    /// `via socks5h://127.0.0.1:9050` when a proxy carried the fetch, for page info.
    private var route = ""
    /// The TLS connection over `socket`, once the `tls` stage has made one.
    private var tls: TLSConnection?
    /// What the `tls` stage found, for page info.
    var tlsDetails: TLSDetails?
    /// With `--tls`: why this plain URL went without TLS after all.
    private var tlsFallback: String?

    /// How often progress is reported while streaming into a sink.
    private static let progressInterval: Duration = .milliseconds(100)
    private static let readSize = 64 * 1024

    init(
        url: GopherURL, options: FetchOptions, sink: (any ResponseSink)?, resolver: any Resolver,
        handle: FetchHandle, deliver: @escaping @Sendable (FetchEvent) -> Void
    ) {
        self.url = url
        self.options = options
        self.sink = sink
        self.resolver = resolver
        self.handle = handle
        self.deliver = deliver
    }

    func run() {
        var outcome: FetchEvent
        do throws(Stop) {
            try openWakePipe()
            outcome = .finished(try perform())
        } catch {
            switch error {
            case .cancelled: outcome = .cancelled
            case .failed(let failure): outcome = .failed(failure)
            }
        }
        if case .finished = outcome {} else { sink?.abort() }
        closeSocket()
        let wasCancelled = handle.finish {
            try? wake?.read.close()
            try? wake?.write.close()
        }
        deliver(wasCancelled ? .cancelled : outcome)
    }

    private func perform() throws(Stop) -> FetchReport {
        try openConnection()
        if url.isSecure {
            tls = try secure(host: url.host)
        } else if options.tls.mode == .prefer, options.tls.plainEndpoints.contains(TLSOptions.plainEndpoint(of: url)) {
            tlsFallback = TLSOptions.plainFoundEarlier
        } else if options.tls.mode == .prefer {
            do throws(Stop) {
                tls = try secure(host: url.host)
            } catch .cancelled {
                throw .cancelled
            } catch .failed(let failure) {
                // Plain gopher was asked for; TLS was only preferred: start again in clear when
                // the server does not speak TLS. A certificate it shows that is not trusted is
                // asked about (or refused) like any other: never a quiet way round a pin.
                guard failure.code == .tlsFailed || failure.code == .timedOut else { throw .failed(failure) }
                tlsFallback = failure.detail.isEmpty ? failure.description : failure.detail
                closeSocket()
                try openConnection()
            }
        }
        try sendRequest()
        try receiveResponse()
        var report = FetchReport(
            url: url, byteCount: byteCount, localAddress: localAddress, peerAddress: peerAddress,
            timings: timings)
        report.bytesAfterTerminator = bytesAfterTerminator
        report.route = route
        report.tls = tlsDetails
        report.tlsFallback = tlsFallback
        return report
    }

    /// A connected socket to the server: straight there, or through the proxy.
    private func openConnection() throws(Stop) {
        if let proxy = options.proxy {
            let target = try socksTarget(for: proxy)
            // The proxy is usually an address already: no lookup for it then.
            let addresses: [SocketAddress]
            if let literal = SocketAddress(numericHost: proxy.host, port: proxy.port) {
                addresses = [literal]
            } else {
                addresses = try resolve(host: proxy.host, port: proxy.port)
            }
            do {
                try connect(to: addresses)
            } catch .failed(let error) {
                // A proxy that is not there (Tor not running) is the proxy's failure, not the server's.
                let torPort = proxy.port == 9050 || proxy.port == 9150
                throw .failed(FetchError(
                    stage: .proxy, code: error.code, errno: error.errno, detail: error.detail,
                    subject: "via \(proxy.endpoint)" + (torPort ? ", Tor's port: is Tor running?" : "")))
            }
            try negotiate(with: proxy, to: target, port: url.port)
            route = "via \(proxy)"
        } else {
            guard !url.isOnion else {
                throw .failed(FetchError(
                    stage: .resolve, code: .lookupFailed,
                    detail: "an .onion address is reached only through Tor (--tor, or proxy in config.toml)",
                    subject: url.endpoint))
            }
            try connect(to: try resolve(host: url.host, port: url.port))
        }
    }

    // MARK: Stages

    /// Where the proxy is to connect: the name itself for remote DNS (and always for an
    /// `.onion`), else the address it resolves to here.
    private func socksTarget(for proxy: Proxy) throws(Stop) -> SocksTarget {
        if let literal = SocketAddress(numericHost: url.host, port: url.port) { return .address(literal) }
        if proxy.resolvesNames || url.isOnion { return .name(url.host) }
        guard let first = try resolve(host: url.host, port: url.port).first else {
            throw .failed(FetchError(stage: .resolve, code: .lookupFailed, detail: "no address", subject: url.endpoint))
        }
        return .address(first)
    }

    private func resolve(host: String, port: UInt16) throws(Stop) -> [SocketAddress] {
        deliver(.progress(.resolving(host)))
        let start = clock.now
        let result = resolver.resolve(host: host, port: port)
        timings.resolve += clock.now - start
        if handle.isCancelled { throw .cancelled }
        switch result {
        case .success(let addresses):
            return addresses
        case .failure(let failure):
            throw .failed(FetchError(
                stage: .resolve, code: .lookupFailed, detail: failure.message,
                subject: host == url.host ? url.endpoint : "\(host):\(port)"))
        }
    }

    /// Tries each address in turn; the error reported is the last address's.
    private func connect(to addresses: [SocketAddress]) throws(Stop) {
        let start = clock.now
        defer { timings.connect = clock.now - start }
        var lastError: FetchError?
        for address in addresses {
            deliver(.progress(.connecting(address.description)))
            do {
                try connect(to: address)
                let raw = socket?.rawValue ?? -1
                peerAddress = SocketAddress.of(socket: raw, peer: true)?.description ?? address.description
                localAddress = SocketAddress.of(socket: raw, peer: false)?.description ?? ""
                return
            } catch .failed(let error) {
                lastError = error
                closeSocket()
            } catch .cancelled {
                throw .cancelled
            }
        }
        throw .failed(lastError ?? FetchError(stage: .connect, code: .lookupFailed, detail: "no address", subject: url.endpoint))
    }

    private func connect(to address: SocketAddress) throws(Stop) {
        let subject = address.description
        let raw: Int32
        do {
            raw = try retryingOnInterrupt {
                Glibc.socket(address.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            }
        } catch {
            throw .failed(.system(.connect, error, subject))
        }
        socket = FileDescriptor(rawValue: raw)
        let status = address.withSockaddr { Glibc.connect(raw, $0, $1) }
        if status == 0 { return }
        let error = Errno.last
        guard error == .nowInProgress || error == .interrupted else {
            throw .failed(.system(.connect, error, subject))
        }
        try wait(for: Int16(POLLOUT), timeout: options.connectTimeout, stage: .connect, subject: subject)
        var socketError: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(raw, SOL_SOCKET, SO_ERROR, &socketError, &length)
        if socketError != 0 {
            throw .failed(.system(.connect, Errno(rawValue: socketError), subject))
        }
    }

    private func sendRequest() throws(Stop) {
        deliver(.progress(.sending(peerAddress)))
        let start = clock.now
        defer { timings.send = clock.now - start }
        let request = url.requestLine + [0x0D, 0x0A]
        if let tls {
            try sendAll(request, over: tls, stage: .send, subject: peerAddress)
        } else {
            try sendAll(request, stage: .send, subject: peerAddress)
        }
    }

    /// Sends all of `bytes`, waiting for room as long as the idle timeout allows.
    func sendAll(_ bytes: [UInt8], stage: FetchError.Stage, subject: String) throws(Stop) {
        let raw = socket?.rawValue ?? -1
        var offset = 0
        while offset < bytes.count {
            // send, not write: MSG_NOSIGNAL keeps a closed peer from raising SIGPIPE.
            let sent = bytes.withUnsafeBytes { buffer in
                Glibc.send(raw, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
            }
            if sent >= 0 {
                offset += sent
                continue
            }
            let error = Errno.last
            if error == .interrupted { continue }
            guard error == .wouldBlock else { throw .failed(.system(stage, error, subject)) }
            try wait(for: Int16(POLLOUT), timeout: options.idleTimeout, stage: stage, subject: subject)
        }
    }

    private func receiveResponse() throws(Stop) {
        deliver(.progress(.receiving(bytes: 0)))
        let waitStart = clock.now
        var firstByteAt: ContinuousClock.Instant?
        var lastProgress = clock.now
        var detector = ServerErrorDetector()
        var terminator = url.type.showsAsMenu ? MenuTerminatorScanner() : nil
        var window = RateWindow(start: clock.now)
        var buffer = [UInt8](repeating: 0, count: Self.readSize)
        defer {
            let end = clock.now
            timings.firstByte = (firstByteAt ?? end) - waitStart
            timings.receive = end - (firstByteAt ?? end)
        }
        guard let socket else { throw .failed(.system(.receive, .badFileDescriptor, peerAddress)) }
        while true {
            let count: Int
            if let tls {
                var result: Result<Int, Stop> = .success(0)
                buffer.withUnsafeMutableBytes { raw in
                    result = Result { () throws(Stop) in try read(into: raw, over: tls) }
                }
                count = try result.get()
            } else {
                do {
                    count = try buffer.withUnsafeMutableBytes { try socket.read(into: $0) }
                } catch Errno.wouldBlock {
                    try wait(for: Int16(POLLIN), timeout: options.idleTimeout, stage: .receive, subject: peerAddress)
                    continue
                } catch {
                    throw .failed(.system(.receive, error as? Errno ?? .ioError, peerAddress))
                }
            }
            if count > 0 {
                if firstByteAt == nil { firstByteAt = clock.now }
                // A menu ends at its `.` line, even if the server keeps the connection open.
                let terminatorEnd = terminator?.scan(buffer[..<count])
                let end = terminatorEnd ?? count
                bytesAfterTerminator = count - end
                byteCount += end
                try pass(detector.consume(buffer[..<end]))
                if terminatorEnd != nil { break }
                try window.check(adding: end, now: clock.now, options: options, subject: peerAddress)
                if sink != nil, clock.now - lastProgress >= Self.progressInterval {
                    lastProgress = clock.now
                    deliver(.progress(.receiving(bytes: byteCount)))
                }
                continue
            }
            break  // the server closed the connection: the end of the response
        }
        // Nothing at all is a broken server for a menu or a file, but a text may simply be empty.
        guard byteCount > 0 || url.type.handling == .text else {
            throw .failed(FetchError(stage: .receive, code: .emptyResponse, subject: peerAddress))
        }
        switch detector.finish() {
        case .success(let rest):
            try pass(rest)
        case .failure(let message):
            throw .failed(FetchError(stage: .server, code: .serverError, detail: message.text, subject: url.endpoint))
        }
        if let sink {
            do {
                try sink.prepare()
                // Publishing and cancelling exclude each other: a cancel either wins (the file is
                // removed) or comes too late (the file stays and the fetch reports success).
                guard try handle.unlessCancelled({ () throws(FetchError) in try sink.publish() }) != nil else {
                    throw Stop.cancelled
                }
            } catch let error as FetchError {
                throw .failed(error)
            } catch {
                throw .cancelled
            }
            deliver(.progress(.receiving(bytes: byteCount)))
        }
    }

    /// Hands response bytes on: to the sink, or to the consumer within the memory limit.
    private func pass(_ bytes: [UInt8]) throws(Stop) {
        guard !bytes.isEmpty else { return }
        if let sink {
            var failure: FetchError?
            bytes.withUnsafeBytes { raw in
                do throws(FetchError) { try sink.write(raw) } catch { failure = error }
            }
            if let failure { throw .failed(failure) }
            return
        }
        guard byteCount <= options.memoryLimit else {
            throw .failed(FetchError(
                stage: .receive, code: .responseTooLarge,
                detail: "response too large (over \(Self.mebibytes(options.memoryLimit)))",
                subject: peerAddress))
        }
        handle.waitForRoom(adding: bytes.count)
        deliver(.data(bytes, total: byteCount))
    }

    // MARK: Waiting

    private func openWakePipe() throws(Stop) {
        let pipe: (readEnd: FileDescriptor, writeEnd: FileDescriptor)
        do {
            pipe = try FileDescriptor.pipe()
        } catch {
            throw .failed(.system(.connect, error as? Errno ?? .ioError, "wake-up pipe"))
        }
        for end in [pipe.readEnd, pipe.writeEnd] {
            _ = fcntl(end.rawValue, F_SETFD, FD_CLOEXEC)
            _ = fcntl(end.rawValue, F_SETFL, O_NONBLOCK)
        }
        wake = (pipe.readEnd, pipe.writeEnd)
        handle.attachWake(pipe.writeEnd)
        if handle.isCancelled { throw .cancelled }
    }

    /// Waits until the socket is ready for `events`, the fetch is cancelled, or `timeout` passes.
    /// `reportedAs`: the timeout the message names, when `timeout` is what is left of it.
    func wait(
        for events: Int16, timeout: Duration, stage: FetchError.Stage, subject: String, reportedAs: Duration? = nil
    ) throws(Stop) {
        let deadline = clock.now + timeout
        while true {
            let remaining = deadline - clock.now
            guard remaining > .zero else {
                throw .failed(FetchError(
                    stage: stage, code: .timedOut, errno: .timedOut,
                    detail: "after \((reportedAs ?? timeout).secondsText) s", subject: subject))
            }
            var fds = [
                pollfd(fd: socket?.rawValue ?? -1, events: events, revents: 0),
                pollfd(fd: wake?.read.rawValue ?? -1, events: Int16(POLLIN), revents: 0),
            ]
            // Rounded up, so a wait never ends just before its deadline and spins.
            let milliseconds = Int32(clamping: remaining.wholeMilliseconds + 1)
            let ready = poll(&fds, 2, milliseconds)
            if ready < 0 {
                let error = Errno.last
                if error == .interrupted { continue }
                throw .failed(.system(stage, error, subject))
            }
            if fds[1].revents != 0 || handle.isCancelled { throw .cancelled }
            if fds[0].revents != 0 { return }
        }
    }

    /// Limits are set in MiB, and said the same way.
    static func mebibytes(_ bytes: Int) -> String {
        if bytes % (1 << 30) == 0 { return "\(bytes >> 30) GiB" }
        return bytes % (1 << 20) == 0 ? "\(bytes >> 20) MiB" : ByteCountFormatter.string(bytes)
    }

    private func closeSocket() {
        tls = nil  // before the descriptor it writes its close_notify to
        try? socket?.close()
        socket = nil
    }
}

/// Catches servers that trickle: in every stretch of `idleTimeout`, at least
/// `minimumBytesPerWindow` must arrive, else the fetch fails as too slow. (The idle timeout
/// alone never fires on a server that sends a byte a second forever.)
struct RateWindow {
    var start: ContinuousClock.Instant
    var bytes = 0

    mutating func check(adding count: Int, now: ContinuousClock.Instant, options: FetchOptions, subject: String) throws(FetchSessionStop) {
        bytes += count
        guard now - start >= options.idleTimeout else { return }
        if bytes < options.minimumBytesPerWindow {
            throw .failed(FetchError(
                stage: .receive, code: .tooSlow,
                detail: "too slow (\(ByteCountFormatter.string(bytes)) in \(options.idleTimeout.secondsText) s)",
                subject: subject))
        }
        start = now
        bytes = 0
    }
}
