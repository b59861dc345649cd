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
