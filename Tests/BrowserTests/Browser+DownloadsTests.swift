import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

// Downloads in the background: four at once, the rest in turn; about:downloads and `x`.

/// A menu of `count` binary links, `/file/N.bin`.
private func binaries(_ count: Int) -> [UInt8] {
    Gophermap.menu((1...count).map { Gophermap.item("9", "File \($0)", "/file/\($0).bin") }.joined())
}

/// Downloads links 1…`count` of `binaries`, each saved as the name offered; their ids.
private func downloadAll(_ browser: inout Browser, _ count: Int) -> [Int] {
    var ids: [Int] = []
    for number in 1...count {
        browser.type(String(number))
        browser.press(.character("d"))
        browser.press(.enter)
        ids.append(browser.downloads.last?.id ?? -1)
    }
    return ids
}

@Test func fourDownloadsRunAtOnceAndTheFifthWaitsItsTurn() {
    var browser = browserShowing("gopher://example.org/", binaries(5))
    let ids = downloadAll(&browser, 5)
    #expect(browser.downloads.map(\.state) == [.running, .running, .running, .running, .queued(overwrite: false)])
    #expect(browser.statusLine == " 5.bin waits for a free slot (D lists the downloads)")
    #expect(browser.downloadFinished(id: ids[1], path: "/d/2.bin", byteCount: 10) == [
        .download(id: ids[4], url: gopherURL("gopher://example.org/9/file/5.bin"), fileName: "5.bin", overwrite: false),
    ])
    #expect(browser.downloads.map(\.state)[4] == .running)
    #expect(browser.statusLine == " saved /d/2.bin (10 B)")
}

@Test func theDownloadsPageListsEachWithItsStateAndFollowsChanges() {
    var browser = browserShowing("gopher://example.org/", binaries(3))
    let ids = downloadAll(&browser, 3)
    browser.downloadFinished(id: ids[0], path: "/d/1.bin", byteCount: 2048)
    browser.downloadFailed(id: ids[2], message: "connect failed: Connection refused (example.org:70)")
    #expect(browser.press(.character("D")) == [])
    #expect(browser.titleLine == " about:downloads")
    #expect(Array(browser.pageLines.prefix(5)) == [
        "        Downloads (x cancels the selected one, or removes it once ended)",
        "",
        "  1 BIN 1.bin  done, 2.0 KB",
        "  2 BIN 2.bin  saving…",
        "  3 BIN 3.bin  failed: connect failed: Connection refused (example.org:70)",
    ])
    // While one runs, the status bar counts it; the page's own words come back after.
    #expect(browser.statusLine == " ↓ 1  saving 2.bin…")
    browser.downloadProgress(id: ids[1], "saving 2.bin: 1.4 MB")
    #expect(browser.pageLines[3] == "  2 BIN 2.bin  saving: 1.4 MB")
    browser.press(.enter)
    #expect(browser.statusLine == " saved /d/1.bin (2.0 KB)")
    browser.downloadFinished(id: ids[1], path: "/d/2.bin", byteCount: 1)
    browser.press(.down)
    browser.press(.up)
    #expect(browser.statusLine == " 1/3  Enter says where it is · x cancels or removes it")
}

@Test func xCancelsARunningDownloadAndRemovesAnEndedOne() {
    var browser = browserShowing("gopher://example.org/", binaries(2))
    let ids = downloadAll(&browser, 2)
    browser.downloadFinished(id: ids[0], path: "/d/1.bin", byteCount: 1)
    browser.press(.character("D"))
    browser.type("2")
    #expect(browser.press(.character("x")) == [.cancel(id: ids[1])])
    #expect(browser.pageLines[3] == "  2 BIN 2.bin  cancelled")
    browser.type("1")
    #expect(browser.press(.character("x")) == [])
    #expect(browser.statusLine == " 1.bin removed from the list")
    #expect(browser.downloads.map(\.fileName) == ["2.bin"])
}

@Test func xAnywhereElseSaysWhereItWorks() {
    var browser = browserShowing("gopher://example.org/", binaries(1))
    #expect(browser.press(.character("x")) == [])
    #expect(browser.statusLine == " x cancels or removes a download on the downloads page (D)")
}

@Test func cancellingAQueuedDownloadStartsNothingAndFreesNoSlot() {
    var browser = browserShowing("gopher://example.org/", binaries(6))
    let ids = downloadAll(&browser, 6)
    browser.press(.character("D"))
    browser.type("6")
    #expect(browser.press(.character("x")) == [])
    #expect(browser.downloads.first { $0.id == ids[5] }?.state == .cancelled)
    #expect(browser.downloads.count { $0.state == .running } == 4)
}

@Test func aDownloadThatFinishesAsItIsCancelledSaysWhereItIs() {
    var browser = browserShowing("gopher://example.org/", binaries(1))
    let ids = downloadAll(&browser, 1)
    browser.press(.escape)
    #expect(browser.downloads.first?.state == .cancelled)
    // The file was already in place when the cancel reached the fetch.
    browser.downloadFinished(id: ids[0], path: "/d/1.bin", byteCount: 3)
    #expect(browser.downloads.first?.state == .done(path: "/d/1.bin", byteCount: 3))
}
