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

    @Test func eachLineIsDecodedOnItsOwn() {
        // One Latin-1 line and one CP437 line must not spoil the UTF-8 lines around them.
        let data = bytes("naïve UTF-8\n") + bytes("caf") + [0xE9] + bytes("\n")
            + [0xC9, 0xCD, 0xCD, 0xCD, 0xBB] + bytes("\n") + bytes("漢字 again\n")
        #expect(lines(document([data])) == ["naïve UTF-8", "café", "╔═══╗", "漢字 again"])
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
