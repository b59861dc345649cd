import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

// A file fetched for a handler or a picture: Esc cancels it, the same link is not fetched
// twice, another one replaces it.

private let picture = gopherURL("gopher://example.org/I/cat.png")
private let other = gopherURL("gopher://example.org/I/dog.png")

@Test func escCancelsAFileBeingFetchedForAPicture() {
    var browser = mixedMenu()
    #expect(browser.fileFetchStarted(id: -1, url: picture, what: "cat.png for chafa") == [])
    #expect(browser.statusLine == " fetching cat.png for chafa… (Esc cancels)")
    #expect(browser.press(.escape) == [.cancel(id: -1)])
    #expect(browser.statusLine == " cancelled fetching cat.png for chafa")
    let ended = browser.fileFetchEnded(id: -1)
    #expect(ended == nil)
    #expect(browser.press(.escape) == [])
    #expect(browser.statusLine == " nothing to cancel (q quits)")
}

@Test func theSameLinkIsNotFetchedTwiceAndAnotherReplacesIt() {
    var browser = mixedMenu()
    _ = browser.fileFetchStarted(id: -1, url: picture, what: "cat.png for chafa")
    let fetching = browser.isFetchingFile(picture)
    #expect(fetching)
    #expect(browser.statusLine == " still fetching cat.png for chafa… (Esc cancels)")
    let fetchingOther = browser.isFetchingFile(other)
    #expect(!fetchingOther)
    #expect(browser.fileFetchStarted(id: -2, url: other, what: "dog.png for chafa") == [.cancel(id: -1)])
    let replaced = browser.fileFetchEnded(id: -1)
    #expect(replaced == nil)
    let ended = browser.fileFetchEnded(id: -2)
    #expect(ended?.url == other)
}

@Test func aFetchThatEndsIsNoLongerSaidAndRemembersItsPage() {
    var browser = mixedMenu()
    _ = browser.fileFetchStarted(id: -1, url: picture, what: "cat.png for chafa")
    let fetch = browser.fileFetchEnded(id: -1)
    #expect(fetch?.page == .gopher(gopherURL(MixedMenu.root)))
    #expect(browser.statusLine != " fetching cat.png for chafa… (Esc cancels)")
    #expect(browser.fileFetch == nil)
}

@Test func goingToAnotherPageCancelsAPictureForThisOne() {
    var browser = mixedMenu()
    _ = browser.fileFetchStarted(id: -1, url: picture, what: "cat.png for chafa", onlyOnItsPage: true)
    let actions = browser.open(.gopher(MixedMenu.phlog), title: nil)
    #expect(actions.first == .cancel(id: -1))
    #expect(actions.count == 2)
    #expect(browser.fileFetch == nil)
    #expect(browser.statusLine == " loading gopher://example.org/1/phlog…")
}

@Test func aFileForAHandlerOutlivesGoingElsewhere() {
    var browser = mixedMenu()
    _ = browser.fileFetchStarted(id: -1, url: picture, what: "cat.png for feh")
    let actions = browser.open(.gopher(MixedMenu.phlog), title: nil)
    #expect(!actions.contains(.cancel(id: -1)))
    #expect(browser.fileFetch?.id == -1)
    let fetch = browser.fileFetchEnded(id: -1)!
    #expect(browser.isOnItsPage(fetch))
}

@Test func aPageArrivingCancelsAPictureAskedOnThePageItReplaces() {
    var browser = mixedMenu()
    let load = browser.open(.gopher(MixedMenu.phlog), title: nil)
    _ = browser.fileFetchStarted(id: -1, url: picture, what: "cat.png for chafa", onlyOnItsPage: true)
    let arrived = browser.deliver(Gophermap.menu(Gophermap.info("The phlog")), to: load)
    #expect(browser.page?.location == .gopher(MixedMenu.phlog))
    // The page it was for has gone: the fetch is cancelled as the new page arrives.
    #expect(arrived.contains(.cancel(id: -1)))
    #expect(browser.fileFetch == nil)
}

@Test func escDuringALoadStopsTheLoadAndLeavesThePicture() {
    var browser = mixedMenu()
    let load = browser.open(.gopher(MixedMenu.phlog), title: nil)
    _ = browser.fileFetchStarted(id: -1, url: picture, what: "cat.png for chafa", onlyOnItsPage: true)
    #expect(browser.press(.escape) == [.cancel(id: load.fetchID!)])
    #expect(browser.fileFetch?.id == -1)
    #expect(browser.press(.escape) == [.cancel(id: -1)])
}

@Test func theStatusBarFollowsAFetchUntilItEnds() {
    var browser = mixedMenu()
    _ = browser.fileFetchStarted(id: -1, url: picture, what: "cat.png for chafa", onlyOnItsPage: true)
    browser.fileFetchProgress(id: -1, "receiving 3.1 KB")
    #expect(browser.statusLine == " fetching cat.png for chafa: receiving 3.1 KB (Esc cancels)")
    // A key moves the page on; the fetch is still said.
    browser.press(.character("j"))
    #expect(browser.statusLine == " fetching cat.png for chafa: receiving 3.1 KB (Esc cancels)")
    browser.fileFetchProgress(id: -2, "receiving 9 KB")
    #expect(browser.statusLine == " fetching cat.png for chafa: receiving 3.1 KB (Esc cancels)")
    browser.fileFetchEnded(id: -1)
    #expect(browser.statusLine == " 2/7  gopher://example.org/0/about.txt")
}
