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
            try file.record(gopherURL(url), title: gopherURL(url).description)
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

    @Test func titlesAreKeptBesideTheURLAndTheOldFormatIsStillRead() throws {
        let home = try Home()
        defer { home.remove() }
        try home.makeFolder("state")
        try home.write("gopher://old.example/1\n", to: "state/history")
        let file = HistoryFile(path: home.path("state/history"))
        try file.record(gopherURL("gopher://phlog.example/1/phlog"), title: "Moku's\tphlog")
        #expect(home.bytes("state/history") == bytes("gopher://old.example/1\ngopher://phlog.example/1/phlog\tMoku's phlog\n"))
        var browser = Browser()
        browser.resize(width: 80, height: 24)
        browser.show(file.page())
        #expect(browser.pageLines.prefix(2) == [
            "  1 DIR Moku's phlog  gopher://phlog.example/1/phlog",
            "  2 DIR gopher://old.example/1",
        ])
        let entries = file.addressEntries().sorted { $0.lastVisit < $1.lastVisit }
        #expect(entries.map(\.title) == ["gopher://old.example/1", "Moku's phlog"])
        #expect(entries.map(\.lastVisit) == [1, 2])
    }

    @Test func noHistoryYetSaysSo() throws {
        let home = try Home()
        defer { home.remove() }
        var browser = Browser()
        browser.show(HistoryFile(path: home.path("history")).page())
        #expect(browser.pageLines.first == "        No pages visited yet.")
    }
}
