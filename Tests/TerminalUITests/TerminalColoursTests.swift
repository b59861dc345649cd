import Browser
import Testing

@testable import TerminalUI

@Test func aTerminalOf256ColoursTakesNumbersAsTheyAreAndHexAtTheNearest() {
    let colours = TerminalColours(count: 256)
    #expect(colours.number(for: .indexed(208)) == (208, false))
    #expect(colours.number(for: .indexed(12)) == (12, false))
    #expect(colours.number(for: .rgb(red: 0xFF, green: 0xAF, blue: 0x00)) == (214, false))
    #expect(colours.number(for: .rgb(red: 0x30, green: 0x30, blue: 0x30)) == (236, false))
}

@Test func aTerminalOf16ColoursGetsTheNearestOfItsOwn() {
    let colours = TerminalColours(count: 16)
    #expect(colours.number(for: .indexed(12)) == (12, false))
    #expect(colours.number(for: .indexed(196)) == (9, false))
    #expect(colours.number(for: .rgb(red: 0, green: 0, blue: 0xE0)) == (4, false))
}

@Test func aTerminalOf8ColoursShowsBrightColoursAsBold() {
    let colours = TerminalColours(count: 8)
    #expect(colours.number(for: .indexed(12)) == (4, true))
    #expect(colours.number(for: .indexed(3)) == (3, false))
    #expect(colours.number(for: .indexed(196)) == (1, true))
    #expect(colours.pair(for: Appearance(.indexed(9))) == TerminalColours.Pair(foreground: 1, background: -1, bold: true))
}

@Test func twoColoursThatBecomeOneGetAReadableForeground() {
    // Dark grey on black: on 8 colours both are black.
    let dark = TerminalColours(count: 8).pair(for: Appearance(.indexed(236), on: .black))
    #expect(dark == TerminalColours.Pair(foreground: 7, background: 0, bold: false))
    // Two shades of olive: on 8 colours both are yellow, and black reads on it.
    let light = TerminalColours(count: 8).pair(for: Appearance(.indexed(184), on: .yellow))
    #expect(light == TerminalColours.Pair(foreground: 0, background: 3, bold: false))
    // The same pair on 256 colours stays as written.
    let full = TerminalColours(count: 256).pair(for: Appearance(.indexed(236), on: .black))
    #expect(full == TerminalColours.Pair(foreground: 236, background: 0, bold: false))
}

@Test func theTerminalsOwnColoursStayItsOwn() {
    let pair = TerminalColours(count: 256).pair(for: Appearance(attributes: [.reverse]))
    #expect(pair.isDefault)
}
