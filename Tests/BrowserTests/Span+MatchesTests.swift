import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

// What the last find matched is drawn in the `.match` style, on the screen it searched.

@Test func aSpanIsCutAtEachMatchAndKeepsItsStyleBetween() {
    #expect(Span("Gopher gophers", .link).highlightingMatches(of: "GOPHER") == [
        Span("Gopher", .match), Span(" ", .link), Span("gopher", .match), Span("s", .link),
    ])
    #expect(Span("no such", .info).highlightingMatches(of: "words") == [Span("no such", .info)])
    #expect(Span("text", .info).highlightingMatches(of: nil) == [Span("text", .info)])
    #expect(Span("text", .info).highlightingMatches(of: "") == [Span("text", .info)])
}

private extension Browser {
    mutating func find(_ text: String) {
        press(.character("/"))
        type(text)
        press(.enter)
    }

    func row(containing text: String) -> ScreenRow? {
        render().rows.first { $0.text.contains(text) }
    }
}

@Test func aFindDrawsEachMatchInTheMatchStyleCaseInsensitively() throws {
    var browser = browserShowing("gopher://example.org/", Gophermap.menu(links: 3))
    browser.find("INK")
    let selected = try #require(browser.row(containing: "Link 1"))
    #expect(selected.spans.suffix(3) == [Span("L", .selectedLink), Span("ink", .match), Span(" 1", .selectedLink)])
    let other = try #require(browser.row(containing: "Link 2"))
    #expect(other.spans.suffix(3) == [Span("L", .link), Span("ink", .match), Span(" 2", .link)])
}

@Test func aMatchIsNeverDrawnInsideALinkNumberOrATag() throws {
    let menu = Gophermap.menu(Gophermap.item("1", "Top", "/"), Gophermap.item("0", "TXT notes", "/n.txt"))
    var browser = browserShowing("gopher://example.org/", menu)
    browser.find("txt")
    let row = try #require(browser.row(containing: "notes"))
    #expect(row.spans.map(\.text) == ["  2 ", "TXT", " ", "TXT", " notes"])
    #expect(row.spans.map(\.style) == [.selectedLink, .selectedLink, .selectedLink, .match, .selectedLink])
    let top = try #require(browser.row(containing: "Top"))
    #expect(top.spans.map(\.style) == [.linkNumber, .tag(.menu), .link, .link])
}

@Test func everyMatchInALineIsDrawnAndTheTextIsUnchanged() throws {
    var browser = browserShowing("gopher://example.org/0/t.txt", Array("a cat, a Cat and a dog\n".utf8))
    browser.find("cat")
    let row = try #require(browser.row(containing: "dog"))
    #expect(row.text == "a cat, a Cat and a dog")
    #expect(row.spans == [
        Span("a "), Span("cat", .match), Span(", a "), Span("Cat", .match), Span(" and a dog"),
    ])
}

@Test func matchesAreDrawnOnlyOnTheScreenThatWasSearched() throws {
    var browser = browserShowing("gopher://example.org/", Gophermap.menu(links: 3))
    browser.find("ink")
    browser.press(.character("\\"))
    #expect(!browser.render().rows.dropFirst().contains { $0.spans.contains { $0.style == .match } })
    browser.press(.character("\\"))
    #expect(browser.render().rows.contains { $0.spans.contains { $0.style == .match } })
}

@Test func anotherPageShowsNoMatchesUntilItIsSearched() throws {
    var browser = browserShowing("gopher://example.org/", Gophermap.menu(links: 3))
    browser.find("ink")
    browser.visit("gopher://example.org/1/other", Gophermap.menu(links: 2))
    #expect(!browser.render().rows.contains { $0.spans.contains { $0.style == .match } })
}
