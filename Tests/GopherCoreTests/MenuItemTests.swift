import Testing
import WarrenTestSupport
@testable import GopherCore


private func menuItem(
    _ kind: MenuItem.Kind, type: Character = "1", selector: String = "/x", host: String = "example.org",
    port: String = "70"
) -> MenuItem {
    MenuItem(kind: kind, type: ItemType(type), display: "Item", selector: bytes(selector), host: host, portText: port)
}

@Suite struct MenuItemTests {
    @Test func textLinesHaveNoURL() {
        #expect(menuItem(.info).url == nil)
        #expect(menuItem(.error, type: "3").url == nil)
        #expect(menuItem(.plain).url == nil)
    }

    @Test func linkURLCarriesHostPortTypeAndSelector() throws {
        let url = try #require(menuItem(.link, type: "7", selector: "/find", port: "7070").url).get()
        #expect(url == (try GopherURL(host: "example.org", port: 7070, type: .search, selector: bytes("/find"))))
        #expect(url.search == nil)
    }

    @Test func portWithSurroundingSpacesIsAccepted() throws {
        let url = try #require(menuItem(.link, port: " 70 ").url).get()
        #expect(url.port == 70)
    }

    @Test func placeholderHostsLeadNowhereWhateverTheirCase() {
        for host in ["null.host", "error.host", "fake", "(null)", "(NULL)", "none", ".", "NULL.HOST"] {
            #expect(menuItem(.invalidLink, host: host).url == .failure(.placeholderHost(host)), "\(host)")
        }
    }

    @Test func badPortsAreReportedAsSent() {
        for port in ["0", "abc", "-1", "70000", "65536", "", "  ", "+70", "7 0", "1e3"] {
            #expect(menuItem(.invalidLink, port: port).url == .failure(.invalidPort(port)), "\(port.debugDescription)")
        }
    }

    @Test func emptyHostIsReported() {
        #expect(menuItem(.invalidLink, host: "").url == .failure(.invalidHost("")))
    }

    @Test func unsendableSelectorIsReported() {
        #expect(menuItem(.invalidLink, selector: "/a\nb").url == .failure(.forbiddenByteInSelector(0x0A)))
    }

    @Test func menuPortAcceptsDigitsInRange() {
        #expect(MenuItem.port("70") == 70)
        #expect(MenuItem.port("1") == 1)
        #expect(MenuItem.port("65535") == 65535)
        #expect(MenuItem.port("0070") == 70)
        #expect(MenuItem.port(" 7070\t") == 7070)
    }

    @Test func menuPortRefusesEverythingElse() {
        for text in ["", " ", "0", "00", "65536", "70000", "-1", "+1", "0x46", "7 0", "70.0", "٣", "７０"] {
            #expect(MenuItem.port(text) == nil, "\(text.debugDescription)")
        }
    }
}
