import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

// Load and download events from the app: progress, data, completion, failure, stale ids.

private let root = "gopher://example.org/"
private let notes = gopherURL("gopher://example.org/0/notes.txt")
private let archive = gopherURL("gopher://example.org/9/pub/archive.tar.gz")

/// The mixed menu on screen with a load of `notes.txt` started (nothing received yet).
private func loadingNotes() -> (Browser, Int) {
    var browser = browserShowing(root, Gophermap.mixed)
    let actions = browser.open(.gopher(notes), title: "Notes")
    return (browser, actions.fetchID ?? -1)
}

/// The mixed menu with a download of the archive running.
private func downloadingArchive() -> (Browser, Int) {
    var browser = browserShowing(root, Gophermap.mixed)
    browser.type("4")
    browser.press(.enter)
    guard case .download(let id, _, _, _)? = browser.press(.enter).first else { return (browser, -1) }
    return (browser, id)
}

// MARK: Progress

@Test func statusBarShowsLoadingProgress() {
    var (browser, id) = loadingNotes()
    #expect(browser.statusLine == " loading gopher://example.org/0/notes.txt…")
    browser.loadProgress(id: id, "connecting 127.0.0.1:70…")
    #expect(browser.statusLine == " connecting 127.0.0.1:70…")
    browser.loadData(id: id, Array("Hello\n".utf8))
    browser.loadProgress(id: id, "receiving 1.4 MB (38 MB/s)")
    #expect(browser.statusLine == " receiving 1.4 MB (38 MB/s)")
}

@Test func statusBarShowsLoadAndDownloadProgressTogether() {
    var (browser, downloadID) = downloadingArchive()
    browser.downloadProgress(id: downloadID, "saving archive.tar.gz: 1.0 MB")
    let id = browser.open(.gopher(notes), title: nil).fetchID ?? -1
    browser.loadProgress(id: id, "connecting example.org:70…")
    #expect(browser.statusLine == " connecting example.org:70…  ·  ↓ 1  saving archive.tar.gz: 1.0 MB")
}

// MARK: Data and completion

@Test func theFirstBytesReplaceThePage() {
    var (browser, id) = loadingNotes()
    browser.loadData(id: id, Array("Hello, gopherspace.\n".utf8))
    #expect(browser.titleLine == " gopher://example.org/0/notes.txt")
    #expect(browser.pageLines.first == "Hello, gopherspace.")
    #expect(browser.page?.state == .loading)
    #expect(browser.history.back.map(\.location) == [.gopher(gopherURL(root))])
}

@Test func aMenuShowsItemsAsTheirLinesArrive() throws {
    var browser = browserShowing(root, Gophermap.mixed)
    let id = try #require(browser.open(.gopher(gopherURL("gopher://example.org/1/phlog")), title: nil).fetchID)
    browser.loadData(id: id, Array("1First\t/first\texample.org\t70\r\n1Sec".utf8))
    #expect(browser.pageLines.prefix(2) == ["  1 DIR First", ""])
    browser.loadData(id: id, Array("ond\t/second\texample.org\t70\r\n".utf8))
    #expect(browser.pageLines.prefix(2) == ["  1 DIR First", "  2 DIR Second"])
}

@Test func theFirstBytesRecordTheVisitAndLoadFinishedCompletesThePage() {
    var (browser, id) = loadingNotes()
    #expect(browser.loadData(id: id, Array("No newline ".utf8)) == [.recordVisit(notes, title: "Notes")])
    #expect(browser.loadData(id: id, Array("at the end".utf8)) == [])
    #expect(browser.pageLines.first == "")
    #expect(browser.loadFinished(id: id, info: .sample) == [])
    #expect(browser.pageLines.first == "No newline at the end")
    #expect(browser.page?.state == .complete)
    #expect(browser.page?.info == .sample)
    #expect(browser.loading == nil)
}

@Test func anEmptyResponseShowsAnEmptyPage() {
    var (browser, id) = loadingNotes()
    #expect(browser.loadFinished(id: id, info: .sample) == [.recordVisit(notes, title: "Notes")])
    #expect(browser.titleLine == " gopher://example.org/0/notes.txt")
    #expect(browser.pageLines.allSatisfy { $0.isEmpty })
    #expect(browser.statusLine == " empty page")
}

@Test func aPageLeftBeforeItsEndIsStillAVisit() throws {
    var (browser, id) = loadingNotes()
    #expect(browser.loadData(id: id, Array("The first half".utf8)) == [.recordVisit(notes, title: "Notes")])
    let next = try #require(browser.open(.gopher(gopherURL("gopher://example.org/1/")), title: nil).fetchID)
    #expect(browser.loadFinished(id: id, info: .sample) == [])
    #expect(browser.loadFinished(id: next, info: .sample) == [.recordVisit(gopherURL("gopher://example.org/1/"), title: "gopher://example.org/1/")])
}

@Test func builtInPagesAreNotRecordedAsVisits() {
    var browser = Browser()
    #expect(browser.open(.about("home"), title: nil) == [])
    #expect(browser.loading == nil)
}

// MARK: Failure

@Test func loadFailedBeforeDataKeepsThePreviousPageAndNamesTheStage() {
    var (browser, id) = loadingNotes()
    let before = browser.pageLines
    browser.loadFailed(id: id, message: "connect failed: Connection refused (127.0.0.1:7071)")
    #expect(browser.statusLine == " connect failed: Connection refused (127.0.0.1:7071)")
    #expect(browser.status?.isError == true)
    #expect(browser.titleLine == " gopher://example.org/1")
    #expect(browser.pageLines == before)
    #expect(browser.loading == nil)
    #expect(browser.history.back.isEmpty)
}

@Test func loadFailedAfterDataKeepsThePartialPageMarkedIncomplete() {
    var (browser, id) = loadingNotes()
    browser.loadData(id: id, Array("First line\nSecond line\nThird, cut sh".utf8))
    browser.loadFailed(id: id, message: "receive failed: Connection reset by peer")
    #expect(browser.titleLine == " gopher://example.org/0/notes.txt  [incomplete]")
    #expect(browser.pageLines.prefix(3) == ["First line", "Second line", "Third, cut sh"])
    #expect(browser.statusLine == " receive failed: Connection reset by peer (page incomplete)")

    browser.press(.character("w"), .character("w"))  // any key clears the status
    browser.press(.character("j"))
    #expect(browser.statusLine == " page incomplete: receive failed: Connection reset by peer")
}

@Test func anIncompletePageIsFetchedAgainWhenVisitedThroughHistory() {
    var (browser, id) = loadingNotes()
    browser.loadData(id: id, Array("First line\n".utf8))
    browser.loadFailed(id: id, message: "receive timed out")
    browser.visit("gopher://example.org/1/other", Gophermap.menu(links: 1))
    #expect(browser.press(.character("h")) == [.fetch(id: 4, url: notes)])
}

@Test func serverErrorMessageShowsVerbatim() {
    var (browser, id) = loadingNotes()
    browser.loadFailed(id: id, message: "server: Error: File or directory not found!")
    #expect(browser.statusLine == " server: Error: File or directory not found!")
}

// MARK: Stale events

@Test func eventsForAStaleLoadAreIgnored() throws {
    var (browser, oldID) = loadingNotes()
    let newID = try #require(browser.open(.gopher(gopherURL("gopher://example.org/1/new")), title: nil).fetchID)
    #expect(newID != oldID)
    let before = browser.render()

    browser.loadProgress(id: oldID, "connecting elsewhere…")
    browser.loadData(id: oldID, Array("Stale bytes\n".utf8))
    browser.loadFailed(id: oldID, message: "connect failed: stale")
    #expect(browser.loadFinished(id: oldID, info: .sample) == [])
    #expect(browser.render() == before)
    #expect(browser.loading?.id == newID)
}

@Test func eventsAfterCancellingAreIgnored() {
    var (browser, id) = loadingNotes()
    browser.press(.escape)
    let before = browser.render()
    browser.loadData(id: id, Array("Late bytes\n".utf8))
    #expect(browser.loadFinished(id: id, info: .sample) == [])
    #expect(browser.render() == before)
}

// MARK: Downloads

@Test func downloadFinishedSaysWhereItWasSaved() {
    var (browser, id) = downloadingArchive()
    #expect(browser.statusLine == " ↓ 1  saving archive.tar.gz…")
    browser.downloadProgress(id: id, "saving archive.tar.gz: 1.0 MB")
    #expect(browser.statusLine == " ↓ 1  saving archive.tar.gz: 1.0 MB")
    browser.downloadFinished(id: id, path: "/home/u/Downloads/archive.tar.gz", byteCount: 2_000_000)
    #expect(browser.statusLine == " saved /home/u/Downloads/archive.tar.gz (2.0 MB)")
    #expect(browser.download == nil)
}

@Test func downloadFailedShowsTheMessage() {
    var (browser, id) = downloadingArchive()
    browser.downloadFailed(id: id, message: "receive failed: Connection reset by peer")
    #expect(browser.statusLine == " receive failed: Connection reset by peer")
    #expect(browser.status?.isError == true)
    #expect(browser.download == nil)
}

@Test func downloadTargetExistsAsksToReplaceAndYOverwrites() {
    var (browser, id) = downloadingArchive()
    browser.downloadTargetExists(id: id)
    #expect(browser.statusLine == "archive.tar.gz exists; replace it? (y/N)")
    #expect(
        browser.press(.character("y"))
            == [.download(id: id + 1, url: archive, fileName: "archive.tar.gz", overwrite: true)])
}

@Test func downloadTargetExistsAndAnyOtherKeyKeepsTheFile() {
    for key in [Key.character("n"), .enter, .escape, .character("q")] {
        var (browser, id) = downloadingArchive()
        browser.downloadTargetExists(id: id)
        #expect(browser.press(key) == [], "\(key)")
        #expect(browser.statusLine == " not saved: archive.tar.gz exists", "\(key)")
        #expect(browser.views == [])
        #expect(browser.download == nil)
    }
}

@Test func eventsForAStaleDownloadAreIgnored() {
    var (browser, id) = downloadingArchive()
    browser.downloadProgress(id: id + 7, "saving other…")
    browser.downloadFinished(id: id + 7, path: "/tmp/other", byteCount: 1)
    browser.downloadTargetExists(id: id + 7)
    #expect(browser.views == [])
    #expect(browser.statusLine == " ↓ 1  saving archive.tar.gz…")
}

@Test func reportShowsTheAppsMessage() {
    var browser = browserShowing(root, Gophermap.mixed)
    browser.report("bookmarks.gph: permission denied", isError: true)
    #expect(browser.statusLine == " bookmarks.gph: permission denied")
    #expect(browser.status?.isError == true)
}

@Test func messagesAreSanitised() {
    var browser = browserShowing(root, Gophermap.mixed)
    browser.report("bad \u{1B}[2Jthing\u{07}", isError: true)
    #expect(browser.statusLine == " bad thing")
}

@Test func anEmptyTextShowsAnEmptyDocumentAndSaysSo() throws {
    var browser = mixedMenu(selecting: 2)
    let id = try #require(browser.press(.enter).fetchID)
    var info = PageInfo.sample
    info.byteCount = 0
    #expect(browser.loadFinished(id: id, info: info) == [.recordVisit(MixedMenu.about, title: "About this server")])
    #expect(browser.titleLine == " gopher://example.org/0/about.txt")
    #expect(browser.pageLines.allSatisfy { $0.isEmpty })
    #expect(browser.statusLine == " empty document")
}

// MARK: End follows a stream

/// A menu at `/1/long` with its first `count` items delivered and the load still running.
private func streamingMenu(items count: Int) -> (Browser, Int) {
    var browser = browserShowing(root, Gophermap.mixed)
    let id = browser.open(.gopher(gopherURL("gopher://example.org/1/long")), title: nil).fetchID ?? -1
    browser.loadData(id: id, menuItems(1...count))
    return (browser, id)
}

private func menuItems(_ numbers: ClosedRange<Int>) -> [UInt8] {
    Array(numbers.map { Gophermap.item("0", "Item \($0)", "/\($0).txt") }.joined().utf8)
}

@Test func endDuringALoadFollowsTheEndAsItGrows() {
    var (browser, id) = streamingMenu(items: 30)
    browser.press(.end)
    #expect(browser.pageLines.last == " 30 TXT Item 30")
    browser.loadData(id: id, menuItems(31...60))
    #expect(browser.pageLines.last == " 60 TXT Item 60")
    browser.loadData(id: id, menuItems(61...90))
    _ = browser.loadFinished(id: id, info: .sample)
    #expect(browser.pageLines.last == " 90 TXT Item 90")
}

@Test func movingAwayFromTheEndStopsFollowing() {
    var (browser, id) = streamingMenu(items: 30)
    browser.press(.end)
    browser.press(.pageUp)
    let shown = browser.pageLines
    browser.loadData(id: id, menuItems(31...60))
    #expect(browser.pageLines == shown)
}

@Test func endOnAFinishedPageDoesNotFollowTheNextLoad() {
    var browser = browserShowing(root, Gophermap.menu(links: 40))
    browser.press(.end)
    let id = browser.open(.gopher(gopherURL("gopher://example.org/1/long")), title: nil).fetchID ?? -1
    browser.loadData(id: id, menuItems(1...60))
    #expect(browser.pageLines.first == "  1 TXT Item 1")
}
