import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

/// `S`, `F`, `R` and the feeds page.
@Suite struct BrowserFeedsTests {
    static let phlog = "gopher://phlog.example/1/phlog"
    static let phlogMenu = bytes("iMy phlog\t\tnull.host\t1\r\n0First post\t/phlog/1.txt\tphlog.example\t70\r\n.\r\n")

    /// A browser subscribed to the phlog, its first check done, then a check that found a post.
    static func withNewPost() -> Browser {
        var browser = browserShowing(phlog, phlogMenu)
        browser.press(.character("S"))
        browser.feedChecked(gopherURL(phlog), menu: phlogMenu, failure: nil, at: 100)
        browser.feedChecked(
            gopherURL(phlog),
            menu: bytes("0Second post\t/phlog/2.txt\tphlog.example\t70\r\n0First post\t/phlog/1.txt\tphlog.example\t70\r\n.\r\n"),
            failure: nil, at: 200)
        return browser
    }

    @Test func sSubscribesToTheMenuOnScreenAndChecksItAndSAgainUnsubscribes() {
        var browser = browserShowing(Self.phlog, Self.phlogMenu)
        #expect(browser.press(.character("S")) == [
            .subscribe(url: gopherURL(Self.phlog), title: "My phlog"), .checkFeeds([gopherURL(Self.phlog)]),
        ])
        #expect(browser.statusLine == " subscribed to My phlog: F shows what is new")
        #expect(browser.feeds.map(\.url) == [gopherURL(Self.phlog)])
        #expect(browser.press(.character("S")) == [.unsubscribe(gopherURL(Self.phlog))])
        #expect(browser.statusLine == " unsubscribed from My phlog")
        #expect(browser.feeds.isEmpty)
    }

    @Test func aFeedIsNamedForItsLinkElseItsFirstLineOfTextElseItsHost() {
        var linked = browserShowing("gopher://phlog.example/", bytes("1The phlog\t/phlog\tphlog.example\t70\r\n.\r\n"))
        let opened = linked.press(.enter)
        linked.deliver(Self.phlogMenu, to: opened)
        #expect(linked.press(.character("S")).first == .subscribe(url: gopherURL(Self.phlog), title: "The phlog"))
        var bare = browserShowing("gopher://bare.example/1/", bytes("0Post\t/p\tbare.example\t70\r\n.\r\n"))
        #expect(bare.press(.character("S")).first == .subscribe(url: gopherURL("gopher://bare.example/1/"), title: "bare.example"))
    }

    @Test func sOnADocumentSaysItTakesAMenu() {
        var browser = browserShowing("gopher://phlog.example/0/phlog/1.txt", bytes("A post.\n"))
        #expect(browser.press(.character("S")) == [])
        #expect(browser.statusLine == " S subscribes to a menu (a phlog's index, say)")
    }

    @Test func aCheckThatFindsAPostSaysSoAndTheFeedsPageShowsExactlyIt() {
        var browser = Self.withNewPost()
        #expect(browser.statusLine == " feeds: 1 new")
        browser.press(.character("F"))
        #expect(browser.titleLine == " about:feeds")
        #expect(Array(browser.pageLines.prefix(7)) == [
            "        Feeds: what is new since you last looked",
            "        (Enter reads, R checks every feed now, x on a feed's name unsubscribes)",
            "",
            "  1 DIR My phlog — 1 new",
            "  2 TXT   Second post",
            "",
            "",
        ])
    }

    @Test func enterOnAnItemReadsItAndBackShowsItGone() {
        var browser = Self.withNewPost()
        browser.press(.character("F"))
        let actions = browser.press(.character("2"), .enter)
        #expect(actions.contains { if case .saveFeed(let feed) = $0 { return feed.unread.isEmpty } else { return false } })
        #expect(actions.fetchedURL == gopherURL("gopher://phlog.example/0/phlog/2.txt"))
        #expect(browser.feeds[0].unread.isEmpty)
        browser.deliver(bytes("The second post.\n"), to: actions)
        browser.press(.character("h"))
        #expect(browser.pageLines[3] == "  1 DIR My phlog — nothing new")
        #expect(!browser.pageLines.contains { $0.contains("Second post") })
    }

    @Test func aFailedCheckIsSaidUnderItsFeedAndKeepsItsItems() {
        var browser = Self.withNewPost()
        browser.feedChecked(gopherURL(Self.phlog), menu: nil, failure: "connect failed: Connection refused (p:70)", at: 300)
        browser.press(.character("F"))
        #expect(Array(browser.pageLines[3...5]) == [
            "  1 DIR My phlog — 1 new",
            "            last check failed: connect failed: Connection refused (p:70)",
            "  2 TXT   Second post",
        ])
    }

    @Test func xOnAFeedsNameUnsubscribesAndROnTheFeedsPageChecksEveryFeed() {
        var browser = Self.withNewPost()
        browser.press(.character("F"))
        #expect(browser.press(.character("R")) == [.readFeedList])
        let feeds = browser.feeds
        #expect(browser.feedListRead(feeds) == [.checkFeeds([gopherURL(Self.phlog)])])
        #expect(browser.statusLine == " checking 1 feed…")
        #expect(browser.press(.character("1"), .character("x")) == [.unsubscribe(gopherURL(Self.phlog))])
        #expect(browser.statusLine == " unsubscribed from My phlog")
        #expect(browser.pageLines[3] == "        No feeds yet: S on a menu (a phlog's index, say) subscribes to it.")
    }

    @Test func aPostReadFromThePhlogItselfIsReadToo() {
        var browser = Self.withNewPost()
        browser.visit(Self.phlog, bytes("0Second post\t/phlog/2.txt\tphlog.example\t70\r\n.\r\n"))
        let actions = browser.press(.character("1"), .enter)
        #expect(actions.contains { if case .saveFeed = $0 { return true } else { return false } })
        #expect(browser.feeds[0].unread.isEmpty)
    }

    @Test func rReadsTheFeedListAgainSoFeedsAddedOrTakenOutByHandCount() {
        var browser = Self.withNewPost()
        let added = Feed(url: gopherURL("gopher://other.example/1/log"), title: "Added by hand")
        // feeds.gph now holds the added feed and the old one (with the state kept on disk).
        #expect(browser.feedListRead([Feed(url: gopherURL(Self.phlog), title: "My phlog"), added])
            == [.checkFeeds([gopherURL(Self.phlog), gopherURL("gopher://other.example/1/log")])])
        #expect(browser.statusLine == " checking 2 feeds…")
        // What this session knew of the old feed stays: its new post is still unread.
        #expect(browser.feeds.first?.unread.map(\.title) == ["Second post"])
        browser.feedListRead([added])
        #expect(browser.feeds.map(\.title) == ["Added by hand"])
    }

    @Test func whenEveryFeedRAskedForHasAnsweredTheStatusSaysHowItWent() {
        var browser = Self.withNewPost()
        browser.press(.character("R"))
        browser.feedListRead(browser.feeds)
        browser.feedChecked(gopherURL(Self.phlog), menu: Self.phlogMenu, failure: nil, at: 300)
        #expect(browser.statusLine == " feeds: nothing new")
        browser.press(.character("R"))
        browser.feedListRead(browser.feeds)
        browser.feedChecked(gopherURL(Self.phlog), menu: nil, failure: "connect failed: Connection refused (p:70)", at: 400)
        #expect(browser.statusLine == " feeds: nothing new; 1 failed (F shows why)")
    }
}
