import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

// `/` find, `n` next, `N` previous: case-insensitive, wrapping, in menus, documents and source.

private let root = "gopher://example.org/"

private extension Browser {
    mutating func find(_ text: String) {
        press(.character("/"))
        type(text)
        press(.enter)
    }
}

@Test func findSelectsAMatchingLinkCaseInsensitively() {
    var browser = browserShowing(root, Gophermap.mixed)
    browser.press(.character("/"))
    #expect(browser.statusLine == "Find:")
    browser.type("SEARCH")
    #expect(browser.press(.enter) == [])
    #expect(browser.selectedItem?.display == "Search")
    #expect(browser.statusLine == " “SEARCH” on line 6")
}

@Test func nAndCapitalNFindNextAndPrevious() {
    var browser = browserShowing(root, Gophermap.menu(links: 5))
    browser.find("link")
    #expect(browser.selectedItem?.display == "Link 1")
    browser.press(.character("n"))
    #expect(browser.selectedItem?.display == "Link 2")
    #expect(browser.statusLine == " “link” on line 3")
    browser.press(.character("n"))
    #expect(browser.selectedItem?.display == "Link 3")
    browser.press(.character("N"))
    #expect(browser.selectedItem?.display == "Link 2")
    #expect(browser.statusLine == " “link” on line 3")
}

@Test func findWrapsAroundAndSaysSo() {
    var browser = browserShowing(root, Gophermap.menu(links: 5))
    browser.press(.character("G"))
    browser.find("link 2")
    #expect(browser.selectedItem?.display == "Link 2")
    #expect(browser.statusLine == " “link 2” on line 3 (wrapped around)")
    browser.press(.character("N"))
    #expect(browser.statusLine == " “link 2” on line 3 (wrapped around)")
}

@Test func findNotFoundSaysSo() {
    var browser = browserShowing(root, Gophermap.mixed)
    browser.find("zzz")
    #expect(browser.statusLine == " “zzz” not found")
    #expect(browser.status?.isError == true)
    #expect(browser.selectedItem?.display == "Phlog")
}

@Test func nBeforeAnyFindSaysHowToStart() {
    var browser = browserShowing(root, Gophermap.mixed)
    browser.press(.character("n"))
    #expect(browser.statusLine == " nothing to find yet (/ starts a search)")
}

@Test func findPromptOffersTheLastSearchAndTypingReplacesIt() {
    var browser = browserShowing(root, Gophermap.mixed)
    browser.find("about")
    browser.press(.character("/"))
    #expect(browser.statusLine == "Find: about")
    // Drawn as a selection is, so the user sees that typing replaces it.
    #expect(browser.render().rows.last?.spans.last == Span("about", .selectedLink))
    browser.type("phlog")
    #expect(browser.statusLine == "Find: phlog")
    browser.press(.enter)
    #expect(browser.selectedItem?.display == "Phlog")
}

@Test func enterOnTheOfferedSearchFindsItAgain() {
    var browser = browserShowing(root, Gophermap.mixed)
    browser.find("about")
    browser.press(.escape)
    browser.press(.character("/"), .enter)
    #expect(browser.statusLine == " “about” on line 3")
}

@Test func findInADocumentScrollsToTheLine() {
    var browser = browserShowing("gopher://example.org/0/a.txt", textDocument(lines: 50), height: 12)
    browser.find("LINE 30")
    #expect(browser.pageLines.first == "Line 30")
    #expect(browser.statusLine == " “LINE 30” on line 30")
    browser.press(.character("n"))
    #expect(browser.statusLine == " “LINE 30” on line 30 (wrapped around)")
}

@Test func findRevealsAnInfoLineWithoutSelectingIt() {
    var browser = browserShowing(root, Gophermap.menu(links: 2, infoLinesBetween: 30), height: 12)
    browser.find("text 1.25")
    #expect(browser.pageLines.last == "        Text 1.25")
    #expect(browser.selectedItem?.display == "Link 1")
}

@Test func nMovesOnPastMatchesOnInfoLines() {
    var browser = browserShowing(root, Gophermap.menu(links: 5))
    browser.find("text")
    #expect(browser.statusLine == " “text” on line 2")
    browser.press(.character("n"))
    #expect(browser.statusLine == " “text” on line 4")
    browser.press(.character("n"))
    #expect(browser.statusLine == " “text” on line 6")
    browser.press(.character("N"))
    #expect(browser.statusLine == " “text” on line 4")
}

@Test func nReachesEveryMatchInADocumentThatFitsOnScreen() {
    var browser = browserShowing("gopher://example.org/0/a.txt", textDocument(lines: 5))
    browser.find("line")
    #expect(browser.statusLine == " “line” on line 1")
    browser.press(.character("n"))
    #expect(browser.statusLine == " “line” on line 2")
    browser.press(.character("n"))
    #expect(browser.statusLine == " “line” on line 3")
}

@Test func nReachesMatchesOnTheLastScreenOfALongDocument() {
    var browser = browserShowing("gopher://example.org/0/a.txt", textDocument(lines: 50), height: 12)
    browser.find("line 4")  // Line 4, Line 40…49
    #expect(browser.statusLine == " “line 4” on line 4")
    browser.press(.character("n"))
    #expect(browser.statusLine == " “line 4” on line 40")
    browser.press(.character("n"))
    #expect(browser.statusLine == " “line 4” on line 41")
    browser.press(.character("n"))
    #expect(browser.statusLine == " “line 4” on line 42")
    browser.press(.character("n"))
    #expect(browser.statusLine == " “line 4” on line 43")
    #expect(browser.pageLines.contains("Line 43"))
}

@Test func movingAfterAFindSearchesOnFromTheNewPlace() {
    var browser = browserShowing("gopher://example.org/0/a.txt", textDocument(lines: 50), height: 12)
    browser.find("line 1")  // Line 1, Line 10…19
    browser.press(.character("n"))
    #expect(browser.statusLine == " “line 1” on line 10")
    browser.press(.character("g"))
    browser.press(.character("n"))
    #expect(browser.statusLine == " “line 1” on line 10")
}

@Test func findWorksInTheSourceView() {
    var browser = browserShowing(root, Gophermap.mixed)
    browser.press(.character("\\"))
    browser.find("example.org")
    #expect(browser.statusLine == " “example.org” on line 2")
    browser.press(.character("n"))
    #expect(browser.statusLine == " “example.org” on line 3")
    #expect(browser.titleLine == " source of gopher://example.org/1")
}
