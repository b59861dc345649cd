import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

// Opening pages, back and forward.

private let root = MixedMenu.root
private let phlog = MixedMenu.phlog
private let about = MixedMenu.about

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
    #expect(browser.pageLines.first == "        Welcome to Warren, a terminal gopher browser.")
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

// MARK: Built-in pages

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

// MARK: Going where an address names (o, warren URL)

/// `o`, the URL typed, Enter: what the browser does with it.
private func goingTo(_ address: String, canDrawPictures: Bool = false) -> (Browser, [Action]) {
    var browser = mixedMenu()
    browser.canDrawPictures = canDrawPictures
    _ = browser.press(.character("o"))
    _ = browser.type(address)
    let actions = browser.press(.enter)
    return (browser, actions)
}

@Test func aTypedImageAddressIsDrawnAsEnterOnItsLinkWouldBe() {
    let (_, actions) = goingTo("gopher://example.org/I/cat.png", canDrawPictures: true)
    #expect(actions == [.drawPicture(gopherURL("gopher://example.org/I/cat.png"))])
}

@Test func aTypedFileAddressAsksWhereToSaveIt() {
    let (browser, actions) = goingTo("gopher://example.org/9/tools/blob.bin")
    #expect(actions == [])
    #expect(browser.statusLine == "Save as: blob.bin")
    #expect(browser.loading == nil)
}

@Test func aTypedSearchAddressAsksForWordsUnlessItCarriesThem() {
    let (browser, actions) = goingTo("gopher://example.org/7/find")
    #expect(actions == [])
    #expect(browser.statusLine == "Search gopher://example.org/7/find:")
    let (_, carried) = goingTo("gopher://example.org/7/find%09cats")
    #expect(carried.fetchID != nil)
}

@Test func aTypedMenuAddressStillOpensAsAPage() {
    let (browser, actions) = goingTo("gopher://example.org/1/phlog")
    #expect(actions == [.fetch(id: 2, url: phlog)])
    #expect(browser.loading?.location == .gopher(phlog))
}

@Test func aURLGivenToWarrenThatNamesAFileAsksWhereToSaveIt() {
    var browser = Browser()
    browser.resize(width: 80, height: 24)
    #expect(browser.go(.gopher(gopherURL("gopher://example.org/9/blob.bin")), title: nil) == [])
    #expect(browser.statusLine == "Save as: blob.bin")
}

/// A first page that cannot be reached (a restored session's server down, a mistyped address):
/// the title names it, `r` tries it again, `O` edits it, history keeps it.
@Suite struct UnreachedFirstPageTests {
    let down = gopherURL("gopher://example.org/1/down")

    func failedFirstPage(_ session: Session? = nil) -> Browser {
        var browser = Browser()
        browser.resize(width: 80, height: 12)
        let actions = session.map { browser.restore($0) } ?? browser.open(.gopher(down), title: nil)
        guard case .fetch(let id, _)? = actions.first else { preconditionFailure("no fetch: \(actions)") }
        browser.loadFailed(id: id, message: "connect failed: Connection refused (example.org:70)")
        return browser
    }

    @Test func theTitleNamesThePlaceAndRTriesItAgain() {
        var browser = failedFirstPage()
        #expect(browser.titleLine == " gopher://example.org/1/down  [not reached: r tries again]")
        #expect(browser.statusLine == " connect failed: Connection refused (example.org:70)")
        // The reason stays where the page would be once the status bar moves on.
        browser.press(.character("j"))
        #expect(Array(browser.pageLines.prefix(6)) == [
            "", "  This page could not be reached:", "", "  connect failed: Connection refused (example.org:70)", "",
            "  r tries again · O edits the address · o opens another",
        ])
        let retry = browser.press(.character("r"))
        #expect(retry == [.fetch(id: 2, url: down)])
        browser.deliver(Gophermap.menu(links: 3), to: retry)
        #expect(browser.titleLine == " gopher://example.org/1/down")
        #expect(browser.pageLines.first == "  1 DIR Link 1")
        #expect(browser.unreached == nil)
    }

    @Test func editingTheAddressStartsFromThePlaceNotReached() {
        var browser = failedFirstPage()
        browser.press(.character("O"))
        #expect(browser.statusLine == "Go to: gopher://example.org/1/down")
    }

    @Test func rWithNothingEverAskedSaysSo() {
        var browser = Browser()
        #expect(browser.press(.character("r")) == [])
        #expect(browser.statusLine == " no page to reload (o opens a URL)")
    }

    static let restored = Session(
        current: Session.Place(location: .gopher(gopherURL("gopher://example.org/1/down")), title: "Down", viewport: Viewport(top: 4)),
        back: [Session.Place(location: .gopher(gopherURL("gopher://example.org/1/")), title: "Root", viewport: Viewport())],
        forward: [Session.Place(location: .gopher(gopherURL("gopher://example.org/1/later")), title: "Later", viewport: Viewport())])

    @Test func aNewPageFromAPlaceNotReachedKeepsItBehindAndEndsForward() {
        var browser = failedFirstPage(Self.restored)
        browser.deliver(Gophermap.menu(links: 1), to: browser.open(.gopher(gopherURL("gopher://example.org/1/new")), title: "New"))
        #expect(browser.history.back.map(\.title) == ["Root", "Down"])
        #expect(browser.history.forward.isEmpty)
        browser.show(Page.menu(.about("bookmarks"), title: "Bookmarks", bytes: Gophermap.menu(links: 1)))
        #expect(browser.history.back.map(\.title) == ["Root", "Down", "New"])
    }

    @Test func aBuiltInPageFromAPlaceNotReachedKeepsItBehind() {
        var browser = failedFirstPage(Self.restored)
        browser.show(Page.menu(.about("bookmarks"), title: "Bookmarks", bytes: Gophermap.menu(links: 1)))
        #expect(browser.history.back.map(\.title) == ["Root", "Down"])
        #expect(browser.history.forward.isEmpty)
    }

    @Test func aSessionSavedDuringAStepBackKeepsThePlaceNotReached() {
        var browser = failedFirstPage(Self.restored)
        _ = browser.press(.character("h"))
        #expect(browser.loading != nil)
        #expect(browser.session.current?.location == .gopher(down))
        #expect(browser.session.current?.viewport.top == 4)
    }

    @Test func backFromAPlaceNotReachedKeepsItForward() {
        let session = Session(
            current: Session.Place(location: .gopher(down), title: "Down", viewport: Viewport(top: 4)),
            back: [Session.Place(location: .gopher(gopherURL("gopher://example.org/1/")), title: "Root", viewport: Viewport())])
        var browser = failedFirstPage(session)
        #expect(browser.session.current?.location == .gopher(down))
        let back = browser.press(.character("h"))
        browser.deliver(Gophermap.menu(links: 3), to: back)
        #expect(browser.titleLine == " gopher://example.org/1/")
        #expect(browser.history.forward.map(\.title) == ["Down"])
        #expect(browser.history.forward.first?.viewport.top == 4)
    }
}

/// A page's title comes from the link that opened it, without a listing's padding.
@Suite struct PageTitleTests {
    @Test func aListingLinesColumnsOfSpacesAreOneSpaceInTheTitle() {
        var browser = browserShowing("gopher://example.org/", Gophermap.menu(
            Gophermap.item("0", "  2026-03-third-post.txt        2026-Dec-02 14:16     0.0 KB", "/p.txt"),
            Gophermap.item("1", "..", "/"),
            Gophermap.item("1", "   ", "/blank")))
        browser.deliver(textDocument(lines: 2), to: browser.press(.enter))
        #expect(browser.page?.title == "2026-03-third-post.txt 2026-Dec-02 14:16 0.0 KB")
        browser.press(.character("h"), .character("j"))
        browser.deliver(Gophermap.menu(links: 1), to: browser.press(.enter))
        #expect(browser.page?.title == "gopher://example.org/1/")
    }
}
