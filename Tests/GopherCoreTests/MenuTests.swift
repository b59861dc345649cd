import Testing
import WarrenTestSupport
@testable import GopherCore


private func parse(_ chunks: [[UInt8]], finish: Bool = true) -> Menu {
    var menu = Menu()
    for chunk in chunks { menu.append(chunk) }
    if finish { menu.finish() }
    return menu
}

private func parse(_ text: String) -> Menu { parse([bytes(text)]) }

private func items(_ menu: Menu) -> [MenuItem] { (0..<menu.count).map(menu.item(at:)) }

private func item(
    _ kind: MenuItem.Kind, _ type: Character, _ display: String, _ selector: String = "", _ host: String = "",
    _ port: String = ""
) -> MenuItem {
    MenuItem(kind: kind, type: ItemType(type), display: display, selector: bytes(selector), host: host, portText: port)
}

/// A menu with a bit of everything real servers send, including bytes after the terminator.
private let sampleMenu = bytes(
    "iWelcome to the hole\tfake\t(NULL)\t0\r\n"
        + "1Phlog\t/phlog\texample.org\t70\r\n"
        + "0About this server\t/about.txt\texample.org\t70\n"
        + "3Something broke\t\terror.host\t1\r\n"
        + "i\tnull.host\tnull.host\t1\r\n"
        + "Just some text without tabs\r\n"
        + "7Search\t/search\texample.org\t7070\t+\r\r\n"
        + "hWeb\tURL:https://example.org/\texample.org\t70\r\n"
        + "1Broken\t/x\t\t70\r\n"
        + "9Binary\t/file.bin\texample.org\t70\r\n"
        + ".\r\n"
        + "1After the end\t/after\texample.org\t70\r\n")

private let sampleItems: [MenuItem] = [
    item(.info, "i", "Welcome to the hole", "fake", "(NULL)", "0"),
    item(.link, "1", "Phlog", "/phlog", "example.org", "70"),
    item(.link, "0", "About this server", "/about.txt", "example.org", "70"),
    item(.error, "3", "Something broke", "", "error.host", "1"),
    item(.info, "i", "", "null.host", "null.host", "1"),
    MenuItem(kind: .plain, type: ItemType("J"), display: "Just some text without tabs", selector: [], host: "", portText: ""),
    item(.link, "7", "Search", "/search", "example.org", "7070"),
    item(.link, "h", "Web", "URL:https://example.org/", "example.org", "70"),
    item(.invalidLink, "1", "Broken", "/x", "", "70"),
    item(.link, "9", "Binary", "/file.bin", "example.org", "70"),
]

private let sampleLinks = [1, 2, 6, 7, 8, 9]

@Suite struct MenuTests {
    // MARK: Whole menus

    @Test func sampleMenuParsesItemByItem() {
        let menu = parse([sampleMenu])
        #expect(items(menu) == sampleItems)
        #expect(menu.links == sampleLinks)
        #expect(menu.sawTerminator)
        #expect(menu.isFinished)
        #expect(menu.byteCount == sampleMenu.count)
    }

    @Test func menuSplitAtEveryOffsetYieldsSameItems() {
        for offset in 0...sampleMenu.count {
            let menu = parse([Array(sampleMenu[..<offset]), Array(sampleMenu[offset...])])
            #expect(items(menu) == sampleItems, "split at \(offset)")
            #expect(menu.links == sampleLinks, "split at \(offset)")
            #expect(menu.sawTerminator, "split at \(offset)")
        }
    }

    @Test func menuFedByteByByteYieldsSameItems() {
        let menu = parse(sampleMenu.map { [$0] })
        #expect(items(menu) == sampleItems)
        #expect(menu.links == sampleLinks)
    }

    @Test func menuFedInChunksOfEverySizeYieldsSameItems() {
        for size in 1...sampleMenu.count {
            var chunks: [[UInt8]] = []
            var start = 0
            while start < sampleMenu.count {
                chunks.append(Array(sampleMenu[start..<min(start + size, sampleMenu.count)]))
                start += size
            }
            let menu = parse(chunks)
            #expect(items(menu) == sampleItems, "chunks of \(size)")
            #expect(menu.links == sampleLinks, "chunks of \(size)")
        }
    }

    @Test func itemsBecomeAvailableAsTheirLinesComplete() {
        var menu = Menu()
        #expect(menu.append(bytes("1A\t/a\texample.org\t70\r\n1B")) == 0..<1)
        #expect(menu.count == 1)
        #expect(menu.item(at: 0).display == "A")
        #expect(menu.append(bytes("\t/b\texample.org\t70\r")) == 1..<1)
        #expect(menu.append(bytes("\n")) == 1..<2)
        #expect(menu.item(at: 1).display == "B")
        #expect(menu.append(bytes("iand more")) == 2..<2)
        #expect(!menu.isFinished)
        #expect(menu.finish() == 2..<3)
        #expect(menu.item(at: 2) == MenuItem(
            kind: .info, type: ItemType("i"), display: "and more", selector: [], host: "", portText: ""))
    }

    // MARK: Line endings

    @Test func lineEndingsCRLFLFMixedAndDoubleCRGiveTheSameItems() {
        let lines = [
            "1Phlog\t/phlog\texample.org\t70", "iSome info\tfake\tnull.host\t1", "0Notes\t/notes\texample.org\t70",
        ]
        let expected = [
            item(.link, "1", "Phlog", "/phlog", "example.org", "70"),
            item(.info, "i", "Some info", "fake", "null.host", "1"),
            item(.link, "0", "Notes", "/notes", "example.org", "70"),
        ]
        let variants = [
            lines.map { $0 + "\r\n" }.joined() + ".\r\n",
            lines.map { $0 + "\n" }.joined() + ".\n",
            lines[0] + "\r\n" + lines[1] + "\n" + lines[2] + "\r\n.\n",
            lines.map { $0 + "\r\r\n" }.joined() + ".\r\r\n",
        ]
        for text in variants {
            let menu = parse(text)
            #expect(items(menu) == expected, "\(text.debugDescription)")
            #expect(menu.sawTerminator, "\(text.debugDescription)")
        }
    }

    @Test func carriageReturnInsideALineIsKept() {
        let menu = parse("1A\t/a\rb\texample.org\t70\r\n")
        #expect(menu.item(at: 0).selector == bytes("/a\rb"))
        #expect(menu.kind(at: 0) == .invalidLink)
    }

    // MARK: Short, long and odd lines

    @Test func shortLinesAreReadAsRealMapsMeanThem() {
        let menu = parse("iHello there\r\n1Two\tfields\r\n0x\ty\tz\r\nplain words\r\n\r\n\t\r\n \t \r\n")
        #expect(items(menu) == [
            // An `i` line without tabs is info text, without its `i`.
            MenuItem(kind: .info, type: ItemType("i"), display: "Hello there", selector: [], host: "", portText: ""),
            // Two fields: plain text, as it came.
            MenuItem(kind: .plain, type: ItemType("1"), display: "1Two    fields", selector: [], host: "", portText: ""),
            // Three fields, no port: a link on port 70.
            MenuItem(kind: .link, type: ItemType("0"), display: "x", selector: bytes("y"), host: "z", portText: "70"),
            MenuItem(kind: .plain, type: ItemType("p"), display: "plain words", selector: [], host: "", portText: ""),
            // Empty, or nothing but tabs and spaces: blank lines, never numbered.
            MenuItem(kind: .info, type: ItemType(0), display: "", selector: [], host: "", portText: ""),
            MenuItem(kind: .info, type: ItemType(0x09), display: "", selector: [], host: "", portText: ""),
            MenuItem(kind: .info, type: ItemType(" "), display: "", selector: [], host: "", portText: ""),
        ])
        #expect(menu.links == [2])
        #expect(menu.repairs == Menu.Repairs(missingPort: 1))
        #expect(menu.item(at: 2).url == .success(gopherURL("gopher://z/0y")))
    }

    @Test func extraGopherPlusFieldsAreIgnored() throws {
        let menu = parse("1Plus\t/p\texample.org\t70\t+\r\n0More\t/m\texample.org\t7070\t+\textra\tfields\r\n")
        #expect(items(menu) == [
            item(.link, "1", "Plus", "/p", "example.org", "70"),
            item(.link, "0", "More", "/m", "example.org", "7070"),
        ])
        #expect(menu.item(at: 1).url == .success(try GopherURL(
            host: "example.org", port: 7070, type: .text, selector: bytes("/m"))))
    }

    @Test func emptyMenuIsComplete() {
        let menu = parse("")
        #expect(menu.count == 0)
        #expect(menu.isFinished)
        #expect(!menu.sawTerminator)
        #expect(menu.links == [])
    }

    // MARK: Info, error and fake hosts

    @Test func infoLinesWithFakeHostsAreInfoNeverLinks() {
        let menu = parse(
            "iFirst\t\tnull.host\t1\r\n"
                + "iSecond\tfake\t(NULL)\t0\r\n"
                + "iThird\t\terror.host\t1\r\n"
                + "iFourth\t/real\texample.org\t70\r\n")
        #expect(items(menu).map(\.kind) == [.info, .info, .info, .info])
        #expect(items(menu).map(\.display) == ["First", "Second", "Third", "Fourth"])
        #expect(menu.links == [])
        for index in 0..<menu.count {
            #expect(menu.item(at: index).url == nil)
            #expect(menu.linkNumber(ofItemAt: index) == nil)
        }
    }

    @Test func errorLinesAreErrorsEvenWithARealHost() {
        let menu = parse("3Not found\t\terror.host\t1\r\n3Also bad\t/x\texample.org\t70\r\n")
        #expect(items(menu) == [
            item(.error, "3", "Not found", "", "error.host", "1"),
            item(.error, "3", "Also bad", "/x", "example.org", "70"),
        ])
        #expect(menu.links == [])
        #expect(menu.item(at: 1).url == nil)
    }

    // MARK: Invalid links

    @Test func linksWithUnusableHostOrPortAreNumberedInvalidLinks() {
        let cases: [(String, GopherURLError)] = [
            ("1Empty host, no origin\t/x\t\t70", .invalidHost("")),
            ("1Port zero\t/x\texample.org\t0", .invalidPort("0")),
            ("1Port abc\t/x\texample.org\tabc", .invalidPort("abc")),
            ("1Port minus\t/x\texample.org\t-1", .invalidPort("-1")),
            ("1Port big\t/x\texample.org\t70000", .invalidPort("70000")),
            ("1Placeholder\t/x\tnull.host\t70", .placeholderHost("null.host")),
            ("1Placeholder case\t/x\tError.Host\t70", .placeholderHost("Error.Host")),
            ("1Space host\t/x\tex ample.org\t70", .invalidHost("ex ample.org")),
            ("1NUL selector\t/a\u{0}b\texample.org\t70", .forbiddenByteInSelector(0x00)),
        ]
        let menu = parse(cases.map { $0.0 + "\r\n" }.joined())
        #expect(menu.count == cases.count)
        #expect(menu.links == Array(0..<cases.count))
        for (index, (line, error)) in cases.enumerated() {
            #expect(menu.kind(at: index) == .invalidLink, "\(line)")
            #expect(menu.linkNumber(ofItemAt: index) == index + 1, "\(line)")
            #expect(menu.item(at: index).url == .failure(error), "\(line)")
        }
    }

    @Test func linkWithSelectorOver255BytesIsInvalid() {
        let long = "/" + String(repeating: "s", count: 255)
        let menu = parse("0Long\t\(long)\texample.org\t70\r\n0Fits\t\(long.dropLast())\texample.org\t70\r\n")
        #expect(menu.kind(at: 0) == .invalidLink)
        #expect(menu.item(at: 0).url == .failure(.selectorTooLong(256)))
        #expect(menu.kind(at: 1) == .link)
        #expect(menu.links == [0, 1])
    }

    @Test func goodLinkLeadsToItsURL() throws {
        let menu = parse([sampleMenu])
        #expect(menu.item(at: 1).url == .success(try GopherURL(
            host: "example.org", type: .menu, selector: bytes("/phlog"))))
        #expect(menu.item(at: 6).url == .success(try GopherURL(
            host: "example.org", port: 7070, type: .search, selector: bytes("/search"))))
        #expect(menu.item(at: 8).url == .failure(.invalidHost("")))
    }

    @Test func linkWithUnknownTypeIsStillNumbered() {
        let menu = parse("ZStrange\t/z\texample.org\t70\r\n")
        #expect(menu.kind(at: 0) == .link)
        #expect(menu.item(at: 0).type.handling == .unknown)
        #expect(menu.link(number: 1)?.display == "Strange")
    }

    // MARK: Link numbering

    @Test func linkNumbersSkipInfoErrorAndPlainLines() {
        let menu = parse(
            "iIntro\tfake\tnull.host\t1\r\n"
                + "1One\t/1\texample.org\t70\r\n"
                + "3Oops\t\terror.host\t1\r\n"
                + "0Two\t/2\texample.org\t70\r\n"
                + "just text\r\n"
                + "1Three\t/3\t\t70\r\n"
                + "iMore\tfake\tnull.host\t1\r\n"
                + "9Four\t/4\texample.org\t70\r\n")
        #expect(menu.links == [1, 3, 5, 7])
        #expect((0..<menu.count).map { menu.linkNumber(ofItemAt: $0) } == [nil, 1, nil, 2, nil, 3, nil, 4])
        #expect((1...4).map { menu.link(number: $0)?.display } == ["One", "Two", "Three", "Four"])
        #expect(menu.link(number: 0) == nil)
        #expect(menu.link(number: -1) == nil)
        #expect(menu.link(number: 5) == nil)
        #expect(menu.linkNumber(ofItemAt: 8) == nil)
        #expect(menu.linkNumber(ofItemAt: -1) == nil)
    }

    @Test func linkNumberLookupWorksAcrossManyLinks() {
        // Every third line is info, so link numbers and indices drift apart.
        var text = ""
        for index in 0..<3000 {
            text += index % 3 == 0 ? "iInfo \(index)\tfake\tnull.host\t1\r\n" : "1Link \(index)\t/\(index)\texample.org\t70\r\n"
        }
        let menu = parse(text)
        var expectedNumber = 0
        for index in 0..<3000 {
            if index % 3 == 0 {
                #expect(menu.linkNumber(ofItemAt: index) == nil)
            } else {
                expectedNumber += 1
                #expect(menu.linkNumber(ofItemAt: index) == expectedNumber)
                #expect(menu.link(number: expectedNumber)?.display == "Link \(index)")
            }
        }
        #expect(menu.links.count == 2000)
    }

    // MARK: The terminator and EOF

    @Test func dotLineEndsTheMenuAndLaterBytesAreIgnored() {
        var menu = Menu()
        menu.append(bytes("1A\t/a\texample.org\t70\r\n.\r\n1B\t/b\texample.org\t70\r\n"))
        #expect(menu.count == 1)
        #expect(menu.sawTerminator)
        #expect(menu.append(bytes("1C\t/c\texample.org\t70\r\n")) == 1..<1)
        #expect(menu.finish() == 1..<1)
        #expect(menu.count == 1)
        #expect(menu.links == [0])
        #expect(menu.isFinished)
    }

    @Test func dotLineWithLFOnlyEndsTheMenu() {
        let menu = parse("1A\t/a\texample.org\t70\n.\n1B\t/b\texample.org\t70\n")
        #expect(menu.count == 1)
        #expect(menu.sawTerminator)
    }

    @Test func dotAtEOFWithoutNewlineEndsTheMenuAndIsNotAnItem() {
        let menu = parse("1A\t/a\texample.org\t70\r\n.")
        #expect(menu.count == 1)
        #expect(menu.sawTerminator)
    }

    @Test func dotAsFirstLineGivesAnEmptyMenu() {
        let menu = parse(".\r\n1A\t/a\texample.org\t70\r\n")
        #expect(menu.count == 0)
        #expect(menu.sawTerminator)
    }

    @Test func linesThatMerelyStartWithADotAreItems() {
        let menu = parse("..\r\n. \r\n.hidden\r\n")
        // `..` is a dot-stuffed `.`.
        #expect(items(menu).map(\.display) == [".", ". ", ".hidden"])
        #expect(items(menu).map(\.kind) == [.plain, .plain, .plain])
        #expect(!menu.sawTerminator)
    }

    @Test func menuWithoutTerminatorIsCompleteAtEOFWithItsUnterminatedLastLine() {
        var menu = Menu()
        menu.append(bytes("1A\t/a\texample.org\t70\r\n0B\t/b\texample.org\t70"))
        #expect(menu.count == 1)
        #expect(menu.finish() == 1..<2)
        #expect(menu.isFinished)
        #expect(!menu.sawTerminator)
        #expect(menu.item(at: 1) == item(.link, "0", "B", "/b", "example.org", "70"))
        #expect(menu.links == [0, 1])
    }

    @Test func bytesAfterFinishAreIgnored() {
        var menu = Menu()
        menu.append(bytes("1A\t/a\texample.org\t70\r\n"))
        menu.finish()
        #expect(menu.append(bytes("1B\t/b\texample.org\t70\r\n")) == 1..<1)
        #expect(menu.finish() == 1..<1)
        #expect(menu.count == 1)
    }

    // MARK: Display strings

    @Test func displayStringsAreSanitised() {
        let menu = parse(
            "iHello \u{1B}[2J\u{1B}]0;pwned\u{07}world\u{9B}31m!\tfake\tnull.host\t1\r\n"
                + "1\u{1B}[31mRed\u{1B}[0m dir\u{07}\t/r\texample.org\t70\r\n")
        #expect(menu.item(at: 0).display == "Hello world!")
        #expect(menu.item(at: 1).display == "Red dir")
        #expect(menu.kind(at: 1) == .link)
    }

    @Test func plainLineDisplayIsSanitised() {
        let menu = parse("\u{1B}]52;c;ZXZpbA==\u{07}Plain \u{1B}[1mtext\r\n")
        #expect(menu.item(at: 0).display == "Plain text")
    }

    @Test func latin1DisplayIsDecodedAndSelectorBytesKeptRaw() throws {
        let line: [UInt8] = bytes("0caf") + [0xE9] + bytes("\t/caf") + [0xE9] + bytes("\texample.org\t70\r\n")
        let menu = parse([line])
        let item = menu.item(at: 0)
        #expect(item.display == "café")
        #expect(item.selector == [0x2F, 0x63, 0x61, 0x66, 0xE9])
        #expect(try item.url?.get().description == "gopher://example.org/0/caf%E9")
    }

    @Test func utf8DisplayIsKept() {
        let menu = parse("1漢字 and émigré\t/u\texample.org\t70\r\n")
        #expect(menu.item(at: 0).display == "漢字 and émigré")
    }

    // MARK: Size

    @Test func hundredThousandItemMenuParsesCompletely() {
        var text: [UInt8] = []
        text.reserveCapacity(5_000_000)
        for index in 0..<100_000 {
            let line = index % 10 == 0
                ? "iSection \(index)\tfake\tnull.host\t1\r\n"
                : "1Item \(index)\t/items/\(index)\texample.org\t70\r\n"
            text += line.utf8
        }
        text += bytes(".\r\n")
        var menu = Menu()
        feedInChunks(text, size: 65_536) { menu.append($0) }
        menu.finish()
        #expect(menu.count == 100_000)
        #expect(menu.sawTerminator)
        #expect(menu.links.count == 90_000)
        #expect(menu.item(at: 0) == item(.info, "i", "Section 0", "fake", "null.host", "1"))
        #expect(menu.item(at: 99_999) == item(.link, "1", "Item 99999", "/items/99999", "example.org", "70"))
        #expect(menu.link(number: 90_000)?.display == "Item 99999")
        #expect(menu.link(number: 1)?.display == "Item 1")
        #expect(menu.linkNumber(ofItemAt: 50_001) == 45_001)
        #expect(menu.byteCount == text.count)
    }
}

/// The menu entries of the hostile-server catalogue that the tests above do not already cover.
@Suite struct MenuHostileInputTests {
    @Test func gopherPlusHeaderFirstIsTextAndAMirrorLinkStaysALink() {
        let header = parse("+-1\r\n1Real\t/r\texample.org\t70\r\n")
        #expect(header.kind(at: 0) == .plain)
        #expect(header.link(number: 1)?.display == "Real")
        #expect(parse("+Mirror\t/m\texample.org\t70\r\n").kind(at: 0) == .link)
    }

    @Test func gopherPlusLineFirstIsKeptAndTheRestParses() {
        let menu = parse("+INFO: 1Main menu\t\texample.org\t70\r\n1Real\t/r\texample.org\t70\r\n")
        #expect(menu.count == 2)
        #expect(menu.kind(at: 0) == .plain)
        #expect(menu.item(at: 0).display.hasPrefix("+INFO: 1Main menu "))
        #expect(menu.link(number: 1)?.display == "Real")
    }

    @Test func controlAndMultibyteTypeCharactersAreUnknownLinksNotDownloads() {
        let menu = parse("\u{1B}Escape type\t/e\texample.org\t70\r\né Accent type\t/a\texample.org\t70\r\n\u{7F}Del\t/d\texample.org\t70\r\n")
        #expect(menu.count == 3)
        for index in 0..<3 {
            #expect(menu.item(at: index).type.handling == .unknown)
            #expect(menu.item(at: index).type.tag == "UNK")
        }
        #expect(menu.item(at: 0).listingLine(linkNumber: 1) == "   1 UNK Escape type")
    }

    @Test func nulBytesAreDroppedFromTextAndMakeALinkUnusableButTheRestSurvives() {
        let menu = parse("1Nul\u{0}name\t/ok\texample.org\t70\r\n1Bad\t/a\u{0}b\texample.org\t70\r\n1After\t/after\texample.org\t70\r\n")
        #expect(menu.count == 3)
        #expect(menu.item(at: 0).display == "Nulname")
        #expect(menu.kind(at: 0) == .link)
        #expect(menu.kind(at: 1) == .invalidLink)
        #expect(menu.item(at: 1).url.map { (try? $0.get()) == nil } == true)
        #expect(menu.link(number: 3)?.display == "After")
    }

    @Test func megabyteLineIsOneItemAndTheLinesAfterItParse() {
        var text = Array("i".utf8) + Array(repeating: UInt8(ascii: "x"), count: 1 << 20) + Array("\t\tnull.host\t1\r\n".utf8)
        text += Array("1Next\t/n\texample.org\t70\r\n.\r\n".utf8)
        var menu = Menu()
        feedInChunks(text, size: 65_536) { menu.append($0) }
        menu.finish()
        #expect(menu.count == 2)
        #expect(menu.item(at: 0).display.utf8.count == 1 << 20)
        #expect(menu.link(number: 1)?.display == "Next")
    }

    @Test func errorLinesFirstAndMidMenuAreErrorsAndLinksAroundThemWork() {
        let menu = parse("3Trouble first\t\terror.host\t1\r\n1A\t/a\texample.org\t70\r\n3Trouble mid\t\terror.host\t1\r\n1B\t/b\texample.org\t70\r\n")
        #expect((0..<menu.count).map { menu.kind(at: $0) } == [.error, .link, .error, .link])
        #expect(menu.links.count == 2)
        #expect(menu.item(at: 2).listingLine(linkNumber: nil) == "     ERR Trouble mid")
    }
}

@Test func tabAsTheTypeByteDoesNotStartAFieldAndNeverCrashes() {
    let menu = parse("\ta\tb\tc\r\n1Next\t/n\texample.org\t70\r\n")
    #expect(menu.count == 2)
    #expect(menu.kind(at: 0) == .plain)
    #expect(menu.link(number: 1)?.display == "Next")
}

@Test func lineWithATabAsItsTypeAndFourFieldsIsAnInvalidLinkThatSaysWhy() {
    let menu = parse("\tdisp\tsel\thost\t70\r\n")
    #expect(menu.kind(at: 0) == .invalidLink)
    #expect(menu.item(at: 0).listingLine(linkNumber: 1) == "   1 UNK disp [cannot follow: item type 0x9 is a control character]")
}

@Test func portPaddedWithACarriageReturnIsTheSamePortForTheLinkAndItsURL() {
    let menu = parse("1Padded\t/p\texample.org\t\r71\r\n")
    #expect(menu.kind(at: 0) == .link)
    #expect(menu.item(at: 0).url.flatMap { try? $0.get() }?.port == 71)
}

@Test func hostWhoseInvalidBytesDecodeTooLongIsInvalidForTheLinkAndItsURL() {
    // 91 bytes as sent, but 271 once each invalid byte becomes U+FFFD: over a host's 253.
    let line = Array("1Long\t/l\t".utf8) + [UInt8(ascii: "e")] + Array(repeating: 0xF9, count: 90) + Array("\t70\r\n".utf8)
    var menu = Menu()
    menu.append(line)
    menu.finish()
    #expect(menu.kind(at: 0) == .invalidLink)
    #expect(menu.item(at: 0).url.map { (try? $0.get()) == nil } == true)
}

// MARK: Lenient, as real maps are written

@Suite struct MenuLenienceTests {
    private let origin = Menu.Origin(gopherURL("gopher://hole.example:7070/"))

    private func parse(_ text: String) -> Menu {
        var menu = Menu(origin: origin)
        menu.append(bytes(text))
        menu.finish()
        return menu
    }

    @Test func anEmptyHostIsTheServerTheMenuCameFrom() {
        let menu = parse("1Part 3\t/archive/vi/part3/\t\t7070\r\n0No port either\t/a.txt\t\t\r\n")
        #expect(menu.links == [0, 1])
        #expect(menu.item(at: 0).url == .success(gopherURL("gopher://hole.example:7070/1/archive/vi/part3/")))
        #expect(menu.item(at: 1).url == .success(gopherURL("gopher://hole.example:7070/0/a.txt")))
        #expect(menu.repairs == Menu.Repairs(emptyHost: 2))
    }

    @Test func webLinksNeedNoHost() {
        let menu = parse("hName\tURL:http://example.org/\t\t70\r\nhOther\t/URL:https://example.net/\t(null)\t70\r\n")
        #expect(menu.links == [0, 1])
        #expect((0..<2).map { menu.kind(at: $0) } == [.link, .link])
        #expect(menu.item(at: 1).url.flatMap { try? $0.get() }.flatMap { ExternalURL.target(of: $0.selector) }
            == "https://example.net/")
    }

    @Test func aRedundantServerLineTakesTheTypeOfTheLinkBeforeIt() {
        let menu = parse("0Notes\t/notes.txt\tone.example\t70\r\n+Notes\t/notes.txt\ttwo.example\t70\r\n+Lonely\t/\tthree.example\t70\r\n")
        #expect(menu.item(at: 1).type == .text)
        #expect(menu.item(at: 1).url == .success(gopherURL("gopher://two.example/0/notes.txt")))
        #expect(menu.item(at: 2).type == .text)
        #expect(menu.repairs.redundantServer == 2)
    }

    @Test func aPlusLineWithNoLinkBeforeItStaysAMirrorMenu() {
        let menu = parse("+Mirror\t/\tthree.example\t70\r\n")
        #expect(menu.item(at: 0).type == .mirror)
        #expect(menu.repairs.isEmpty)
    }

    @Test func aDotStuffedLinkLineLosesItsFirstDot() {
        let menu = parse("..Hidden\t/.hidden\thole.example\t70\r\n")
        #expect(menu.item(at: 0).display == "Hidden")
        #expect(menu.item(at: 0).type == ItemType("."))
    }

    // Fuzz findings: a link's kind and its URL must agree.

    @Test func aWebLinkWithANonsenseHostAndPortIsStillAWebLink() {
        let menu = parse("hWeb\tURL:http://example.org/\t127.0.0.1r\tfake\r\n")
        #expect(menu.kind(at: 0) == .link)
        #expect(menu.item(at: 0).url.flatMap { try? $0.get() }.flatMap { ExternalURL.target(of: $0.selector) }
            == "http://example.org/")
    }

    @Test func aRedundantLineIsJudgedAsTheTypeItStandsFor() {
        let menu = parse("hWeb\tURL:http://example.org/\texample.org\t70\r\n+Mirror\tURL:https://example.net/\t\u{0}bad\tzz\r\n")
        #expect(menu.kind(at: 1) == .link)
        #expect(menu.item(at: 1).type == .html)
    }

    @Test func aPortOfOnlyACarriageReturnIsAMissingPort() {
        let menu = parse("0Note\t/n.txt\texample.org\t\r\t+\r\n")
        #expect(menu.kind(at: 0) == .link)
        #expect(menu.item(at: 0).url == .success(gopherURL("gopher://example.org/0/n.txt")))
    }

    @Test func errorLinesWithoutAllTheirFieldsAreStillNotLinks() {
        let menu = parse("3Gone\tsel\thost\r\niNote\tx\r\n")
        #expect((0..<2).map { menu.kind(at: $0) } == [.plain, .info])
        #expect(menu.links == [])
    }
}

/// `--dump` forgets each item once printed: what comes after must not change.
@Suite struct MenuForgettingTests {
    @Test func forgettingAfterEveryChunkGivesTheSameItemsAndLinkNumbers() {
        for size in [1, 7, 40, sampleMenu.count] {
            var menu = Menu()
            var seen: [(MenuItem, Int?)] = []
            var offset = 0
            while offset < sampleMenu.count {
                let chunk = Array(sampleMenu[offset..<min(offset + size, sampleMenu.count)])
                offset += chunk.count
                for index in menu.append(chunk) { seen.append((menu.item(at: index), menu.linkNumber(ofItemAt: index))) }
                menu.forgetItems()
            }
            for index in menu.finish() { seen.append((menu.item(at: index), menu.linkNumber(ofItemAt: index))) }
            #expect(seen.map(\.0) == sampleItems, "chunks of \(size)")
            #expect(seen.map(\.1) == [nil, 1, 2, nil, nil, nil, 3, 4, 5, 6], "chunks of \(size)")
        }
    }

    @Test func aPlusLineAfterForgettingStillTakesTheTypeOfTheLinkBeforeIt() {
        var menu = Menu()
        menu.append(bytes("0Text\t/t\texample.org\t70\r\n"))
        menu.forgetItems()
        menu.append(bytes("+Mirror\t/t\tmirror.example.org\t70\r\n"))
        #expect(menu.item(at: 0).type == ItemType("0"))
        #expect(menu.linkNumber(ofItemAt: 0) == 2)
    }

    @Test func anEndlessLineCanBeCutIntoAnItem() {
        var menu = Menu()
        menu.append(bytes("iStill going"))
        #expect(menu.pendingByteCount == 12)
        #expect(menu.endPendingLine() == 0..<1)
        #expect(menu.item(at: 0).display == "Still going")
    }
}

/// Links on a menu that came over TLS.
@Suite struct MenuOverTLSTests {
    @Test func linksToTheSameHostAndPortUseTLSAndLinksElsewhereStayAsGiven() throws {
        var menu = Menu(origin: Menu.Origin(try GopherURL(parsing: "gophers://example.org:7443/1/")))
        menu.append(bytes(
            "0Here\t/a\texample.org\t7443\r\n"
                + "0Same host, other port\t/b\texample.org\t70\r\n"
                + "0Elsewhere\t/c\tother.example\t7443\r\n"
                + "0Empty host\t/d\t\t\r\n"
                + "0Upper case\t/e\tEXAMPLE.org\t7443\r\n"))
        menu.finish()
        let urls = try (0..<5).map { try #require(menu.item(at: $0).url).get().description }
        #expect(urls == [
            "gophers://example.org:7443/0/a", "gopher://example.org/0/b", "gopher://other.example:7443/0/c",
            "gophers://example.org:7443/0/d", "gophers://EXAMPLE.org:7443/0/e",
        ])
    }

    @Test func aPlainMenuNeverMakesTLSLinks() throws {
        var menu = Menu(origin: Menu.Origin(try GopherURL(parsing: "gopher://example.org:7443/1/")))
        menu.append(bytes("0Here\t/a\texample.org\t7443\r\n"))
        menu.finish()
        #expect(try menu.item(at: 0).url?.get().isSecure == false)
    }
}
