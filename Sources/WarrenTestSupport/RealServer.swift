import Foundation
import Glibc

/// A real gopher server from Debian's packages, serving a folder of test content on 127.0.0.1:
/// gophernicus (inetd-style, under socat with `nofork` so that no relay can drop a reply, as
/// `nobody`, with `-nm` so it keeps no session table shared with every other gophernicus on the
/// machine, whose throttling would slow tests after a few GiB) or pygopherd (with its cache off).
/// The test script installs both; a test that finds one missing fails with a clear message.
// @unchecked Sendable: its properties are set in `init`; only `stop()` (from `deinit` or the
// test's own task, never both at once) clears `process`, and `ChildProcess` tolerates that.
public final class RealServer: @unchecked Sendable {
    public enum Kind: String, Sendable { case gophernicus, pygopherd }

    public let kind: Kind
    public let port: UInt16
    /// The served folder; tests may add files before asking for them.
    public let root: URL
    private var process: ChildProcess?

    public init(_ kind: Kind, content: GopherContent = .standard) throws {
        self.kind = kind
        root = try TemporaryFolder.make(prefix: "warren-\(kind.rawValue)")
        try content.write(into: root)
        // gophernicus runs as nobody: the tree must be readable by all.
        _ = chmod(root.path, 0o755)
        port = try Loopback.closedPort()
        switch kind {
        case .gophernicus:
            let gophernicus = try Self.tool("gophernicus").path
            process = try ChildProcess([
                try Self.tool("socat").path,
                "TCP-LISTEN:\(port),bind=127.0.0.1,reuseaddr,fork",
                "EXEC:\(gophernicus) -h 127.0.0.1 -p \(port) -r \(root.path) -nf -nd -nv -ns -nm,nofork,su=nobody",
            ])
        case .pygopherd:
            let configuration = root.deletingLastPathComponent().appendingPathComponent("\(root.lastPathComponent).conf")
            try Self.pygopherdConfiguration(port: port, root: root).write(to: configuration, atomically: true, encoding: .utf8)
            process = try ChildProcess([try Self.tool("pygopherd").path, configuration.path])
        }
        try waitUntilListening()
    }

    deinit { stop() }

    public func stop() {
        process?.terminate()
        process = nil
        try? FileManager.default.removeItem(at: root)
        try? FileManager.default.removeItem(atPath: root.path + ".conf")
        try? FileManager.default.removeItem(atPath: root.path + ".pid")
    }

    public func url(_ path: String) -> String { "gopher://127.0.0.1:\(port)\(path)" }

    /// The bytes of a served file, to compare with what a client saved.
    public func fileBytes(_ relativePath: String) throws -> [UInt8] {
        Array(try Data(contentsOf: root.appendingPathComponent(relativePath)))
    }

    private func waitUntilListening() throws {
        for _ in 0..<100 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
            address.sin_port = port.bigEndian
            let status = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            close(fd)
            if status == 0 { return }
            guard process?.isRunning == true else { break }
            usleep(50_000)
        }
        throw TestSupportError("\(kind.rawValue) did not start listening on 127.0.0.1:\(port)")
    }

    private static func tool(_ name: String) throws -> URL {
        for folder in ["/usr/bin", "/usr/sbin", "/usr/local/bin", "/bin", "/sbin"] {
            let candidate = URL(fileURLWithPath: folder).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        throw TestSupportError("\(name) is not installed: run scripts/test, which installs it")
    }

    /// Debian's configuration with the port, root and name changed, chroot off, cache off (so a
    /// file added by a test shows at once), logging off, and no detaching.
    static func pygopherdConfiguration(port: UInt16, root: URL) throws -> String {
        let base = try String(contentsOfFile: "/etc/pygopherd/pygopherd.conf", encoding: .utf8)
        var lines: [String] = []
        for line in base.components(separatedBy: "\n") {
            switch true {
            case line.hasPrefix("port ="): lines.append("port = \(port)")
            case line.hasPrefix("root ="): lines.append("root = \(root.path)")
            case line.hasPrefix("usechroot ="): lines.append("usechroot = no")
            case line.hasPrefix("detach ="): lines.append("detach = no")
            case line.hasPrefix("cachetime ="): lines.append("cachetime = 0")
            case line.hasPrefix("pidfile ="): lines.append("pidfile = \(root.path).pid")
            case line.hasPrefix("logmethod ="): lines.append("logmethod = none")
            case line.hasPrefix("[pygopherd]"):
                lines.append(line)
                lines.append("servername = 127.0.0.1")
                lines.append("interface = 127.0.0.1")
            default: lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }
}

public enum TemporaryFolder {
    public static func make(prefix: String) throws -> URL {
        var template = Array("/tmp/\(prefix)-XXXXXX".utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw TestSupportError("mkdtemp failed: \(errno)")
        }
        return URL(fileURLWithPath: String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }
}

/// Debian's microsocks, a real SOCKS5 proxy, on 127.0.0.1 (with a login when given one).
// @unchecked Sendable: as `RealServer`: set in `init`, cleared only by `stop()`.
public final class RealSocksProxy: @unchecked Sendable {
    public let port: UInt16
    private var process: ChildProcess?

    public init(username: String? = nil, password: String? = nil) throws {
        port = try Loopback.closedPort()
        var arguments = ["/usr/bin/microsocks", "-i", "127.0.0.1", "-p", "\(port)"]
        if let username, let password { arguments += ["-u", username, "-P", password] }
        guard FileManager.default.isExecutableFile(atPath: arguments[0]) else {
            throw TestSupportError("microsocks is not installed: run scripts/test, which installs it")
        }
        process = try ChildProcess(arguments)
        for _ in 0..<100 {
            if Loopback.accepts(port: port) { return }
            guard process?.isRunning == true else { break }
            usleep(50_000)
        }
        throw TestSupportError("microsocks did not start listening on 127.0.0.1:\(port)")
    }

    deinit { stop() }

    public func stop() {
        process?.terminate()
        process = nil
    }

    public func url(resolvingNames: Bool = false) -> String {
        "\(resolvingNames ? "socks5h" : "socks5")://127.0.0.1:\(port)"
    }
}
