import Foundation

/// Certificates made at test time with the openssl command, in a private folder: a test
/// authority and, signed by it, a valid certificate for 127.0.0.1 and localhost, an expired one,
/// one not valid yet and one for another name; and two self-signed ones for 127.0.0.1 (the
/// second stands for a pinned certificate that was replaced). EC P-256 keys: quick to make.
public final class TestCertificates: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case valid, expired, notYetValid, wrongName, selfSigned, replacement
    }

    /// Made once per test process, on first use.
    public static let shared: Result<TestCertificates, TestSupportError> = make()

    private static func make() -> Result<TestCertificates, TestSupportError> {
        do {
            let made = try TestCertificates()
            // The folder holds private keys: gone when the test process is.
            atexit {
                if case .success(let certificates) = TestCertificates.shared {
                    try? FileManager.default.removeItem(at: certificates.folder)
                }
            }
            return .success(made)
        } catch let error as TestSupportError {
            return .failure(error)
        } catch {
            return .failure(TestSupportError("cannot make test certificates: \(error)"))
        }
    }

    public let folder: URL
    /// The test authority's certificate (PEM): what a client trusts to accept `valid`.
    public var authorityFile: String { folder.appendingPathComponent("authority.crt").path }

    public func certificateFile(_ kind: Kind) -> String { folder.appendingPathComponent("\(kind.rawValue).crt").path }
    public func keyFile(_ kind: Kind) -> String { folder.appendingPathComponent("\(kind.rawValue).key").path }

    private init() throws {
        folder = try TemporaryFolder.make(prefix: "warren-certificates")
        let openssl = try Self.openssl()
        try run(openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "authority.key", "-out", "authority.crt", "-days", "30",
                "-subj", "/O=Warren tests/CN=Warren test authority",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign")
        try Data().write(to: folder.appendingPathComponent("index.txt"))
        try "1000\n".write(to: folder.appendingPathComponent("serial"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("issued"), withIntermediateDirectories: true)
        try """
            [ca]
            default_ca = tests
            [tests]
            dir = \(folder.path)
            database = $dir/index.txt
            new_certs_dir = $dir/issued
            serial = $dir/serial
            default_md = sha256
            policy = anything
            unique_subject = no
            [anything]
            organizationName = optional
            commonName = supplied
            """.write(to: folder.appendingPathComponent("ca.cnf"), atomically: true, encoding: .utf8)
        let now = Date()
        let day: TimeInterval = 86_400
        try issue(.valid, openssl, name: "localhost", names: "IP:127.0.0.1,DNS:localhost", from: now - day, to: now + 30 * day)
        try issue(.expired, openssl, name: "localhost", names: "IP:127.0.0.1,DNS:localhost", from: now - 60 * day, to: now - 30 * day)
        try issue(.notYetValid, openssl, name: "localhost", names: "IP:127.0.0.1,DNS:localhost", from: now + 30 * day, to: now + 60 * day)
        try issue(.wrongName, openssl, name: "elsewhere.invalid", names: "DNS:elsewhere.invalid", from: now - day, to: now + 30 * day)
        for kind in [Kind.selfSigned, .replacement] {
            try run(openssl, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                    "-keyout", "\(kind.rawValue).key", "-out", "\(kind.rawValue).crt", "-days", "30",
                    "-subj", "/O=Warren tests/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost")
        }
    }

    /// The SHA-256 fingerprint as Warren shows it (`AB:CD:…`), from openssl itself.
    public func fingerprint(_ kind: Kind) throws -> String {
        let output = try run(try Self.openssl(), "x509", "-in", certificateFile(kind), "-noout", "-fingerprint", "-sha256")
        guard let equals = output.firstIndex(of: "=") else { throw TestSupportError("no fingerprint in \(output)") }
        return output[output.index(after: equals)...].trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func issue(_ kind: Kind, _ openssl: String, name: String, names: String, from start: Date, to end: Date) throws {
        let extensions = folder.appendingPathComponent("\(kind.rawValue).ext")
        try "subjectAltName=\(names)\nbasicConstraints=CA:FALSE\n".write(to: extensions, atomically: true, encoding: .utf8)
        try run(openssl, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", "\(kind.rawValue).key", "-out", "\(kind.rawValue).csr", "-subj", "/O=Warren tests/CN=\(name)")
        try run(openssl, "ca", "-batch", "-notext", "-config", "ca.cnf", "-cert", "authority.crt", "-keyfile", "authority.key",
                "-in", "\(kind.rawValue).csr", "-out", "\(kind.rawValue).crt", "-extfile", extensions.path,
                "-startdate", Self.asn1Time(start), "-enddate", Self.asn1Time(end))
    }

    /// `20261201120000Z`, as `openssl ca` takes its dates.
    private static func asn1Time(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMddHHmmss'Z'"
        return formatter.string(from: date)
    }

    @discardableResult
    private func run(_ arguments: String...) throws -> String { try run(arguments) }

    @discardableResult
    private func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw TestSupportError("openssl \(arguments.dropFirst().prefix(2).joined(separator: " ")) failed: \(text)")
        }
        return text
    }

    private static func openssl() throws -> String {
        for path in ["/usr/bin/openssl", "/usr/local/bin/openssl"] where FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        throw TestSupportError("openssl is not installed: run scripts/test, which installs it")
    }
}

/// Debian's stunnel4 on 127.0.0.1, speaking TLS with one of the test certificates and passing
/// the plain bytes to a gopher server behind it (gophernicus, usually).
// @unchecked Sendable: as `RealServer`: set in `init`, cleared only by `stop()`.
public final class RealTLSServer: @unchecked Sendable {
    public let port: UInt16
    private var process: ChildProcess?
    private let configuration: URL

    /// `port`: a port of an earlier server, to show a replaced certificate at the same place.
    public init(certificate kind: TestCertificates.Kind, backendPort: UInt16, port: UInt16? = nil) throws {
        let certificates = try TestCertificates.shared.get()
        self.port = try port ?? Loopback.closedPort()
        configuration = certificates.folder.appendingPathComponent("stunnel-\(self.port).conf")
        try """
            foreground = yes
            pid =
            debug = 3
            [gopher]
            accept = 127.0.0.1:\(self.port)
            connect = 127.0.0.1:\(backendPort)
            cert = \(certificates.certificateFile(kind))
            key = \(certificates.keyFile(kind))
            """.write(to: configuration, atomically: true, encoding: .utf8)
        let stunnel = ["/usr/bin/stunnel4", "/usr/bin/stunnel"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let stunnel else { throw TestSupportError("stunnel4 is not installed: run scripts/test, which installs it") }
        process = try ChildProcess([stunnel, configuration.path], stdout: "/dev/null", stderr: "/dev/null")
        for _ in 0..<100 {
            if Loopback.accepts(port: self.port) { return }
            guard process?.isRunning == true else { break }
            usleep(50_000)
        }
        throw TestSupportError("stunnel4 did not start listening on 127.0.0.1:\(self.port)")
    }

    deinit { stop() }

    public func stop() {
        process?.terminate()
        // Until the port is free again, a replacement cannot listen there.
        for _ in 0..<100 where Loopback.accepts(port: port) { usleep(20_000) }
        process = nil
        try? FileManager.default.removeItem(at: configuration)
    }

    public func url(_ path: String) -> String { "gophers://127.0.0.1:\(port)\(path)" }
}
