import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

/// What a feed counts as new.
@Suite struct FeedTests {
    static let url = gopherURL("gopher://phlog.example/1/phlog")

    static func menu(_ lines: String) -> [UInt8] { bytes(lines + ".\r\n") }

    @Test func theFirstCheckMarksEverythingAlreadyThereAsSeen() {
        var feed = Feed(url: Self.url, title: "Phlog")
        let fresh = feed.update(withMenuBytes: Self.menu("0First post\t/phlog/1.txt\tphlog.example\t70\r\n"), at: 100)
        #expect(fresh == 0)
        #expect(feed.unread == [])
        #expect(feed.seen == ["gopher://phlog.example/0/phlog/1.txt"])
        #expect(feed.checked == 100)
    }

    @Test func aLinkNotSeenBeforeIsNewAndComesFirst() {
        var feed = Feed(url: Self.url, title: "Phlog")
        feed.update(withMenuBytes: Self.menu("0First post\t/phlog/1.txt\tphlog.example\t70\r\n"), at: 100)
        feed.update(withMenuBytes: Self.menu(
            "0Second post\t/phlog/2.txt\tphlog.example\t70\r\n0First post\t/phlog/1.txt\tphlog.example\t70\r\n"), at: 200)
        #expect(feed.unread == [Feed.Item(url: gopherURL("gopher://phlog.example/0/phlog/2.txt"), title: "Second post", found: 200)])
        feed.update(withMenuBytes: Self.menu(
            "0Third post\t/phlog/3.txt\tphlog.example\t70\r\n0Second post\t/phlog/2.txt\tphlog.example\t70\r\n"), at: 300)
        #expect(feed.unread.map(\.title) == ["Third post", "Second post"])
    }

    @Test func aRetitledPostAnInfoLineAndAHostInAnotherCaseAreNotNew() {
        var feed = Feed(url: Self.url, title: "Phlog")
        feed.update(withMenuBytes: Self.menu("0First post\t/phlog/1.txt\tphlog.example\t70\r\n"), at: 100)
        let fresh = feed.update(withMenuBytes: Self.menu(
            "iWelcome back, readers\t\tnull.host\t1\r\n0First post (corrected)\t/phlog/1.txt\tPHLOG.example\t70\r\n"), at: 200)
        #expect(fresh == 0)
        #expect(feed.unread == [])
    }

    @Test func theSameSelectorOfAnotherTypeOrPortIsAnotherPost() {
        var feed = Feed(url: Self.url, title: "Phlog")
        feed.update(withMenuBytes: Self.menu("0Post\t/p\tphlog.example\t70\r\n"), at: 100)
        let fresh = feed.update(withMenuBytes: Self.menu(
            "0Post\t/p\tphlog.example\t70\r\n1Post\t/p\tphlog.example\t70\r\n0Post\t/p\tphlog.example\t7070\r\n"), at: 200)
        #expect(fresh == 2)
    }

    @Test func readingAnItemClearsItAndAFailedCheckKeepsTheItems() {
        var feed = Feed(url: Self.url, title: "Phlog")
        feed.update(withMenuBytes: Self.menu(""), at: 100)
        feed.update(withMenuBytes: Self.menu("0New\t/n\tphlog.example\t70\r\n"), at: 200)
        feed.failed("connect failed: Connection refused (phlog.example:70)", at: 300)
        #expect(feed.unread.count == 1)
        #expect(feed.failure == "connect failed: Connection refused (phlog.example:70)")
        let read = feed.markRead(gopherURL("gopher://PHLOG.example/0/n"))
        #expect(read)
        #expect(feed.unread == [])
        let again = feed.markRead(gopherURL("gopher://phlog.example/0/n"))
        #expect(!again)
        // A good check clears the failure; what was read is not new again.
        let fresh = feed.update(withMenuBytes: Self.menu("0New\t/n\tphlog.example\t70\r\n"), at: 400)
        #expect(fresh == 0)
        #expect(feed.failure == nil)
    }

    @Test func aFeedIsDueWhenItWasNeverCheckedOrTheIntervalHasPassed() {
        var feed = Feed(url: Self.url, title: "Phlog")
        #expect(feed.isDue(now: 0, interval: 3600))
        feed.checked = 1000
        #expect(!feed.isDue(now: 4599, interval: 3600))
        #expect(feed.isDue(now: 4600, interval: 3600))
    }

    @Test func aFirstCheckThatFailedDoesNotMakeTheNextGoodOneCountEverythingNew() {
        var feed = Feed(url: Self.url, title: "Phlog")
        feed.failed("connect failed: Connection refused (phlog.example:70)", at: 100)
        let fresh = feed.update(withMenuBytes: Self.menu("0Old post\t/old\tphlog.example\t70\r\n"), at: 200)
        #expect(fresh == 0)
        #expect(feed.lastGoodCheck == 200)
    }

    @Test func aMenuThatCameBackShortOnceDoesNotMakeItsPostsNewAfter() {
        var feed = Feed(url: Self.url, title: "Phlog")
        let whole = Self.menu("0One\t/1\tphlog.example\t70\r\n0Two\t/2\tphlog.example\t70\r\n")
        feed.update(withMenuBytes: whole, at: 100)
        feed.update(withMenuBytes: Self.menu("0One\t/1\tphlog.example\t70\r\n"), at: 200)
        let fresh = feed.update(withMenuBytes: whole, at: 300)
        #expect(fresh == 0)
    }
}
