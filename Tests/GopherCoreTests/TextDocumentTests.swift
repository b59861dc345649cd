import Testing
import WarrenTestSupport
@testable import GopherCore


private func document(_ chunks: [[UInt8]], finish: Bool = true) -> TextDocument {
    var document = TextDocument()
    for chunk in chunks { document.append(chunk) }
    if finish { document.finish() }
    return document
}

private func document(_ text: String) -> TextDocument { document([bytes(text)]) }

private func lines(_ document: TextDocument) -> [String] { (0..<document.count).map(document.line) }

/// Gophernicus: the file as it is, lone `.` lines and `..` included, no terminator.
private let gophernicusText = "Intro\n.\nMiddle part\n..dots stay\n.\nEnd\n"
private let gophernicusLines = ["Intro", ".", "Middle part", "..dots stay", ".", "End"]

/// RFC 1436: lines starting with `.` dot-stuffed, and a `.` line at the end.
private let rfcText = "Intro\r\n..\r\nMiddle part\r\n..dots\r\n...three\r\nEnd\r\n.\r\n"
private let rfcLines = ["Intro", ".", "Middle part", ".dots", "..three", "End"]

@Suite struct TextDocumentTests {
    @Test func gophernicusStyleKeepsEveryLineAsSent() {
        let document = document(gophernicusText)
        #expect(lines(document) == gophernicusLines)
        #expect(!document.isDotTerminated)
        #expect(document.isFinished)
    }

    @Test func rfcStyleDropsTheTerminatorAndUnstuffsDots() {
        let document = document(rfcText)
        #expect(lines(document) == rfcLines)
        #expect(document.isDotTerminated)
        #expect(document.count == 6)
    }

    @Test func rfcStyleWithLFEndingsIsUnstuffedToo() {
        #expect(lines(document("..x\ny\n.\n")) == [".x", "y"])
    }

    @Test func dotTerminatorWithoutFinalNewlineIsStillTheTerminator() {
        let document = document("..x\r\ny\r\n.")
        #expect(document.isDotTerminated)
        #expect(lines(document) == [".x", "y"])
    }

    @Test func pygopherdStyleLFOnlyWithoutTerminatorKeepsEverything() {
        let document = document("first\n\n  indented\n..not stuffed\nlast\n")
        #expect(lines(document) == ["first", "", "  indented", "..not stuffed", "last"])
        #expect(!document.isDotTerminated)
    }

    @Test func missingFinalNewlineKeepsTheLastLine() {
        #expect(lines(document("one\r\ntwo")) == ["one", "two"])
        #expect(lines(document("only")) == ["only"])
    }

    @Test func lastLineThatIsNotExactlyADotIsNotATerminator() {
        let document = document("..x\n. \n")
        #expect(!document.isDotTerminated)
        #expect(lines(document) == ["..x", ". "])
    }

    @Test func documentOfOnlyATerminatorIsEmpty() {
        let document = document(".\r\n")
        #expect(document.isDotTerminated)
        #expect(document.count == 0)
    }

    @Test func emptyDocumentHasNoLines() {
        let document = document("")
        #expect(document.count == 0)
        #expect(!document.isDotTerminated)
        #expect(document.isFinished)
    }

    @Test func linesShowAsTheyCameUntilTheDocumentIsFinished() {
        var document = TextDocument()
        #expect(document.append(bytes("..x\r\n.\r\n")) == 0..<2)
        #expect(!document.isFinished)
        #expect(lines(document) == ["..x", "."])
        document.finish()
        #expect(lines(document) == [".x"])
    }

    @Test func lineBytesAreUnstuffedOnlyInADotTerminatedDocument() {
        #expect(Array(document("..x\n.\n").lineBytes(0)) == bytes(".x"))
        #expect(Array(document("..x\n").lineBytes(0)) == bytes("..x"))
    }

    @Test func gophernicusSplitAtEveryOffsetGivesTheSameLines() {
        let data = bytes(gophernicusText)
        for offset in 0...data.count {
            let document = document([Array(data[..<offset]), Array(data[offset...])])
            #expect(lines(document) == gophernicusLines, "split at \(offset)")
        }
    }

    @Test func rfcSplitAtEveryOffsetGivesTheSameLines() {
        let data = bytes(rfcText)
        for offset in 0...data.count {
            let document = document([Array(data[..<offset]), Array(data[offset...])])
            #expect(lines(document) == rfcLines, "split at \(offset)")
            #expect(document.isDotTerminated, "split at \(offset)")
        }
        #expect(lines(document(data.map { [$0] })) == rfcLines)
    }

    @Test func utf8IsDecidedPerLineAndTheLegacyCharsetPerDocument() {
        // Legacy lines must not spoil the UTF-8 lines around them. Which legacy charset is the
        // document's to say: here the box drawing outweighs one accented letter, so 0xE9 is
        // CP437's Θ; on its own the same line is Latin-1's é.
        let data = bytes("naïve UTF-8\n") + bytes("caf") + [0xE9] + bytes("\n")
            + [0xC9, 0xCD, 0xCD, 0xCD, 0xBB] + bytes("\n") + bytes("漢字 again\n")
        #expect(lines(document([data])) == ["naïve UTF-8", "cafΘ", "╔═══╗", "漢字 again"])
        #expect(lines(document([bytes("caf") + [0xE9] + bytes("\n")])) == ["café"])
    }

    @Test func linesAreSanitised() {
        let document = document("\u{1B}[31mred\u{1B}[0m\tx\n\u{1B}]0;title\u{07}bell\u{07}\n")
        #expect(lines(document) == ["red     x", "bell"])
    }

    @Test func byteCountCountsEverythingReceived() {
        #expect(document(rfcText).byteCount == bytes(rfcText).count)
    }
}

@Test func anOldMacDocumentIsNotGluedIntoOneLine() {
    var document = TextDocument()
    document.append(bytes("First line\rSecond line\rThird"))
    document.finish()
    #expect((0..<document.count).map { document.line($0) } == ["First line", "Second line", "Third"])
}

// MARK: The legacy charset, per document

/// A DOS table: rows of bytes 0xA0–0xFF between 0xB3 separators (│ á │ í │), no byte of which
/// looks like DOS on its own line.
private let dosTable: [UInt8] = Array("Name  Vowels\n".utf8)
    + [0xB3, 0x20, 0xA0, 0x20, 0xB3, 0x20, 0xA1, 0x20, 0xB3, 0x0A]
    + [0xB3, 0x20, 0xA2, 0x20, 0xB3, 0x20, 0xA3, 0x20, 0xB3, 0x0A]

@Test func aDosTableDecodesAsCP437FromTheWholeDocument() {
    var document = TextDocument()
    document.append(dosTable)
    document.finish()
    #expect(document.charsetGuess.charset == .cp437)
    #expect(document.line(1) == "│ á │ í │")
    #expect(document.line(2) == "│ ó │ ú │")
}

@Test func theCharsetIsTheSameWhereverTheChunksSplit() {
    for offset in 0...dosTable.count {
        var document = TextDocument()
        document.append(Array(dosTable[..<offset]))
        document.append(Array(dosTable[offset...]))
        document.finish()
        #expect(document.line(1) == "│ á │ í │", "split at \(offset)")
    }
}

@Test func latin1WordsStayLatin1AndUTF8LinesStayUTF8() {
    var document = TextDocument()
    document.append(Array("Gr".utf8) + [0xFC] + Array("\u{DF}e aus K".utf8.prefix(0)) + Array("ne ".utf8) + [0xDC] + Array("ber\n".utf8))
    document.append(Array("caf\u{E9} ─ ok\n".utf8))
    document.finish()
    #expect(document.charsetGuess.charset == .latin1)
    #expect(document.line(0) == "Grüne Über")
    #expect(document.line(1) == "café ─ ok")
}

@Test func aStrayByteDoesNotGarbleTheUTF8LinesAroundIt() {
    var document = TextDocument()
    document.append(Array("日本語\n".utf8) + [0xB3, 0x20, 0xB3, 0x0A] + Array("Ω\n".utf8))
    document.finish()
    #expect((0..<3).map(document.line) == ["日本語", "│ │", "Ω"])
}

@Test func nonASCIIBytesAreFoundAnywhereInAChunk() {
    for position in 0..<20 {
        var chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 20)
        #expect(!ByteScan.containsNonASCII(chunk))
        chunk[position] = 0x80
        #expect(ByteScan.containsNonASCII(chunk), "at \(position)")
        #expect(ByteScan.containsNonASCII(chunk[position...]), "slice from \(position)")
    }
}

/// `--dump` prints a long document as it comes and forgets it.
@Suite struct TextDocumentForgettingTests {
    @Test func forgettingAllButTheLastLineStillFindsTheFinalDot() {
        var document = TextDocument()
        document.append(bytes("one\r\ntwo\r\n"))
        document.forgetLines(keepingLast: 1)
        #expect(document.count == 1)
        #expect(document.line(0) == "two")
        document.append(bytes(".\r\n"))
        document.forgetLines(keepingLast: 1)
        document.finish()
        #expect(document.isDotTerminated)
        #expect(document.count == 0)
    }

    @Test func theCharsetEvidenceOutlivesForgottenLines() {
        var document = TextDocument()
        // Box drawing between spaces: CP437 evidence, in lines that are then forgotten.
        for _ in 0..<20 { document.append([0x20, 0xB3, 0x20, 0xC4, 0xC4, 0x20, 0x0A]) }
        document.forgetLines(keepingLast: 0)
        document.append([0xB3, 0x0A])
        #expect(document.line(0) == "│")
    }

    @Test func aLineStillArrivingCanBeEndedWhereItIs() {
        var document = TextDocument()
        document.append(bytes("a very long line"))
        #expect(document.pendingByteCount == 16)
        document.endPendingLine()
        #expect(document.count == 1)
        #expect(document.line(0) == "a very long line")
    }
}
