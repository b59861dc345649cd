import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

/// Addresses inside a document, followed as links.
@Suite struct PageViewTextLinksTests {
    static let text = """
        A phlog post.
        Read gopher://other.example/1/phlog and https://web.example/page.
        Telnet: telnet://guest@bbs.example:2323, and nothing else here.
        Secure: gophers://safe.example/0/note.txt

        """

    static func document() -> Browser { browserShowing("gopher://example.org/0/post.txt", bytes(text)) }

    @Test func addressesAreNumberedInReadingOrderAndDrawnAsLinks() throws {
        let browser = Self.document()
        #expect(Array(browser.pageLines.prefix(4)) == [
            "A phlog post.",
            "Read [1]gopher://other.example/1/phlog and [2]https://web.example/page.",
            "Telnet: [3]telnet://guest@bbs.example:2323, and nothing else here.",
            "Secure: [4]gophers://safe.example/0/note.txt",
        ])
        let row = browser.render().rows[2]
        #expect(row.spans.map(\.style) == [.normal, .linkNumber, .link, .normal, .linkNumber, .link, .normal])
        #expect(row.spans[2].text == "gopher://other.example/1/phlog")
    }

    @Test func tabAndShiftTabStepThroughThemAndEnterOpensTheSelectedOne() {
        var browser = Self.document()
        #expect(browser.press(.tab) == [])
        #expect(browser.statusLine == " 1/4  gopher://other.example/1/phlog")
        // The selection is one span, its number with it.
        #expect(browser.render().rows[2].spans[1] == Span("[1]gopher://other.example/1/phlog", .selectedLink))
        browser.press(.tab, .tab, .tab)
        #expect(browser.statusLine == " 4/4  gophers://safe.example/0/note.txt")
        browser.press(.tab)
        #expect(browser.statusLine == " no more links")
        browser.press(.backTab, .backTab, .backTab)
        #expect(browser.statusLine == " 1/4  gopher://other.example/1/phlog")
        #expect(browser.press(.enter) == [.fetch(id: 2, url: gopherURL("gopher://other.example/1/phlog"))])
    }

    @Test func digitsSelectLinkNAndJAndKStillScrollALine() {
        var browser = browserShowing("gopher://example.org/0/long.txt", textDocument(lines: 40) + bytes("see gopher://far.example/1/\n"))
        #expect(browser.type("1") == [])
        #expect(browser.statusLine == " link 1 (Enter opens it)")
        #expect(browser.pageLines.last == "see [1]gopher://far.example/1/")
        #expect(browser.press(.enter) == [.fetch(id: 2, url: gopherURL("gopher://far.example/1/"))])
        var scrolled = browserShowing("gopher://example.org/0/long.txt", textDocument(lines: 40))
        scrolled.press(.character("j"))
        #expect(scrolled.pageLines.first == "Line 2")
    }

    @Test func theWebAndTelnetGoToTheirHandlersOrSayHowToSetOne() {
        var browser = Self.document()
        browser.press(.tab, .tab)
        #expect(browser.press(.enter) == [])
        #expect(browser.statusLine == " URL: https://web.example/page (y copies; set [handlers.web] to open)")
        browser.handlers = HandlerTable(byKind: [
            .web: Handler(command: ["firefox", "{url}"]), .telnet: Handler(command: ["telnet", "-l", "{user}", "{host}", "{port}"]),
        ])
        let web = browser.press(.enter)
        guard case .runHandler(let request)? = web.first else {
            Issue.record("no handler run: \(web)")
            return
        }
        #expect(request.values["url"] == Array("https://web.example/page".utf8))
        browser.press(.tab)
        guard case .runHandler(let telnet)? = browser.press(.enter).first else {
            Issue.record("no telnet run")
            return
        }
        #expect(telnet.kind == .telnet)
        #expect(telnet.handler.arguments(telnet.values) == ["telnet", "-l", "guest", "bbs.example", "2323"].map { Array($0.utf8) })
    }

    @Test func yCopiesTheSelectedAddressAndPageInfoCountsThem() {
        var browser = Self.document()
        browser.press(.tab, .tab)
        #expect(browser.press(.character("y")) == [.copy("https://web.example/page")])
        browser.press(.character("="))
        #expect(browser.pageLines[3] == "Size       186 B, 4 lines, 4 links in the text")
    }

    @Test func aSelectedAddressThatWrapsIsDrawnAsTheSelectionOnEveryRow() {
        var browser = browserShowing(
            "gopher://example.org/0/long.txt", bytes("see gopher://a.example/1/" + String(repeating: "x", count: 90) + " end\n"))
        browser.press(.tab)
        let rows = browser.render().rows
        #expect(rows[1].spans == [Span("see")])
        #expect(rows[2].spans.map(\.style) == [.selectedLink])
        #expect(rows[3].spans.first?.style == .selectedLink)
        #expect(rows[3].spans.last == Span(" end"))
    }

    @Test func aFootnoteMarkLikeALinkNumberIsPlainText() {
        let browser = browserShowing("gopher://example.org/0/n.txt", bytes("a claim [1] and gopher://a.example/\n"))
        let spans = browser.render().rows[1].spans
        #expect(spans.first == Span("a claim [1] and "))
        #expect(spans.dropFirst().first == Span("[1]", .linkNumber))
    }

    @Test func aLineOfClosingBracketsAfterAnAddressIsQuick() {
        let line = "gopher://x.example/" + String(repeating: ")", count: 100_000)
        let found = TextLinks.find(in: line)
        #expect(found.map(\.address) == ["gopher://x.example/"])
    }
}
