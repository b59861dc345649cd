import GopherCore
import Testing

@testable import Browser

// The one-line editor: typing, moving, erasing, submitting, cancelling.

private func prompt(_ text: String = "") -> LineEditor { LineEditor(text: text) }

private func typed(_ text: String, into prompt: inout LineEditor) {
    for character in text { _ = prompt.handle(.character(character)) }
}

@Test func aLineStartsWithItsTextAndTheCursorAtTheEnd() {
    let editing = prompt("gopher://x")
    #expect(editing.value == "gopher://x")
    #expect(editing.cursor == 10)
}

@Test func charactersInsertAtTheCursor() {
    var editing = prompt("ac")
    #expect(editing.handle(.left) == .editing)
    typed("b", into: &editing)
    #expect(editing.value == "abc")
    #expect(editing.cursor == 2)
}

@Test func backspaceErasesBeforeTheCursorAndDeleteAtIt() {
    var editing = prompt("abcd")
    _ = editing.handle(.left)
    _ = editing.handle(.backspace)
    #expect(editing.value == "abd")
    _ = editing.handle(.delete)
    #expect(editing.value == "ab")
    _ = editing.handle(.delete)
    #expect(editing.value == "ab")
}

@Test func homeEndAndControlAEMoveToTheEnds() {
    var editing = prompt("abc")
    _ = editing.handle(.home)
    #expect(editing.cursor == 0)
    _ = editing.handle(.end)
    #expect(editing.cursor == 3)
    _ = editing.handle(.control("a"))
    typed(">", into: &editing)
    _ = editing.handle(.control("e"))
    typed("<", into: &editing)
    #expect(editing.value == ">abc<")
}

@Test func arrowsStopAtTheEnds() {
    var editing = prompt("ab")
    for _ in 0..<5 { _ = editing.handle(.right) }
    #expect(editing.cursor == 2)
    for _ in 0..<5 { _ = editing.handle(.left) }
    #expect(editing.cursor == 0)
}

@Test func controlUClearsTheLine() {
    var editing = prompt("gopher://example.org/")
    #expect(editing.handle(.control("u")) == .editing)
    #expect(editing.value == "")
    #expect(editing.cursor == 0)
}

@Test func enterSubmitsTheText() {
    var editing = prompt()
    typed("example.org", into: &editing)
    #expect(editing.handle(.enter) == .submitted("example.org"))
}

@Test func escapeControlCAndControlGCancel() {
    for key in [Key.escape, .control("c"), .control("g")] {
        var editing = prompt("abc")
        #expect(editing.handle(key) == .cancelled, "\(key)")
    }
}

@Test func backspaceOnAnEmptyLineCancels() {
    var editing = prompt("a")
    #expect(editing.handle(.backspace) == .editing)
    #expect(editing.handle(.backspace) == .cancelled)
}

@Test func backspaceAtTheStartOfTextDoesNotCancel() {
    var editing = prompt("a")
    _ = editing.handle(.home)
    #expect(editing.handle(.backspace) == .editing)
    #expect(editing.value == "a")
}

@Test func controlCharactersNeverGetIntoTheLine() {
    var editing = prompt()
    typed("a\u{1B}b\u{07}c\u{9B}", into: &editing)
    #expect(editing.value == "abc")
}

@Test func wideAndCombiningCharactersAreOneCharacterEach() {
    var editing = prompt()
    typed("日本e\u{301}", into: &editing)
    #expect(editing.cursor == 3)
    _ = editing.handle(.backspace)
    #expect(editing.value == "日本")
}

@Test func unboundKeysAreIgnored() {
    var editing = prompt("abc")
    #expect(editing.handle(.tab) == .editing)
    #expect(editing.handle(.function(5)) == .editing)
    #expect(editing.value == "abc")
}

@Test func offeredTextIsReplacedByTheFirstCharacterTyped() {
    var editing = LineEditor(text: "about", offered: true)
    typed("ph", into: &editing)
    #expect(editing.value == "ph")
    #expect(!editing.isOffered)
}

@Test func offeredTextIsTakenAsItIsByEnter() {
    var editing = LineEditor(text: "about", offered: true)
    #expect(editing.handle(.enter) == .submitted("about"))
}

@Test func backspaceClearsOfferedTextAndAMovementKeyKeepsItForEditing() {
    var cleared = LineEditor(text: "about", offered: true)
    #expect(cleared.handle(.backspace) == .editing)
    #expect(cleared.value == "")
    var kept = LineEditor(text: "about", offered: true)
    _ = kept.handle(.end)
    typed("s", into: &kept)
    #expect(kept.value == "abouts")
}
