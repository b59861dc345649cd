import Foundation
import Glibc
import Testing
import WarrenTestSupport

/// The `warren` binary's non-interactive modes, run as a user runs them.
@Suite struct WarrenCommandTests {
    @Test func dumpShowsGophernicusMenuWithLinkNumbersAndTags() throws {
        let server = try RealServer(.gophernicus)
        let result = try WarrenProcess.run(["--dump", server.url("/")])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdoutText == """
                     [/]

               1 DIR big
               2 DIR docs
               3 BIN blob.bin
               4 TXT dots.txt
               5 TXT hello.txt
               6 TXT latin1.txt

            """)
    }

    /// A menu of many blocks streams out item by item, numbered on across what was forgotten.
    @Test func aLargeMenuDumpsEveryItemNumberedInOrder() throws {
        var menu = ""
        for number in 1...40_000 {
            if number % 1000 == 0 { menu += "iSection \(number / 1000)\tfake\tnull.host\t1\r\n" }
            menu += "0Item \(number)\t/items/\(number).txt\texample.org\t70\r\n"
        }
        menu += "+Mirror of the last\t/items/40000.txt\tmirror.example.org\t70\r\n.\r\n"
        let server = try FixtureServer(.reply(Array(menu.utf8)))
        let result = try WarrenProcess.run(["--dump", "gopher://127.0.0.1:\(server.port)/1/"])
        #expect(result.status == 0)
        let lines = result.stdoutText.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 40_000 + 40 + 1 + 1)
        #expect(lines[0] == "   1 TXT Item 1")
        #expect(lines[998] == " 999 TXT Item 999")
        #expect(lines[999] == "         Section 1")
        #expect(lines[1000] == "1000 TXT Item 1000")
        #expect(lines[40_039] == "40000 TXT Item 40000")
        #expect(lines[40_040] == "40001 TXT Mirror of the last")
        #expect(lines[40_041] == "")
    }

    /// A text past the 2 MiB held whole streams out line by line, and still ends right.
    @Test func aLargeTextDumpsEveryLineAndDropsTheFinalDot() throws {
        var text = ""
        for number in 1...400_000 { text += "Line \(number) of a long document, padded to be longer.\r\n" }
        text += ".\r\n"
        #expect(text.utf8.count > 16 << 20)
        let server = try FixtureServer(.reply(Array(text.utf8)))
        let result = try WarrenProcess.run(["--dump", "gopher://127.0.0.1:\(server.port)/0/long.txt"])
        #expect(result.status == 0)
        let expected = (1...400_000).map { "Line \($0) of a long document, padded to be longer.\n" }.joined()
        #expect(result.stdoutText == expected)
    }

    /// `--encoding` reads a dump in the charset the hole is written in.
    @Test(arguments: [("SHIFT_JIS", "Shift_JIS"), ("EUC-JP", "euc-jp"), ("KOI8-R", "koi8r"), ("CP437", "CP437")])
    func dumpReadsTheEncodingItIsGiven(charset: String, name: String) throws {
        let text = charset == "KOI8-R" ? "Привет, гофер.\nВторая строка.\n"
            : charset == "CP437" ? "┌──┐\n│ok│\n└──┘\n" : "日本語のテキスト。\n二行目です。\n"
        let server = try FixtureServer(.reply(try iconvBytes(text, to: charset)))
        let result = try WarrenProcess.run(["--dump", "--encoding", name, "gopher://127.0.0.1:\(server.port)/0/t.txt"])
        #expect(result.status == 0)
        #expect(result.stdoutText == text)
    }

    @Test func aBadCommandLineExitsTwoWithTheReason() throws {
        let unknown = try WarrenProcess.run(["--bogus"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.hasPrefix("Error: Unknown option '--bogus'\n"))
        let timeout = try WarrenProcess.run(["--timeout=0", "--dump", "gopher://127.0.0.1:1/"])
        #expect(timeout.status == 2)
        #expect(timeout.stderr.hasPrefix("Error: --timeout takes a number of seconds above 0.\n"))
        #expect(try WarrenProcess.run(["--help"]).status == 0)
    }

    @Test func anUnknownEncodingIsRefusedWithTheNames() throws {
        let result = try WarrenProcess.run(["--dump", "--encoding", "EBCDIC", "gopher://127.0.0.1:1/0/x"])
        #expect(result.status == 2)  // a bad command line, as the README says
        #expect(result.stderr.contains("--encoding takes one of auto, UTF-8, Latin-1, CP437, Windows-1252, Shift_JIS, EUC-JP, KOI8-R, not EBCDIC."))
    }

    /// `--lint` for authors: nothing to say about gophernicus's own menu, each fault of a broken
    /// one on its own line, and the exit status says which.
    @Test func lintFindsNothingInARealServersMenuAndEachFaultInABrokenOne() throws {
        let server = try RealServer(.gophernicus)
        let clean = try WarrenProcess.run(["--lint", server.url("/")])
        #expect(clean.status == 0)
        #expect(clean.stdoutText == "every line is in spec\n")
        let broken = try FixtureServer(.reply(Array(
            "iNo tabs\r\n1Bad port\t/b\t127.0.0.1\t99999\r\n0Fine\t/f\t127.0.0.1\t70\r\n.\r\nafter\r\n".utf8)))
        let result = try WarrenProcess.run(["--lint", "gopher://127.0.0.1:\(broken.port)/1/"])
        #expect(result.status == 1)
        #expect(result.stdoutText == """
            line 1: an i line with 1 field (4 are expected, the host and port may be fake)
            line 2: port "99999" is not 1–65535
            line 4: bytes after the "." line

            """)
        let text = try WarrenProcess.run(["--lint", "gopher://127.0.0.1:\(broken.port)/0/x.txt"])
        #expect(text.status == 2)
        #expect(text.stderr == "warren: --lint reads menus: gopher://127.0.0.1:\(broken.port)/0/x.txt is a TXT item\n")
    }

    /// `--proxy` through a real SOCKS5 proxy; `--tor` is Tor's own address, so with no Tor here
    /// it fails at the proxy stage, naming it; a proxy URL Warren cannot use is refused.
    @Test func dumpGoesThroughTheProxyGivenAndTorIsItsOwnPlace() throws {
        let server = try RealServer(.gophernicus)
        let proxy = try RealSocksProxy()
        let through = try WarrenProcess.run(["--dump", "--proxy", proxy.url(), server.url("/0/hello.txt")])
        #expect(through.status == 0)
        #expect(through.stdoutText == "Hello, gopherspace.\nSecond line.\n")
        let tor = try WarrenProcess.run(["--dump", "--tor", "gopher://abcdefghijklmnop.onion/1/"], prefix: ["/usr/bin/unshare", "-n"])
        #expect(tor.status == 1)
        #expect(tor.stderr.hasPrefix("warren: proxy failed: "))
        #expect(tor.stderr.hasSuffix("(via 127.0.0.1:9050, Tor's port: is Tor running?)\n"))
        let bad = try WarrenProcess.run(["--dump", "--proxy", "http://127.0.0.1:8080", server.url("/")])
        #expect(bad.status == 2)
        #expect(bad.stderr.hasPrefix("Error: --proxy: http:// proxies are not supported (socks5:// or socks5h://)"))
    }

    /// An onion address without a proxy: refused before any lookup (no network here at all).
    @Test func anOnionWithoutAProxyIsRefusedAtResolveAndNothingIsLookedUp() throws {
        let result = try WarrenProcess.run(["--dump", "gopher://abcdefghijklmnop.onion/1/"], prefix: ["/usr/bin/unshare", "-n"])
        #expect(result.status == 1)
        #expect(result.stderr == "warren: resolve failed: an .onion address is reached only through Tor (--tor, or proxy in config.toml) (abcdefghijklmnop.onion:70)\n")
    }

    @Test func dumpShowsPygopherdMenu() throws {
        let server = try RealServer(.pygopherd)
        let result = try WarrenProcess.run(["--dump", "127.0.0.1:\(server.port)"])
        #expect(result.status == 0)
        // pygopherd drops file extensions from display strings.
        #expect(result.stdoutText == """
               1 DIR big
               2 BIN blob
               3 DIR docs
               4 TXT dots
               5 TXT hello
               6 TXT latin1

            """)
    }

    @Test func dumpShowsATextDocumentWithItsLoneDots() throws {
        let server = try RealServer(.gophernicus)
        let result = try WarrenProcess.run(["--dump", server.url("/0/dots.txt")])
        #expect(result.status == 0)
        #expect(result.stdoutText == "before\n.\n..double\nafter\n")
    }

    @Test func hostAndSelectorFormWorksLikeClassicClients() throws {
        let server = try RealServer(.gophernicus)
        let result = try WarrenProcess.run(["127.0.0.1", "/hello.txt", "--port", "\(server.port)", "--dump"])
        #expect(result.status == 0)
        #expect(result.stdoutText == "Hello, gopherspace.\nSecond line.\n")
        let bare = try WarrenProcess.run(["--dump", "127.0.0.1:\(server.port)/0/hello.txt"])
        #expect(bare.stdoutText == "Hello, gopherspace.\nSecond line.\n")
    }

    @Test func dumpDecodesLatin1AndStripsEscapeSequences() throws {
        let body: [UInt8] = Array("caf".utf8) + [0xE9, 0x0A] + Array("\u{1B}]0;pwned\u{07}safe\u{1B}[2J text\n".utf8)
        let server = try FixtureServer(.reply(body))
        let result = try WarrenProcess.run(["--dump", "gopher://127.0.0.1:\(server.port)/0/x"])
        #expect(result.status == 0)
        #expect(result.stdoutText == "café\nsafe text\n")
    }

    @Test func sourceWritesTheBytesAsReceived() throws {
        let server = try RealServer(.gophernicus)
        let result = try WarrenProcess.run(["--source", server.url("/9/blob.bin")])
        #expect(result.status == 0)
        #expect(result.stdout == (try server.fileBytes("blob.bin")))
    }

    @Test func outputSavesTheFileAndWillNotOverwriteWithoutForce() throws {
        let server = try RealServer(.gophernicus)
        let folder = try TemporaryFolder.make(prefix: "warren-output")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("blob.bin").path
        let first = try WarrenProcess.run(["--output", target, server.url("/9/blob.bin")])
        #expect(first.status == 0)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: target))) == (try server.fileBytes("blob.bin")))

        let second = try WarrenProcess.run(["--output", target, server.url("/0/hello.txt")])
        #expect(second.status == 1)
        #expect(second.stderr == "warren: save failed: file exists (\(target)) (use --force to replace it)\n")
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: target))) == (try server.fileBytes("blob.bin")))

        let forced = try WarrenProcess.run(["--output", target, "--force", server.url("/0/hello.txt")])
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "Hello, gopherspace.\r\nSecond line.\r\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["blob.bin"])
    }

    @Test func binaryItemIsNotDumpedToTheTerminal() throws {
        let server = try RealServer(.gophernicus)
        let result = try WarrenProcess.run(["--dump", server.url("/9/blob.bin")])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "warren: \(server.url("/9/blob.bin")) is a BIN item; save it with --output FILE\n")
    }
}

/// Every failure exits non-zero with one line on stderr naming its stage.
@Suite struct WarrenCommandFailureTests {
    @Test func refusedConnectionNamesConnect() throws {
        let port = try Loopback.closedPort()
        let result = try WarrenProcess.run(["--dump", "gopher://127.0.0.1:\(port)/"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "warren: connect failed: Connection refused (127.0.0.1:\(port))\n")
    }

    /// Run without a network (`unshare -n`), so the lookup fails here and sends nothing anywhere.
    @Test func unknownHostNamesResolve() throws {
        let result = try WarrenProcess.run(["--dump", "gopher://nohost.invalid/"], prefix: ["/usr/bin/unshare", "-n"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("warren: resolve failed: "))
        #expect(result.stderr.hasSuffix(" (nohost.invalid:70)\n"))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    @Test func silentServerNamesReceiveAndTheTimeout() throws {
        let server = try FixtureServer(.neverAnswer)
        let result = try WarrenProcess.run(["--timeout", "0.3", "--dump", "gopher://127.0.0.1:\(server.port)/"])
        #expect(result.status == 1)
        #expect(result.stderr == "warren: receive timed out after 0.3 s (127.0.0.1:\(server.port))\n")
    }

    @Test func serverErrorShowsTheServersMessage() throws {
        let server = try RealServer(.gophernicus)
        let result = try WarrenProcess.run(["--dump", server.url("/1/missing/")])
        #expect(result.status == 1)
        #expect(result.stderr == "warren: server error: Error: File or directory not found! (null)\n")
    }

    @Test func anEmptyTextDumpsAsNothingAndSucceeds() throws {
        let server = try FixtureServer(.reply([]))
        let result = try WarrenProcess.run(["--dump", "gopher://127.0.0.1:\(server.port)/0/empty.txt"])
        #expect(result.status == 0)
        #expect(result.stdoutText == "")
        #expect(result.stderr == "")
    }

    @Test func dumpFollowsRealMapsLeniently() throws {
        let map = "iNo tabs at all\r\n1Part 3\t/part3/\t\t7070\r\nhSite\t/URL:https://example.org/\t(null)\t70\r\n"
            + "0No port\t/a.txt\texample.org\r\n\t\r\n8BBS\tguest\tbbs.example\t23\r\n.\r\n"
        let server = try FixtureServer(.reply(bytes(map)))
        let result = try WarrenProcess.run(["--dump", "gopher://127.0.0.1:\(server.port)/"])
        #expect(result.status == 0)
        #expect(result.stdoutText == """
                     No tabs at all
               1 DIR Part 3
               2 WWW Site
               3 TXT No port

               4 TEL BBS

            """)
    }

    @Test func checkConfigListsEachProblemAndExitsOneOrSaysNoneAndExitsZero() throws {
        let folder = try TemporaryFolder.make(prefix: "warren-config")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.toml").path
        try Data("timeout = \"soon\"\n[keys]\nquit = \"C-j\"\n".utf8).write(to: URL(fileURLWithPath: bad))
        let result = try WarrenProcess.run(["--check-config", bad])
        #expect(result.status == 1)
        #expect(result.stdoutText == """
            \(bad): line 1: timeout takes a number of seconds above 0
            \(bad): line 3: quit: C-j never arrives as itself: the terminal sends Enter (use "Enter")

            """)
        let defaults = folder.appendingPathComponent("defaults.toml").path
        let printed = try WarrenProcess.run(["--print-default-config"])
        #expect(printed.status == 0)
        try Data(printed.stdoutText.utf8).write(to: URL(fileURLWithPath: defaults))
        let good = try WarrenProcess.run(["--check-config", defaults])
        #expect(good.status == 0)
        #expect(good.stdoutText == "\(defaults): no problems\n")
    }

    @Test func emptyReplyIsNamed() throws {
        let server = try FixtureServer(.reply([]))
        let result = try WarrenProcess.run(["--dump", "gopher://127.0.0.1:\(server.port)/"])
        #expect(result.stderr == "warren: receive failed: empty response (127.0.0.1:\(server.port))\n")
    }

    @Test func selectorWithCRLFIsRefusedBeforeSending() throws {
        let server = try FixtureServer(.reply(Array("x".utf8)))
        let result = try WarrenProcess.run(["--dump", "gopher://127.0.0.1:\(server.port)/0/a%0D%0Ab"])
        #expect(result.status == 2)
        #expect(result.stderr == "warren: selector contains CR, which cannot be sent\n")
        #expect(server.requests.isEmpty)
    }

    @Test func interruptedSaveLeavesNoFile() throws {
        let server = try FixtureServer(.trickle(Array(repeating: 0x41, count: 2_000), interval: .milliseconds(5)))
        let folder = try TemporaryFolder.make(prefix: "warren-interrupt")
        defer { try? FileManager.default.removeItem(at: folder) }
        let child = try ChildProcess([
            WarrenProcess.executable.path, "--output", folder.appendingPathComponent("slow.bin").path,
            "gopher://127.0.0.1:\(server.port)/9/slow",
        ])
        // Wait (boundedly) until the download has started and written something.
        for _ in 0..<200 where server.requests.isEmpty { usleep(10_000) }
        usleep(200_000)
        child.signal(SIGINT)
        #expect(child.wait(seconds: 10) == 130)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [])
    }

    /// An endless stream, even one endless line, dumps in constant memory until the size cap
    /// (`response_limit`, here 96 MiB) and then stops with a clear message.
    @Test(arguments: [false, true])
    func endlessStreamDumpsInConstantMemoryUntilTheSizeCap(withLineFeeds: Bool) throws {
        var chunk = Array(repeating: UInt8(ascii: "z"), count: 65_536)
        if withLineFeeds { for index in stride(from: 79, to: chunk.count, by: 80) { chunk[index] = 0x0A } }
        let server = try FixtureServer(.endless(chunk: chunk))
        let folder = try TemporaryFolder.make(prefix: "warren-endless")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("config/warren"), withIntermediateDirectories: true)
        try Data("response_limit = 96\n".utf8).write(to: folder.appendingPathComponent("config/warren/config.toml"))
        let outPath = folder.appendingPathComponent("stdout").path
        let errPath = folder.appendingPathComponent("stderr").path
        let child = try ChildProcess(
            [WarrenProcess.executable.path, "--dump", "gopher://127.0.0.1:\(server.port)/0/endless"], stdout: outPath,
            stderr: errPath, environment: ["XDG_CONFIG_HOME=\(folder.appendingPathComponent("config").path)", "HOME=\(folder.path)"])
        #expect(child.wait(seconds: 120) == 1)
        let stderr = try String(contentsOfFile: errPath, encoding: .utf8)
        #expect(stderr == "warren: receive failed: response too large (over 96 MiB) (127.0.0.1:\(server.port))\n")
        // All of it was written out as it came: nearly 96 MiB of lines.
        let written = try #require(try FileManager.default.attributesOfItem(atPath: outPath)[.size] as? Int)
        #expect(written > 90 << 20)
        // Held: what a one-line document needs, plus the 2 MiB held before text streams and a
        // line of up to 1 MiB in the making, never the stream.
        let tiny = try FixtureServer(.reply(Array("one line\n".utf8)))
        let baseline = try ChildProcess([WarrenProcess.executable.path, "--dump", "gopher://127.0.0.1:\(tiny.port)/0/"])
        _ = baseline.wait(seconds: 10)
        let base = try #require(baseline.maximumResidentKilobytes)
        let peak = try #require(child.maximumResidentKilobytes)
        #expect(peak < base + 24 * 1024, "peak resident memory \(peak) KiB, \(base) KiB for a tiny dump")
    }

    /// A 64 KiB tmpfs in a private mount namespace stands in for a full disk.
    @Test func fullDiskSaysWhyAndLeavesNoFile() throws {
        let server = try RealServer(.gophernicus)
        let folder = try TemporaryFolder.make(prefix: "warren-full")
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = [UInt8](repeating: 0x5A, count: 256 * 1024)
        try Data(big).write(to: server.root.appendingPathComponent("big.bin"))
        let script = """
            mount -t tmpfs -o size=64k warren-test "$1" || exit 99
            "$2" --output "$1/big.bin" "$3"; status=$?
            ls -A "$1"; exit $status
            """
        let result = try WarrenProcess.runShell(
            script, arguments: [folder.path, WarrenProcess.executable.path, server.url("/9/big.bin")],
            prefix: ["/usr/bin/unshare", "-m"])
        try #require(result.status != 99, "cannot mount a tmpfs here: \(result.stderr)")
        #expect(result.status == 1)
        #expect(result.stderr == "warren: save failed: No space left on device (\(folder.path)/big.bin)\n")
        #expect(result.stdoutText == "")  // `ls -A`: nothing left behind
    }
}

/// The command line over TLS: `SSL_CERT_FILE` honoured, unknown certificates never taken
/// silently, pins honoured, and `--tls` falling back with a word on stderr.
@Suite struct WarrenCommandOverTLSTests {
    /// `env` with a data folder of the test's own (so no pin of the machine's user applies).
    private func environment(_ data: URL, certificateFile: String? = nil) -> [String] {
        ["/usr/bin/env", "XDG_DATA_HOME=\(data.path)"] + (certificateFile.map { ["SSL_CERT_FILE=\($0)"] } ?? [])
    }

    @Test func dumpTrustsTheAuthoritiesOfSSLCertFileAndOnlyThose() throws {
        let certificates = try TestCertificates.shared.get()
        let server = try RealServer(.gophernicus)
        let tls = try RealTLSServer(certificate: .valid, backendPort: server.port)
        let data = try TemporaryFolder.make(prefix: "warren-data")
        defer { try? FileManager.default.removeItem(at: data) }
        let trusted = try WarrenProcess.run(
            ["--dump", tls.url("/0/hello.txt")], prefix: environment(data, certificateFile: certificates.authorityFile))
        #expect(trusted.status == 0)
        #expect(trusted.stderr == "")
        #expect(trusted.stdoutText == "Hello, gopherspace.\nSecond line.\n")

        // The system store does not know the test authority.
        let system = try WarrenProcess.run(["--dump", tls.url("/0/hello.txt")], prefix: environment(data))
        #expect(system.status == 1)
        #expect(system.stdout.isEmpty)
        #expect(system.stderr == "warren: tls failed: certificate not from a known authority (unable to get local issuer certificate), SHA-256 \(try certificates.fingerprint(.valid)) (127.0.0.1:\(tls.port))\n")
    }

    @Test func dumpNeverTakesASelfSignedCertificateUnlessItIsPinned() throws {
        let certificates = try TestCertificates.shared.get()
        let server = try RealServer(.gophernicus)
        let tls = try RealTLSServer(certificate: .selfSigned, backendPort: server.port)
        let data = try TemporaryFolder.make(prefix: "warren-data")
        defer { try? FileManager.default.removeItem(at: data) }
        let fingerprint = try certificates.fingerprint(.selfSigned)
        for mode in [["--dump"], ["--source"], ["--output", data.appendingPathComponent("hello.txt").path]] {
            let refused = try WarrenProcess.run(mode + [tls.url("/0/hello.txt")], prefix: environment(data))
            #expect(refused.status == 1, "\(mode)")
            #expect(refused.stderr == "warren: tls failed: certificate not from a known authority (self-signed certificate), SHA-256 \(fingerprint) (127.0.0.1:\(tls.port))\n")
        }
        #expect(!FileManager.default.fileExists(atPath: data.appendingPathComponent("hello.txt").path))

        try FileManager.default.createDirectory(at: data.appendingPathComponent("warren"), withIntermediateDirectories: true)
        try Data("127.0.0.1:\(tls.port) \(fingerprint) CN=localhost\n".utf8)
            .write(to: data.appendingPathComponent("warren/known_certificates"))
        let saved = data.appendingPathComponent("blob.bin")
        let pinned = try WarrenProcess.run(["--output", saved.path, tls.url("/9/blob.bin")], prefix: environment(data))
        #expect(pinned.status == 0, "\(pinned.stderr)")
        #expect(Array(try Data(contentsOf: saved)) == (try server.fileBytes("blob.bin")))
    }

    @Test func anExpiredCertificateIsRefusedEvenWhenItsAuthorityIsTrusted() throws {
        let certificates = try TestCertificates.shared.get()
        let server = try RealServer(.gophernicus)
        let tls = try RealTLSServer(certificate: .expired, backendPort: server.port)
        let data = try TemporaryFolder.make(prefix: "warren-data")
        defer { try? FileManager.default.removeItem(at: data) }
        let result = try WarrenProcess.run(
            ["--dump", tls.url("/")], prefix: environment(data, certificateFile: certificates.authorityFile))
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("warren: tls failed: certificate has expired (on "))
    }

    @Test func tlsFallsBackToPlainGopherAndSaysSoOnStderr() throws {
        let server = try RealServer(.gophernicus)
        let data = try TemporaryFolder.make(prefix: "warren-data")
        defer { try? FileManager.default.removeItem(at: data) }
        let result = try WarrenProcess.run(["--tls", "--dump", server.url("/0/hello.txt")], prefix: environment(data))
        #expect(result.status == 0)
        #expect(result.stdoutText == "Hello, gopherspace.\nSecond line.\n")
        #expect(result.stderr.hasPrefix("warren: plain gopher, not TLS: the server does not speak TLS ("))
    }
}

/// `warren --feeds` against a phlog served by gophernicus: the first check marks what is there,
/// a post added to the served folder is printed, it stays unread, and a server that is down is
/// named while the unread stays.
@Suite struct WarrenFeedsCommandTests {
    @Test func feedsPrintsExactlyTheNewPostKeepsItUnreadAndNamesAFeedThatFailed() throws {
        let server = try RealServer(.gophernicus)
        let phlog = server.root.appendingPathComponent("phlog")
        try FileManager.default.createDirectory(at: phlog, withIntermediateDirectories: true)
        try Data("First post.\n".utf8).write(to: phlog.appendingPathComponent("first.txt"))
        try Data("My phlog\r\n0First post\tfirst.txt\r\n".utf8).write(to: phlog.appendingPathComponent("gophermap"))
        let home = try TemporaryFolder.make(prefix: "warren-feeds-home")
        defer { try? FileManager.default.removeItem(at: home) }
        let data = home.appendingPathComponent("data/warren")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try Data("1My phlog\t/phlog/\t127.0.0.1\t\(server.port)\r\n".utf8).write(to: data.appendingPathComponent("feeds.gph"))
        let environment = [
            "/usr/bin/env", "XDG_DATA_HOME=\(home.appendingPathComponent("data").path)",
            "XDG_STATE_HOME=\(home.appendingPathComponent("state").path)",
        ]

        let first = try WarrenProcess.run(["--feeds"], prefix: environment)
        #expect(first.status == 0)
        #expect(first.stderr == "")
        #expect(first.stdoutText == "")

        try Data("Second post.\n".utf8).write(to: phlog.appendingPathComponent("second.txt"))
        try Data("My phlog\r\n0Second post\tsecond.txt\r\n0First post\tfirst.txt\r\n".utf8)
            .write(to: phlog.appendingPathComponent("gophermap"))
        let newLine = "My phlog\tSecond post\tgopher://127.0.0.1:\(server.port)/0/phlog/second.txt\n"
        let second = try WarrenProcess.run(["--feeds"], prefix: environment)
        #expect(second.status == 0)
        #expect(second.stdoutText == newLine)
        // Printing is not reading.
        #expect(try WarrenProcess.run(["--feeds"], prefix: environment).stdoutText == newLine)

        server.stop()
        let down = try WarrenProcess.run(["--feeds"], prefix: environment)
        #expect(down.status == 1)
        #expect(down.stderr == "warren: My phlog: connect failed: Connection refused (127.0.0.1:\(server.port))\n")
        #expect(down.stdoutText == newLine)
    }

    @Test func feedsWithNoSubscriptionSaysHowToMakeOne() throws {
        let home = try TemporaryFolder.make(prefix: "warren-feeds-home")
        defer { try? FileManager.default.removeItem(at: home) }
        let result = try WarrenProcess.run(
            ["--feeds"], prefix: ["/usr/bin/env", "XDG_DATA_HOME=\(home.path)", "XDG_STATE_HOME=\(home.path)"])
        #expect(result.status == 0)
        #expect(result.stderr == "warren: no feeds yet: S on a menu in the browser subscribes to it (\(home.path)/warren/feeds.gph)\n")
    }
}
