import Testing
import WarrenTestSupport

@testable import GopherCore

@Test func eCyclesThroughEveryEncodingAndBackToAuto() {
    var seen: [String] = []
    var encoding = PageEncoding.auto
    for _ in 0..<PageEncoding.allCases.count {
        encoding = encoding.next
        seen.append(encoding.name)
    }
    #expect(seen == ["UTF-8", "Latin-1", "CP437", "Windows-1252", "Shift_JIS", "EUC-JP", "KOI8-R", "auto"])
}

@Test func encodingsAreFoundByTheirNamesInAnyCase() {
    #expect(PageEncoding(name: "shift_jis") == .shiftJIS)
    #expect(PageEncoding(name: "Shift-JIS") == .shiftJIS)
    #expect(PageEncoding(name: "utf8") == .utf8)
    #expect(PageEncoding(name: "KOI8-R") == .koi8r)
    #expect(PageEncoding(name: "cp437") == .cp437)
    #expect(PageEncoding(name: "windows-1252") == .windows1252)
    #expect(PageEncoding(name: "latin1") == .latin1)
    #expect(PageEncoding(name: "ebcdic") == nil)
}

@Test func eachEncodingReadsItsOwnBytes() {
    #expect(TextDecoder.decode([0x93, 0xFA, 0x96, 0x7B, 0x8C, 0xEA, 0x5C], as: .shiftJIS) == "日本語\\")
    #expect(TextDecoder.decode([0xC6, 0xFC, 0xCB, 0xDC, 0xB8, 0xEC], as: .eucJP) == "日本語")
    #expect(TextDecoder.decode([0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4], as: .koi8r) == "Привет")
    #expect(TextDecoder.decode([0xB3, 0x20, 0xC4], as: .cp437) == "│ ─")
    #expect(TextDecoder.decode([0x80, 0x93, 0x94], as: .windows1252) == "€“”")
    #expect(TextDecoder.decode([0xE9], as: .latin1) == "é")
    #expect(TextDecoder.decode([0xC3, 0xA9], as: .utf8) == "é")
    // UTF-8 bytes read as Latin-1 when the reader says so: no guessing behind their back.
    #expect(TextDecoder.decode([0xC3, 0xA9], as: .latin1) == "Ã©")
}

@Test func aSequenceTheCharsetCannotReadBecomesOneReplacementAndNothingIsLost() {
    // A lead byte with no trail, then text: U+FFFD, and the rest read on.
    #expect(TextDecoder.decode([0x93, 0x20, 0x41], as: .shiftJIS) == "\u{FFFD} A")
    #expect(TextDecoder.decode([0x41, 0x93], as: .shiftJIS) == "A\u{FFFD}")
    #expect(TextDecoder.decode([0xC6, 0x20, 0xC6, 0xFC], as: .eucJP) == "\u{FFFD} 日")
    #expect(TextDecoder.decode([0xFF, 0xFE], as: .utf8) == "\u{FFFD}\u{FFFD}")
}

@Test func noCharsetCanSmuggleAControlOntoTheScreen() {
    var random = SplitMix64(state: 1436)
    for encoding in PageEncoding.allCases {
        for _ in 0..<300 {
            let length = Int(random.next() % 24)
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next()) } + [0x1B, 0x5B, 0x32, 0x4A]
            let shown = Sanitizer.clean(TextDecoder.decode(bytes, as: encoding))
            #expect(!shown.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }, "\(encoding) \(bytes)")
        }
    }
}
