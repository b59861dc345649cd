import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

// The prompt line: going to a URL, searching, finding, saving as.

private let phlog = MixedMenu.phlog
private let about = MixedMenu.about

// MARK: Prompts

@Test func goToPromptFetchesTheTypedURL() {
    var browser = mixedMenu()
    #expect(browser.press(.character("o")) == [])
    #expect(browser.statusLine == "Go to:")
    browser.type("example.org/0/notes.txt")
    #expect(browser.statusLine == "Go to: example.org/0/notes.txt")
    #expect(browser.press(.enter) == [.fetch(id: 2, url: gopherURL("gopher://example.org/0/notes.txt"))])
    #expect(browser.views == [])
}

@Test func goToABadURLShowsTheErrorInTheStatusBar() {
    var browser = mixedMenu()
    browser.press(.character("o"))
    browser.type("gopher://bad host/")
    #expect(browser.press(.enter) == [])
    #expect(browser.statusLine == " invalid host \"bad host\"")
    #expect(browser.status?.isError == true)

    browser.press(.character("o"))
    browser.type("https://example.org/")
    #expect(browser.press(.enter) == [])
    #expect(browser.statusLine == " not a gopher URL (scheme https)")
}

@Test func editURLPromptIsPrefilledWithTheCurrentURL() {
    var browser = browserShowing("gopher://example.org/1/phlog", Gophermap.menu(links: 2))
    browser.press(.character("O"))
    #expect(browser.statusLine == "Go to: gopher://example.org/1/phlog")
    #expect(browser.render().cursor == Screen.Position(row: 23, column: 35))

    browser.press(.backspace, .backspace, .backspace, .backspace, .backspace)
    browser.type("about")
    #expect(browser.press(.enter) == [.fetch(id: 2, url: gopherURL("gopher://example.org/1/about"))])
}

@Test func escapeClosesAPromptWithoutDoingAnything() {
    var browser = mixedMenu()
    browser.press(.character("o"))
    browser.type("example.org")
    #expect(browser.press(.escape) == [])
    #expect(browser.views == [])
    #expect(browser.statusLine == " 1/7  gopher://example.org/1/phlog")
}

@Test func keysTypedIntoAPromptAreNotCommands() {
    var browser = mixedMenu()
    browser.press(.character("o"))
    #expect(browser.type("qhj") == [])
    #expect(browser.statusLine == "Go to: qhj")
}

@Test func searchLinkAsksForAQueryAndFetchesWithIt() throws {
    var browser = mixedMenu(selecting: 3)
    #expect(browser.press(.enter) == [])
    #expect(browser.statusLine == "Search:")
    browser.type("gopher holes")
    let search = try GopherURL(
        host: "example.org", port: 7070, type: .search, selector: Array("/search".utf8),
        search: Array("gopher holes".utf8))
    #expect(browser.press(.enter) == [.fetch(id: 2, url: search)])
    #expect(search.description == "gopher://example.org:7070/7/search%09gopher%20holes")
}

@Test func searchResultsArriveAsAMenu() {
    var browser = mixedMenu(selecting: 3)
    browser.press(.enter)
    browser.type("x")
    browser.deliver(Gophermap.menu(links: 2), to: browser.press(.enter))
    #expect(browser.pageLines.first == "  1 DIR Link 1")
    #expect(browser.page?.title == "Search: x")
}

// MARK: The prompt as a view

@Test func aURLHalfTypedSurvivesAPageArriving() throws {
    var browser = mixedMenu(selecting: 2)
    let id = try #require(browser.press(.enter).fetchID)
    browser.press(.character("o"))
    browser.type("gopher://other")
    browser.loadData(id: id, Array("Hello\n".utf8))
    #expect(browser.titleLine == " gopher://example.org/0/about.txt")
    #expect(browser.statusLine == "Go to: gopher://other")
    #expect(browser.render().cursor == Screen.Position(row: 23, column: 21))
}

@Test func backspaceOnAnEmptyPromptClosesIt() {
    var browser = mixedMenu()
    browser.press(.character("o"))
    #expect(browser.press(.backspace) == [])
    #expect(browser.views == [])
    #expect(browser.statusLine == " 1/7  gopher://example.org/1/phlog")
}

@Test func keysTypedIntoAPromptNeverReachThePage() {
    var browser = mixedMenu()
    browser.press(.character("o"))
    #expect(browser.type("qjG") == [])
    #expect(browser.selectedItem?.display == "Phlog")
    #expect(browser.statusLine == "Go to: qjG")
}

@Test func aLongLineScrollsSoTheCursorStaysOnScreen() {
    var browser = browserShowing(MixedMenu.root, Gophermap.mixed, width: 20)
    browser.press(.character("o"))
    browser.type("gopher://example.org/1/long")
    #expect(browser.statusLine == "Go to: e.org/1/long")
    #expect(browser.render().cursor == Screen.Position(row: 23, column: 19))
}
