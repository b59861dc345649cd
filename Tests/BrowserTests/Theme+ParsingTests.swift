import Testing

@testable import Browser

@Test func coloursAreNamesBrightNamesNumbersOrHex() {
    #expect(Colour.parse("red") == .success(.red))
    #expect(Colour.parse("Bright-Blue") == .success(.indexed(12)))
    #expect(Colour.parse("bright_white") == .success(.indexed(15)))
    #expect(Colour.parse("grey") == .success(.indexed(8)))
    #expect(Colour.parse("208") == .success(.indexed(208)))
    #expect(Colour.parse("#FF8700") == .success(.rgb(red: 255, green: 135, blue: 0)))
    #expect(Colour.parse("default") == .success(nil))
}

@Test func wrongColoursSayWhatIsWrong() {
    #expect(Colour.parse("256") == .failure(.numberOutOfRange("256")))
    #expect(Colour.parse("#ff87") == .failure(.badHex("#ff87")))
    #expect(Colour.parse("#gg0000") == .failure(.badHex("#gg0000")))
    #expect(Colour.parse("purple") == .failure(.unknownWord("purple")))
    #expect(Colour.indexed(number: -1) == .failure(.numberOutOfRange("-1")))
}

@Test func aLookIsAForegroundOnABackgroundWithAttributesInAnyOrder() {
    #expect(Appearance.parse("black on yellow bold") == .success(Appearance(.black, on: .yellow, [.bold])))
    #expect(Appearance.parse("underline on 236 #ffffff") == .success(
        Appearance(.rgb(red: 255, green: 255, blue: 255), on: .indexed(236), [.underline])))
    #expect(Appearance.parse("reverse dim") == .success(Appearance(attributes: [.reverse, .dim])))
    #expect(Appearance.parse("default on default") == .success(Appearance()))
    #expect(Appearance.parse("") == .success(Appearance()))
}

@Test func aLookWithAStrayWordIsRefusedAndSaysWhy() {
    #expect(Appearance.parse("red blue") == .failure(.twoForegrounds("blue")))
    #expect(Appearance.parse("red on") == .failure(.onWithoutColour))
    #expect(Appearance.parse("blinking red") == .failure(.unknownWord("blinking")))
    #expect(AppearanceError.twoForegrounds("blue").description
        == "a second colour (\"blue\") needs \"on\" before it to be the background")
}
