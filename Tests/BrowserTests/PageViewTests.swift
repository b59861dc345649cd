import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

// The page view: moving through menus and documents (links, lines, pages, ends, link
// numbers), and following links that are not fetched.

private let root = "gopher://example.org/"

/// Two links with 30 info lines between them, on a screen with 10 page rows.
private func longTextBetweenLinks() -> Browser {
    browserShowing(root, Gophermap.menu(links: 2, infoLinesBetween: 30), height: 12)
}

// MARK: Selection

@Test func theFirstLinkIsSelectedWhenAMenuArrives() {
    let browser = browserShowing(root, Gophermap.mixed)
    #expect(browser.selectedItem?.display == "Phlog")
    #expect(browser.statusLine == " 1/7  gopher://example.org/1/phlog")
    #expect(browser.render().rows[2].spans.first?.style == .selectedLink)
    #expect(browser.render().rows[3].spans.first?.style == .linkNumber)
}

@Test func theFirstLinkIsSelectedEvenWhenItArrivesInALaterChunk() throws {
    var browser = Browser()
    let id = try #require(browser.open(.gopher(gopherURL(root)), title: nil).fetchID)
    browser.loadData(id: id, Array(Gophermap.info("Hello").utf8))
    #expect(browser.selectedItem == nil)
    browser.loadData(id: id, Array(Gophermap.item("0", "Notes", "/notes.txt").utf8))
    #expect(browser.selectedItem?.display == "Notes")
}

// MARK: Links and lines

@Test func jAndKMoveBetweenLinksSkippingText() {
    var browser = browserShowing(root, Gophermap.mixed)
    browser.press(.character("j"))
    #expect(browser.statusLine == " 2/7  gopher://example.org/0/about.txt")
    browser.press(.character("j"))  // over the error and info lines
    #expect(browser.statusLine == " 3/7  gopher://example.org:7070/7/search")
    browser.press(.character("k"))
    #expect(browser.statusLine == " 2/7  gopher://example.org/0/about.txt")
}

@Test func arrowKeysMoveBetweenLinksLikeJAndK() {
    var browser = browserShowing(root, Gophermap.mixed)
    browser.press(.down, .down, .down)
    #expect(browser.selectedItem?.display == "Archive (2 MB)")
    browser.press(.up)
    #expect(browser.selectedItem?.display == "Search")
}

@Test func jScrollsOverLongTextBetweenLinksLineByLine() {
    var browser = longTextBetweenLinks()
    #expect(browser.pageLines.first == "  1 DIR Link 1")
    #expect(browser.pageLines.last == "        Text 1.9")

    for step in 1...21 {
        browser.press(.character("j"))
        #expect(browser.pageLines.first == "        Text 1.\(step)")
        #expect(browser.pageLines.last == "        Text 1.\(step + 9)")
        // Link 1 has scrolled away and Link 2 is not in sight yet: nothing is selected.
        #expect(browser.selectedItem == nil)
    }
    #expect(browser.statusLine == " lines 22–31 of 32 (96%)")

    browser.press(.character("j"))
    #expect(browser.pageLines.last == "  2 DIR Link 2")
    #expect(browser.statusLine == " 2/2  gopher://example.org/1/item/2")
}

@Test func kScrollsBackOverLongTextBetweenLinks() {
    var browser = longTextBetweenLinks()
    browser.press(.character("G"))
    #expect(browser.page?.viewport.top == 22)

    browser.press(.character("k"))
    #expect(browser.pageLines.first == "        Text 1.21")
    // Link 2 has scrolled away below: nothing is selected, so Enter opens nothing.
    #expect(browser.selectedItem == nil)
    #expect(browser.press(.enter) == [])
    for _ in 1...21 { browser.press(.character("k")) }
    #expect(browser.pageLines.first == "  1 DIR Link 1")
    #expect(browser.statusLine == " 1/2  gopher://example.org/1/item/1")
}

@Test func jAfterTheLastLinkSaysNoMoreLinks() {
    var browser = browserShowing(root, Gophermap.menu(links: 2))
    browser.press(.character("j"))
    #expect(browser.selectedItem?.display == "Link 2")
    browser.press(.character("j"))
    #expect(browser.selectedItem?.display == "Link 2")
    #expect(browser.statusLine == " no more links")
}

@Test func jAndKMoveALineInADocument() {
    var browser = browserShowing("gopher://example.org/0/a.txt", textDocument(lines: 50), height: 12)
    browser.press(.character("j"), .character("j"))
    #expect(browser.pageLines.first == "Line 3")
    browser.press(.character("k"))
    #expect(browser.pageLines.first == "Line 2")
    #expect(browser.statusLine == " lines 2–11 of 50 (22%)")
}

// MARK: Pages and ends

@Test func pageDownAndSpaceMoveAPageAndTheSelectionFollows() {
    var browser = browserShowing(root, Gophermap.menu(links: 40, infoLinesBetween: 0), height: 12)
    browser.press(.pageDown)
    #expect(browser.pageLines.first == " 10 DIR Link 10")
    #expect(browser.selectedItem?.display == "Link 10")
    browser.press(.character(" "))
    #expect(browser.pageLines.first == " 19 DIR Link 19")
    #expect(browser.selectedItem?.display == "Link 19")
}

@Test func pageUpAndBMoveAPageBack() {
    var browser = browserShowing(root, Gophermap.menu(links: 40, infoLinesBetween: 0), height: 12)
    browser.press(.pageDown, .pageDown)
    browser.press(.pageUp)
    #expect(browser.pageLines.first == " 10 DIR Link 10")
    #expect(browser.selectedItem?.display == "Link 19")  // still on screen, so it stays
    browser.press(.character("b"))
    #expect(browser.pageLines.first == "  1 DIR Link 1")
    #expect(browser.selectedItem?.display == "Link 10")
}

@Test func gAndCapitalGGoToTopAndBottom() {
    var browser = browserShowing(root, Gophermap.menu(links: 40, infoLinesBetween: 0), height: 12)
    browser.press(.character("G"))
    #expect(browser.pageLines.first == " 31 DIR Link 31")
    #expect(browser.pageLines.last == " 40 DIR Link 40")
    #expect(browser.selectedItem?.display == "Link 40")
    browser.press(.character("g"))
    #expect(browser.pageLines.first == "  1 DIR Link 1")
    #expect(browser.selectedItem?.display == "Link 1")
}

@Test func homeAndEndGoToTopAndBottom() {
    var browser = browserShowing(root, Gophermap.menu(links: 40, infoLinesBetween: 0), height: 12)
    browser.press(.end)
    #expect(browser.selectedItem?.display == "Link 40")
    browser.press(.home)
    #expect(browser.selectedItem?.display == "Link 1")
}

@Test func pagingADocument() {
    var browser = browserShowing("gopher://example.org/0/a.txt", textDocument(lines: 50), height: 12)
    #expect(browser.statusLine == " lines 1–10 of 50 (20%)")
    browser.press(.character(" "))
    #expect(browser.pageLines.first == "Line 10")
    browser.press(.character("G"))
    #expect(browser.pageLines.first == "Line 41")
    #expect(browser.pageLines.last == "Line 50")
    #expect(browser.statusLine == " lines 41–50 of 50 (100%)")
    browser.press(.character("b"))
    #expect(browser.pageLines.first == "Line 32")
    browser.press(.character("g"))
    #expect(browser.pageLines.first == "Line 1")
}

@Test func aShortPageDoesNotScroll() {
    var browser = browserShowing("gopher://example.org/0/a.txt", textDocument(lines: 3), height: 12)
    browser.press(.character("j"), .pageDown, .character("G"))
    #expect(browser.pageLines.first == "Line 1")
    #expect(browser.statusLine == " lines 1–3 of 3 (100%)")
}

// MARK: Wrapped documents

/// 30 lines of 30 columns, each taking two rows at width 20: `====… Line NN`.
private func wrappedDocument() -> Browser {
    let lines = (1...30).map { String(repeating: "=", count: 22) + " Line " + ($0 < 10 ? "0" : "") + String($0) }
    return browserShowing(
        "gopher://example.org/0/long.txt", Array((lines.joined(separator: "\n") + "\n").utf8), width: 20, height: 12)
}

@Test func bottomOfAWrappedDocumentShowsItsLastLine() {
    var browser = wrappedDocument()
    #expect(browser.pageLines.prefix(2) == ["====================", "== Line 01"])
    browser.press(.character("G"))
    #expect(browser.pageLines.last == "== Line 30")
    #expect(browser.pageLines.first == "====================")
    #expect(browser.pageLines[1] == "== Line 26")
}

@Test func jReachesTheEndOfAWrappedDocument() {
    var browser = wrappedDocument()
    for _ in 0..<40 { browser.press(.character("j")) }
    #expect(browser.pageLines.last == "== Line 30")
}

@Test func pageDownInAWrappedDocumentSkipsNoLine() {
    var browser = wrappedDocument()
    #expect(browser.pageLines.last == "== Line 05")
    browser.press(.pageDown)
    #expect(browser.pageLines[1] == "== Line 05")  // the last line seen stays, as without wrapping
    browser.press(.pageUp)
    #expect(browser.pageLines[1] == "== Line 01")
}

// MARK: Link numbers

@Test func aDigitSelectsThatLink() {
    var browser = browserShowing(root, Gophermap.mixed)
    #expect(browser.type("3") == [])
    #expect(browser.selectedItem?.display == "Search")
    #expect(browser.statusLine == " link 3 (Enter opens it)")
}

@Test func digitsThenEnterOpenLinkN() {
    var browser = browserShowing(root, Gophermap.menu(links: 15, infoLinesBetween: 0), height: 12)
    browser.type("12")
    #expect(browser.selectedItem?.display == "Link 12")
    #expect(browser.statusLine == " link 12 (Enter opens it)")
    #expect(browser.pageLines.last == " 12 DIR Link 12")  // scrolled into view
    #expect(browser.press(.enter) == [.fetch(id: 2, url: gopherURL("gopher://example.org/1/item/12"))])
}

@Test func anotherKeyBetweenDigitsStartsANewNumber() {
    var browser = browserShowing(root, Gophermap.menu(links: 15, infoLinesBetween: 0), height: 12)
    browser.type("1")
    browser.press(.tab)
    browser.type("2")
    #expect(browser.selectedItem?.display == "Link 2")
}

@Test func aNumberWithNoLinkSaysSo() {
    var browser = browserShowing(root, Gophermap.menu(links: 3))
    browser.type("9")
    #expect(browser.statusLine == " no link 9")
    #expect(browser.selectedItem?.display == "Link 1")
    browser.type("2")  // a fresh number after the miss
    #expect(browser.selectedItem?.display == "Link 2")
}

@Test func zeroIsNoLink() {
    var browser = browserShowing(root, Gophermap.menu(links: 3))
    browser.type("0")
    #expect(browser.statusLine == " no link 0")
    #expect(browser.selectedItem?.display == "Link 1")
    browser.type("3")
    #expect(browser.selectedItem?.display == "Link 3")
}

@Test func digitsInADocumentWithNoAddressSaySo() {
    var browser = browserShowing("gopher://example.org/0/a.txt", textDocument(lines: 3))
    #expect(browser.type("1") == [])
    #expect(browser.statusLine == " no links in this document")
}

// MARK: Links that are not fetched

@Test func webLinkShowsItsURLAndIsNotFetched() {
    var browser = mixedMenu(selecting: 5)
    #expect(browser.press(.enter) == [])
    #expect(browser.loading == nil)
    #expect(browser.statusLine == " URL: https://example.org/ (y copies; set [handlers.web] to open)")
}

@Test func htmlLinkWithoutURLPrefixIsFetchedOverGopher() {
    var browser = browserShowing(root, Gophermap.menu(Gophermap.item("h", "Page", "/page.html")))
    #expect(browser.press(.enter) == [.fetch(id: 2, url: gopherURL("gopher://example.org/h/page.html"))])
}

@Test func telnetLinkShowsHostAndPort() {
    var browser = mixedMenu(selecting: 6)
    #expect(browser.press(.enter) == [])
    #expect(browser.statusLine == " telnet://example.org:23 (y copies; set [handlers.telnet] to open)")
    #expect(browser.press(.character("y")) == [.copy("telnet://example.org:23")])
}

@Test func invalidLinkSaysCannotFollowAndWhy() {
    var browser = mixedMenu(selecting: 7)
    #expect(browser.statusLine == " link 7 (Enter opens it)")
    browser.press(.character("="), .escape)  // any key clears the status
    #expect(browser.statusLine == " 7/7  cannot follow: invalid port \"70000\"")
    #expect(browser.press(.enter) == [])
    #expect(browser.statusLine == " cannot follow: invalid port \"70000\"")
    #expect(browser.status?.isError == true)
}

@Test func placeholderHostLinkSaysItLeadsNowhere() {
    var browser = browserShowing(root, Gophermap.menu(Gophermap.item("1", "Nowhere", "/x", host: "null.host")))
    #expect(browser.press(.enter) == [])
    #expect(browser.statusLine == " cannot follow: link leads nowhere (placeholder host \"null.host\")")
}

// MARK: Enter acts only on what is in sight

@Test func homeThenEnterOpensNothingWhenNoLinkIsInSight() {
    // 30 info lines, then the only links.
    let text = (1...30).map { Gophermap.info("Intro \($0)") }.joined()
        + Gophermap.item("1", "Far", "/far") + Gophermap.item("1", "Farther", "/farther")
    var browser = browserShowing(root, Array((text + Gophermap.terminator).utf8), height: 12)
    #expect(browser.selectedItem == nil)
    browser.press(.character("G"))
    #expect(browser.selectedItem?.display == "Farther")
    browser.press(.character("g"))
    #expect(browser.selectedItem == nil)
    #expect(browser.press(.enter) == [])
    #expect(browser.statusLine == " lines 1–10 of 32 (31%)")
}

@Test func pagingOntoAScreenWithoutLinksClearsTheSelection() {
    var browser = longTextBetweenLinks()
    #expect(browser.selectedItem?.display == "Link 1")
    browser.press(.character(" "))
    #expect(browser.selectedItem == nil)
    #expect(browser.press(.enter) == [])
    browser.press(.character(" "), .character(" "))
    #expect(browser.selectedItem?.display == "Link 2")
}

@Test func aTelnetItemsSelectorIsTheLoginAndYCopiesIt() {
    var browser = browserShowing(root, Gophermap.menu(Gophermap.item("8", "BBS", "guest", host: "bbs.example", port: "2323")))
    #expect(browser.statusLine == " 1/1  telnet://guest@bbs.example:2323")
    #expect(browser.press(.character("y")) == [.copy("telnet://guest@bbs.example:2323")])
    #expect(browser.press(.enter) == [])
    #expect(browser.statusLine == " telnet://guest@bbs.example:2323 (y copies; set [handlers.telnet] to open)")
}

@Test func yOnALinkThatCannotBeFollowedSaysWhyInsteadOfCopyingThePage() {
    var browser = mixedMenu(selecting: 7)
    #expect(browser.press(.character("y")) == [])
    #expect(browser.statusLine == " cannot copy: invalid port \"70000\"")
}

@Test func aURLLineToGopherspaceIsTaggedAsWhatItOpens() {
    let browser = browserShowing("gopher://example.org/", bytes(
        "hSecure phlog\tURL:gophers://safe.example/1/phlog\tsafe.example\t70\r\nhThe web\tURL:https://web.example/\tweb.example\t70\r\n.\r\n"))
    #expect(Array(browser.pageLines.prefix(2)) == ["  1 DIR Secure phlog", "  2 WWW The web"])
}
