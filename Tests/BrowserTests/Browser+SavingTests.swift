import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

// Saving, downloading, bookmarks, history, copying.

private let root = MixedMenu.root
private let phlog = MixedMenu.phlog
private let about = MixedMenu.about
private let archive = MixedMenu.archive

// MARK: Saving and downloading

@Test func binaryLinkAsksSaveAsWithANameFromTheSelector() {
    var browser = mixedMenu(selecting: 4)
    #expect(browser.press(.enter) == [])
    #expect(browser.statusLine == "Save as: archive.tar.gz")
    #expect(browser.press(.enter) == [.download(id: 2, url: archive, fileName: "archive.tar.gz", overwrite: false)])
    #expect(browser.statusLine == " ↓ 1  saving archive.tar.gz…")
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

@Test func savingTheRootMenuSuggestsTheHostsName() {
    var browser = mixedMenu()
    browser.press(.character("s"))
    #expect(browser.statusLine == "Save as: example.org.gph")
}

@Test func builtInPagesCannotBeSavedOrBookmarked() {
    var browser = Browser()
    _ = browser.open(.about("home"), title: nil)
    #expect(browser.press(.character("s")) == [])
    #expect(browser.statusLine == " only gopher pages can be saved")
    #expect(browser.press(.character("a")) == [])
    #expect(browser.statusLine == " only gopher pages can be bookmarked")
}

@Test func aSecondDownloadRunsBesideTheFirst() {
    var browser = mixedMenu(selecting: 4)
    browser.press(.enter, .enter)
    browser.type("2")
    browser.press(.character("d"))
    #expect(browser.statusLine == "Save as: about.txt")
    #expect(browser.press(.enter) == [.download(id: 3, url: gopherURL("gopher://example.org/0/about.txt"), fileName: "about.txt", overwrite: false)])
    #expect(browser.downloads.map(\.state) == [.running, .running])
    #expect(browser.statusLine == " ↓ 2  saving about.txt…")
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

@Test func aBookmarkTheFileHadAlreadyIsSaid() {
    var browser = mixedMenu(selecting: 1)
    browser.deliver(Gophermap.menu(links: 2), to: browser.press(.enter))
    #expect(browser.press(.character("a")) == [.addBookmark(url: phlog, title: "Phlog")])
    // The file had it (BookmarkFile.add said so): the app tells the browser.
    browser.bookmarkWasThere(phlog)
    #expect(browser.statusLine == " already bookmarked: gopher://example.org/1/phlog (B lists the bookmarks)")
}

@Test func theBookmarksPageMadeAgainKeepsItsPlaceAndALoadGoesOn() {
    var browser = bookmarksPage(links: 3)
    browser.press(.character("j"))
    let load = browser.press(.enter)
    #expect(load == [.fetch(id: 1, url: gopherURL("gopher://example.org/1/item/2"))])
    browser.userPageChanged(Page.menu(.about("bookmarks"), title: "Bookmarks", bytes: Gophermap.menu(links: 2)))
    #expect(browser.loading != nil)
    #expect(browser.selectedItem?.display == "Link 2")
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

@Test func yOnALinkWithAnEmptyHostCopiesItsTargetOnThisServer() {
    var browser = browserShowing(
        "gopher://hole.example:7070/1/", Gophermap.menu("1Part 3\t/archive/vi/part3/\t\t7070\r\n", "hSite\tURL:https://example.org/\t\t70\r\n"))
    #expect(browser.press(.character("y")) == [.copy("gopher://hole.example:7070/1/archive/vi/part3/")])
    browser.press(.character("j"))
    #expect(browser.statusLine == " 2/2  https://example.org/")
    #expect(browser.press(.character("y")) == [.copy("https://example.org/")])
    #expect(browser.press(.enter) == [])
    #expect(browser.statusLine == " URL: https://example.org/ (y copies; set [handlers.web] to open)")
}

@Test func xOnTheBookmarksPageRemovesTheSelectedBookmark() {
    var browser = bookmarksPage(links: 2)
    browser.press(.character("j"))
    #expect(browser.press(.character("x")) == [.removeBookmark(gopherURL("gopher://example.org/1/item/2"))])
    #expect(browser.statusLine == " removed the bookmark Link 2")
}

@Test func xElsewhereThanBookmarksFeedsAndDownloadsRemovesNoBookmark() {
    var browser = mixedMenu()
    let actions = browser.press(.character("x"))
    #expect(!actions.contains { if case .removeBookmark = $0 { return true } else { return false } })
}

/// The bookmarks page on screen, holding `links` bookmarks.
private func bookmarksPage(links: Int) -> Browser {
    var browser = Browser()
    browser.resize(width: 80, height: 24)
    browser.show(Page.menu(.about("bookmarks"), title: "Bookmarks", bytes: Gophermap.menu(links: links)))
    return browser
}
