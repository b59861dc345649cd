import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

// What `render()` puts on screen: title, menu rows, documents, wrapping, widths, status, resize.

private let root = "gopher://example.org/"

private func document(_ text: String, width: Int = 80, height: Int = 24) -> Browser {
    browserShowing("gopher://example.org/0/doc.txt", Array(text.utf8), width: width, height: height)
}

// MARK: Menus

@Test func menuRowsShowRightAlignedNumbersTagsAndIndentedInfo() {
    let browser = browserShowing(root, Gophermap.mixed, width: 60, height: 14)
    #expect(
        browser.render().text == """
             gopher://example.org/1
                    Welcome to the hole
              1 DIR Phlog
              2 TXT About this server
                ERR Something broke
                    See also:
              3 ASK Search
              4 BIN Archive (2 MB)
              5 WWW Web
              6 TEL Chat
              7 DIR Broken


             1/7  gopher://example.org/1/phlog
            """)
}

@Test func linkNumbersStayRightAlignedPastNine() {
    let browser = browserShowing(root, Gophermap.menu(links: 12, infoLinesBetween: 0), height: 16)
    #expect(browser.pageLines[8] == "  9 DIR Link 9")
    #expect(browser.pageLines[9] == " 10 DIR Link 10")
    #expect(browser.pageLines[11] == " 12 DIR Link 12")
}

@Test func aMenuWithAHundredLinksWidensTheNumberColumn() {
    var browser = browserShowing(root, Gophermap.menu(links: 100, infoLinesBetween: 1), height: 12)
    #expect(browser.pageLines.prefix(2) == ["   1 DIR Link 1", "         Text 1.1"])
    browser.press(.character("G"))
    #expect(browser.pageLines.suffix(3) == ["  99 DIR Link 99", "         Text 99.1", " 100 DIR Link 100"])
}

@Test func plainLinesWithoutTabsShowAsTextWithoutNumbers() {
    let menu = Gophermap.menu("Just some text\r\n", Gophermap.item("0", "Notes", "/notes.txt"))
    let browser = browserShowing(root, menu)
    #expect(browser.pageLines.prefix(2) == ["        Just some text", "  1 TXT Notes"])
}

@Test func controlSequencesFromTheNetworkNeverReachTheScreen() {
    let menu = Gophermap.menu(
        Gophermap.item("0", "\u{1B}[31mRed\u{1B}[0m \u{1B}]0;owned\u{07}text", "/red.txt"),
        "tab\there\r\n")
    let browser = browserShowing(root, menu)
    #expect(browser.pageLines.prefix(2) == ["  1 TXT Red text", "        tab     here"])
    #expect(!browser.render().rows.contains { $0.text.unicodeScalars.contains { $0.value < 0x20 } })
}

@Test func titleRowShowsThePageURL() {
    let browser = browserShowing("gopher://example.org:7070/0/docs/readme.txt", textDocument(lines: 1))
    #expect(browser.titleLine == " gopher://example.org:7070/0/docs/readme.txt")
    #expect(browser.render().rows[0].fill == .title)
}

@Test func anEmptyBrowserSaysHowToStart() {
    let screen = Browser().render()
    #expect(screen.rows.count == 24)
    #expect(screen.rows[0].text == " Warren")
    #expect(screen.rows[23].text == " o opens a URL · ? help · q quits")
}

// MARK: Documents and wrapping

@Test func documentStatusShowsTheLinesOnScreen() {
    let browser = browserShowing("gopher://example.org/0/a.txt", textDocument(lines: 50))
    #expect(browser.pageLines.first == "Line 1")
    #expect(browser.pageLines.last == "Line 22")
    #expect(browser.statusLine == " lines 1–22 of 50 (44%)")
}

@Test func wTogglesWrappingOfLongLines() {
    let long = String(repeating: "abcdefghij", count: 20)
    var browser = document(long + "\nnext\n")
    #expect(browser.pageLines.prefix(4) == [
        String(long.prefix(80)), String(long.dropFirst(80).prefix(80)), String(long.suffix(40)), "next",
    ])

    browser.press(.character("w"))
    #expect(browser.statusLine == " not wrapping long lines")
    // Cut at the edge, its last column marking the cut.
    #expect(browser.pageLines.prefix(2) == [String(long.prefix(79)) + "…", "next"])

    browser.press(.character("w"))
    #expect(browser.statusLine == " wrapping long lines")
    #expect(browser.pageLines[3] == "next")
}

@Test func wideCharactersCountTwoColumnsWhenWrapping() {
    let browser = document("日本語のテキストを表示します。\n", width: 20, height: 6)
    #expect(browser.pageLines.prefix(2) == ["日本語のテキストを表", "示します。"])
    #expect(DisplayWidth.columns(of: browser.pageLines[0]) == 20)
}

@Test func aWideCharacterThatWouldCrossTheEdgeMovesToTheNextRow() {
    let browser = document("日本語のテキストを表示します。\n", width: 21, height: 6)
    #expect(browser.pageLines.prefix(2) == ["日本語のテキストを表", "示します。"])
    let mixed = document("aあいう\n", width: 5, height: 6)
    #expect(mixed.pageLines.prefix(2) == ["aあい", "う"])
}

@Test func wideCharactersAreCutToTheWidthWhenNotWrapping() {
    var browser = document("日本語のテキストを表示します。\nnext\n", width: 21, height: 6)
    browser.press(.character("w"))
    // Ten wide characters fill 20 of the 21 columns; the last says the line goes on.
    #expect(browser.pageLines.prefix(2) == ["日本語のテキストを表…", "next"])
}

@Test func wideCharactersInAMenuFitTheWidthExactly() {
    let menu = Gophermap.menu(Gophermap.item("0", "日本語のテキストを表示します。", "/ja.txt"))
    let browser = browserShowing(root, menu, width: 20, height: 6)
    #expect(browser.pageLines[0] == "  1 TXT 日本語のテキ")
    #expect(DisplayWidth.columns(of: browser.render().rows[1].text) == 20)
}

@Test func noRowIsWiderThanTheScreen() {
    let wide = "日本語のテキストを表示します。とても長い行です。" + String(repeating: "x", count: 90)
    let menu = Gophermap.menu(
        Gophermap.info(wide), Gophermap.item("0", wide, "/ja.txt"), "3" + wide + "\t\terror.host\t1\r\n",
        Gophermap.item("7", wide, "/search"), Gophermap.item("1", wide, "/x", port: "99999"))
    for width in [2, 5, 9, 20, 21, 33, 80] {
        var browsers: [String: Browser] = [:]
        var menuPage = browserShowing("gopher://example.org/1/" + String(repeating: "long", count: 30), menu, width: width)
        browsers["menu"] = menuPage
        menuPage.press(.character("\\"))
        browsers["source"] = menuPage
        menuPage.press(.character("="))
        browsers["info"] = menuPage
        var prompt = browserShowing(root, menu, width: width)
        prompt.type("2")
        prompt.press(.enter)
        browsers["search prompt"] = prompt
        prompt.type(wide)
        browsers["search prompt, typed"] = prompt
        var text = document(wide + "\n" + wide + "\n", width: width)
        browsers["wrapped document"] = text
        text.press(.character("w"))
        browsers["document"] = text
        text.report(wide, isError: true)
        browsers["status"] = text

        for (name, browser) in browsers {
            let screen = browser.render()
            #expect(screen.rows.count == 24, "\(name) at width \(width)")
            for (index, row) in screen.rows.enumerated() {
                let columns = DisplayWidth.columns(of: row.text)
                #expect(columns <= width, "\(name) at width \(width), row \(index): \(columns) columns: \(row.text)")
            }
            if let cursor = screen.cursor { #expect(cursor.column < width, "\(name) at width \(width)") }
        }
    }
}

@Test func promptKeepsTheCursorOnScreenForLongText() {
    var browser = browserShowing(root, Gophermap.mixed, width: 20, height: 6)
    browser.press(.character("o"))
    browser.type("gopher://example.org/1/a/long/path")
    let screen = browser.render()
    #expect(screen.rows[5].text == "Go to: /a/long/path")
    #expect(screen.cursor == Screen.Position(row: 5, column: 19))
}

@Test func promptCursorFollowsArrowKeys() {
    var browser = browserShowing(root, Gophermap.mixed)
    browser.press(.character("o"))
    browser.type("abc")
    #expect(browser.render().cursor == Screen.Position(row: 23, column: 10))
    browser.press(.left, .left)
    #expect(browser.render().cursor == Screen.Position(row: 23, column: 8))
    #expect(browser.statusLine == "Go to: abc")
}

@Test func noCursorOutsideAPrompt() {
    #expect(browserShowing(root, Gophermap.mixed).render().cursor == nil)
}

// MARK: Resizing

@Test func resizeKeepsThePosition() {
    var browser = browserShowing("gopher://example.org/0/a.txt", textDocument(lines: 50), height: 12)
    browser.press(.pageDown, .pageDown, .character("j"), .character("j"))
    #expect(browser.pageLines.first == "Line 21")
    browser.resize(width: 100, height: 20)
    #expect(browser.render().rows.count == 20)
    #expect(browser.pageLines.first == "Line 21")
    #expect(browser.pageLines.last == "Line 38")
}

@Test func resizeKeepsTheSelection() {
    var browser = browserShowing(root, Gophermap.menu(links: 40, infoLinesBetween: 0), height: 12)
    browser.type("15")
    browser.resize(width: 60, height: 30)
    #expect(browser.selectedItem?.display == "Link 15")
    #expect(browser.statusLine == " link 15 (Enter opens it)")
}

@Test func shrinkingTheScreenKeepsTheSelectedLinkInSight() {
    var browser = browserShowing(root, Gophermap.menu(links: 40, infoLinesBetween: 0), height: 24)
    browser.type("18")
    #expect(browser.pageLines.first == "  1 DIR Link 1")
    browser.resize(width: 80, height: 10)
    // Eight rows now: the least scrolling that still shows link 18 puts it on the last of them.
    #expect(browser.pageLines.first == " 11 DIR Link 11")
    #expect(browser.pageLines.last == " 18 DIR Link 18")
    #expect(browser.selectedItem?.display == "Link 18")
}

@Test func shrinkingTheScreenLeavesASelectionThatWasOutOfSightAlone() {
    var browser = browserShowing(root, Gophermap.menu(links: 40, infoLinesBetween: 0), height: 12)
    browser.type("5")
    browser.press(.pageDown)
    let top = browser.pageLines.first
    browser.resize(width: 80, height: 8)
    #expect(browser.pageLines.first == top)
}

@Test func growingTheScreenAtTheBottomKeepsTheEndOnTheLastRow() {
    var browser = browserShowing("gopher://example.org/0/a.txt", textDocument(lines: 50), height: 12)
    browser.press(.character("G"))
    browser.resize(width: 80, height: 24)
    #expect(browser.pageLines.first == "Line 29")
    #expect(browser.pageLines.last == "Line 50")
}

@Test func theResizeKeyChangesNothing() {
    var browser = browserShowing(root, Gophermap.mixed)
    browser.press(.character("j"))
    let before = browser.render()
    #expect(browser.press(.resize) == [])
    #expect(browser.render() == before)
}

// MARK: Long lines in menus and the source view

private let longInfo = "This hole collects the tutorials people asked for most often, with notes on each one, "
    + "where it came from, and which of them still work with today's servers and clients."

@Test func aLongInfoLineWrapsAndKeepsItsIndent() {
    var browser = browserShowing(
        "gopher://example.org/", Gophermap.menu(Gophermap.info(longInfo), Gophermap.item("1", "Next", "/next")), width: 60)
    #expect(Array(browser.pageLines.prefix(5)) == [
        "        This hole collects the tutorials people asked for",
        "        most often, with notes on each one, where it came",
        "        from, and which of them still work with today's",
        "        servers and clients.",
        "  1 DIR Next",
    ])
    browser.press(.character("w"))
    #expect(browser.statusLine == " not wrapping long lines")
    #expect(Array(browser.pageLines.prefix(2)) == [
        "        This hole collects the tutorials people asked for m…",
        "  1 DIR Next",
    ])
}

@Test func aWrappedLinkShowsItsNumberOnItsFirstRowOnly() {
    let browser = browserShowing(
        "gopher://example.org/", Gophermap.menu(Gophermap.item("0", longInfo, "/long.txt")), width: 60)
    #expect(Array(browser.pageLines.prefix(4)) == [
        "  1 TXT This hole collects the tutorials people asked for",
        "        most often, with notes on each one, where it came",
        "        from, and which of them still work with today's",
        "        servers and clients.",
    ])
    // The whole link is selected, its continuation rows too.
    #expect(browser.render().rows[2].fill == .selectedLink)
}

@Test func theSourceViewWrapsLongLinesToo() {
    var browser = browserShowing("gopher://example.org/", Gophermap.menu(Gophermap.info(longInfo)), width: 60)
    browser.press(.character("\\"))
    #expect(Array(browser.pageLines.prefix(4)) == [
        "iThis hole collects the tutorials people asked for most",
        "often, with notes on each one, where it came from, and which",
        "of them still work with today's servers and clients.",
        "      null.host       1",
    ])
}

@Test func documentsWrapAtSpacesAndSplitOnlyWordsLongerThanARow() {
    let browser = browserShowing(
        "gopher://example.org/0/a.txt", Array("An idea worth keeping in mind\nsupercalifragilistic\n".utf8), width: 12)
    #expect(Array(browser.pageLines.prefix(5)) == ["An idea", "worth", "keeping in", "mind", "supercalifra"])
}

@Test func aLinkWhoseRowsRunOffTheScreenIsNotInSight() {
    // Nine one-row links, then a link that wraps to four rows, on a screen of ten page rows.
    var lines = (1...9).map { Gophermap.item("1", "Link \($0)", "/\($0)") }
    lines.append(Gophermap.item("0", longInfo, "/long.txt"))
    var browser = browserShowing("gopher://example.org/", Array((lines.joined() + Gophermap.terminator).utf8), width: 60, height: 12)
    browser.type("9")
    // Link 10's last rows are below the screen: `j` scrolls towards it, Link 9 stays selected.
    browser.press(.character("j"))
    #expect(browser.selectedItem?.display == "Link 9")
    browser.press(.character("j"), .character("j"))
    #expect(browser.selectedItem?.display == longInfo)
    #expect(browser.pageLines.last == "        servers and clients.")
}

@Test func aTitleOrStatusCutAtTheEdgeEndsInAnEllipsis() {
    var browser = browserShowing("gopher://example.org/1/a/long/selector/for/a/narrow/screen", Gophermap.menu(links: 2), width: 30, height: 8)
    #expect(browser.titleLine == " gopher://example.org/1/a/lon…")
    browser.press(.character("j"))
    #expect(browser.statusLine == " 2/2  gopher://example.org/1/…")
    #expect(browser.render().rows.allSatisfy { DisplayWidth.columns(of: $0.spans.map(\.text).joined()) <= 30 })
}
