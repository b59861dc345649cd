import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

// Cancelling and quitting: the browser's own commands.

private let about = MixedMenu.about

// MARK: Cancelling and quitting

@Test func escapeWhileLoadingCancelsAndNeverQuits() {
    var browser = mixedMenu(selecting: 2)
    browser.press(.enter)
    let actions = browser.press(.escape)
    #expect(actions == [.cancel(id: 2)])
    #expect(!actions.contains(.quit))
    #expect(browser.loading == nil)
    #expect(browser.statusLine == " cancelled")
    #expect(browser.titleLine == " gopher://example.org/1")
}

@Test func controlCWhileLoadingCancelsAndNeverQuits() {
    var browser = mixedMenu(selecting: 2)
    browser.press(.enter)
    #expect(browser.press(.control("c")) == [.cancel(id: 2)])
    #expect(browser.statusLine == " cancelled")
}

@Test func escapeWithNothingLoadingDoesNotQuit() {
    var browser = mixedMenu()
    #expect(browser.press(.escape) == [])
    #expect(browser.press(.control("c")) == [])
    #expect(browser.statusLine == " nothing to cancel (q quits)")
}

@Test func cancellingAfterTheFirstBytesKeepsThePartialPageMarkedIncomplete() throws {
    var browser = mixedMenu(selecting: 2)
    let id = try #require(browser.press(.enter).fetchID)
    browser.loadData(id: id, Array("First line\nSecond".utf8))
    #expect(browser.press(.escape) == [.cancel(id: id)])
    #expect(browser.titleLine == " gopher://example.org/0/about.txt  [incomplete]")
    #expect(browser.pageLines.first == "First line")
}

@Test func qQuits() {
    var browser = mixedMenu()
    #expect(browser.press(.character("q")) == [.quit])
}

@Test func controlZSuspends() {
    var browser = mixedMenu()
    #expect(browser.press(.control("z")) == [.suspend])
}
