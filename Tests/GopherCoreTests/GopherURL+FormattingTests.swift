import Testing
import WarrenTestSupport
@testable import GopherCore



@Suite struct GopherURLFormattingTests {
    // MARK: Exact strings

    @Test func menuURLFormatsWithTypeAndSelector() throws {
        let url = try GopherURL(host: "example.org", type: .menu, selector: bytes("/phlog"))
        #expect(url.description == "gopher://example.org/1/phlog")
    }

    @Test func rootMenuFormatsWithItsType() throws {
        #expect(try GopherURL(host: "example.org").description == "gopher://example.org/1")
    }

    @Test func standardPortIsLeftOutAndOthersAreWritten() throws {
        #expect(try GopherURL(host: "example.org", port: 70, type: .text, selector: bytes("/a")).description
            == "gopher://example.org/0/a")
        #expect(try GopherURL(host: "example.org", port: 7070, type: .text, selector: bytes("/notes.txt")).description
            == "gopher://example.org:7070/0/notes.txt")
    }

    @Test func ipv6HostIsBracketed() throws {
        #expect(try GopherURL(host: "::1", port: 7070).description == "gopher://[::1]:7070/1")
        #expect(try GopherURL(host: "2001:db8::1", type: .text, selector: bytes("/x")).description
            == "gopher://[2001:db8::1]/0/x")
    }

    @Test func reservedAndUnsafeBytesArePercentEncoded() throws {
        let url = try GopherURL(host: "example.org", type: .text, selector: bytes("/a b%?#\"<>[]\\^`{|}"))
        #expect(url.description == "gopher://example.org/0/a%20b%25%3F%23%22%3C%3E%5B%5D%5C%5E%60%7B%7C%7D")
    }

    @Test func subDelimitersAndUnreservedBytesStayAsThemselves() throws {
        let url = try GopherURL(host: "example.org", type: .text, selector: bytes("/-._~!$&'()*+,;=:@AZaz09"))
        #expect(url.description == "gopher://example.org/0/-._~!$&'()*+,;=:@AZaz09")
    }

    @Test func nonASCIIAndNonUTF8BytesAreEncodedInUppercaseHex() throws {
        let url = try GopherURL(host: "example.org", type: .text, selector: bytes("/café") + [0xFF, 0x01, 0x7F])
        #expect(url.description == "gopher://example.org/0/caf%C3%A9%FF%01%7F")
    }

    @Test func searchWordsFollowAnEncodedTab() throws {
        let url = try GopherURL(host: "example.org", type: .search, selector: bytes("/v"), search: bytes("gopher hole"))
        #expect(url.description == "gopher://example.org/7/v%09gopher%20hole")
        let empty = try GopherURL(host: "example.org", type: .search, selector: bytes("/v"), search: [])
        #expect(empty.description == "gopher://example.org/7/v%09")
    }

    @Test func unusualTypeBytesAreEncodedLikeSelectorBytes() throws {
        #expect(try GopherURL(host: "h", type: ItemType(0x1B), selector: bytes("x")).description == "gopher://h/%1Bx")
        #expect(try GopherURL(host: "h", type: ItemType("+")).description == "gopher://h/+")
        #expect(try GopherURL(host: "h", type: ItemType("%")).description == "gopher://h/%25")
    }

    // MARK: Canonical form

    @Test func parsingThenFormattingGivesTheCanonicalForm() throws {
        let cases = [
            ("example.org", "gopher://example.org/1"),
            ("gopher://example.org/", "gopher://example.org/1"),
            ("gopher://example.org:70/1/x", "gopher://example.org/1/x"),
            ("GOPHER://example.org:07070/0/x", "gopher://example.org:7070/0/x"),
            ("[::1]:7070", "gopher://[::1]:7070/1"),
            ("gopher://example.org/0/%7e%2F%c3%a9", "gopher://example.org/0/~/%C3%A9"),
            ("gopher://example.org/0/a b", "gopher://example.org/0/a%20b"),
            ("gopher://example.org/7/s%09q%09+", "gopher://example.org/7/s%09q"),
            ("gopher://example.org/0/café", "gopher://example.org/0/caf%C3%A9"),
        ]
        for (text, canonical) in cases {
            #expect(try GopherURL(parsing: text).description == canonical, "\(text)")
        }
    }

    @Test func canonicalStringsFormatBackToThemselves() throws {
        let strings = [
            "gopher://example.org/1",
            "gopher://example.org/1/phlog",
            "gopher://example.org:7070/0/notes.txt",
            "gopher://[::1]:7070/1/dir/",
            "gopher://192.0.2.1/9/file.bin",
            "gopher://example.org/7/search%09two%20words",
            "gopher://example.org/0/100%25%20sure%3F%23yes",
        ]
        for text in strings {
            #expect(try GopherURL(parsing: text).description == text)
        }
    }

    // MARK: Round trips

    @Test func formattedURLsParseBackToTheSameURL() throws {
        let urls: [GopherURL] = [
            try GopherURL(host: "example.org"),
            try GopherURL(host: "example.org", port: 7070, type: .text, selector: bytes("/notes.txt")),
            try GopherURL(host: "::1", port: 7070, type: .menu, selector: bytes("/")),
            try GopherURL(host: "fe80::1", type: .text, selector: bytes("x")),
            try GopherURL(host: "10.0.0.1", port: 1, type: .binary, selector: bytes("/a.bin")),
            try GopherURL(host: "bücher.example", type: .text, selector: bytes("/straße")),
            try GopherURL(host: "example.org", type: .text, selector: bytes("/with space/and%percent")),
            try GopherURL(host: "example.org", type: .text, selector: bytes("/q?x=1&y=2#frag")),
            try GopherURL(host: "example.org", type: .text, selector: [0x2F, 0x80, 0xFF, 0xC3, 0x28, 0x01, 0x7F]),
            try GopherURL(host: "example.org", type: .text, selector: bytes("%09 not a tab")),
            try GopherURL(host: "example.org", type: .search, selector: bytes("/s"), search: bytes("a b%c?d#e")),
            try GopherURL(host: "example.org", type: .search, selector: bytes("/s"), search: []),
            try GopherURL(host: "example.org", type: .search, selector: [], search: bytes("émigré")),
            try GopherURL(host: "example.org", type: .search, selector: bytes("/s"), search: [0xE9, 0x20, 0xFF]),
            try GopherURL(host: "example.org", type: .menu, selector: [UInt8](repeating: 0xFF, count: 255)),
            try GopherURL(host: "example.org", port: 65535, type: ItemType("h"), selector: bytes("URL:http://x/")),
        ]
        for url in urls {
            #expect(try GopherURL(parsing: url.description) == url, "\(url.description)")
        }
    }

    @Test func everyTypeByteSurvivesARoundTrip() throws {
        for byte in UInt8.min...UInt8.max where ![0x00, 0x09, 0x0A, 0x0D].contains(byte) {
            let url = try GopherURL(host: "example.org", type: ItemType(byte), selector: bytes("/x"))
            #expect(try GopherURL(parsing: url.description) == url, "type byte \(byte)")
        }
    }

    @Test func randomSelectorsAndSearchesSurviveARoundTrip() throws {
        var random = SplitMix64(state: 0x6F70_6865_72)
        let forbidden: Set<UInt8> = [0x00, 0x09, 0x0A, 0x0D]
        func randomBytes(maxCount: Int) -> [UInt8] {
            var out: [UInt8] = []
            for _ in 0..<random.below(maxCount + 1) {
                let byte = UInt8(random.below(256))
                if !forbidden.contains(byte) { out.append(byte) }
            }
            return out
        }
        for _ in 0..<500 {
            let selector = randomBytes(maxCount: 255)
            let search: [UInt8]? = random.below(2) == 0 ? nil : randomBytes(maxCount: 40)
            let port = UInt16(1 + random.below(65535))
            let url = try GopherURL(
                host: "example.org", port: port, type: ItemType(UInt8(32 + random.below(224))), selector: selector,
                search: search)
            let formatted = url.description
            #expect(formatted.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0.value < 0x7F })
            #expect(try GopherURL(parsing: formatted) == url, "\(formatted)")
        }
    }
}
