import Testing
@testable import GopherCore

@Suite struct DisplayWidthTests {
    @Test func printableASCIITakesOneColumnEach() {
        #expect(DisplayWidth.columns(of: "hello") == 5)
        for value in UInt32(0x20)...0x7E {
            #expect(DisplayWidth.columns(of: Unicode.Scalar(value)!) == 1, "U+\(value)")
        }
    }

    @Test func emptyTextTakesNoColumns() {
        #expect(DisplayWidth.columns(of: "") == 0)
    }

    @Test func latinAndBoxDrawingTakeOneColumn() {
        #expect(DisplayWidth.columns(of: "café") == 4)
        #expect(DisplayWidth.columns(of: "ΩЖ") == 2)
        #expect(DisplayWidth.columns(of: "╔═╗─") == 4)
    }

    @Test func cjkTakesTwoColumnsEach() {
        #expect(DisplayWidth.columns(of: "漢字") == 4)
        #expect(DisplayWidth.columns(of: "ひらがな") == 8)
        #expect(DisplayWidth.columns(of: "カタカナ") == 8)
        #expect(DisplayWidth.columns(of: "한글") == 4)
        #expect(DisplayWidth.columns(of: "漢a字") == 5)
    }

    @Test func fullwidthFormsTakeTwoColumns() {
        #expect(DisplayWidth.columns(of: "ＡＢ１") == 6)
        #expect(DisplayWidth.columns(of: "、。") == 4)
    }

    @Test func halfwidthKatakanaTakesOneColumn() {
        #expect(DisplayWidth.columns(of: "ｶﾀｶﾅ") == 4)
    }

    @Test func supplementaryIdeographsTakeTwoColumns() {
        #expect(DisplayWidth.columns(of: "\u{20000}\u{2A6D6}") == 4)
    }

    @Test func combiningMarksTakeNoColumns() {
        #expect(DisplayWidth.columns(of: "e\u{301}") == 1)
        #expect(DisplayWidth.columns(of: "a\u{308}\u{323}") == 1)
        #expect(DisplayWidth.columns(of: "1\u{20DD}") == 1)
    }

    @Test func formatCharactersTakeNoColumns() {
        #expect(DisplayWidth.columns(of: "a\u{200B}b") == 2)
        #expect(DisplayWidth.columns(of: "\u{200D}\u{FEFF}") == 0)
    }

    @Test func decomposedHangulTakesTheWidthOfOneSyllable() {
        #expect(DisplayWidth.columns(of: "\u{1100}\u{1161}\u{11A8}") == 2)
    }

    @Test func emojiAreWide() {
        #expect(DisplayWidth.columns(of: "😀") == 2)
        #expect(DisplayWidth.columns(of: "🚀") == 2)
        #expect(DisplayWidth.columns(of: "🦀") == 2)
        #expect(DisplayWidth.columns(of: "⌚") == 2)
        #expect(DisplayWidth.columns(of: "⭐") == 2)
        #expect(DisplayWidth.columns(of: "✅") == 2)
        #expect(DisplayWidth.columns(of: "🀄") == 2)
    }

    @Test func textPresentationSymbolsAreNarrow() {
        #expect(DisplayWidth.columns(of: "☺") == 1)
        #expect(DisplayWidth.columns(of: "✓") == 1)
        #expect(DisplayWidth.columns(of: "→") == 1)
    }

    @Test func controlsTakeNoColumns() {
        #expect(DisplayWidth.columns(of: "\u{7}\u{1B}\u{7F}\u{85}\u{9B}") == 0)
    }

    // MARK: prefix(of:fitting:)

    @Test func prefixOfASCIIIsCutAtTheWidth() {
        let result = DisplayWidth.prefix(of: "hello", fitting: 3)
        #expect(result.text == "hel")
        #expect(result.columns == 3)
    }

    @Test func prefixThatFitsWhollyIsTheWholeText() {
        let result = DisplayWidth.prefix(of: "abc", fitting: 10)
        #expect(result.text == "abc")
        #expect(result.columns == 3)
        let exact = DisplayWidth.prefix(of: "漢字", fitting: 4)
        #expect(exact.text == "漢字")
        #expect(exact.columns == 4)
    }

    @Test func prefixNeverSplitsAWideCharacter() {
        let three = DisplayWidth.prefix(of: "漢字abc", fitting: 3)
        #expect(three.text == "漢")
        #expect(three.columns == 2)
        let five = DisplayWidth.prefix(of: "漢字abc", fitting: 5)
        #expect(five.text == "漢字a")
        #expect(five.columns == 5)
        let one = DisplayWidth.prefix(of: "😀x", fitting: 1)
        #expect(one.text == "")
        #expect(one.columns == 0)
    }

    @Test func prefixKeepsCombiningMarksWithTheirBase() {
        let result = DisplayWidth.prefix(of: "e\u{301}x", fitting: 1)
        #expect(result.text == "e\u{301}")
        #expect(result.text.unicodeScalars.count == 2)
        #expect(result.columns == 1)
    }

    @Test func prefixOfZeroWidthIsEmpty() {
        let result = DisplayWidth.prefix(of: "abc", fitting: 0)
        #expect(result.text == "")
        #expect(result.columns == 0)
        #expect(DisplayWidth.prefix(of: "", fitting: 5).text == "")
    }
}
