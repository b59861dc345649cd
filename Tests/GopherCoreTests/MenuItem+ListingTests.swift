import Testing
import WarrenTestSupport
@testable import GopherCore


/// The listing a user sees for a menu, as `warren --dump` prints it.
private func listing(_ text: String) -> [String] {
    var menu = Menu()
    menu.append(bytes(text))
    menu.finish()
    return (0..<menu.count).map { menu.item(at: $0).listingLine(linkNumber: menu.linkNumber(ofItemAt: $0)) }
}

@Suite struct MenuItemListingTests {
    @Test func sampleMenuListsVerbatim() {
        let lines = listing(
            "iWelcome to the hole\tfake\t(NULL)\t0\r\n"
                + "i\tfake\tnull.host\t1\r\n"
                + "1Phlog\t/phlog\texample.org\t70\r\n"
                + "0About\t/about.txt\texample.org\t70\r\n"
                + "3Something broke\t\terror.host\t1\r\n"
                + "7Search\t/search\texample.org\t70\r\n"
                + "hWeb\tURL:https://example.org/\texample.org\t70\r\n"
                + "1Broken\t/x\t\t70\r\n"
                + "9Binary\t/file.bin\texample.org\t70\r\n"
                + "Just some text\r\n"
                + ".\r\n")
        #expect(lines == [
            "         Welcome to the hole",
            "",
            "   1 DIR Phlog",
            "   2 TXT About",
            "     ERR Something broke",
            "   3 ASK Search",
            "   4 WWW Web",
            "   5 DIR Broken [cannot follow: invalid host \"\"]",
            "   6 BIN Binary",
            "         Just some text",
        ])
    }

    @Test func infoTextIsIndentedByNineColumns() {
        #expect(MenuItem.listingIndent == 9)
        #expect(listing("i  indented\tfake\tnull.host\t1\r\n") == ["           indented"])
    }

    @Test func trailingSpacesOfInfoAndPlainLinesAreTrimmed() {
        #expect(listing("iText   \tfake\tnull.host\t1\r\nplain   \r\ni   \tfake\tnull.host\t1\r\n")
            == ["         Text", "         plain", ""])
    }

    @Test func invalidLinksSayWhyTheyCannotBeFollowed() {
        let lines = listing(
            "0Notes\t/n\texample.org\t0\r\n"
                + "1Nowhere\t/x\tnull.host\t70\r\n"
                + "1Bad port\t/x\texample.org\tabc\r\n"
                + "1Huge port\t/x\texample.org\t70000\r\n")
        #expect(lines == [
            "   1 TXT Notes [cannot follow: invalid port \"0\"]",
            "   2 DIR Nowhere [cannot follow: link leads nowhere (placeholder host \"null.host\")]",
            "   3 DIR Bad port [cannot follow: invalid port \"abc\"]",
            "   4 DIR Huge port [cannot follow: invalid port \"70000\"]",
        ])
    }

    @Test func linkNumbersAreRightAlignedInFourColumns() {
        let item = MenuItem(kind: .link, type: .text, display: "x", selector: [], host: "example.org", portText: "70")
        #expect(item.listingLine(linkNumber: 7) == "   7 TXT x")
        #expect(item.listingLine(linkNumber: 12) == "  12 TXT x")
        #expect(item.listingLine(linkNumber: 999) == " 999 TXT x")
        #expect(item.listingLine(linkNumber: 1234) == "1234 TXT x")
        #expect(item.listingLine(linkNumber: 12345) == "12345 TXT x")
        #expect(item.listingLine(linkNumber: nil) == "     TXT x")
    }

    @Test func everyKnownLinkTypeShowsItsTag() {
        let lines = listing(
            "0a\t/\th\t70\r\n1b\t/\th\t70\r\n2c\t/\th\t70\r\n4d\t/\th\t70\r\n5e\t/\th\t70\r\n6f\t/\th\t70\r\n"
                + "8g\t/\th\t70\r\n+h\t/\th\t70\r\ngi\t/\th\t70\r\nIj\t/\th\t70\r\nTk\t/\th\t70\r\nsl\t/\th\t70\r\n"
                + "dm\t/\th\t70\r\npn\t/\th\t70\r\n;o\t/\th\t70\r\ncp\t/\th\t70\r\nMq\t/\th\t70\r\n:r\t/\th\t70\r\n"
                + "xs\t/\th\t70\r\nZt\t/\th\t70\r\n")
        #expect(lines == [
            "   1 TXT a", "   2 DIR b", "   3 CSO c", "   4 HQX d", "   5 DOS e", "   6 UUE f", "   7 TEL g",
            // A `+` line is another server for the link before it, and takes its type.
            "   8 TEL h", "   9 GIF i", "  10 IMG j", "  11 TN3 k", "  12 SND l", "  13 DOC m", "  14 PNG n",
            "  15 VID o", "  16 CAL p", "  17 MIM q", "  18 BMP r", "  19 XML s", "  20 UNK t",
        ])
    }

    @Test func errorLineShowsItsMessageAfterTheTag() {
        let item = MenuItem(kind: .error, type: .error, display: "Gone", selector: [], host: "error.host", portText: "1")
        #expect(item.listingLine(linkNumber: nil) == "     ERR Gone")
    }

    @Test func listedDisplayTextIsSanitised() {
        #expect(listing("1\u{1B}[2JClean\u{07}\t/\texample.org\t70\r\niInfo\u{1B}]0;t\u{07}!\tfake\tnull.host\t1\r\n")
            == ["   1 DIR Clean", "         Info!"])
    }
}

/// `--dump` writes listing lines as bytes, straight from the menu where the text is plain ASCII.
@Test func theListingsFastPathWritesExactlyTheListingLine() {
    let menu = Gophermap.menu(
        Gophermap.info("Plain info"), Gophermap.info("Trailing spaces   "), Gophermap.info(""), "i   \t\tnull.host\t1\r\n",
        "iNo tabs at all\r\n", "Just text\r\n", "Text\twith a tab\r\n", Gophermap.item("0", "A link", "/a"),
        Gophermap.item("0", "Tab\u{1B}[31mred", "/esc"), Gophermap.item("1", "Café", "/cafe"),
        "+Mirror\t/a\tmirror.example.org\t70\r\n", Gophermap.item("1", "Nowhere", "/x", host: "null.host"),
        "3Error here\t\terror.host\t1\r\n", "..Stuffed\r\n", Gophermap.item("9", "Binary", "/b", port: "99999"))
    var parsed = Menu(origin: nil)
    parsed.append(menu)
    parsed.finish()
    #expect(parsed.count == 15)
    for index in 0..<parsed.count {
        var fast: [UInt8] = []
        parsed.appendListingLine(at: index, to: &fast)
        let expected = parsed.item(at: index).listingLine(linkNumber: parsed.linkNumber(ofItemAt: index)) + "\n"
        #expect(String(decoding: fast, as: UTF8.self) == expected, "item \(index)")
    }
}
