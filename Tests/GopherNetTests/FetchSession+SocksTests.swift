import GopherCore
import GopherNet
import Glibc
import Testing
import WarrenTestSupport

private func through(_ proxy: String) throws -> FetchOptions {
    var options = FetchOptions(timeout: .seconds(5))
    options.proxy = try Proxy(parsing: proxy)
    return options
}

/// Fetches through SOCKS5: a real proxy (microsocks), and a fixture proxy that records where
/// it was asked to go.
@Suite struct FetchThroughSocks {
    @Test func aMenuArrivesThroughARealProxy() throws {
        let server = try RealServer(.gophernicus)
        let proxy = try RealSocksProxy()
        let recorder = FetchRecorder(try GopherURL(parsing: server.url("/")), options: try through(proxy.url()))
        let report = try #require(recorder.report)
        #expect(report.route == "via socks5://127.0.0.1:\(proxy.port)")
        #expect(String(decoding: recorder.data, as: UTF8.self).contains("hello.txt"))
        #expect(recorder.progress.contains(.negotiatingProxy("127.0.0.1:\(proxy.port)")))
    }

    @Test func aProxyThatWantsALoginGetsItAndRefusesAWrongOne() throws {
        let server = try RealServer(.gophernicus)
        let proxy = try RealSocksProxy(username: "reader", password: "s3cret")
        let good = FetchRecorder(try GopherURL(parsing: server.url("/")), options: try through("socks5://reader:s3cret@127.0.0.1:\(proxy.port)"))
        #expect(good.report != nil)
        let bad = FetchRecorder(try GopherURL(parsing: server.url("/")), options: try through("socks5://reader:wrong@127.0.0.1:\(proxy.port)"))
        #expect(bad.error?.description == "proxy failed: username or password refused (via 127.0.0.1:\(proxy.port))")
        let none = FetchRecorder(try GopherURL(parsing: server.url("/")), options: try through(proxy.url()))
        #expect(none.error?.description
            == "proxy failed: it asks for a username and password (give them in the proxy URL) (via 127.0.0.1:\(proxy.port))")
    }

    @Test func socks5hSendsTheNameUnresolvedAndSocks5TheAddress() throws {
        let proxy = try FixtureServer(.socks5(reply: 0, then: Array("iHello from far away\t\tnull.host\t1\r\n.\r\n".utf8)))
        // No resolver entry for the name: were it looked up here, the fetch would fail.
        let fetcher = Fetcher(resolver: TableResolver([:]))
        let remote = FetchRecorder(
            try GopherURL(parsing: "gopher://gopher.invalid:7070/1/x"), options: try through("socks5h://127.0.0.1:\(proxy.port)"),
            fetcher: fetcher)
        #expect(remote.report != nil)
        #expect(String(decoding: remote.data, as: UTF8.self).hasPrefix("iHello from far away"))
        let local = FetchRecorder(
            try GopherURL(parsing: "gopher://127.0.0.1:7070/1/x"), options: try through("socks5://127.0.0.1:\(proxy.port)"))
        #expect(local.report != nil)
        #expect(proxy.socksTargets == ["name gopher.invalid:7070", "ipv4 127.0.0.1:7070"])
        #expect(proxy.requests == [Array("/x".utf8), Array("/x".utf8)])
    }

    @Test func anOnionIsSentToTheProxyByNameEvenWithLocalDNS() throws {
        let proxy = try FixtureServer(.socks5(reply: 0, then: Array("iOnion\t\tnull.host\t1\r\n.\r\n".utf8)))
        let recorder = FetchRecorder(
            try GopherURL(parsing: "gopher://abcdefghijklmnop.onion/1/"), options: try through("socks5://127.0.0.1:\(proxy.port)"),
            fetcher: Fetcher(resolver: TableResolver([:])))
        #expect(recorder.report != nil)
        #expect(proxy.socksTargets == ["name abcdefghijklmnop.onion:70"])
    }

    @Test(arguments: [(UInt8(1), "general SOCKS server failure"), (4, "host unreachable"), (5, "connection refused"), (8, "address type not supported")])
    func eachProxyReplyIsWorded(code: UInt8, words: String) throws {
        let proxy = try FixtureServer(.socks5(reply: code, then: []))
        let recorder = FetchRecorder(try GopherURL(parsing: "gopher://127.0.0.1:7070/1/"), options: try through("socks5h://127.0.0.1:\(proxy.port)"))
        #expect(recorder.error?.stage == .proxy)
        #expect(recorder.error?.description == "proxy failed: \(words) (via 127.0.0.1:\(proxy.port))")
    }

    @Test func aProxyThatIsNotRunningFailsAsTheProxy() throws {
        let port = try Loopback.closedPort()
        let recorder = FetchRecorder(try GopherURL(parsing: "gopher://127.0.0.1:7070/1/"), options: try through("socks5h://127.0.0.1:\(port)"))
        #expect(recorder.error?.description == "proxy failed: Connection refused (via 127.0.0.1:\(port))")
    }

    @Test func somethingThatIsNotAProxySaysSo() throws {
        let server = try FixtureServer(.closeImmediately)
        let recorder = FetchRecorder(try GopherURL(parsing: "gopher://127.0.0.1:7070/1/"), options: try through("socks5h://127.0.0.1:\(server.port)"))
        #expect(recorder.error?.stage == .proxy)
    }

    @Test func anOnionWithoutAProxyIsNeverLookedUp() throws {
        let recorder = FetchRecorder(
            try GopherURL(parsing: "gopher://abcdefghijklmnop.onion/1/"),
            fetcher: Fetcher(resolver: TableResolver(["abcdefghijklmnop.onion": .success([SocketAddress(numericHost: "127.0.0.1", port: 1)!])])))
        #expect(recorder.error?.description
            == "resolve failed: an .onion address is reached only through Tor (--tor, or proxy in config.toml) (abcdefghijklmnop.onion:70)")
    }
}
