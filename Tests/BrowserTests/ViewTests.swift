import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

// The stack of views: a key goes to the frontmost view and down until one takes it; a new page
// closes the views that showed the old one; line views stay.

@Test func aKeyNoViewTakesReachesTheBrowsersOwnCommands() {
    var browser = mixedMenu()
    browser.press(.character("\\"))
    // The source view does not take `o`: the browser opens the go-to prompt over it.
    browser.press(.character("o"))
    #expect(browser.views == [.source(SourceView()), .prompt(PromptView(.goTo, label: "Go to: "))])
    #expect(browser.titleLine == " source of gopher://example.org/1")
    #expect(browser.statusLine == "Go to:")
}

@Test func closingTheFrontViewUncoversTheOneBeneath() {
    var browser = mixedMenu()
    browser.press(.character("\\"), .character("o"))
    browser.press(.escape)
    #expect(browser.views == [.source(SourceView())])
    browser.press(.escape)
    #expect(browser.views == [])
    #expect(browser.titleLine == " gopher://example.org/1")
}

@Test func aNewPageClosesTheViewsOfTheOldPageButNotThePrompt() throws {
    var browser = mixedMenu(selecting: 2)
    let id = try #require(browser.press(.enter).fetchID)
    // Page info closes on any key, so `o` closes it before the prompt opens.
    browser.press(.character("\\"), .character("="), .character("o"))
    #expect(browser.views == [.source(SourceView()), .prompt(PromptView(.goTo, label: "Go to: "))])
    browser.loadData(id: id, Array("Hello\n".utf8))
    #expect(browser.views == [.prompt(PromptView(.goTo, label: "Go to: "))])
}

@Test func theStatusStaysWhileALineViewIsInFront() {
    var browser = mixedMenu()
    browser.type("5")
    browser.push(.question(.replace("a.txt", downloading: MixedMenu.about)))
    browser.press(.character("n"))
    #expect(browser.statusLine == " not saved: a.txt exists")
}
