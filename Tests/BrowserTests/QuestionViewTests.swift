import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

// A question one key answers: the answer's actions, else `otherwise`; the view closes either way.

private let archive = MixedMenu.archive

@Test func eachAnswerGivesItsActionsAndClosesTheQuestion() {
    let question = QuestionView.replace("archive.tar.gz", downloading: archive)
    let replace: [ViewAction] = [.close, .download(archive, fileName: "archive.tar.gz", overwrite: true)]
    #expect(question.handle(.character("y")) == replace)
    #expect(question.handle(.character("Y")) == replace)
    #expect(question.handle(.character("n")) == [.close, .say("not saved: archive.tar.gz exists", isError: false)])
    #expect(question.handle(.enter) == [.close, .say("not saved: archive.tar.gz exists", isError: false)])
}

@Test func theQuestionTakesTheBottomRowWithTheCursorAfterIt() {
    var browser = mixedMenu()
    browser.push(.question(.replace("archive.tar.gz", downloading: archive)))
    #expect(browser.statusLine == "archive.tar.gz exists; replace it? (y/N)")
    #expect(browser.render().cursor == Screen.Position(row: 23, column: 41))
    #expect(browser.titleLine == " gopher://example.org/1")
}

@Test func aQuestionWiderThanTheScreenKeepsTheCursorOnIt() {
    var browser = browserShowing(MixedMenu.root, Gophermap.mixed, width: 20)
    browser.push(.question(.replace("archive.tar.gz", downloading: archive)))
    #expect(browser.statusLine == "archive.tar.gz exist")
    #expect(browser.render().cursor == Screen.Position(row: 23, column: 19))
}

@Test func qWhileADownloadRunsAsksFirstAndYQuits() {
    var browser = browserShowing("gopher://example.org/", Gophermap.mixed)
    browser.type("4")
    browser.press(.enter)
    browser.press(.enter)  // save as the name offered
    #expect(browser.download != nil)
    #expect(browser.press(.character("q")) == [])
    #expect(browser.statusLine == "archive.tar.gz still downloading; cancel and quit? (y/N)")
    #expect(browser.press(.character("n")) == [])
    #expect(browser.statusLine == " downloads go on")
    browser.press(.character("q"))
    #expect(browser.press(.character("y")) == [.quit])
}

@Test func qWithNoDownloadQuitsAtOnce() {
    var browser = browserShowing("gopher://example.org/", Gophermap.mixed)
    #expect(browser.press(.character("q")) == [.quit])
}
