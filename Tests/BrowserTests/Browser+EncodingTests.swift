import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

// `E`: the page read in the next encoding, in place, and remembered for its host.

/// "日本語のテキスト" in Shift_JIS, then a line number: a Japanese document.
private func shiftJISDocument(lines: Int) -> [UInt8] {
    (1...lines).flatMap { [0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA] + Array(" \($0)\n".utf8) }
}

@Test func eReadsThePageInTheNextEncodingInPlaceAndSaysWhich() {
    var browser = browserShowing("gopher://jp.example/0/notes.txt", shiftJISDocument(lines: 60))
    browser.press(.pageDown)
    let top = browser.pageLines.first
    #expect(browser.press(.character("E")) == [.rememberEncoding(host: "jp.example", encoding: .utf8)])
    #expect(browser.statusLine == " encoding: UTF-8")
    for _ in 0..<4 { browser.press(.character("E")) }
    #expect(browser.statusLine == " encoding: Shift_JIS")
    // The same place: the top line is the same line, now read as Japanese.
    let number = top.map { String($0.reversed().prefix { $0.isNumber }.reversed()) } ?? "?"
    #expect(browser.pageLines.first == "日本語 \(number)")
    #expect(browser.hostEncodings == ["jp.example": .shiftJIS])
}

@Test func aHostsChosenEncodingReadsItsNextPages() {
    var browser = browserShowing("gopher://jp.example/0/a.txt", shiftJISDocument(lines: 3))
    browser.hostEncodings = ["jp.example": .shiftJIS]
    browser.visit("gopher://JP.example/0/b.txt", shiftJISDocument(lines: 3))
    #expect(browser.pageLines.first == "日本語 1")
    browser.visit("gopher://other.example/0/c.txt", shiftJISDocument(lines: 3))
    #expect(browser.pageLines.first != "日本語 1")
}

@Test func comingRoundToAutoForgetsTheHost() {
    var browser = browserShowing("gopher://jp.example/0/a.txt", shiftJISDocument(lines: 3))
    browser.hostEncodings = ["jp.example": .koi8r]
    browser.visit("gopher://jp.example/0/b.txt", shiftJISDocument(lines: 3))
    #expect(browser.press(.character("E")) == [.rememberEncoding(host: "jp.example", encoding: .auto)])
    #expect(browser.statusLine == " encoding: auto")
    #expect(browser.hostEncodings == [:])
}

@Test func aMenuIsReadInTheChosenEncodingToo() {
    let menu = Array("0".utf8) + [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4] + Array("\t/p\texample.org\t70\r\n.\r\n".utf8)
    var browser = browserShowing("gopher://ru.example/", menu)
    browser.hostEncodings = ["ru.example": .koi8r]
    browser.visit("gopher://ru.example/1/", menu)
    #expect(browser.pageLines.first == "  1 TXT Привет")
}

@Test func pageInfoSaysTheEncodingWasChosen() {
    var browser = browserShowing("gopher://jp.example/0/a.txt", shiftJISDocument(lines: 3))
    for _ in 0..<5 { browser.press(.character("E")) }
    browser.press(.character("="))
    #expect(browser.pageLines.contains("Charset    Shift_JIS (chosen with E, for this host)"))
}

@Test func eOnWarrensOwnPagesSaysThereIsNothingToReread() {
    var browser = Browser()
    _ = browser.open(.about("help"), title: nil)
    #expect(browser.press(.character("E")) == [])
    #expect(browser.statusLine == " nothing here to read in another encoding")
}
