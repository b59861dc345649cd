import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

/// `warren URL` with a session to come back to.
@Suite struct BrowserSessionRestoreTests {
    @Test func aURLGivenOpensWithTheSessionsPagesBehindItAtTheirPlaces() throws {
        var browser = Browser()
        browser.resize(width: 80, height: 24)
        let session = Session(
            current: Session.Place(location: .gopher(gopherURL("gopher://example.org/1/here")), title: "Here", viewport: Viewport(top: 12, selected: 14)),
            back: [Session.Place(location: .gopher(gopherURL("gopher://example.org/1/")), title: "Root", viewport: Viewport(top: 3))],
            forward: [Session.Place(location: .gopher(gopherURL("gopher://example.org/1/later")), title: "Later", viewport: Viewport())])
        let actions = browser.restore(session, thenOpen: .gopher(gopherURL("gopher://other.example/1/")), title: nil)
        #expect(actions == [.fetch(id: 1, url: gopherURL("gopher://other.example/1/"))])
        browser.deliver(Gophermap.menu(links: 3), to: actions)
        #expect(browser.history.back.map(\.title) == ["Root", "Here"])
        #expect(browser.history.forward.isEmpty)
        // Back fetches the session's page and puts it at its place.
        let back = browser.press(.left)
        #expect(back == [.fetch(id: 2, url: gopherURL("gopher://example.org/1/here"))])
        browser.deliver(Gophermap.menu(links: 30), to: back)
        #expect(browser.page?.viewport.top == 12)
        #expect(browser.titleLine == " gopher://example.org/1/here")
    }
}
