import Testing
import WarrenTestSupport
@testable import GopherCore


@Suite struct GopherURLParsingTests {
    // MARK: Shape of a URL

    @Test func fullURLGivesHostTypeAndSelector() throws {
        let url = try GopherURL(parsing: "gopher://example.org/1/phlog")
        #expect(url.host == "example.org")
        #expect(url.port == 70)
        #expect(url.type == .menu)
        #expect(url.selector == bytes("/phlog"))
        #expect(url.search == nil)
    }

    @Test func typeByteIsTheFirstCharacterOfThePath() throws {
        let url = try GopherURL(parsing: "gopher://example.org/0/about.txt")
        #expect(url.type == .text)
        #expect(url.selector == bytes("/about.txt"))
        let image = try GopherURL(parsing: "gopher://example.org/I/cat.jpg")
        #expect(image.type == .image)
        #expect(image.selector == bytes("/cat.jpg"))
    }

    @Test func urlWithoutPathIsTheRootMenu() throws {
        for text in ["gopher://example.org", "gopher://example.org/", "example.org", "example.org/"] {
            let url = try GopherURL(parsing: text)
            #expect(url == (try GopherURL(host: "example.org", type: .menu, selector: [])), "\(text)")
        }
    }

    @Test func pathWithOnlyATypeHasAnEmptySelector() throws {
        let url = try GopherURL(parsing: "gopher://example.org/0")
        #expect(url.type == .text)
        #expect(url.selector == [])
    }

    @Test func selectorNeedNotStartWithSlash() throws {
        let url = try GopherURL(parsing: "gopher://example.org/0about")
        #expect(url.type == .text)
        #expect(url.selector == bytes("about"))
    }

    @Test func schemeIsCaseInsensitiveAndHostCaseIsKept() throws {
        let url = try GopherURL(parsing: "GOPHER://Example.ORG/1/x")
        #expect(url.host == "Example.ORG")
        #expect(url.selector == bytes("/x"))
    }

    @Test func bareHostAndPathWithoutSchemeParsesLikeAFullURL() throws {
        let bare = try GopherURL(parsing: "example.org/1/phlog")
        #expect(bare == (try GopherURL(parsing: "gopher://example.org/1/phlog")))
        #expect(bare.type == .menu)
        #expect(bare.selector == bytes("/phlog"))
    }

    @Test func surroundingWhitespaceIsIgnored() throws {
        let expected = try GopherURL(host: "example.org", type: .menu, selector: bytes("/x"))
        #expect(try GopherURL(parsing: "  gopher://example.org/1/x \t\n") == expected)
        #expect(try GopherURL(parsing: "\tgopher://example.org/1/x\r") == expected)
    }

    @Test func trailingCRLFIsIgnored() throws {
        // A line read from a CRLF file still carries its line ending.
        let expected = try GopherURL(host: "example.org", type: .menu, selector: bytes("/x"))
        #expect(try GopherURL(parsing: "gopher://example.org/1/x\r\n") == expected)
        #expect(try GopherURL(parsing: "\r\nexample.org/1/x\r\n\r\n") == expected)
    }

    @Test func emptyOrBlankTextIsRefusedAsEmpty() {
        for text in ["", "   ", "\t\r\n", "\r\n"] {
            #expect(throws: GopherURLError.empty, "\(text.debugDescription)") { try GopherURL(parsing: text) }
        }
    }

    // MARK: Ports

    @Test func portDefaultsTo70() throws {
        #expect(try GopherURL(parsing: "gopher://example.org/1/").port == 70)
        #expect(try GopherURL(parsing: "example.org").port == 70)
    }

    @Test func defaultPortParameterIsUsedWhenTheURLNamesNoPort() throws {
        #expect(try GopherURL(parsing: "example.org/1/x", defaultPort: 7070).port == 7070)
        #expect(try GopherURL(parsing: "gopher://example.org/", defaultPort: 105).port == 105)
    }

    @Test func explicitPortWinsOverDefaultPort() throws {
        #expect(try GopherURL(parsing: "gopher://example.org:71/1/x", defaultPort: 7070).port == 71)
        #expect(try GopherURL(parsing: "example.org:70", defaultPort: 7070).port == 70)
    }

    @Test func explicitPortIsParsed() throws {
        let url = try GopherURL(parsing: "gopher://example.org:7070/0/notes.txt")
        #expect(url.port == 7070)
        #expect(url.host == "example.org")
        #expect(url.selector == bytes("/notes.txt"))
        #expect(try GopherURL(parsing: "gopher://example.org:65535/").port == 65535)
        #expect(try GopherURL(parsing: "gopher://example.org:00070/").port == 70)
    }

    @Test func bareHostWithPortIsNotTakenForAScheme() throws {
        let url = try GopherURL(parsing: "localhost:7070/0/readme")
        #expect(url.host == "localhost")
        #expect(url.port == 7070)
        #expect(url.type == .text)
        #expect(url.selector == bytes("/readme"))
    }

    @Test func ipv4AddressWithPort() throws {
        let url = try GopherURL(parsing: "192.0.2.1:7070/1/")
        #expect(url.host == "192.0.2.1")
        #expect(url.port == 7070)
        #expect(url.selector == bytes("/"))
    }

    @Test func emptyPortMeansTheDefault() throws {
        #expect(try GopherURL(parsing: "gopher://example.org:/1/x").port == 70)
    }

    @Test func invalidPortsAreRefused() {
        for port in ["0", "70000", "65536", "abc", "-1", "+70", "7 0", "0x46"] {
            #expect(throws: GopherURLError.invalidPort(port), "\(port)") {
                try GopherURL(parsing: "gopher://example.org:\(port)/1/x")
            }
        }
    }

    @Test func invalidPortOnAnIPv6LiteralIsRefused() {
        #expect(throws: GopherURLError.invalidPort("0")) { try GopherURL(parsing: "[::1]:0") }
        #expect(throws: GopherURLError.invalidPort("70000")) { try GopherURL(parsing: "gopher://[::1]:70000/") }
    }

    @Test func bareHostWithLetterPortIsRefused() {
        // `example.org:abc` cannot be told from a scheme; either way it is not fetched.
        #expect(throws: GopherURLError.self) { try GopherURL(parsing: "example.org:abc") }
    }

    // MARK: IPv6

    @Test func bracketedIPv6LiteralWithPort() throws {
        let url = try GopherURL(parsing: "[::1]:7070")
        #expect(url.host == "::1")
        #expect(url.port == 7070)
        #expect(url.type == .menu)
        #expect(url.selector == [])
    }

    @Test func bracketedIPv6LiteralInAFullURL() throws {
        let url = try GopherURL(parsing: "gopher://[2001:db8::1]/0/x")
        #expect(url.host == "2001:db8::1")
        #expect(url.port == 70)
        #expect(url.selector == bytes("/x"))
        let withPort = try GopherURL(parsing: "gopher://[::1]:7070/1/dir/")
        #expect(withPort.host == "::1")
        #expect(withPort.port == 7070)
        #expect(withPort.selector == bytes("/dir/"))
    }

    @Test func unbracketedIPv6AddressIsTheHostWithDefaultPort() throws {
        let url = try GopherURL(parsing: "gopher://2001:db8::1/1/x")
        #expect(url.host == "2001:db8::1")
        #expect(url.port == 70)
    }

    @Test func malformedBracketsAreRefused() {
        #expect(throws: GopherURLError.invalidHost("[::1")) { try GopherURL(parsing: "gopher://[::1") }
        #expect(throws: GopherURLError.invalidHost("[example.org]")) { try GopherURL(parsing: "gopher://[example.org]/") }
        #expect(throws: GopherURLError.invalidHost("[::1]x")) { try GopherURL(parsing: "gopher://[::1]x/") }
    }

    // MARK: Hosts

    @Test func emptyHostIsRefused() {
        #expect(throws: GopherURLError.invalidHost("")) { try GopherURL(parsing: "gopher:///1/x") }
        #expect(throws: GopherURLError.invalidHost("")) { try GopherURL(parsing: "gopher://:70/1/x") }
    }

    @Test func userInfoIsRefused() {
        #expect(throws: GopherURLError.invalidHost("user@example.org")) {
            try GopherURL(parsing: "gopher://user@example.org/1/")
        }
    }

    // MARK: Schemes

    @Test func otherSchemesAreRefusedAsUnsupported() {
        let cases = [
            ("about:home", "about"), ("http://example.org/", "http"), ("HTTPS://example.org", "HTTPS"),
            ("mailto:someone@example.org", "mailto"), ("gemini://example.org/", "gemini"),
            ("ftp://example.org:21/", "ftp"),
        ]
        for (text, scheme) in cases {
            #expect(throws: GopherURLError.unsupportedScheme(scheme), "\(text)") { try GopherURL(parsing: text) }
        }
    }

    @Test func colonInsideThePathIsNotAScheme() throws {
        let url = try GopherURL(parsing: "example.org/0/notes:today")
        #expect(url.host == "example.org")
        #expect(url.selector == bytes("/notes:today"))
    }

    // MARK: Percent-decoding

    @Test func percentEscapesDecodeToBytes() throws {
        let url = try GopherURL(parsing: "gopher://example.org/0/caf%C3%A9%20menu%25")
        #expect(url.selector == bytes("/café menu%"))
    }

    @Test func lowercaseHexEscapesDecode() throws {
        #expect(try GopherURL(parsing: "gopher://example.org/0%2f%7e%c3%a9").selector == bytes("/~é"))
    }

    @Test func escapesNeedNotBeUTF8() throws {
        #expect(try GopherURL(parsing: "gopher://example.org/9/%FFx%E9").selector == [0x2F, 0xFF, 0x78, 0xE9])
    }

    @Test func nonASCIICharactersStandForTheirUTF8Bytes() throws {
        let url = try GopherURL(parsing: "gopher://example.org/0/café")
        #expect(url.selector == [0x2F, 0x63, 0x61, 0x66, 0xC3, 0xA9])
    }

    @Test func questionMarkAndHashAreSelectorBytes() throws {
        let url = try GopherURL(parsing: "gopher://example.org/0/cgi?x=1#top")
        #expect(url.selector == bytes("/cgi?x=1#top"))
        #expect(url.search == nil)
    }

    @Test func typeByteMayBePercentEncoded() throws {
        let url = try GopherURL(parsing: "gopher://example.org/%30/x")
        #expect(url.type == .text)
        #expect(url.selector == bytes("/x"))
    }

    @Test func brokenEscapesAreRefused() {
        #expect(throws: GopherURLError.invalidPercentEncoding("0/a%2")) { try GopherURL(parsing: "gopher://h/0/a%2") }
        #expect(throws: GopherURLError.invalidPercentEncoding("0/a%zz")) { try GopherURL(parsing: "gopher://h/0/a%zz") }
        #expect(throws: GopherURLError.invalidPercentEncoding("0%")) { try GopherURL(parsing: "gopher://h/0%") }
    }

    @Test func selectorDecodingToCRLFOrNULIsRefused() {
        let cases: [(String, UInt8)] = [("%0D", 0x0D), ("%0a", 0x0A), ("%00", 0x00), ("%0D%0A", 0x0D)]
        for (escape, byte) in cases {
            #expect(throws: GopherURLError.forbiddenByteInSelector(byte), "\(escape)") {
                try GopherURL(parsing: "gopher://example.org/0/x\(escape)y")
            }
        }
    }

    @Test func searchDecodingToCRLFOrNULIsRefused() {
        #expect(throws: GopherURLError.forbiddenByteInSelector(0x0A)) {
            try GopherURL(parsing: "gopher://example.org/7/s%09a%0Ab")
        }
        #expect(throws: GopherURLError.forbiddenByteInSelector(0x00)) {
            try GopherURL(parsing: "gopher://example.org/7/s%09%00")
        }
    }

    @Test func selectorOf255DecodedBytesIsAcceptedAnd256Refused() throws {
        let longest = String(repeating: "a", count: 255)
        #expect(try GopherURL(parsing: "gopher://example.org/0\(longest)").selector.count == 255)
        #expect(throws: GopherURLError.selectorTooLong(256)) {
            try GopherURL(parsing: "gopher://example.org/0\(longest)a")
        }
    }

    @Test func selectorLengthCountsDecodedBytesNotURLCharacters() throws {
        // 85 escapes of a 3-byte character: 765 characters of URL, 255 bytes of selector.
        let euro85 = String(repeating: "%E2%82%AC", count: 85)
        #expect(try GopherURL(parsing: "gopher://example.org/0\(euro85)").selector.count == 255)
        #expect(throws: GopherURLError.selectorTooLong(258)) {
            try GopherURL(parsing: "gopher://example.org/0\(euro85)%E2%82%AC")
        }
    }

    // MARK: Searches

    @Test func encodedTabStartsTheSearchWords() throws {
        let url = try GopherURL(parsing: "gopher://example.org/7/search%09gopher%20hole")
        #expect(url.type == .search)
        #expect(url.selector == bytes("/search"))
        #expect(url.search == bytes("gopher hole"))
        #expect(url.requestLine == bytes("/search\tgopher hole"))
    }

    @Test func emptySearchAfterTheTabIsEmptyNotMissing() throws {
        let url = try GopherURL(parsing: "gopher://example.org/7/s%09")
        #expect(url.search == [])
    }

    @Test func gopherPlusStringAfterASecondTabIsDropped() throws {
        let url = try GopherURL(parsing: "gopher://example.org/7/s%09words%09+")
        #expect(url.selector == bytes("/s"))
        #expect(url.search == bytes("words"))
        #expect(url.requestLine == bytes("/s\twords"))
    }

    // MARK: HOST [SELECTOR]

    @Test func hostAndEmptySelectorIsAMenu() throws {
        let url = try GopherURL(host: "example.org", selectorText: "", port: 70)
        #expect(url.type == .menu)
        #expect(url.selector == [])
        #expect(url.port == 70)
    }

    @Test func selectorEndingInSlashIsGuessedAMenu() throws {
        #expect(try GopherURL(host: "example.org", selectorText: "/phlog/", port: 70).type == .menu)
    }

    @Test func otherSelectorsAreGuessedText() throws {
        let url = try GopherURL(host: "example.org", selectorText: "/about.txt", port: 7070)
        #expect(url.type == .text)
        #expect(url.selector == bytes("/about.txt"))
        #expect(url.port == 7070)
        #expect(try GopherURL(host: "example.org", selectorText: "/phlog", port: 70).type == .text)
    }

    @Test func explicitTypeOverridesTheGuess() throws {
        #expect(try GopherURL(host: "example.org", selectorText: "/find", port: 70, type: .search).type == .search)
        #expect(try GopherURL(host: "example.org", selectorText: "", port: 70, type: .text).type == .text)
    }

    @Test func selectorTextIsSentAsUTF8AndNotPercentDecoded() throws {
        let url = try GopherURL(host: "example.org", selectorText: "/a%20b/é", port: 70)
        #expect(url.selector == bytes("/a%20b/é"))
    }

    @Test func hostAndSelectorInitValidatesLikeTheOthers() {
        #expect(throws: GopherURLError.forbiddenByteInSelector(0x09)) {
            try GopherURL(host: "example.org", selectorText: "/a\tb", port: 70)
        }
        #expect(throws: GopherURLError.invalidPort("0")) {
            try GopherURL(host: "example.org", selectorText: "", port: 0)
        }
        #expect(throws: GopherURLError.invalidHost("")) { try GopherURL(host: "", selectorText: "", port: 70) }
    }
}

/// Inputs the fuzzer found; each once broke parse(format(url)) == url or was followable but
/// unprintable.
@Suite struct GopherURLFuzzFindingsTests {
    @Test func combiningMarkBeforeTheSlashStillSplitsHostAndPath() throws {
        let url = try GopherURL(parsing: "\u{33C}/")
        #expect(url.host == "\u{33C}")
        #expect(try GopherURL(parsing: url.description) == url)
    }

    @Test func hostWithAnAtSignIsRefused() {
        #expect(throws: GopherURLError.self) { try GopherURL(host: "user@host", port: 70) }
    }

    @Test func controlTypeThatWouldBreakABookmarkLineIsRefused() {
        #expect(throws: GopherURLError.forbiddenType(0x0A)) { try GopherURL(parsing: "gopher://h/%0Ax") }
        #expect(throws: GopherURLError.forbiddenType(0x09)) { try GopherURL(host: "h", type: ItemType(0x09)) }
    }
}

/// `gophers://`: the same URL over TLS, port 70 by default as curl has it.
@Suite struct GophersURLTests {
    @Test func gophersParsesAsTheSameURLOverTLSAndFormatsBack() throws {
        let url = try GopherURL(parsing: "gophers://example.org/0/notes.txt")
        #expect(url.isSecure)
        #expect(url.port == 70)
        #expect(url.selector == Array("/notes.txt".utf8))
        #expect(url.description == "gophers://example.org/0/notes.txt")
        #expect(try GopherURL(parsing: "GOPHERS://[::1]:7443/1/").description == "gophers://[::1]:7443/1/")
    }

    @Test func gopherAndGophersAreDifferentPlaces() throws {
        let plain = try GopherURL(parsing: "gopher://example.org/1/")
        let secure = try GopherURL(parsing: "gophers://example.org/1/")
        #expect(!plain.isSecure)
        #expect(plain != secure)
        #expect(plain.description == "gopher://example.org/1/")
    }
}
