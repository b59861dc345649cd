import GopherCore
import GopherNet
import Testing
import WarrenTestSupport

@Test func proxyURLsGiveTheProxyAndWhoResolvesNames() throws {
    #expect(try Proxy(parsing: "socks5h://127.0.0.1:9050") == .tor)
    #expect(try Proxy(parsing: "socks5://proxy.example") == Proxy(host: "proxy.example", port: 1080, resolvesNames: false))
    #expect(try Proxy(parsing: "SOCKS5H://me:secret@[::1]:1081/") == Proxy(
        host: "::1", port: 1081, resolvesNames: true, username: "me", password: "secret"))
    #expect(try Proxy(parsing: "socks5h://me:secret@[::1]:1081").description == "socks5h://[::1]:1081")
}

@Test func badProxyURLsSayWhy() {
    #expect(throws: ProxyURLError.unsupportedScheme("http")) { try Proxy(parsing: "http://127.0.0.1:8080") }
    #expect(throws: ProxyURLError.badPort("99999")) { try Proxy(parsing: "socks5://127.0.0.1:99999") }
    #expect(throws: ProxyURLError.notAProxyURL("127.0.0.1:9050")) { try Proxy(parsing: "127.0.0.1:9050") }
    #expect(ProxyURLError.unsupportedScheme("http").description == "http:// proxies are not supported (socks5:// or socks5h://)")
    // A password is never repeated back.
    #expect(ProxyURLError.notAProxyURL("me:secret@proxy").description == "proxy is not a proxy URL (socks5://host:port or socks5h://host:port)")
}

@Test func onionHostsAreKnownAsSuch() throws {
    #expect(try GopherURL(parsing: "gopher://abcdefghijklmnop.onion/1/").isOnion)
    #expect(try !GopherURL(parsing: "gopher://onion.example/").isOnion)
    // The root's dot makes the same name: it must not slip past to a resolver.
    #expect(try GopherURL(parsing: "gopher://abcdefghijklmnop.onion./1/").isOnion)
}
