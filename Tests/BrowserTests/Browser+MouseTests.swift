import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

// The mouse: the wheel scrolls, a press selects a link, a press on the selected link opens it.

@Test func aPressOnALinkSelectsItAndASecondPressOpensIt() {
    var browser = mixedMenu()
    // Row 0 is the title; the mixed menu's item 2 (link 2, About) is on row 3.
    #expect(browser.handle(.mouse(MouseEvent(.press, row: 3, column: 12))) == [])
    #expect(browser.selectedItem?.display == "About this server")
    #expect(browser.handle(.mouse(MouseEvent(.press, row: 3, column: 12))) == [.fetch(id: 2, url: MixedMenu.about)])
}

@Test func aPressOnTextOrOutsideThePageDoesNothing() {
    var browser = mixedMenu()
    for row in [0, 1, 4, 23, 40] {
        #expect(browser.handle(.mouse(MouseEvent(.press, row: row, column: 5))) == [], "row \(row)")
        #expect(browser.selectedItem?.display == "Phlog", "row \(row)")
    }
}

@Test func theWheelScrollsThreeLinesAndTheSelectionFollows() {
    var browser = browserShowing("gopher://example.org/", Gophermap.menu(links: 2, infoLinesBetween: 30), height: 12)
    browser.handle(.mouse(MouseEvent(.wheelDown, row: 5, column: 5)))
    #expect(browser.page?.viewport.top == 3)
    #expect(browser.selectedItem == nil)
    browser.handle(.mouse(MouseEvent(.wheelUp, row: 5, column: 5)))
    #expect(browser.page?.viewport.top == 0)
    #expect(browser.selectedItem?.display == "Link 1")
}

@Test func aPressOnAWrappedLinksSecondRowIsAPressOnThatLink() {
    let long = String(repeating: "word ", count: 30)
    var browser = browserShowing(
        "gopher://example.org/", Gophermap.menu(Gophermap.item("1", long, "/a"), Gophermap.item("1", "Next", "/b")), width: 60)
    let nextRow = browser.screenLines.firstIndex(of: "  2 DIR Next")!
    browser.handle(.mouse(MouseEvent(.press, row: nextRow, column: 9)))
    #expect(browser.selectedItem?.display == "Next")
    browser.handle(.mouse(MouseEvent(.press, row: 2, column: 9)))
    #expect(browser.selectedItem?.selector == bytes("/a"))
}

@Test func theMouseLeavesAPromptAlone() {
    var browser = mixedMenu()
    browser.press(.character("o"))
    #expect(browser.handle(.mouse(MouseEvent(.press, row: 3, column: 12))) == [])
    #expect(browser.statusLine == "Go to:")
    #expect(browser.selectedItem?.display == "Phlog")
}

@Test func theWheelScrollsTheSourceViewWhenItIsInFront() {
    var browser = browserShowing("gopher://example.org/0/a.txt", textDocument(lines: 50), height: 12)
    browser.press(.character("\\"))
    browser.handle(.mouse(MouseEvent(.wheelDown, row: 5, column: 5)))
    #expect(browser.pageLines.first == "Line 4")
    #expect(browser.page?.viewport.top == 0)
}

/// Addresses in a document are pressed where they are drawn: on its number or its text.
@Suite struct DocumentLinkPressTests {
    static let text = "A phlog post.\nRead gopher://other.example/1/phlog and gopher://far.example/0/b.txt.\n"

    @Test func aPressOnAnAddressSelectsItAndASecondPressOpensIt() {
        var browser = browserShowing("gopher://example.org/0/post.txt", bytes(Self.text))
        #expect(browser.pageLines[1] == "Read [1]gopher://other.example/1/phlog and [2]gopher://far.example/0/b.txt.")
        // Row 2 on screen; column 50 is inside "[2]gopher://far…".
        #expect(browser.handle(.mouse(MouseEvent(.press, row: 2, column: 50))) == [])
        #expect(browser.statusLine == " 2/2  gopher://far.example/0/b.txt")
        #expect(browser.handle(.mouse(MouseEvent(.press, row: 2, column: 44))) == [.fetch(id: 2, url: gopherURL("gopher://far.example/0/b.txt"))])
    }

    @Test func aPressBesideAnAddressDoesNothing() {
        var browser = browserShowing("gopher://example.org/0/post.txt", bytes(Self.text))
        for column in [0, 4, 39, 42, 75, 79] {
            #expect(browser.handle(.mouse(MouseEvent(.press, row: 2, column: column))) == [], "column \(column)")
            #expect(browser.page?.viewport.selectedLink == nil, "column \(column)")
        }
        #expect(browser.handle(.mouse(MouseEvent(.press, row: 2, column: 5))) == [])
        #expect(browser.statusLine == " 1/2  gopher://other.example/1/phlog")
    }

    @Test func aSecondPressOpensAnAddressWhoseLineGoesOnBelowTheScreen() {
        let filler = (0..<8).map { "Line \($0)\n" }.joined()
        let long = "See gopher://far.example/1/x " + String(repeating: "more words ", count: 30) + "\n"
        var browser = browserShowing("gopher://example.org/0/post.txt", bytes(filler + long), height: 12)
        #expect(browser.pageLines[8] == "See [1]gopher://far.example/1/x more words more words more words more words more")
        browser.handle(.mouse(MouseEvent(.press, row: 9, column: 10)))
        #expect(browser.handle(.mouse(MouseEvent(.press, row: 9, column: 10))) == [.fetch(id: 2, url: gopherURL("gopher://far.example/1/x"))])
    }

    @Test func aPressOnAWrappedAddressesSecondRowIsAPressOnIt() {
        var browser = browserShowing("gopher://example.org/0/post.txt", bytes(Self.text), width: 50)
        #expect(Array(browser.pageLines[1...2]) == ["Read [1]gopher://other.example/1/phlog and", "[2]gopher://far.example/0/b.txt."])
        browser.handle(.mouse(MouseEvent(.press, row: 3, column: 10)))
        #expect(browser.statusLine == " 2/2  gopher://far.example/0/b.txt")
    }
}
