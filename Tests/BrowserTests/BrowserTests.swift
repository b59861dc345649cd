import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

// Opening pages, following links, history, prompts, saving, bookmarks, copying, cancelling.

private let root = "gopher://example.org/"
private let phlog = gopherURL("gopher://example.org/1/phlog")
private let about = gopherURL("gopher://example.org/0/about.txt")
private let archive = gopherURL("gopher://example.org/9/pub/archive.tar.gz")

/// The mixed menu on an 80×24 screen, with link `number` selected.
private func mixedMenu(selecting number: Int? = nil) -> Browser {
    var browser = browserShowing(root, Gophermap.mixed)
    if let number { browser.type(String(number)) }
    return browser
}

// MARK: Opening

@Test func openingAURLEmitsAFetch() {
    var browser = Browser()
    #expect(browser.open(.gopher(phlog), title: nil) == [.fetch(id: 1, url: phlog)])
    #expect(browser.loading?.location == .gopher(phlog))
}

@Test func openingWhileLoadingCancelsTheLoadInProgress() {
    var browser = Browser()
    _ = browser.open(.gopher(phlog), title: nil)
    #expect(browser.open(.gopher(about), title: nil) == [.cancel(id: 1), .fetch(id: 2, url: about)])
}

@Test func oldPageStaysOnScreenUntilTheFirstBytesArrive() throws {
    var browser = mixedMenu()
    let before = browser.pageLines
    let id = try #require(browser.open(.gopher(about), title: nil).fetchID)
    #expect(browser.titleLine == " gopher://example.org/1")
    #expect(browser.pageLines == before)
    #expect(browser.statusLine == " loading gopher://example.org/0/about.txt…")

    browser.loadData(id: id, Array("Hello, gopherspace.\nSecond".utf8))
    #expect(browser.titleLine == " gopher://example.org/0/about.txt")
    #expect(browser.pageLines.first == "Hello, gopherspace.")
}

@Test func enterOnATextLinkFetchesItsURL() {
    var browser = mixedMenu(selecting: 2)
    #expect(browser.press(.enter) == [.fetch(id: 2, url: about)])
}

@Test func rightArrowAndLOpenTheSelectedLinkLikeEnter() {
    for key in [Key.right, .character("l")] {
        var browser = mixedMenu(selecting: 1)
        #expect(browser.press(key) == [.fetch(id: 2, url: phlog)], "\(key)")
    }
}

@Test func aFollowedLinkIsTitledWithItsDisplayString() {
    var browser = mixedMenu(selecting: 1)
    browser.deliver(Gophermap.menu(links: 2), to: browser.press(.enter))
    #expect(browser.page?.title == "Phlog")
    #expect(browser.titleLine == " gopher://example.org/1/phlog")
}

// MARK: Back and forward

@Test func backRestoresThePreviousPageInstantlyWithoutFetching() {
    var browser = mixedMenu(selecting: 2)
    let menuScreen = browser.pageLines
    browser.deliver(textDocument(lines: 3), to: browser.press(.enter))
    #expect(browser.pageLines.first == "Line 1")

    #expect(browser.press(.character("h")) == [])
    #expect(browser.loading == nil)
    #expect(browser.titleLine == " gopher://example.org/1")
    #expect(browser.pageLines == menuScreen)
}

@Test func leftArrowAndBackspaceGoBackLikeH() {
    for key in [Key.left, .backspace] {
        var browser = mixedMenu(selecting: 2)
        browser.deliver(textDocument(lines: 3), to: browser.press(.enter))
        #expect(browser.press(key) == [], "\(key)")
        #expect(browser.titleLine == " gopher://example.org/1", "\(key)")
    }
}

@Test func backRestoresScrollPosition() {
    var browser = browserShowing(root, Gophermap.menu(links: 30, infoLinesBetween: 2), height: 12)
    browser.press(.pageDown, .pageDown)
    #expect(browser.page?.viewport.top == 18)
    let scrolled = browser.pageLines
    #expect(scrolled.first == "  7 DIR Link 7")

    browser.deliver(textDocument(lines: 3), to: browser.press(.enter))
    browser.press(.character("h"))
    #expect(browser.page?.viewport.top == 18)
    #expect(browser.pageLines == scrolled)
}

@Test func backRestoresSelection() {
    var browser = browserShowing(root, Gophermap.menu(links: 5))
    browser.press(.character("j"), .character("j"))
    #expect(browser.statusLine == " 3/5  gopher://example.org/1/item/3")

    browser.deliver(Gophermap.menu(links: 2), to: browser.press(.enter))
    #expect(browser.statusLine == " 1/2  gopher://example.org/1/item/1")
    browser.press(.character("h"))
    #expect(browser.statusLine == " 3/5  gopher://example.org/1/item/3")
    #expect(browser.selectedItem?.display == "Link 3")
}

@Test func forwardAfterBackReturnsToThePageWithItsSelection() {
    var browser = mixedMenu(selecting: 1)
    browser.deliver(Gophermap.menu(links: 4), to: browser.press(.enter))
    browser.press(.character("j"))
    browser.press(.character("h"))
    #expect(browser.titleLine == " gopher://example.org/1")

    #expect(browser.press(.character("f")) == [])
    #expect(browser.titleLine == " gopher://example.org/1/phlog")
    #expect(browser.statusLine == " 2/4  gopher://example.org/1/item/2")
}

@Test func backWithNoHistorySaysSo() {
    var browser = mixedMenu()
    #expect(browser.press(.character("h")) == [])
    #expect(browser.statusLine == " no page to go back to")
}

@Test func forwardWithNothingAheadSaysSo() {
    var browser = mixedMenu()
    #expect(browser.press(.character("f")) == [])
    #expect(browser.statusLine == " no page to go forward to")
}

@Test func openingANewPageForgetsForward() {
    var browser = mixedMenu(selecting: 1)
    browser.deliver(Gophermap.menu(links: 2), to: browser.press(.enter))
    browser.press(.character("h"))
    browser.type("2")
    browser.deliver(textDocument(lines: 2), to: browser.press(.enter))
    #expect(browser.press(.character("f")) == [])
    #expect(browser.statusLine == " no page to go forward to")
}

@Test func backToAnEvictedPageFetchesItAndRestoresTheViewport() throws {
    let menu = Gophermap.menu(links: 30, infoLinesBetween: 2)
    var browser = browserShowing(root, menu, height: 12, historyCacheLimit: 10)
    browser.press(.pageDown, .pageDown, .character("j"))
    #expect(browser.page?.viewport == Viewport(top: 18, selected: 21))
    let scrolled = browser.pageLines

    browser.deliver(textDocument(lines: 3), to: browser.press(.enter))
    let actions = browser.press(.character("h"))
    #expect(actions == [.fetch(id: 3, url: gopherURL(root))])
    #expect(browser.titleLine == " gopher://example.org/1/item/8")  // still on screen while it loads

    browser.deliver(menu, to: actions)
    #expect(browser.titleLine == " gopher://example.org/1")
    #expect(browser.page?.viewport == Viewport(top: 18, selected: 21))
    #expect(browser.pageLines == scrolled)
    #expect(browser.history.forward.map(\.location) == [.gopher(gopherURL("gopher://example.org/1/item/8"))])
}

@Test func forwardToAnEvictedPageFetchesIt() {
    var browser = browserShowing(root, Gophermap.mixed, historyCacheLimit: 10)
    browser.type("2")
    browser.deliver(textDocument(lines: 3), to: browser.press(.enter))
    browser.deliver(Gophermap.mixed, to: browser.press(.character("h")))
    #expect(browser.titleLine == " gopher://example.org/1")

    let actions = browser.press(.character("f"))
    #expect(actions == [.fetch(id: 4, url: about)])
    browser.deliver(textDocument(lines: 3), to: actions)
    #expect(browser.titleLine == " gopher://example.org/0/about.txt")
    #expect(browser.history.back.map(\.location) == [.gopher(gopherURL(root))])
}

@Test func backToAnEvictedBuiltInPageShowsItAgain() {
    var browser = Browser(historyCacheLimit: 1)
    #expect(browser.open(.about("home"), title: nil) == [])
    browser.visit("gopher://example.org/1/phlog", Gophermap.menu(links: 2))

    #expect(browser.press(.character("h")) == [])
    #expect(browser.titleLine == " about:home")
    #expect(browser.pageLines.first == "        Welcome to Warren, a terminal gopher client.")
}

@Test func reloadFetchesThePageAgainKeepingTheViewport() {
    let menu = Gophermap.menu(links: 30, infoLinesBetween: 2)
    var browser = browserShowing(root, menu, height: 12)
    browser.press(.pageDown, .pageDown, .character("j"))
    let scrolled = browser.pageLines

    let actions = browser.press(.character("r"))
    #expect(actions == [.fetch(id: 2, url: gopherURL(root))])
    browser.deliver(menu, to: actions)
    #expect(browser.page?.viewport == Viewport(top: 18, selected: 21))
    #expect(browser.pageLines == scrolled)
    #expect(browser.history.back.isEmpty)
}

@Test func upGoesToTheParentSelector() {
    var browser = browserShowing("gopher://example.org/0/a/b/c", textDocument(lines: 2))
    #expect(browser.press(.character("u")) == [.fetch(id: 2, url: gopherURL("gopher://example.org/1/a/b/"))])
}

@Test func upAtTheRootSaysSo() {
    var browser = browserShowing("gopher://example.org:7070/", Gophermap.mixed)
    #expect(browser.press(.character("u")) == [])
    #expect(browser.statusLine == " already at the top of example.org:7070")
}

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
    #expect(browser.statusLine == "Search Search:")
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

// MARK: Saving and downloading

@Test func binaryLinkAsksSaveAsWithANameFromTheSelector() {
    var browser = mixedMenu(selecting: 4)
    #expect(browser.press(.enter) == [])
    #expect(browser.statusLine == "Save as: archive.tar.gz")
    #expect(browser.press(.enter) == [.download(id: 2, url: archive, fileName: "archive.tar.gz", overwrite: false)])
    #expect(browser.statusLine == " saving archive.tar.gz…")
}

@Test func saveAsNameIsMadeSafeFromAHostileSelector() {
    let menu = Gophermap.menu(Gophermap.item("9", "Nice picture", "/pics/%2E%2E%2F..%2Fevil%0A.bin"))
    var browser = browserShowing(root, menu)
    browser.press(.enter)
    #expect(browser.statusLine == "Save as: _.._.._evil.bin")
}

@Test func saveAsRefusesANameThatLeavesTheDownloadFolder() {
    var browser = mixedMenu(selecting: 4)
    browser.press(.enter, .control("u"))
    browser.type("../x")
    #expect(browser.press(.enter) == [])
    #expect(browser.statusLine == " not a file name for the download folder: ../x")
    #expect(browser.download == nil)
}

@Test func dDownloadsTheSelectedItemWithoutOpeningIt() {
    var browser = mixedMenu(selecting: 2)
    #expect(browser.press(.character("d")) == [])
    #expect(browser.statusLine == "Save as: about.txt")
    #expect(browser.press(.enter) == [.download(id: 2, url: about, fileName: "about.txt", overwrite: false)])
}

@Test func dInADocumentSaysNoLinkSelected() {
    var browser = browserShowing("gopher://example.org/0/a.txt", textDocument(lines: 3))
    #expect(browser.press(.character("d")) == [])
    #expect(browser.statusLine == " no link selected")
}

@Test func sSavesTheCurrentPage() {
    var browser = browserShowing("gopher://example.org/1/phlog", Gophermap.menu(links: 2))
    browser.press(.character("s"))
    #expect(browser.statusLine == "Save as: phlog")
    #expect(browser.press(.enter) == [.download(id: 2, url: phlog, fileName: "phlog", overwrite: false)])
}

@Test func savingTheRootMenuSuggestsAFallbackName() {
    var browser = mixedMenu()
    browser.press(.character("s"))
    #expect(browser.statusLine == "Save as: download.gph")
}

@Test func builtInPagesCannotBeSavedOrBookmarked() {
    var browser = Browser()
    _ = browser.open(.about("home"), title: nil)
    #expect(browser.press(.character("s")) == [])
    #expect(browser.statusLine == " only gopher pages can be saved")
    #expect(browser.press(.character("a")) == [])
    #expect(browser.statusLine == " only gopher pages can be bookmarked")
}

@Test func aSecondDownloadWhileOneRunsIsRefused() {
    var browser = mixedMenu(selecting: 4)
    browser.press(.enter, .enter)
    browser.type("2")
    #expect(browser.press(.character("d")) == [])
    #expect(browser.views == [])
    #expect(browser.statusLine == " a download is already running (Esc cancels it)")
}

@Test func escapeCancelsARunningDownload() {
    var browser = mixedMenu(selecting: 4)
    browser.press(.enter, .enter)
    #expect(browser.press(.escape) == [.cancel(id: 2)])
    #expect(browser.statusLine == " download of archive.tar.gz cancelled")
    #expect(browser.download == nil)
}

// MARK: Bookmarks, history, copying

@Test func aBookmarksTheCurrentPage() {
    var browser = mixedMenu(selecting: 1)
    browser.deliver(Gophermap.menu(links: 2), to: browser.press(.enter))
    #expect(browser.press(.character("a")) == [.addBookmark(url: phlog, title: "Phlog")])
    #expect(browser.statusLine == " bookmarked Phlog")
}

@Test func capitalBAndHShowBookmarksAndHistory() {
    var browser = mixedMenu()
    #expect(browser.press(.character("B")) == [.showUserPage(.bookmarks)])
    #expect(browser.press(.character("H")) == [.showUserPage(.history)])
}

@Test func aShownPageGoesIntoHistory() {
    var browser = mixedMenu()
    browser.show(Page.menu(.about("bookmarks"), title: "Bookmarks", bytes: Gophermap.menu(links: 1)))
    #expect(browser.titleLine == " about:bookmarks")
    #expect(browser.statusLine == " 1/1  gopher://example.org/1/item/1")
    browser.press(.character("h"))
    #expect(browser.titleLine == " gopher://example.org/1")
}

@Test func yCopiesTheSelectedURLAndSaysSo() {
    var browser = mixedMenu()
    #expect(browser.press(.character("y")) == [.copy("gopher://example.org/1/phlog")])
    #expect(browser.statusLine == " copied gopher://example.org/1/phlog")
}

@Test func yOnAWebLinkCopiesTheWebAddress() {
    var browser = mixedMenu(selecting: 5)
    #expect(browser.press(.character("y")) == [.copy("https://example.org/")])
}

@Test func yInADocumentCopiesThePageURL() {
    var browser = browserShowing("gopher://example.org/0/a.txt", textDocument(lines: 3))
    #expect(browser.press(.character("y")) == [.copy("gopher://example.org/0/a.txt")])
}

// MARK: Links that are not fetched

@Test func webLinkShowsItsURLAndIsNotFetched() {
    var browser = mixedMenu(selecting: 5)
    #expect(browser.press(.enter) == [])
    #expect(browser.loading == nil)
    #expect(browser.statusLine == " URL: https://example.org/ (y copies it)")
}

@Test func htmlLinkWithoutURLPrefixIsFetchedOverGopher() {
    var browser = browserShowing(root, Gophermap.menu(Gophermap.item("h", "Page", "/page.html")))
    #expect(browser.press(.enter) == [.fetch(id: 2, url: gopherURL("gopher://example.org/h/page.html"))])
}

@Test func telnetLinkShowsHostAndPort() {
    var browser = mixedMenu(selecting: 6)
    #expect(browser.press(.enter) == [])
    #expect(browser.statusLine == " TEL session at example.org:23; Warren does not open sessions")
}

@Test func invalidLinkSaysCannotFollowAndWhy() {
    var browser = mixedMenu(selecting: 7)
    #expect(browser.statusLine == " link 7 (Enter opens it)")
    browser.press(.tab)  // any key clears the status
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

// MARK: Cancelling and quitting

@Test func escapeWhileLoadingCancelsAndNeverQuits() {
    var browser = mixedMenu(selecting: 2)
    browser.press(.enter)
    let actions = browser.press(.escape)
    #expect(actions == [.cancel(id: 2)])
    #expect(!actions.contains(.quit))
    #expect(browser.loading == nil)
    #expect(browser.statusLine == " cancelled")
    #expect(browser.titleLine == " gopher://example.org/1")
}

@Test func controlCWhileLoadingCancelsAndNeverQuits() {
    var browser = mixedMenu(selecting: 2)
    browser.press(.enter)
    #expect(browser.press(.control("c")) == [.cancel(id: 2)])
    #expect(browser.statusLine == " cancelled")
}

@Test func escapeWithNothingLoadingDoesNotQuit() {
    var browser = mixedMenu()
    #expect(browser.press(.escape) == [])
    #expect(browser.press(.control("c")) == [])
    #expect(browser.statusLine == " nothing to cancel (q quits)")
}

@Test func cancellingAfterTheFirstBytesKeepsThePartialPageMarkedIncomplete() throws {
    var browser = mixedMenu(selecting: 2)
    let id = try #require(browser.press(.enter).fetchID)
    browser.loadData(id: id, Array("First line\nSecond".utf8))
    #expect(browser.press(.escape) == [.cancel(id: id)])
    #expect(browser.titleLine == " gopher://example.org/0/about.txt  [incomplete]")
    #expect(browser.pageLines.first == "First line")
}

@Test func qQuits() {
    var browser = mixedMenu()
    #expect(browser.press(.character("q")) == [.quit])
}

@Test func controlZSuspends() {
    var browser = mixedMenu()
    #expect(browser.press(.control("z")) == [.suspend])
}

// MARK: Source and page info

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

@Test func equalsShowsPageInfoAndAnyKeyReturns() {
    var browser = mixedMenu()
    let page = browser.pageLines
    browser.press(.character("="))
    #expect(browser.titleLine == " info for gopher://example.org/1")
    #expect(
        Array(browser.pageLines.prefix(12)) == [
            "URL        gopher://example.org/1",
            "Title      gopher://example.org/1",
            "Type       DIR (1)",
            "Size       357 B, 10 items, 7 links",
            "State      complete",
            "Peer       127.0.0.1:7070",
            "Local      127.0.0.1:50123",
            "resolve    1.5 ms",
            "connect    0.2 ms",
            "receive    12.0 ms",
            "",
            "(any key returns to the page)",
        ])

    browser.press(.character("x"))
    #expect(browser.titleLine == " gopher://example.org/1")
    #expect(browser.pageLines == page)
}

@Test func equalsAgainOrEscapeLeavesPageInfo() {
    for key in [Key.character("="), .escape] {
        var browser = mixedMenu()
        browser.press(.character("="))
        #expect(browser.press(key) == [], "\(key)")
        #expect(browser.titleLine == " gopher://example.org/1", "\(key)")
        #expect(browser.statusLine == " 1/7  gopher://example.org/1/phlog", "\(key)")
    }
}

@Test func questionMarkOpensHelpWithoutFetching() {
    var browser = mixedMenu()
    #expect(browser.press(.character("?")) == [])
    #expect(browser.titleLine == " about:help")
    #expect(browser.pageLines.first == "        Warren keys")
}

@Test func reloadingBookmarksReplacesThePageWithoutAddingHistory() {
    var browser = Browser()
    browser.resize(width: 60, height: 10)
    _ = browser.open(.about("home"), title: nil)
    browser.show(Page.menu(.about("bookmarks"), title: "Bookmarks", bytes: Gophermap.menu(links: 3)))
    #expect(browser.history.back.count == 1)
    #expect(browser.handle(.character("r")) == [.showUserPage(.bookmarks)])
    let reloaded = Page.menu(.about("bookmarks"), title: "Bookmarks", bytes: Gophermap.menu(links: 4))
    browser.show(reloaded)
    #expect(browser.history.back.count == 1)
    #expect(browser.page?.lineCount == reloaded.lineCount)
    #expect(browser.page?.lineCount != Page.menu(.about("bookmarks"), title: "", bytes: Gophermap.menu(links: 3)).lineCount)
}
