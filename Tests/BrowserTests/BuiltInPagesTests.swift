import Foundation
import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

// Warren's own pages: built into the binary, opened without the network.

private func resource(_ name: String) throws -> [UInt8] {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    return Array(try Data(contentsOf: root.appendingPathComponent("Resources/\(name)")))
}

@Test func builtInPagesMatchTheFilesInResources() throws {
    // A mismatch means scripts/embed-resources was not run after editing Resources/.
    #expect(BuiltInPages.page(named: "home") == (try resource("home.gph")))
    #expect(Array(EmbeddedResources.help.utf8) == (try resource("help.gph")))
    #expect(Array(BuiltInPages.defaultConfig.utf8) == (try resource("config.toml")))
}

@Test func unknownBuiltInPagesDoNotExist() {
    #expect(BuiltInPages.page(named: "nope") == nil)
    #expect(BuiltInPages.page(named: "") == nil)
}

@Test func aboutHomeOpensWithoutFetchingAndLeadsToWarrensOwnPagesFirst() {
    var browser = Browser()
    #expect(browser.open(.about("home"), title: nil) == [])
    #expect(browser.loading == nil)
    #expect(browser.titleLine == " about:home")
    #expect(browser.pageLines.first == "        Welcome to Warren, a terminal gopher browser.")
    #expect(Array(browser.pageLines[10...16]) == [
        "        Warren's own pages (no network needed):",
        "  1 DIR Help: keys, item types, what the screen shows",
        "  2 DIR Keys in force, with your changes from config.toml",
        "  3 DIR Where Warren keeps its files",
        "  4 DIR Bookmarks",
        "  5 DIR History",
        "  6 DIR Feeds: what is new in the menus you follow (S subscribes)",
    ])
    #expect(browser.pageLines.contains("  7 DIR Floodgap: the gopher project"))
    #expect(browser.pageLines.contains("  9 ASK Veronica-2: search gopherspace"))
    #expect(browser.statusLine == " 1/9  about:help")
}

@Test func linksOnTheHomePageOpenBuiltInPagesWithoutTheNetwork() {
    var browser = Browser()
    _ = browser.open(.about("home"), title: nil)
    #expect(browser.type("2") == [])
    #expect(browser.press(.enter) == [])
    #expect(browser.titleLine == " about:keys")
    browser.press(.left)
    #expect(browser.type("3") == [])
    #expect(browser.press(.enter) == [.showUserPage(.files)])
    browser.press(.left)
    #expect(browser.type("6") == [])
    #expect(browser.press(.enter) == [])
    #expect(browser.titleLine == " about:feeds")
    browser.press(.left)
    browser.type("7")
    #expect(browser.press(.enter) == [.fetch(id: 1, url: gopherURL("gopher://gopher.floodgap.com/1/"))])
}

@Test func anAboutSelectorOnAServersMenuIsAnOrdinarySelector() {
    var browser = browserShowing("gopher://example.org/", Gophermap.menu(Gophermap.item("1", "Trick", "about:keys")))
    #expect(browser.press(.enter) == [.fetch(id: 2, url: gopherURL("gopher://example.org/1about:keys"))])
}

@Test func aboutHelpOpensWithoutFetchingFromTheGoToPrompt() {
    var browser = Browser()
    browser.press(.character("o"))
    browser.type("about:help")
    #expect(browser.press(.enter) == [])
    #expect(browser.titleLine == " about:help")
    #expect(browser.pageLines.first == "        Warren keys")
}

@Test func theHelpPageHasNoLinks() throws {
    var menu = Menu()
    menu.append(try #require(BuiltInPages.page(named: "help")))
    menu.finish()
    #expect(menu.count > 20)
    #expect(menu.links.isEmpty)
}

@Test func anUnknownAboutPageSaysSo() {
    var browser = browserShowing("gopher://example.org/", Gophermap.mixed)
    browser.press(.character("o"))
    browser.type("about:nope")
    #expect(browser.press(.enter) == [])
    #expect(browser.statusLine == " no such page: about:nope")
    #expect(browser.titleLine == " gopher://example.org/1")
}

@Test func openingABuiltInPageCancelsALoadInProgress() {
    var browser = Browser()
    let id = browser.open(.gopher(gopherURL("gopher://example.org/")), title: nil).fetchID ?? -1
    #expect(browser.open(.about("help"), title: nil) == [.cancel(id: id)])
    #expect(browser.titleLine == " about:help")
}

@Test func pagesFromTheUsersFilesAreTheAppsToMake() {
    for page in UserPage.allCases {
        var browser = Browser()
        #expect(browser.open(.about(page.rawValue), title: nil) == [.showUserPage(page)], "\(page)")
        #expect(browser.page == nil)
    }
}

@Test func reloadingAUserPageMakesItAgainAndReloadingHelpDoesNothing() {
    var browser = Browser()
    browser.show(Page.menu(UserPage.files.location, title: "Files", bytes: Gophermap.menu(links: 1)))
    #expect(browser.press(.character("r")) == [.showUserPage(.files)])
    _ = browser.open(.about("help"), title: nil)
    #expect(browser.press(.character("r")) == [])
}

@Test func aBookmarkWhoseSelectorLooksLikeAnAboutPageIsFetched() {
    var browser = Browser()
    browser.show(Page.menu(.about("bookmarks"), title: "Bookmarks", bytes: Gophermap.menu(Gophermap.item("1", "Odd", "about:keys"))))
    #expect(browser.press(.enter) == [.fetch(id: 1, url: gopherURL("gopher://example.org/1about:keys"))])
}
