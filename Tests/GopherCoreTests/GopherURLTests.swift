import Testing
import WarrenTestSupport
@testable import GopherCore


@Suite struct GopherURLTests {
    @Test func defaultsAreTheRootMenuOnPort70() throws {
        let url = try GopherURL(host: "example.org")
        #expect(url.host == "example.org")
        #expect(url.port == 70)
        #expect(url.type == ItemType("1"))
        #expect(url.selector == [])
        #expect(url.search == nil)
    }

    @Test func requestLineIsTheSelectorAlone() throws {
        let url = try GopherURL(host: "example.org", type: .text, selector: bytes("/about.txt"))
        #expect(url.requestLine == bytes("/about.txt"))
    }

    @Test func requestLineSendsSearchWordsAfterATab() throws {
        let url = try GopherURL(host: "example.org", type: .search, selector: bytes("/veronica"), search: bytes("gopher hole"))
        #expect(url.requestLine == bytes("/veronica\tgopher hole"))
    }

    @Test func requestLineWithAnEmptySearchStillSendsTheTab() throws {
        let url = try GopherURL(host: "example.org", type: .search, selector: bytes("/s"), search: [])
        #expect(url.requestLine == bytes("/s\t"))
    }

    @Test func requestLineKeepsNonUTF8SelectorBytes() throws {
        let url = try GopherURL(host: "example.org", selector: [0x2F, 0xE9, 0xFF])
        #expect(url.requestLine == [0x2F, 0xE9, 0xFF])
    }

    @Test func endpointNamesHostAndPort() throws {
        #expect(try GopherURL(host: "example.org").endpoint == "example.org:70")
        #expect(try GopherURL(host: "192.0.2.7", port: 7070).endpoint == "192.0.2.7:7070")
    }

    @Test func endpointBracketsAnIPv6Address() throws {
        #expect(try GopherURL(host: "::1", port: 7070).endpoint == "[::1]:7070")
        #expect(try GopherURL(host: "2001:db8::2").endpoint == "[2001:db8::2]:70")
    }

    @Test func emptyHostIsRefused() {
        #expect(throws: GopherURLError.invalidHost("")) { try GopherURL(host: "") }
    }

    @Test func hostWithCharactersThatCannotNameAServerIsRefused() {
        for host in ["ex ample.org", "example.org/x", "[::1]", "a]b", "a\\b", "a%b", "tab\there", "del\u{7F}", "nl\n"] {
            #expect(throws: GopherURLError.invalidHost(host), "\(host.debugDescription)") { try GopherURL(host: host) }
        }
    }

    @Test func hostLongerThan253BytesIsRefused() throws {
        let longest = String(repeating: "a", count: 253)
        #expect(try GopherURL(host: longest).host == longest)
        let tooLong = String(repeating: "a", count: 254)
        #expect(throws: GopherURLError.invalidHost(tooLong)) { try GopherURL(host: tooLong) }
    }

    @Test func nonASCIIHostIsKept() throws {
        #expect(try GopherURL(host: "bücher.example").host == "bücher.example")
    }

    @Test func portZeroIsRefused() {
        #expect(throws: GopherURLError.invalidPort("0")) { try GopherURL(host: "example.org", port: 0) }
    }

    @Test func highestPortIsAccepted() throws {
        #expect(try GopherURL(host: "example.org", port: 65535).port == 65535)
    }

    @Test func selectorWithCRLFNULOrTabIsRefused() {
        let cases: [(String, UInt8)] = [("/a\rb", 0x0D), ("/a\nb", 0x0A), ("/a\u{0}b", 0x00), ("/a\tb", 0x09)]
        for (selector, byte) in cases {
            #expect(throws: GopherURLError.forbiddenByteInSelector(byte)) {
                try GopherURL(host: "example.org", selector: bytes(selector))
            }
        }
    }

    @Test func firstForbiddenByteIsReported() {
        #expect(throws: GopherURLError.forbiddenByteInSelector(0x0A)) {
            try GopherURL(host: "example.org", selector: bytes("/x\n\r"))
        }
    }

    @Test func otherControlBytesInASelectorAreSent() throws {
        let url = try GopherURL(host: "example.org", selector: [0x01, 0x1B, 0x7F])
        #expect(url.requestLine == [0x01, 0x1B, 0x7F])
    }

    @Test func selectorOf255BytesIsAcceptedAnd256Refused() throws {
        let longest = [UInt8](repeating: UInt8(ascii: "a"), count: 255)
        #expect(try GopherURL(host: "example.org", selector: longest).selector.count == 255)
        #expect(throws: GopherURLError.selectorTooLong(256)) {
            try GopherURL(host: "example.org", selector: longest + [UInt8(ascii: "a")])
        }
    }

    @Test func searchWithCRLFNULOrTabIsRefused() {
        for byte: UInt8 in [0x0D, 0x0A, 0x00, 0x09] {
            #expect(throws: GopherURLError.forbiddenByteInSelector(byte)) {
                try GopherURL(host: "example.org", type: .search, selector: bytes("/s"), search: [0x61, byte, 0x62])
            }
        }
    }

    @Test func urlsWithTheSameFieldsAreEqualAndNoSearchDiffersFromEmptySearch() throws {
        let a = try GopherURL(host: "example.org", type: .search, selector: bytes("/s"))
        let b = try GopherURL(host: "example.org", type: .search, selector: bytes("/s"))
        let c = try GopherURL(host: "example.org", type: .search, selector: bytes("/s"), search: [])
        #expect(a == b)
        #expect(Set([a, b]).count == 1)
        #expect(a != c)
    }

    @Test func errorDescriptionsReadAsMessages() {
        #expect(GopherURLError.empty.description == "empty URL")
        #expect(GopherURLError.unsupportedScheme("http").description == "not a gopher URL (scheme http)")
        #expect(GopherURLError.invalidHost("a b").description == "invalid host \"a b\"")
        #expect(GopherURLError.invalidHost("").description == "invalid host \"\"")
        #expect(
            GopherURLError.placeholderHost("null.host").description
                == "link leads nowhere (placeholder host \"null.host\")")
        #expect(GopherURLError.invalidPort("70000").description == "invalid port \"70000\"")
        #expect(
            GopherURLError.invalidPercentEncoding("0a%zz").description == "invalid percent-encoding in \"0a%zz\"")
        #expect(
            GopherURLError.selectorTooLong(300).description
                == "selector is 300 bytes, longer than the 255 gopher allows")
    }

    @Test func forbiddenByteDescriptionNamesTheByte() {
        #expect(GopherURLError.forbiddenByteInSelector(0x0D).description == "selector contains CR, which cannot be sent")
        #expect(GopherURLError.forbiddenByteInSelector(0x0A).description == "selector contains LF, which cannot be sent")
        #expect(GopherURLError.forbiddenByteInSelector(0x00).description == "selector contains NUL, which cannot be sent")
        #expect(GopherURLError.forbiddenByteInSelector(0x09).description == "selector contains TAB, which cannot be sent")
        #expect(
            GopherURLError.forbiddenByteInSelector(0x01).description
                == "selector contains control byte, which cannot be sent")
    }

    @Test func errorDescriptionsDoNotCarryEscapeSequencesFromTheNetwork() {
        let description = GopherURLError.invalidHost("evil\u{1B}[2J\u{1B}]0;title\u{07}.host").description
        #expect(description == "invalid host \"evil.host\"")
        #expect(!description.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }
}
