import Testing
@testable import GopherCore

/// Every type Warren knows, with how it is handled and the tag a menu shows.
private let knownTypes: [(Character, ItemType.Handling, String)] = [
    // RFC 1436.
    ("0", .text, "TXT"), ("1", .menu, "DIR"), ("2", .session, "CSO"), ("3", .notALink, "ERR"),
    ("4", .download, "HQX"), ("5", .download, "DOS"), ("6", .download, "UUE"), ("7", .search, "ASK"),
    ("8", .session, "TEL"), ("9", .download, "BIN"), ("+", .menu, "MIR"), ("g", .download, "GIF"),
    ("I", .download, "IMG"), ("T", .session, "TN3"),
    // Common extensions.
    ("i", .notALink, "   "), ("h", .externalURL, "WWW"), ("s", .download, "SND"), ("d", .download, "DOC"),
    ("p", .download, "PNG"), ("P", .download, "PDF"), (";", .download, "VID"), ("<", .download, "VID"),
    ("c", .text, "CAL"), ("M", .text, "MIM"), (":", .download, "BMP"), ("x", .text, "XML"),
]

@Suite struct ItemTypeTests {
    @Test func everyKnownTypeHasItsHandlingAndTag() {
        for (character, handling, tag) in knownTypes {
            let type = ItemType(character)
            #expect(type.handling == handling, "type \(character)")
            #expect(type.tag == tag, "type \(character)")
        }
    }

    @Test func namedTypesAreTheirRFCBytes() {
        let named: [(ItemType, Character)] = [
            (.text, "0"), (.menu, "1"), (.ccso, "2"), (.error, "3"), (.binHex, "4"), (.dosArchive, "5"),
            (.uuencoded, "6"), (.search, "7"), (.telnet, "8"), (.binary, "9"), (.mirror, "+"), (.gif, "g"),
            (.image, "I"), (.tn3270, "T"), (.info, "i"), (.html, "h"), (.sound, "s"), (.document, "d"),
            (.pdf, "p"), (.video, ";"), (.calendar, "c"), (.mime, "M"), (.bitmap, ":"), (.movie, "<"),
            (.pdfGopherPlus, "P"), (.xml, "x"),
        ]
        for (type, character) in named {
            #expect(type.byte == character.asciiValue, "type \(character)")
        }
    }

    @Test func byteAndCharacterInitialisersAgree() {
        #expect(ItemType(UInt8(ascii: "7")) == ItemType("7"))
        #expect(ItemType(0x31) == .menu)
    }

    @Test func unknownTypesAreUnknownNeverDownloads() {
        let known = Set(knownTypes.map { $0.0.asciiValue! })
        for byte in UInt8.min...UInt8.max where !known.contains(byte) {
            let type = ItemType(byte)
            #expect(type.handling == .unknown, "byte \(byte)")
            #expect(type.tag == "UNK", "byte \(byte)")
        }
    }

    @Test func nonASCIICharacterBecomesAnUnknownType() {
        let type = ItemType("é")
        #expect(type.byte == 0)
        #expect(type.handling == .unknown)
        #expect(type.tag == "UNK")
    }

    @Test func tagsAreThreeColumnsWide() {
        for byte in UInt8.min...UInt8.max {
            #expect(ItemType(byte).tag.count == 3)
        }
    }

    @Test func printableShowsVisibleASCIIAsItselfAndOtherBytesAsQuestionMark() {
        #expect(ItemType("1").printable == "1")
        #expect(ItemType("!").printable == "!")
        #expect(ItemType("~").printable == "~")
        #expect(ItemType(0x00).printable == "?")
        #expect(ItemType(0x1B).printable == "?")
        #expect(ItemType(0x20).printable == "?")
        #expect(ItemType(0x7F).printable == "?")
        #expect(ItemType(0xE9).printable == "?")
    }

    @Test func menusAndSearchesShowAsMenusAndNothingElseDoes() {
        #expect(knownTypes.filter { ItemType($0.0).showsAsMenu }.map(\.0) == ["1", "7", "+"])
    }
}
