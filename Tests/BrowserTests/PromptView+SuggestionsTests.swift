import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

// The address bar finds: suggestions from history, bookmarks and the page's links.

private func browserWithPlaces() -> Browser {
    var browser = browserShowing("gopher://example.org/", Gophermap.menu(
        Gophermap.item("1", "Phlog of the hole", "/phlog"), Gophermap.item("0", "About", "/about.txt")))
    browser.addressBook = [
        AddressEntry(address: "gopher://hole.example/1/phlog", title: "gopher://hole.example/1/phlog", visits: 1, lastVisit: 1),
        AddressEntry(address: "gopher://often.example/1/phlogs", title: "gopher://often.example/1/phlogs", visits: 9, lastVisit: 8),
        AddressEntry(address: "gopher://kept.example/1/", title: "Kept phlog", isBookmark: true),
        AddressEntry(address: "gopher://other.example/0/cats.txt", title: "Cats", visits: 30, lastVisit: 9),
    ]
    return browser
}

@Test func typingInTheGoToPromptShowsThePlacesThatMatchBestFirst() {
    var browser = browserWithPlaces()
    browser.press(.character("o"))
    browser.type("phlog")
    let lines = browser.screenLines
    // Visited often and lately first, then a bookmark, then a visit long ago, then the page's link.
    #expect(Array(lines[19...23]) == [
        " gopher://often.example/1/phlogs",
        " Kept phlog  gopher://kept.example/1/",
        " gopher://hole.example/1/phlog",
        " Phlog of the hole  gopher://example.org/1/phlog",
        "Go to: phlog",
    ])
    #expect(!lines.contains { $0.contains("cats.txt") })
}

@Test func downChoosesASuggestionAndEnterOpensIt() {
    var browser = browserWithPlaces()
    browser.press(.character("o"))
    browser.type("phlog")
    browser.press(.down, .down)
    let chosen = browser.render().rows[20]
    #expect(chosen.spans.first?.style == .selectedLink)
    #expect(browser.press(.enter) == [.fetch(id: 2, url: gopherURL("gopher://kept.example/1/"))])
}

@Test func typingAgainForgetsTheChoiceAndEnterOpensWhatIsTyped() {
    var browser = browserWithPlaces()
    browser.press(.character("o"))
    browser.type("cats")
    browser.press(.down)
    browser.type("x")
    #expect(browser.press(.enter) == [.fetch(id: 2, url: gopherURL("catsx"))])
}

@Test func lettersInOrderAnywhereMatchAndNothingTypedSuggestsNothing() {
    #expect(PromptView.matchQuality("ctx", in: "cats.txt") == 0)
    #expect(PromptView.matchQuality("xtc", in: "cats.txt") == nil)
    #expect(PromptView.matchQuality("cats", in: "my cats") == 30)
    #expect(PromptView.matchQuality("ats", in: "cats") == 20)
    var browser = browserWithPlaces()
    browser.press(.character("o"))
    #expect(browser.screenLines[22] == "")
}

/// On Warren's own pages a link to a built-in page is offered as `about:NAME`; on any page a
/// telnet item is not offered at all (the address bar goes to places Warren shows).
@Test func builtInPagesAreOfferedByTheirOwnNamesAndTelnetItemsNotAtAll() {
    var browser = Browser()
    browser.resize(width: 80, height: 24)
    _ = browser.open(.about("home"), title: nil)
    browser.press(.character("o"))
    browser.type("keys")
    #expect(browser.screenLines.contains { $0.hasSuffix("  about:keys") })
    #expect(!browser.screenLines.contains { $0.contains("gopher://warren") })

    var menu = browserShowing("gopher://example.org/", Gophermap.menu(
        Gophermap.item("8", "A BBS", "bob", host: "bbs.example", port: "23"), Gophermap.item("1", "BBS news", "/bbs")))
    menu.press(.character("o"))
    menu.type("bbs")
    #expect(Array(menu.screenLines.suffix(2)) == [" BBS news  gopher://example.org/1/bbs", "Go to: bbs"])
}
