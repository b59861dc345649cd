import Browser
import Foundation
import GopherCore
import Testing
import UserFiles
import WarrenTestSupport

private func store(in folder: URL) -> FeedStore {
    FeedStore(
        subscriptionsFile: folder.appendingPathComponent("data/warren/feeds.gph").path,
        stateFolder: folder.appendingPathComponent("state/warren/feeds").path)
}

@Test func subscriptionsAreAGophermapAndUnsubscribingKeepsTheOtherLines() throws {
    let folder = try TemporaryFolder.make(prefix: "warren-feeds")
    defer { try? FileManager.default.removeItem(at: folder) }
    let feeds = store(in: folder)
    try feeds.subscribe(gopherURL("gopher://one.example/1/phlog"), title: "One")
    try feeds.subscribe(gopherURL("gophers://two.example:7443/1/"), title: "Two")
    try feeds.subscribe(gopherURL("gopher://ONE.example/1/phlog"), title: "One again")  // the same place
    #expect(try String(contentsOfFile: feeds.subscriptionsFile, encoding: .utf8)
        == "1One\t/phlog\tone.example\t70\r\nhTwo\tURL:gophers://two.example:7443/1/\ttwo.example\t7443\r\n")
    #expect(feeds.load().map(\.url.description) == ["gopher://one.example/1/phlog", "gophers://two.example:7443/1/"])
    #expect(feeds.load().map(\.title) == ["One", "Two"])
    // A comment the user wrote stays.
    try Data(("iMy phlogs\t\tnull.host\t1\r\n" + String(contentsOfFile: feeds.subscriptionsFile, encoding: .utf8)).utf8)
        .write(to: URL(fileURLWithPath: feeds.subscriptionsFile))
    try feeds.unsubscribe(gopherURL("gopher://one.example/1/phlog"))
    #expect(try String(contentsOfFile: feeds.subscriptionsFile, encoding: .utf8)
        == "iMy phlogs\t\tnull.host\t1\r\nhTwo\tURL:gophers://two.example:7443/1/\ttwo.example\t7443\r\n")
}

@Test func whatACheckSawAndWhatIsUnreadComeBack() throws {
    let folder = try TemporaryFolder.make(prefix: "warren-feeds")
    defer { try? FileManager.default.removeItem(at: folder) }
    let feeds = store(in: folder)
    let url = gopherURL("gopher://one.example/1/phlog")
    try feeds.subscribe(url, title: "One")
    var feed = try #require(feeds.load().first)
    feed.update(withMenuBytes: bytes("0Old\t/old\tone.example\t70\r\n.\r\n"), at: 100)
    feed.update(withMenuBytes: bytes("0New post\t/new\tone.example\t70\r\n0Old\t/old\tone.example\t70\r\n.\r\n"), at: 200)
    feed.failed("receive timed out after 30 s (one.example:70)", at: 300)
    try feeds.save(feed)
    #expect(feeds.load() == [feed])
    #expect(try String(contentsOfFile: feeds.statePath(for: url), encoding: .utf8) == """
        url gopher://one.example/1/phlog
        checked 300
        good 200
        failure receive timed out after 30 s (one.example:70)
        seen gopher://one.example/0/new
        seen gopher://one.example/0/old
        unread 200 gopher://one.example/0/new New post

        """)
    try feeds.unsubscribe(url)
    #expect(!FileManager.default.fileExists(atPath: feeds.statePath(for: url)))
}

@Test func aStateFileWithLinesItCannotReadKeepsTheRest() throws {
    let folder = try TemporaryFolder.make(prefix: "warren-feeds")
    defer { try? FileManager.default.removeItem(at: folder) }
    let feeds = store(in: folder)
    let url = gopherURL("gopher://one.example/1/phlog")
    try feeds.subscribe(url, title: "One")
    try FileManager.default.createDirectory(atPath: feeds.stateFolder, withIntermediateDirectories: true)
    try Data("checked soon\nunread x y\nunread 5 not-a-url%zz Title\nnonsense\nunread 7 gopher://one.example/0/a A post\n".utf8)
        .write(to: URL(fileURLWithPath: feeds.statePath(for: url)))
    let feed = try #require(feeds.load().first)
    #expect(feed.checked == nil)
    #expect(feed.unread == [Feed.Item(url: gopherURL("gopher://one.example/0/a"), title: "A post", found: 7)])
}
