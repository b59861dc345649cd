import Dispatch
import Foundation
import Glibc
import Synchronization

/// A gopher server on 127.0.0.1 that misbehaves on purpose, one behaviour for every connection.
/// It records each request line it reads. Threads end when the server is stopped.
public final class FixtureServer: Sendable {
    public enum Behaviour: Sendable {
        /// Reads the request, sends the bytes, closes.
        case reply([UInt8])
        /// Accepts and closes at once, before reading anything.
        case closeImmediately
        /// Reads the request and then says nothing until the client leaves.
        case neverAnswer
        /// Sends the bytes one at a time, `interval` apart, then closes.
        case trickle([UInt8], interval: Duration)
        /// Sends each chunk, `interval` apart, then closes: a page that streams in over time.
        case chunks([[UInt8]], interval: Duration)
        /// Sends the bytes, then resets the connection (RST, not FIN).
        case resetAfter([UInt8])
        /// Sends the chunk over and over until the client goes away.
        case endless(chunk: [UInt8])
        /// A SOCKS5 proxy that records where it is asked to connect (`socksTargets`) and answers
        /// CONNECT with `reply` (0 is success); after success it is the gopher server itself:
        /// it reads the selector and sends `bytes`.
        case socks5(reply: UInt8, then: [UInt8])
        /// Sends the bytes and keeps the connection open until the client closes it.
        case replyAndHold([UInt8])
    }

    public let port: UInt16
    private let listener: Int32
    private let behaviour: Behaviour
    private let state = Mutex(State())
    private let threads = DispatchGroup()

    private struct State {
        var requests: [[UInt8]] = []
        /// Every byte read from clients, partial lines too (a TLS ClientHello, say).
        var received: [UInt8] = []
        var socksTargets: [String] = []
        var connections: [Int32] = []
        var stopped = false
    }

    public convenience init(_ behaviour: Behaviour) throws {
        try self.init { _ in behaviour }
    }

    /// A server whose behaviour depends on its own port (menus that link back to it).
    public init(makeBehaviour: (UInt16) -> Behaviour) throws {
        (listener, port) = try Loopback.listen(backlog: 16)
        behaviour = makeBehaviour(port)
        // Plain threads, not Dispatch workers: these block, and a blocked Dispatch pool on a
        // two-core machine would delay the fetcher under test.
        threads.enter()
        Thread.detachNewThread { [self] in
            defer { threads.leave() }
            acceptLoop()
        }
    }

    deinit { stop() }

    /// Where SOCKS5 clients asked to go: `name gopher.test:70`, `ipv4 127.0.0.1:70`.
    public var socksTargets: [String] { state.withLock { $0.socksTargets } }

    /// Request lines received so far, without CRLF.
    public var requests: [[UInt8]] { state.withLock { $0.requests } }
    /// Every byte clients sent, in order, whether or not it made a request line.
    public var received: [UInt8] { state.withLock { $0.received } }

    /// Closes the listener and every connection, and waits for the server's threads. Only the
    /// first call does anything: `deinit` calls it again, and closing the listener twice could
    /// close a descriptor another test has opened since under the same number.
    public func stop() {
        // Each connection is shut down under the lock: a serving thread closes its descriptor
        // only after taking it out of the list under the same lock, so each one is still open.
        let first = state.withLock { state -> Bool in
            guard !state.stopped else { return false }
            state.stopped = true
            for fd in state.connections { shutdown(fd, Int32(SHUT_RDWR)) }
            return true
        }
        guard first else { return }
        shutdown(listener, Int32(SHUT_RDWR))
        _ = threads.wait(timeout: .now() + 5)
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if errno == EINTR { continue }
                return
            }
            let accepted = state.withLock { state -> Bool in
                guard !state.stopped else { return false }
                state.connections.append(fd)
                return true
            }
            guard accepted else {
                close(fd)
                return
            }
            threads.enter()
            Thread.detachNewThread { [self] in
                defer { threads.leave() }
                serve(fd)
                state.withLock { $0.connections.removeAll { $0 == fd } }
                close(fd)
            }
        }
    }

    private func serve(_ fd: Int32) {
        if case .closeImmediately = behaviour { return }
        if case .socks5(let reply, let bytes) = behaviour {
            guard let target = socksHandshake(fd, reply: reply) else { return }
            state.withLock { $0.socksTargets.append(target) }
            guard reply == 0, let request = readRequestLine(fd) else { return }
            state.withLock { $0.requests.append(request) }
            sendAll(fd, bytes)
            return
        }
        guard let request = readRequestLine(fd) else { return }
        state.withLock { $0.requests.append(request) }
        switch behaviour {
        case .closeImmediately, .socks5:
            return
        case .reply(let bytes):
            sendAll(fd, bytes)
        case .neverAnswer:
            waitForClientToLeave(fd)
        case .trickle(let bytes, let interval):
            for byte in bytes {
                guard sendAll(fd, [byte]) else { return }
                sleep(for: interval)
                if state.withLock({ $0.stopped }) { return }
            }
        case .chunks(let chunks, let interval):
            for chunk in chunks {
                guard sendAll(fd, chunk) else { return }
                sleep(for: interval)
                if state.withLock({ $0.stopped }) { return }
            }
        case .resetAfter(let bytes):
            sendAll(fd, bytes)
            usleep(50_000)  // let the bytes leave before the reset overtakes them
            var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
            setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
        case .endless(let chunk):
            while sendAll(fd, chunk) {}
        case .replyAndHold(let bytes):
            sendAll(fd, bytes)
            waitForClientToLeave(fd)
        }
    }

    /// The greeting (no login), then CONNECT: where it asked to go, after replying `reply`.
    private func socksHandshake(_ fd: Int32, reply: UInt8) -> String? {
        guard let greeting = readExactly(fd, 2), greeting[0] == 5, readExactly(fd, Int(greeting[1])) != nil,
            sendAll(fd, [5, 0]), let header = readExactly(fd, 4), header[0] == 5, header[1] == 1
        else { return nil }
        let target: String
        switch header[3] {
        case 1:
            guard let address = readExactly(fd, 4) else { return nil }
            target = "ipv4 " + address.map(String.init).joined(separator: ".")
        case 3:
            guard let length = readExactly(fd, 1), let name = readExactly(fd, Int(length[0])) else { return nil }
            target = "name " + String(decoding: name, as: UTF8.self)
        case 4:
            guard readExactly(fd, 16) != nil else { return nil }
            target = "ipv6"
        default:
            return nil
        }
        guard let port = readExactly(fd, 2) else { return nil }
        sendAll(fd, [5, reply, 0, 1, 127, 0, 0, 1, 0, 70])
        return "\(target):\(Int(port[0]) << 8 | Int(port[1]))"
    }

    private func readExactly(_ fd: Int32, _ count: Int) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: count)
        var got = 0
        while got < count {
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + got, count - got) }
            if n < 0, errno == EINTR { continue }
            guard n > 0 else { return nil }
            got += n
        }
        return bytes
    }

    private func readRequestLine(_ fd: Int32) -> [UInt8]? {
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while line.count < 65_536 {
            let count = read(fd, &byte, 1)
            if count < 0, errno == EINTR { continue }
            guard count == 1 else { return nil }
            state.withLock { $0.received.append(byte) }
            if byte == 0x0A { break }
            line.append(byte)
        }
        if line.last == 0x0D { line.removeLast() }
        return line
    }

    private func waitForClientToLeave(_ fd: Int32) {
        var buffer = [UInt8](repeating: 0, count: 512)
        while true {
            let count = read(fd, &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            if count <= 0 { return }
        }
    }

    @discardableResult
    private func sendAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += sent
        }
        return true
    }

    private func sleep(for duration: Duration) {
        usleep(useconds_t(clamping: duration.wholeNanoseconds / 1000))
    }
}

/// Loopback sockets for tests.
public enum Loopback {
    /// Whether something accepts TCP connections on 127.0.0.1:`port`.
    public static func accepts(port: UInt16) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        address.sin_port = port.bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }

    /// A listening TCP socket on 127.0.0.1 with a free port.
    public static func listen(backlog: Int32) throws -> (fd: Int32, port: UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw TestSupportError("socket: \(errno)") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        address.sin_port = 0
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(fd, backlog) == 0 else {
            close(fd)
            throw TestSupportError("bind/listen: \(errno)")
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    /// A port on 127.0.0.1 that nothing listens on (bound, then released).
    public static func closedPort() throws -> UInt16 {
        let (fd, port) = try listen(backlog: 1)
        close(fd)
        return port
    }

    /// The number of descriptors this process has open.
    public static func openDescriptorCount() -> Int {
        guard let directory = opendir("/proc/self/fd") else { return -1 }
        defer { closedir(directory) }
        var count = 0
        while readdir(directory) != nil { count += 1 }
        return count - 3  // ".", ".." and the directory's own descriptor
    }
}

public struct TestSupportError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension Loopback {
    /// Sockets of this process connected to `port` on the loopback (IPv4 or IPv6): what a
    /// client of a fixture server still has open. Read from /proc, so it ignores other tests'
    /// descriptors.
    public static func openClientSockets(toPort port: UInt16) -> Int {
        var inodes: Set<String> = []
        for table in ["/proc/self/net/tcp", "/proc/self/net/tcp6"] {
            guard let file = fopen(table, "r") else { continue }
            defer { fclose(file) }
            var line: UnsafeMutablePointer<CChar>?
            var capacity = 0
            while getline(&line, &capacity, file) > 0 {
                let fields = String(cString: line!).split(separator: " ")
                // sl local rem st tx:rx tr:when retrnsmt uid timeout inode
                guard fields.count > 9, let colon = fields[2].lastIndex(of: ":"),
                    UInt16(fields[2][fields[2].index(after: colon)...], radix: 16) == port
                else { continue }
                inodes.insert(String(fields[9]))
            }
            free(line)
        }
        guard let directory = opendir("/proc/self/fd") else { return -1 }
        defer { closedir(directory) }
        var count = 0
        var target = [CChar](repeating: 0, count: 256)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            let length = readlink("/proc/self/fd/\(name)", &target, target.count - 1)
            guard length > 0 else { continue }
            let link = String(decoding: target[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if link.hasPrefix("socket:["), inodes.contains(String(link.dropFirst(8).dropLast())) { count += 1 }
        }
        return count
    }
}
