import GopherCore
import Testing

@testable import Browser

@Test func theStandardThemeIsWarrensLookBeforeThemes() {
    let theme = Theme.standard
    #expect(theme[.linkNumber, inColour: true] == Appearance(.yellow))
    #expect(theme[.link, inColour: true] == Appearance(.cyan, [.bold]))
    #expect(theme[.status, inColour: true] == Appearance(.cyan, [.reverse]))
    #expect(theme[.statusError, inColour: true] == Appearance(.red, [.reverse, .bold]))
    #expect(theme[.selectedLink, inColour: true] == Appearance(attributes: [.reverse, .bold]))
    #expect(theme[.tag(.menu), inColour: true] == Appearance(.green))
    #expect(theme[.tag(.error), inColour: true] == Appearance(.red, [.bold]))
    #expect(theme[.selectedLink, inColour: false] == Appearance(attributes: [.reverse]))
    #expect(theme[.tag(.web), inColour: false] == Appearance(attributes: [.dim]))
}

@Test func everyStyleHasALookInColourAndInMonochrome() {
    for style in Style.allCases {
        #expect(Theme.standard.colour[style] != nil, "\(style) in colour")
        #expect(Theme.standard.monochrome[style] != nil, "\(style) in monochrome")
    }
}

@Test func aLookWithColoursLeavesMonochromeAsItWas() {
    var theme = Theme.standard
    theme.set(.selectedLink, to: Appearance(.black, on: .indexed(214), [.bold]))
    #expect(theme[.selectedLink, inColour: true] == Appearance(.black, on: .indexed(214), [.bold]))
    #expect(theme[.selectedLink, inColour: false] == Appearance(attributes: [.reverse]))
}

@Test func aLookOfAttributesAloneAppliesWithoutColourToo() {
    var theme = Theme.standard
    theme.set(.link, to: Appearance(attributes: [.underline]))
    #expect(theme[.link, inColour: true] == Appearance(attributes: [.underline]))
    #expect(theme[.link, inColour: false] == Appearance(attributes: [.underline]))
}

@Test func tagKindsFollowWhatTheItemIs() {
    let kinds = ["1": TagKind.menu, "+": .menu, "7": .search, "0": .text, "9": .binary, "5": .binary,
        "s": .binary, "I": .image, "g": .image, "h": .web, "8": .telnet, "T": .telnet, "3": .error,
        "i": .other, "Z": .other]
    for (type, kind) in kinds {
        #expect(TagKind(ItemType(Character(type))) == kind, "type \(type)")
    }
}

@Test func everyElementNameIsSnakeCaseAndNamesOneStyle() {
    let names = Theme.elements.map(\.name)
    #expect(Set(names).count == names.count)
    #expect(Set(Theme.elements.map(\.style)).count == names.count)
    for name in names { #expect(name.allSatisfy { $0.isLowercase || $0 == "_" }, "\(name)") }
}
