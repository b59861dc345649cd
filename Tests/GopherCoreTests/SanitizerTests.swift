import Testing
import WarrenTestSupport
@testable import GopherCore


/// True when a terminal could act on something in `text`.
private func containsControl(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
}

@Suite struct SanitizerTests {
    // MARK: Text that needs nothing

    @Test func printableTextIsUnchanged() {
        #expect(Sanitizer.clean("Hello, gopher! [1] ~") == "Hello, gopher! [1] ~")
        #expect(Sanitizer.clean("café 漢字 😀 ╔═╗ e\u{301}") == "café 漢字 😀 ╔═╗ e\u{301}")
        #expect(Sanitizer.clean("") == "")
    }

    // MARK: CSI

    @Test func clearScreenIsRemoved() {
        #expect(Sanitizer.clean("\u{1B}[2JHello") == "Hello")
    }

    @Test func cursorMovesAreRemovedWithTheirParameters() {
        #expect(Sanitizer.clean("a\u{1B}[10;20Hb\u{1B}[3Ac\u{1B}[Kd") == "abcd")
    }

    @Test func colourCodesAreRemoved() {
        #expect(Sanitizer.clean("\u{1B}[1;31mred\u{1B}[0m plain") == "red plain")
    }

    @Test func privateModeSequencesAreRemoved() {
        #expect(Sanitizer.clean("\u{1B}[?1049h\u{1B}[?25lvisible") == "visible")
    }

    @Test func csiWithIntermediateBytesIsRemoved() {
        #expect(Sanitizer.clean("a\u{1B}[2 qb\u{1B}[!pc") == "abc")
    }

    // MARK: OSC, DCS and other strings

    @Test func oscTitleEndedByBELIsRemoved() {
        #expect(Sanitizer.clean("\u{1B}]0;pwned\u{07}text") == "text")
    }

    @Test func oscTitleEndedBySTIsRemoved() {
        #expect(Sanitizer.clean("\u{1B}]2;pwned\u{1B}\\text") == "text")
    }

    @Test func osc52ClipboardWriteIsRemoved() {
        #expect(Sanitizer.clean("before\u{1B}]52;c;cm0gLXJmIH4=\u{07}after") == "beforeafter")
    }

    @Test func osc8HyperlinkKeepsOnlyItsText() {
        let text = "\u{1B}]8;;https://evil.example/\u{1B}\\click me\u{1B}]8;;\u{1B}\\"
        #expect(Sanitizer.clean(text) == "click me")
    }

    @Test func dcsIsRemoved() {
        #expect(Sanitizer.clean("\u{1B}P1$r0m\u{1B}\\after") == "after")
        #expect(Sanitizer.clean("\u{1B}Pq#0;2;0;0;0#0~~@@\u{1B}\\six") == "six")
    }

    @Test func sosPMAndAPCStringsAreRemoved() {
        #expect(Sanitizer.clean("\u{1B}Xsos\u{1B}\\a\u{1B}^pm\u{07}b\u{1B}_apc\u{1B}\\c") == "abc")
    }

    @Test func escapeInsideAStringThatIsNotSTDoesNotEndIt() {
        #expect(Sanitizer.clean("\u{1B}]0;a\u{1B}xb\u{07}shown") == "shown")
    }

    @Test func unterminatedStringSwallowsTheRest() {
        #expect(Sanitizer.clean("ok\u{1B}]0;never ends") == "ok")
    }

    // MARK: Two-byte escapes

    @Test func twoByteEscapesAreRemovedWhole() {
        #expect(Sanitizer.clean("\u{1B}cReset") == "Reset")
        #expect(Sanitizer.clean("\u{1B}7a\u{1B}8b") == "ab")
        #expect(Sanitizer.clean("\u{1B}(Bx\u{1B})0y") == "xy")
        #expect(Sanitizer.clean("\u{1B}#8z") == "z")
    }

    @Test func escapeAtTheEndIsDropped() {
        #expect(Sanitizer.clean("abc\u{1B}") == "abc")
        #expect(Sanitizer.clean("abc\u{1B}[12") == "abc")
    }

    // MARK: Single controls

    @Test func bellIsRemoved() {
        #expect(Sanitizer.clean("ding\u{07}dong") == "dingdong")
    }

    @Test func everyC0ControlButTabIsRemoved() {
        for value in UInt32(0)..<0x20 where value != 0x09 && value != 0x1B {
            let text = "x" + String(Unicode.Scalar(value)!) + "y"
            #expect(Sanitizer.clean(text) == "xy", "U+\(value)")
        }
        #expect(Sanitizer.clean("a\r\nb\u{8}c\u{0}d") == "abcd")
    }

    @Test func deleteIsRemoved() {
        #expect(Sanitizer.clean("a\u{7F}b") == "ab")
    }

    @Test func c1ControlsAreRemoved() {
        let introducers: Set<UInt32> = [0x90, 0x98, 0x9B, 0x9D, 0x9E, 0x9F]
        for value in UInt32(0x80)...0x9F where !introducers.contains(value) {
            let text = "x" + String(Unicode.Scalar(value)!) + "y"
            #expect(Sanitizer.clean(text) == "xy", "U+\(value)")
        }
    }

    @Test func eightBitCSIIsRemovedWithItsParameters() {
        #expect(Sanitizer.clean("\u{9B}31mred\u{9B}0m") == "red")
        #expect(Sanitizer.clean("a\u{9B}2Jb") == "ab")
    }

    @Test func eightBitStringIntroducersSwallowTheirStrings() {
        #expect(Sanitizer.clean("\u{9D}0;title\u{9C}ok") == "ok")
        #expect(Sanitizer.clean("\u{90}q#0\u{9C}x") == "x")
        #expect(Sanitizer.clean("\u{9F}apc\u{07}y") == "y")
    }

    // MARK: Tabs

    @Test func tabsExpandToEightColumnStops() {
        #expect(Sanitizer.clean("\tx") == "        x")
        #expect(Sanitizer.clean("a\tb") == "a       b")
        #expect(Sanitizer.clean("1234567\tx") == "1234567 x")
        #expect(Sanitizer.clean("12345678\tx") == "12345678        x")
        #expect(Sanitizer.clean("a\t\tb") == "a               b")
    }

    @Test func tabsCountFromTheStartColumn() {
        #expect(Sanitizer.clean("\tx", startColumn: 3) == "     x")
        #expect(Sanitizer.clean("\tx", startColumn: 8) == "        x")
        #expect(Sanitizer.clean("ab\tx", startColumn: 9) == "ab     x")
    }

    @Test func tabStopsCountDisplayColumnsNotScalars() {
        #expect(Sanitizer.clean("漢\tx") == "漢      x")
        #expect(Sanitizer.clean("e\u{301}\tx") == "e\u{301}       x")
    }

    @Test func removedSequencesTakeNoColumns() {
        #expect(Sanitizer.clean("\u{1B}[1mab\u{1B}[0m\tc") == "ab      c")
    }

    // MARK: Helpers

    @Test func isControlCoversC0DELAndC1Only() {
        #expect(Sanitizer.isControl(0x00))
        #expect(Sanitizer.isControl(0x1F))
        #expect(!Sanitizer.isControl(0x20))
        #expect(!Sanitizer.isControl(0x7E))
        #expect(Sanitizer.isControl(0x7F))
        #expect(Sanitizer.isControl(0x9F))
        #expect(!Sanitizer.isControl(0xA0))
    }

    @Test func quotedWrapsCleanTextInQuotes() {
        #expect(Sanitizer.quoted("") == "\"\"")
        #expect(Sanitizer.quoted("a\u{1B}[2Jb") == "\"ab\"")
    }

    // MARK: Properties

    @Test func randomBytesDecodedAndCleanedNeverHoldControls() {
        var random = SplitMix64(state: 20_260_101)
        // Weighted towards the bytes that start or end sequences.
        let interesting: [UInt8] = [0x1B, 0x5B, 0x5D, 0x07, 0x9B, 0x9C, 0x9D, 0x90, 0xC2, 0x5C, 0x09, 0x0D, 0x0A, 0x3B]
        for round in 0..<2000 {
            var line: [UInt8] = []
            for _ in 0..<random.below(120) {
                line.append(random.below(3) == 0 ? interesting[random.below(interesting.count)] : UInt8(random.below(256)))
            }
            let cleaned = Sanitizer.clean(TextDecoder.decode(line), startColumn: random.below(20))
            #expect(!containsControl(cleaned), "round \(round): \(line)")
        }
    }

    @Test func randomScalarsCleanedNeverHoldControlsAndCleaningAgainChangesNothing() {
        var random = SplitMix64(state: 0xC0FFEE)
        let pool: [Unicode.Scalar] = [
            "\u{1B}", "[", "]", "P", "\\", "\u{07}", "\u{9B}", "\u{9C}", "\u{9D}", "\u{90}", "\u{85}", "\u{7F}", "\t",
            "\r", "\n", ";", "0", "9", "m", "a", "漢", "\u{301}", "😀", " ",
        ]
        for round in 0..<2000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<random.below(60) { scalars.append(pool[random.below(pool.count)]) }
            let text = String(scalars)
            let cleaned = Sanitizer.clean(text)
            #expect(!containsControl(cleaned), "round \(round): \(text.debugDescription)")
            #expect(Sanitizer.clean(cleaned) == cleaned, "round \(round): \(text.debugDescription)")
        }
    }
}

@Test func bidiOverridesAndIsolatesAreDropped() {
    #expect(Sanitizer.clean("abc\u{202E}def\u{2066}ghi\u{2069}") == "abcdefghi")
}
