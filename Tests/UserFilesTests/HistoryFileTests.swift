import Browser
import GopherCore
import Testing
import UserFiles
import WarrenTestSupport

@Suite struct HistoryFileTests {
    @Test func visitsAreKeptOldestFirstAndShownNewestFirstOnce() throws {
        let home = try Home()
        defer { home.remove() }
        let file = HistoryFile(path: home.path("state/history"), length: 3)
        for url in ["gopher://a.example/", "gopher://b.example/", "gopher://a.example/", "gopher://c.example/"] {
            try file.record(gopherURL(url))
        }
        #expect(home.bytes("state/history") == bytes("gopher://b.example/1\ngopher://a.example/1\ngopher://c.example/1\n"))
        var browser = Browser()
        browser.show(file.page())
        #expect(browser.titleLine == " about:history")
        #expect(browser.pageLines.prefix(3) == [
            "  1 DIR gopher://c.example/1",
            "  2 DIR gopher://a.example/1",
            "  3 DIR gopher://b.example/1",
        ])
    }

    @Test func noHistoryYetSaysSo() throws {
        let home = try Home()
        defer { home.remove() }
        var browser = Browser()
        browser.show(HistoryFile(path: home.path("history")).page())
        #expect(browser.pageLines.first == "        No pages visited yet.")
    }
}
