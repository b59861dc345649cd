import Testing
import WarrenTestSupport
@testable import GopherCore


@Suite struct TextDecoderTests {
    @Test func asciiIsDecodedAsIs() {
        let result = TextDecoder.decodeWithEncoding(bytes("Hello, gopher!\t~"))
        #expect(result.text == "Hello, gopher!\t~")
        #expect(result.encoding == .utf8)
    }

    @Test func emptyLineIsEmptyText() {
        #expect(TextDecoder.decodeWithEncoding([UInt8]()).text == "")
    }

    @Test func validUTF8IsDecodedAsIs() {
        let result = TextDecoder.decodeWithEncoding(bytes("café 漢字 😀 ─── Ω"))
        #expect(result.text == "café 漢字 😀 ─── Ω")
        #expect(result.encoding == .utf8)
    }

    @Test func invalidUTF8IsReadAsLatin1() {
        let result = TextDecoder.decodeWithEncoding(bytes("caf") + [0xE9])
        #expect(result.text == "café")
        #expect(result.encoding == .latin1)
    }

    @Test func latin1MapsEachHighByteToTheSameCodePoint() {
        // 0xA0–0xFF, all different: no C1 byte and no run, so Latin-1.
        let high = Array(UInt8(0xA0)...UInt8(0xFF))
        let result = TextDecoder.decodeWithEncoding(high)
        #expect(result.encoding == .latin1)
        #expect(result.text.unicodeScalars.map(\.value) == high.map(UInt32.init))
        #expect(result.text.hasPrefix("\u{A0}¡¢£"))
        #expect(result.text.hasSuffix("üýþÿ"))
    }

    @Test func truncatedUTF8SequenceFallsBackToLatin1() {
        #expect(TextDecoder.decode(bytes("x") + [0xE6, 0xBC]) == "xæ¼")
    }

    @Test func runOfThreeBoxDrawingBytesIsCP437() {
        let result = TextDecoder.decodeWithEncoding([0xC4, 0xC4, 0xC4])
        #expect(result.text == "───")
        #expect(result.encoding == .cp437)
    }

    @Test func boxFrameWithARunIsCP437() {
        #expect(TextDecoder.decode([0xC9, 0xCD, 0xCD, 0xCD, 0xBB]) == "╔═══╗")
        #expect(TextDecoder.decode([0xC8, 0xCD, 0xCD, 0xCD, 0xBC]) == "╚═══╝")
        #expect(TextDecoder.decode([0xB0, 0xB1, 0xB2, 0xDB, 0xDB, 0xDB]) == "░▒▓███")
    }

    @Test func shortFrameWithoutARunIsLatin1() {
        // Three different bytes are as likely to be Latin-1 letters.
        let result = TextDecoder.decodeWithEncoding([0xC9, 0xCD, 0xBB])
        #expect(result.text == "ÉÍ»")
        #expect(result.encoding == .latin1)
    }

    @Test func runMustBeOfTheSameByteWithoutInterruption() {
        #expect(TextDecoder.decode([0xC4, 0xC4, 0x78, 0xC4]) == "ÄÄxÄ")
        #expect(TextDecoder.decode([0xC4, 0xC5, 0xC4]) == "ÄÅÄ")
        // 0xE9 is outside the box-drawing range, so a run of it is still Latin-1.
        #expect(TextDecoder.decode([0xE9, 0xE9, 0xE9]) == "ééé")
    }

    @Test func asciiAroundCP437ArtIsKept() {
        let line: [UInt8] = [0xC4, 0xC4, 0xC4] + bytes(" Menu ") + [0xC4, 0xC4, 0xC4]
        #expect(TextDecoder.decode(line) == "─── Menu ───")
    }

    @Test func byteThatIsAControlInLatin1MeansCP437() {
        let result = TextDecoder.decodeWithEncoding(bytes("Caf") + [0x82])
        #expect(result.text == "Café")
        #expect(result.encoding == .cp437)
        // The whole line follows: 0xE9 is Θ in CP437, not é.
        #expect(TextDecoder.decode([0xE9, 0x81]) == "Θü")
    }

    @Test func cp437TableCoversAllHighBytes() {
        let high = Array(UInt8(0x80)...UInt8(0xFF))
        let result = TextDecoder.decodeWithEncoding(high)
        #expect(result.encoding == .cp437)
        let scalars = Array(result.text.unicodeScalars)
        #expect(scalars.count == 128)
        let spotChecks: [(UInt8, Unicode.Scalar)] = [
            (0x80, "Ç"), (0x9B, "¢"), (0x9F, "ƒ"), (0xA8, "¿"), (0xB0, "░"), (0xB3, "│"), (0xC4, "─"), (0xC5, "┼"),
            (0xCD, "═"), (0xDB, "█"), (0xE1, "ß"), (0xE3, "π"), (0xF8, "°"), (0xFB, "√"), (0xFE, "■"),
            (0xFF, "\u{A0}"),
        ]
        for (byte, scalar) in spotChecks {
            #expect(scalars[Int(byte) - 0x80] == scalar, "byte \(byte)")
        }
    }

    @Test func decodeIsTheTextOfDecodeWithEncoding() {
        let samples: [[UInt8]] = [bytes("plain"), bytes("é"), [0xE9], [0xC4, 0xC4, 0xC4], [0x82]]
        for sample in samples {
            #expect(TextDecoder.decode(sample) == TextDecoder.decodeWithEncoding(sample).text)
        }
    }

    @Test func eachLineIsDecidedOnItsOwn() {
        let lines: [[UInt8]] = [bytes("ünïcode"), bytes("caf") + [0xE9], [0xC4, 0xC4, 0xC4], bytes("plain")]
        #expect(lines.map { TextDecoder.decode($0) } == ["ünïcode", "café", "───", "plain"])
    }

    @Test func acceptsSlicesOfALargerBuffer() {
        let buffer: [UInt8] = bytes("xx") + [0xC4, 0xC4, 0xC4] + bytes("yy")
        #expect(TextDecoder.decode(buffer[2..<5]) == "───")
    }
}
