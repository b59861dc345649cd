import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

// The page-info view: what is known about the page; Esc or = returns to it, other keys act on the page.

@Test func equalsShowsPageInfoAndAnyKeyReturns() {
    var browser = mixedMenu()
    let page = browser.pageLines
    browser.press(.character("="))
    #expect(browser.titleLine == " info for gopher://example.org/1")
    #expect(
        Array(browser.pageLines.prefix(15)) == [
            "URL        gopher://example.org/1",
            "Title      gopher://example.org/1",
            "Type       DIR (1)",
            "Size       357 B, 10 items, 7 links",
            "State      complete",
            "Peer       127.0.0.1:7070",
            "Local      127.0.0.1:50123",
            "Security   none (plain gopher)",
            "resolve    1.5 ms",
            "connect    0.2 ms",
            "receive    12.0 ms",
            "Lint       1 line out of spec:",
            "  line 10: port \"70000\" is not 1–65535",
            "",
            "(Esc or = returns to the page; other keys act on the page)",
        ])

    browser.press(.character("x"))
    #expect(browser.titleLine == " gopher://example.org/1")
    #expect(browser.pageLines == page)
}

@Test func equalsAgainOrEscapeLeavesPageInfo() {
    for key in [Key.character("="), .escape] {
        var browser = mixedMenu()
        browser.press(.character("="))
        #expect(browser.press(key) == [], "\(key)")
        #expect(browser.titleLine == " gopher://example.org/1", "\(key)")
        #expect(browser.statusLine == " 1/7  gopher://example.org/1/phlog", "\(key)")
    }
}

@Test func anyOtherKeyLeavesPageInfoAndActsOnThePage() {
    var browser = mixedMenu()
    browser.press(.character("="))
    #expect(browser.press(.character("j")) == [])
    #expect(browser.views == [])
    #expect(browser.statusLine == " 2/7  gopher://example.org/0/about.txt")
}

@Test func pageInfoOverTheSourceViewReturnsToTheSource() {
    var browser = mixedMenu()
    browser.press(.character("\\"), .character("="))
    #expect(browser.titleLine == " info for gopher://example.org/1")
    browser.press(.character("="))
    #expect(browser.titleLine == " source of gopher://example.org/1")
}

@Test func pageInfoOfAPageStillLoadingSaysSoAndHasNoAddressesYet() throws {
    var browser = mixedMenu(selecting: 2)
    let id = try #require(browser.press(.enter).fetchID)
    browser.loadData(id: id, Array("Hello\nWorld\n".utf8))
    browser.press(.character("="))
    #expect(
        Array(browser.pageLines.prefix(7)) == [
            "URL        gopher://example.org/0/about.txt",
            "Title      About this server",
            "Type       TXT (0)",
            "Size       12 B, 2 lines",
            "State      loading",
            "",
            "(Esc or = returns to the page; other keys act on the page)",
        ])
}

@Test func pageInfoSaysWhatTheLenientRulesRepaired() {
    var browser = browserShowing(
        "gopher://example.org/", Gophermap.menu("1No port\t/a\texample.org\r\n", "1No host\t/b\t\t70\r\n"), width: 100)
    browser.press(.character("="))
    #expect(browser.pageLines[4] == "Repaired   1 link without a port (70 assumed), 1 link with no host (this server)")
    browser.press(.escape)
    browser.press(.character("j"))
    #expect(browser.statusLine == " 2/2  gopher://example.org/1/b")
}


@Test func pageInfoOnAMenuListsTheLinesOutOfSpec() {
    var browser = browserShowing("gopher://example.org/", Gophermap.menu(
        Gophermap.info("Fine"), "1No port\t/n\texample.org\r\n", Gophermap.item("0", "Fine", "/f")))
    browser.resize(width: 100, height: 30)
    browser.press(.character("="))
    #expect(browser.pageLines.contains("Lint       1 line out of spec:"))
    #expect(browser.pageLines.contains("  line 2: missing port (70 is assumed)"))
}

@Test func pageInfoTallerThanTheScreenScrollsAndSaysWhereItIs() {
    let noPorts = (1...20).map { "1No port \($0)\t/n\($0)\texample.org\r\n" }
    var browser = browserShowing("gopher://example.org/", Gophermap.menu(noPorts.joined()), height: 12)
    browser.press(.character("="))
    #expect(browser.pageLines.first == "URL        gopher://example.org/1")
    // What the page is, what was repaired, 20 findings and the hint: 35 rows on 10.
    #expect(browser.statusLine == " info lines 1–10 of 35 (j, k, Space scroll; Esc returns)")
    browser.press(.character("j"))
    #expect(browser.pageLines.first == "Title      gopher://example.org/1")
    #expect(browser.statusLine == " info lines 2–11 of 35 (j, k, Space scroll; Esc returns)")
    browser.press(.character("G"))
    #expect(browser.pageLines.suffix(2) == ["", "(Esc or = returns to the page; other keys act on the page)"])
    #expect(browser.pageLines.contains("  line 20: missing port (70 is assumed)"))
    // Still page info: movement keys scroll it, they do not go to the page beneath.
    #expect(browser.titleLine == " info for gopher://example.org/1")
    browser.press(.escape)
    #expect(browser.titleLine == " gopher://example.org/1")
}

@Test func pageInfoWrapsLinesLongerThanTheScreen() {
    var browser = browserShowing("gopher://example.org/", Gophermap.menu(
        Gophermap.info("Fine"), "1No port\t/n\texample.org\r\n"), width: 30, height: 40)
    browser.press(.character("="))
    #expect(browser.pageLines.contains("  line 2: missing port (70 is"))
    #expect(browser.pageLines.contains("assumed)"))
}

@Test func pageInfoOnAMenuInSpecSaysSo() {
    var browser = browserShowing("gopher://example.org/", Gophermap.menu(links: 3))
    browser.press(.character("="))
    #expect(browser.pageLines.contains("Lint       every line is in spec"))
}


@Test func pageInfoShowsTheRouteThroughAProxy() {
    var browser = Browser()
    let id = browser.open(.gopher(gopherURL("gopher://example.onion/0/a.txt")), title: nil).fetchID ?? -1
    browser.loadData(id: id, Array("text\n".utf8))
    var info = PageInfo.sample
    info.route = "via socks5h://127.0.0.1:9050"
    _ = browser.loadFinished(id: id, info: info)
    browser.press(.character("="))
    #expect(browser.pageLines.contains("Route      via socks5h://127.0.0.1:9050"))
}

@Test func aSecurePageIsMarkedTLSWhileItIsStillArriving() throws {
    var browser = Browser()
    browser.resize(width: 80, height: 24)
    let id = try #require(browser.open(try Location(parsing: "gophers://example.org/1/"), title: nil).fetchID)
    browser.loadData(id: id, bytes("iA line\t\tnull.host\t1\r\n"))
    #expect(browser.titleLine == " [TLS] gophers://example.org/1/")
}

@Test func aPlainPageUpgradedByPreferIsMarkedOnlyOnceItSaysSo() throws {
    var browser = Browser()
    browser.resize(width: 80, height: 24)
    let id = try #require(browser.open(try Location(parsing: "gopher://example.org/1/"), title: nil).fetchID)
    browser.loadData(id: id, bytes("iA line\t\tnull.host\t1\r\n"))
    #expect(browser.titleLine == " gopher://example.org/1/")
}

/// An 80×24 browser that loaded a one-line menu from `url`, finished with `info`.
private func loaded(_ url: String, info: PageInfo) throws -> Browser {
    var browser = Browser()
    browser.resize(width: 80, height: 24)
    let opened = browser.open(try Location(parsing: url), title: nil)
    let id = try #require(opened.fetchID)
    browser.loadData(id: id, bytes("iA line\t\tnull.host\t1\r\n.\r\n"))
    browser.loadFinished(id: id, info: info)
    return browser
}

@Test func aPageOverTLSIsMarkedInTheTitleAndPageInfoSaysHowItIsProtected() throws {
    var info = PageInfo.sample
    info.tls = TLSDetails(
        protocolVersion: "TLSv1.3", cipher: "TLS_AES_256_GCM_SHA384",
        certificate: PeerCertificate(
            subject: "CN=example.org", issuer: "CN=Test CA", fingerprint: CertificateViewTests.fingerprint,
            notAfter: 1_827_000_000),
        trust: .pinned)
    var browser = try loaded("gophers://example.org/1/", info: info)
    #expect(browser.titleLine == " [TLS] gophers://example.org/1/")
    browser.press(.character("="))
    #expect(Array(browser.pageLines[5...14]) == [
        "Peer       127.0.0.1:7070",
        "Local      127.0.0.1:50123",
        "Security   TLSv1.3, TLS_AES_256_GCM_SHA384",
        "Subject    CN=example.org",
        "Issuer     CN=Test CA",
        "SHA-256    00:07:0E:15:1C:23:2A:31:38:3F:46:4D:54:5B:62:69:",
        "           70:77:7E:85:8C:93:9A:A1:A8:AF:B6:BD:C4:CB:D2:D9",
        "Expires    2027-11-23 20:00 UTC",
        "Trusted    pinned by you (known_certificates)",
        "resolve    1.5 ms",
    ])
}

@Test func aPlainPageAfterTLSFailedSaysSoInPageInfo() throws {
    var info = PageInfo.sample
    info.tlsFallback = "the server does not speak TLS (wrong version number)"
    var browser = try loaded("gopher://example.org/1/", info: info)
    #expect(browser.titleLine == " gopher://example.org/1/")
    browser.press(.character("="))
    #expect(browser.pageLines[7] == "Security   plain gopher: the server does not speak TLS (wrong version number)")
}
