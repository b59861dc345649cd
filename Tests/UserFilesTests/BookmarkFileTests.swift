import Browser
import GopherCore
import Testing
import UserFiles
import WarrenTestSupport

@Suite struct BookmarkFileTests {
    @Test func addingWritesAGophermapLineAndThePageShowsIt() throws {
        let home = try Home()
        defer { home.remove() }
        let file = BookmarkFile(path: home.path("data/bookmarks.gph"))
        try file.add(gopherURL("gopher://example.org/1/phlog"), title: "A\tphlog")
        try file.add(gopherURL("gopher://[::1]:7070/0/a.txt"), title: "Notes")
        #expect(home.bytes("data/bookmarks.gph") == bytes("1A phlog\t/phlog\texample.org\t70\r\n0Notes\t/a.txt\t::1\t7070\r\n"))
        let page = file.page()
        #expect(page.location == .about("bookmarks"))
        #expect(page.title == "Bookmarks")
        #expect(page.lineCount == 2)
    }

    @Test func aURLBookmarkedAlreadyIsNotAddedTwice() throws {
        let home = try Home()
        defer { home.remove() }
        let file = BookmarkFile(path: home.path("data/bookmarks.gph"))
        #expect(try file.add(gopherURL("gopher://example.org/1/phlog"), title: "Phlog"))
        #expect(try !file.add(gopherURL("gopher://example.org/1/phlog"), title: "Phlog again"))
        #expect(home.bytes("data/bookmarks.gph") == bytes("1Phlog\t/phlog\texample.org\t70\r\n"))
    }

    @Test func removingABookmarkLeavesTheOtherLinesAsWritten() throws {
        let home = try Home()
        defer { home.remove() }
        let path = home.path("bookmarks.gph")
        let mine = "iMy own note, kept\t\tnull.host\t1\r\n1Keep\t/keep\texample.org\t70\r\n"
        try UserFileStore.writeAtomically(bytes(mine + "1Gone\t/gone\texample.org\t70\r\n1Gone again\t/gone\texample.org\t70\n"), to: path)
        let file = BookmarkFile(path: path)
        #expect(try file.remove(gopherURL("gopher://example.org/1/gone")))
        #expect(home.bytes("bookmarks.gph") == bytes(mine))
        #expect(try !file.remove(gopherURL("gopher://example.org/1/gone")))
    }

    /// The address bar offers each bookmark where it leads: a `URL:gophers://` line as the
    /// gophers address (never a plain request for `URL:…` to the TLS port); web and telnet
    /// lines, which Warren does not show, are not offered.
    @Test func bookmarksAreOfferedAsTheAddressesTheyLeadTo() throws {
        let home = try Home()
        defer { home.remove() }
        let path = home.path("bookmarks.gph")
        try UserFileStore.writeAtomically(bytes(
            "hSecret text\tURL:gophers://127.0.0.1:7443/0/files/secret.txt\t127.0.0.1\t7443\r\n"
                + "1A phlog\t/phlog\texample.org\t70\r\n"
                + "hA web page\tURL:https://example.org/\t\t\r\n"
                + "8A BBS\tguest\tbbs.example\t23\r\n"), to: path)
        #expect(BookmarkFile(path: path).addressEntries().map(\.address) == [
            "gophers://127.0.0.1:7443/0/files/secret.txt",
            "gopher://example.org/1/phlog",
        ])
    }

    @Test func anEmptyOrMissingFileSaysHowToAddOne() throws {
        let home = try Home()
        defer { home.remove() }
        let path = home.path("bookmarks.gph")
        var browser = Browser()
        browser.resize(width: 200, height: 24)
        browser.show(BookmarkFile(path: path).page())
        #expect(browser.pageLines.prefix(2) == [
            "        No bookmarks yet: press a on a page to add it.",
            "        They are kept in \(path), a gophermap you may edit.",
        ])
    }

    @Test func aBookmarkThatCannotBeWrittenSaysWhyAndWhere() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write("x", to: "file")
        let path = home.path("file/bookmarks.gph")
        #expect(throws: UserFileError(.makeFolder, .notDirectory, path: path)) {
            try BookmarkFile(path: path).add(gopherURL("gopher://example.org/"), title: "Home")
        }
        #expect(UserFileError(.makeFolder, .notDirectory, path: path).description == "save failed: Not a directory (\(path))")
    }
}
