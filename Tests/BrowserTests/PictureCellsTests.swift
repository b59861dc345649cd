import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

/// chafa's output as screen cells.
@Suite struct PictureCellsTests {
    @Test func coloursAndReverseBecomeCellColoursARowALine() {
        let output = bytes("\u{1B}[0m\u{1B}[38;5;19m██\u{1B}[38;5;60;48;5;19m▁\u{1B}[0m\n\u{1B}[7m\u{1B}[38;5;19m \u{1B}[0m▌\n")
        let rows = PictureCells.rows(from: output)
        #expect(rows == [
            [Span("██", colours: CellColours(foreground: 19)), Span("▁", colours: CellColours(foreground: 60, background: 19))],
            [Span(" ", colours: CellColours(foreground: 19, reverse: true)), Span("▌", colours: CellColours())],
        ])
    }

    @Test func otherEscapesAndControlCharactersNeverReachTheScreen() {
        let output = bytes("a\u{1B}]0;title\u{07}b\u{1B}[2Jc\u{08}\u{9B}d\r\n")
        let rows = PictureCells.rows(from: output)
        let text = rows.flatMap { $0 }.map(\.text).joined()
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(text.hasPrefix("a"))
        #expect(text.hasSuffix("cd"))
    }
}

/// The picture view over the page.
@Suite struct ImageViewTests {
    static func showing(rows count: Int) -> Browser {
        var browser = mixedMenu()
        let rows = (0..<count).map { [Span("row \($0)", colours: CellColours(foreground: Int16($0 % 256)))] }
        browser.showPicture(Picture(
            url: gopherURL("gopher://example.org/g/cat.gif"), header: ImageHeader(format: "GIF", width: 64, height: 48),
            byteCount: 276, rows: rows, file: "/cache/cat.gif"))
        return browser
    }

    @Test func thePictureFillsTheScreenScrollsAndSaysWhatItIs() {
        var browser = Self.showing(rows: 30)
        #expect(browser.titleLine == " picture gopher://example.org/g/cat.gif")
        #expect(browser.pageLines.first == "row 0")
        #expect(browser.statusLine == " GIF 64×48  d saves it · h returns")
        browser.press(.character("j"), .character("j"))
        #expect(browser.pageLines.first == "row 2")
        browser.press(.character("G"))
        #expect(browser.pageLines.last == "row 29")
        browser.press(.character("="))
        #expect(browser.statusLine == " picture: GIF, 64×48 pixels, 276 B")
    }

    @Test func dSavesTheOriginalAndBackReturnsToThePage() {
        var browser = Self.showing(rows: 3)
        browser.press(.character("d"))
        #expect(browser.statusLine == "Save as: cat.gif")
        browser.press(.escape)
        browser.press(.character("h"))
        #expect(browser.titleLine == " gopher://example.org/1")
    }

    @Test func aKeyThatMeansNothingOnAPictureSaysWhatDoes() {
        var browser = Self.showing(rows: 3)
        browser.press(.character("a"))
        #expect(browser.statusLine == " on a picture: d saves it, = says what it is, y copies its URL, h returns")
        #expect(browser.titleLine == " picture gopher://example.org/g/cat.gif")
    }

    @Test func goingElsewhereLeavesThePictureAndActsAsOnThePage() throws {
        var browser = Self.showing(rows: 3)
        browser.press(.character("o"))
        #expect(browser.titleLine == " gopher://example.org/1")
        #expect(browser.statusLine == "Go to:")
        browser.press(.escape)
        browser.showPicture(try #require(Self.showing(rows: 3).pictureOnScreen))
        browser.press(.character("?"))
        #expect(browser.titleLine == " about:help")
    }

    @Test func enterOnAnImageDrawsItWhenChafaIsThereAndSaysSoWhenNot() {
        var browser = browserShowing("gopher://example.org/", bytes("gA cat\t/cat.gif\texample.org\t70\r\n.\r\n"))
        #expect(browser.press(.enter) == [])
        #expect(browser.statusLine == " chafa is not installed to draw pictures: Enter again or d saves it")
        #expect(browser.press(.enter) == [])
        #expect(browser.statusLine == "Save as: cat.gif")
        browser.press(.escape)
        browser.canDrawPictures = true
        #expect(browser.press(.enter) == [.drawPicture(gopherURL("gopher://example.org/g/cat.gif"))])
    }
}
