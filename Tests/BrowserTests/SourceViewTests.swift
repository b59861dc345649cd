import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

// The source view: the page's lines as they arrived, scrolled on their own.

private let about = MixedMenu.about

@Test func backslashShowsTheRawSourceAndBackslashAgainReturns() {
    var browser = mixedMenu()
    let page = browser.pageLines
    browser.press(.character("\\"))
    #expect(browser.titleLine == " source of gopher://example.org/1")
    #expect(browser.pageLines[1] == "1Phlog  /phlog  example.org     70")
    #expect(browser.pageLines[10] == ".")

    browser.press(.character("\\"))
    #expect(browser.titleLine == " gopher://example.org/1")
    #expect(browser.pageLines == page)
}

@Test func backInTheSourceViewReturnsToThePage() {
    var browser = mixedMenu()
    browser.press(.character("\\"))
    #expect(browser.press(.character("h")) == [])
    #expect(browser.titleLine == " gopher://example.org/1")
}

@Test func escapeClosesTheSourceViewWhenNothingLoads() {
    var browser = mixedMenu()
    browser.press(.character("\\"))
    #expect(browser.press(.escape) == [])
    #expect(browser.views == [])
    #expect(browser.titleLine == " gopher://example.org/1")
}

@Test func escapeCancelsALoadBeforeItClosesTheSourceView() throws {
    var browser = mixedMenu(selecting: 2)
    let id = try #require(browser.press(.enter).fetchID)
    browser.press(.character("\\"))
    #expect(browser.press(.escape) == [.cancel(id: id)])
    #expect(browser.statusLine == " cancelled")
    #expect(browser.titleLine == " source of gopher://example.org/1")
    #expect(browser.press(.escape) == [])
    #expect(browser.titleLine == " gopher://example.org/1")
}

@Test func theSourceViewScrollsOnItsOwnAndThePageKeepsItsPlace() {
    var browser = browserShowing("gopher://example.org/0/a.txt", textDocument(lines: 50), height: 12)
    browser.press(.character("j"), .character("j"))
    #expect(browser.page?.viewport.top == 2)
    browser.press(.character("\\"))
    #expect(browser.pageLines.first == "Line 1")
    browser.press(.character(" "))
    #expect(browser.pageLines.first == "Line 10")
    #expect(browser.statusLine == " lines 10–19 of 50 (38%)")
    browser.press(.character("G"))
    #expect(browser.pageLines.last == "Line 50")
    browser.press(.character("\\"))
    #expect(browser.pageLines.first == "Line 3")
}

@Test func findInTheSourceViewSearchesTheSourceLines() {
    var browser = mixedMenu()
    browser.press(.character("\\"))
    browser.press(.character("/"))
    browser.type("7070")
    browser.press(.enter)
    #expect(browser.titleLine == " source of gopher://example.org/1")
    #expect(browser.statusLine == " “7070” on line 6")
    #expect(browser.pageLines[5] == "7Search /search example.org     7070")
}

@Test func aNewPageClosesTheSourceViewOfTheOldOne() throws {
    var browser = mixedMenu(selecting: 2)
    let id = try #require(browser.press(.enter).fetchID)
    browser.press(.character("\\"))
    browser.loadData(id: id, Array("Hello\n".utf8))
    #expect(browser.views == [])
    #expect(browser.titleLine == " gopher://example.org/0/about.txt")
}

@Test func resizingKeepsTheSourceViewInsideItsLines() {
    var browser = browserShowing("gopher://example.org/0/a.txt", textDocument(lines: 30), height: 12)
    browser.press(.character("\\"), .character("G"))
    #expect(browser.pageLines.first == "Line 21")
    browser.resize(width: 80, height: 40)
    #expect(browser.pageLines.first == "Line 1")
    #expect(browser.pageLines.count == 38)
}

@Test func digitsInTheSourceViewDoNothingToTheHiddenPage() {
    var browser = mixedMenu()
    browser.press(.character("\\"))
    #expect(browser.type("3") == [])
    browser.press(.character("\\"))
    #expect(browser.selectedItem?.display == "Phlog")
}

@Test func aNumberBeingTypedEndsAtAKeyTheSourceViewTakes() {
    var browser = mixedMenu()
    browser.type("1")
    browser.press(.character("\\"), .character("j"), .character("\\"))
    browser.type("2")
    #expect(browser.selectedItem?.display == "About this server")
}

@Test func theSourceViewSaysWhenThePageIsIncomplete() throws {
    var browser = mixedMenu(selecting: 2)
    let id = try #require(browser.press(.enter).fetchID)
    browser.loadData(id: id, Array("Hello\n".utf8))
    browser.loadFailed(id: id, message: "receive failed: Connection reset by peer (127.0.0.1:70)")
    browser.press(.character("\\"))
    #expect(browser.statusLine == " page incomplete: receive failed: Connection reset by peer (127.0.0.1:70)")
}
