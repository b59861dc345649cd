import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

// Back and forward stacks, their viewports, and the limit on the memory cached pages hold.

/// A complete menu page at `/page/N` holding exactly `size` bytes.
private func page(_ number: Int, size: Int = 100_000, state: Page.LoadState = .complete) -> Page {
    let url = gopherURL("gopher://example.org/1/page/\(number)")
    let line = "i" + String(repeating: "x", count: max(0, size - 2)) + "\n"
    var page = Page.menu(.gopher(url), title: "Page \(number)", bytes: Array(line.utf8))
    page.state = state
    return page
}

/// The memory one page of the default size holds: the cache weighs pages by it.
private let unit = page(1).residentByteCount
/// Room for two pages of the default size, not three.
private let twoAndAHalf = 2 * unit + unit / 2

private func numbers(_ entries: [History.Entry]) -> [String] { entries.map(\.title) }
private func cached(_ entries: [History.Entry]) -> [Bool] { entries.map { $0.page != nil } }

@Test func leavingAPagePutsItOnTheBackStack() {
    var history = History()
    #expect(history.back.isEmpty)
    history.leave(page(1))
    history.leave(page(2))
    #expect(numbers(history.back) == ["Page 1", "Page 2"])
    #expect(!history.back.isEmpty)
    #expect(history.forward.isEmpty)
}

@Test func goingBackReturnsTheLastEntryAndKeepsTheCurrentPageForForward() {
    var history = History()
    history.leave(page(1))
    history.leave(page(2))
    let entry = history.goBack(from: page(3))
    #expect(entry?.title == "Page 2")
    #expect(entry?.page?.byteCount == 100_000)
    #expect(numbers(history.back) == ["Page 1"])
    #expect(numbers(history.forward) == ["Page 3"])
}

@Test func goingForwardReturnsTheNextEntryAndKeepsTheCurrentPageForBack() {
    var history = History()
    history.leave(page(1))
    _ = history.goBack(from: page(2))
    let entry = history.goForward(from: page(1))
    #expect(entry?.title == "Page 2")
    #expect(numbers(history.back) == ["Page 1"])
    #expect(history.forward.isEmpty)
}

@Test func goingBackOrForwardWithNothingThereReturnsNil() {
    var history = History()
    #expect(history.goBack(from: page(1)) == nil)
    #expect(history.goForward(from: page(1)) == nil)
    #expect(history.back.isEmpty && history.forward.isEmpty)
}

@Test func leavingAPageForgetsForward() {
    var history = History()
    history.leave(page(1))
    _ = history.goBack(from: page(2))
    #expect(!history.forward.isEmpty)
    history.leave(page(1))
    #expect(history.forward.isEmpty)
}

@Test func entriesKeepTheViewport() {
    var history = History()
    var scrolled = page(1)
    scrolled.viewport = Viewport(top: 12, selected: 14)
    history.leave(scrolled)
    #expect(history.goBack(from: nil)?.viewport == Viewport(top: 12, selected: 14))
}

@Test func cacheLimitEvictsTheOldestPagesFirst() {
    var history = History(cacheLimit: twoAndAHalf)
    history.leave(page(1))
    history.leave(page(2))
    #expect(cached(history.back) == [true, true])
    history.leave(page(3))
    #expect(cached(history.back) == [false, true, true])
    history.leave(page(4))
    #expect(cached(history.back) == [false, false, true, true])
    #expect(numbers(history.back) == ["Page 1", "Page 2", "Page 3", "Page 4"])
}

@Test func evictedEntriesKeepTheirLocationAndViewport() {
    var history = History(cacheLimit: 0)
    var scrolled = page(1)
    scrolled.viewport = Viewport(top: 3, selected: 5)
    history.leave(scrolled)
    let entry = history.goBack(from: nil)
    #expect(entry?.page == nil)
    #expect(entry?.location == .gopher(gopherURL("gopher://example.org/1/page/1")))
    #expect(entry?.viewport == Viewport(top: 3, selected: 5))
}

@Test func aPageLargerThanTheWholeCacheIsNotKept() {
    var history = History(cacheLimit: 99)
    history.leave(page(1))
    #expect(cached(history.back) == [false])
}

@Test func cacheLimitCountsForwardPagesAndEvictsTheFarthestFirst() {
    var history = History(cacheLimit: twoAndAHalf)
    for number in 1...3 { history.leave(page(number)) }
    _ = history.goBack(from: page(4))
    _ = history.goBack(from: page(3))
    #expect(cached(history.forward) == [true, true])
    _ = history.goBack(from: page(2))
    #expect(numbers(history.forward) == ["Page 4", "Page 3", "Page 2"])
    #expect(cached(history.forward) == [false, true, true])
}

@Test func aLargePageComingForwardEvictsBackPagesFirst() {
    var history = History(cacheLimit: twoAndAHalf)
    history.leave(page(1))
    history.leave(page(2))
    _ = history.goBack(from: page(3, size: 200_000))
    #expect(cached(history.back) == [false])
    #expect(cached(history.forward) == [true])
}

@Test func incompletePagesAreNotCached() {
    var history = History()
    history.leave(page(1, state: .incomplete("cancelled")))
    history.leave(page(2, state: .loading))
    #expect(cached(history.back) == [false, false])
}

@Test func entryLimitDropsTheOldestEntries() {
    var history = History(entryLimit: 3)
    for number in 1...5 { history.leave(page(number)) }
    #expect(numbers(history.back) == ["Page 3", "Page 4", "Page 5"])
}

@Test func aRestoredSessionFetchesItsPageAtItsPlaceAndKeepsItsHistory() throws {
    var browser = Browser()
    let session = Session(
        current: Session.Place(location: .gopher(gopherURL("gopher://example.org/1/here")), title: "Here", viewport: Viewport(top: 12, selected: 14)),
        back: [Session.Place(location: .gopher(gopherURL("gopher://example.org/1/")), title: "Root", viewport: Viewport(top: 3))])
    let actions = browser.restore(session)
    #expect(actions == [.fetch(id: 1, url: gopherURL("gopher://example.org/1/here"))])
    browser.deliver(Gophermap.menu(links: 30), to: actions)
    #expect(browser.page?.viewport.top == 12)
    #expect(browser.history.back.map(\.title) == ["Root"])
    #expect(browser.session.current?.title == "Here")
    #expect(browser.press(.left) == [.fetch(id: 2, url: gopherURL("gopher://example.org/1/"))])
}
