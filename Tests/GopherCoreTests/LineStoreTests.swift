import Testing
import WarrenTestSupport
@testable import GopherCore


private func lines(_ store: LineStore) -> [[UInt8]] { (0..<store.count).map { Array(store.line($0)) } }

private func store(_ chunks: [[UInt8]], finish: Bool = true) -> LineStore {
    var store = LineStore()
    for chunk in chunks { store.append(chunk) }
    if finish { store.finish() }
    return store
}

/// `data` cut into chunks of `size` bytes.
private func chunked(_ data: [UInt8], _ size: Int) -> [[UInt8]] {
    stride(from: 0, to: data.count, by: size).map { Array(data[$0..<min($0 + size, data.count)]) }
}

/// A line whose content says where it belongs, so a misplaced or cut line cannot pass.
private func numberedLine(_ number: Int, length: Int) -> [UInt8] {
    let label = bytes("line \(number):")
    let filler = (0..<max(0, length - label.count)).map { UInt8(ascii: "a") + UInt8(($0 + number) % 26) }
    return Array((label + filler).prefix(length))
}

/// Where `store` first differs from `expected`, told briefly: these lines run to megabytes.
private func firstDifference(_ store: LineStore, _ expected: [[UInt8]]) -> String? {
    guard store.count == expected.count else { return "\(store.count) lines, expected \(expected.count)" }
    func head(_ line: some Collection<UInt8>) -> String {
        "\(line.count) bytes starting \(String(decoding: line.prefix(16), as: UTF8.self).debugDescription)"
    }
    for index in expected.indices where !store.line(index).elementsEqual(expected[index]) {
        return "line \(index): \(head(store.line(index))), expected \(head(expected[index]))"
    }
    return nil
}

@Suite struct LineStoreTests {
    @Test func splitsAtLFAndDropsTrailingCRs() {
        let store = store([bytes("one\r\ntwo\nthree\r\r\n\r\n\n")])
        #expect(lines(store) == [bytes("one"), bytes("two"), bytes("three"), [], []])
    }

    @Test func carriageReturnsInsideALineAreKept() {
        #expect(lines(store([bytes("a\rb\r\n\rc\n")])) == [bytes("a\rb"), bytes("\rc")])
    }

    @Test func unfinishedLineWaitsForItsLF() {
        var store = LineStore()
        #expect(store.append(bytes("partial")) == 0..<0)
        #expect(store.count == 0)
        #expect(store.hasPendingBytes)
        #expect(store.append(bytes(" line\r\nnext")) == 0..<1)
        #expect(Array(store.line(0)) == bytes("partial line"))
        #expect(store.hasPendingBytes)
    }

    @Test func appendReturnsTheLinesItCompleted() {
        var store = LineStore()
        #expect(store.append(bytes("a\nb\nc")) == 0..<2)
        #expect(store.append(bytes("\nd\ne\n")) == 2..<5)
        #expect(store.append(bytes("")) == 5..<5)
        #expect(!store.hasPendingBytes)
    }

    @Test func finishAddsTheUnterminatedLastLine() {
        var store = LineStore()
        store.append(bytes("first\r\nlast"))
        #expect(store.finish() == 1..<2)
        #expect(store.isFinished)
        #expect(lines(store) == [bytes("first"), bytes("last")])
    }

    @Test func finishTrimsACRFromTheUnterminatedLastLine() {
        #expect(lines(store([bytes("last\r")])) == [bytes("last")])
    }

    @Test func finishAddsNothingWhenTheInputEndsWithANewline() {
        var store = LineStore()
        store.append(bytes("only\n"))
        #expect(store.finish() == 1..<1)
        #expect(store.count == 1)
        #expect(store.finish() == 1..<1)
    }

    @Test func emptyInputHasNoLines() {
        var store = LineStore()
        #expect(!store.hasPendingBytes)
        #expect(store.finish() == 0..<0)
        #expect(store.count == 0)
    }

    @Test func byteCountCountsEveryByteIncludingLineEndings() {
        let store = store([bytes("ab\r\n"), bytes("c\n"), bytes("d")])
        #expect(store.byteCount == 7)
    }

    @Test func lineSplitAtEveryOffsetIsTheSame() {
        let data = bytes("alpha\r\nbeta\n\ngamma\r\r\ndelta\r\nepsilon")
        let expected = [bytes("alpha"), bytes("beta"), [], bytes("gamma"), bytes("delta"), bytes("epsilon")]
        for offset in 0...data.count {
            #expect(lines(store([Array(data[..<offset]), Array(data[offset...])])) == expected, "split at \(offset)")
        }
        #expect(lines(store(data.map { [$0] })) == expected)
    }

    @Test func linesStraddlingTheBlockBoundaryStayWhole() {
        // About 2.5 blocks of lines of varied lengths, fed in chunks that do not line up with them.
        var expected: [[UInt8]] = []
        var data: [UInt8] = []
        var number = 0
        while data.count < LineStore.blockSize * 5 / 2 {
            let line = numberedLine(number, length: 700 + (number * 7919) % 3001)
            expected.append(line)
            data += line + (number % 2 == 0 ? [0x0D, 0x0A] : [0x0A])
            number += 1
        }
        for chunkSize in [65_537, 4093, 1_500_000] {
            let store = store(chunked(data, chunkSize))
            #expect(firstDifference(store, expected) == nil, "chunks of \(chunkSize)")
            #expect(store.byteCount == data.count)
        }
    }

    @Test func lineEndingRightAtTheBlockBoundaryAndTheNextOneStraddlingIt() {
        let first = numberedLine(1, length: LineStore.blockSize - 1)  // with its LF: exactly one block
        let second = numberedLine(2, length: 100)
        let third = numberedLine(3, length: LineStore.blockSize - 50)
        let fourth = numberedLine(4, length: 200)  // crosses the end of the block `third` is in
        let data = first + [0x0A] + second + [0x0A] + third + [0x0D, 0x0A] + fourth
        for chunkSize in [data.count, 1 << 16, 333_333] {
            let store = store(chunked(data, chunkSize))
            #expect(firstDifference(store, [first, second, third, fourth]) == nil, "chunks of \(chunkSize)")
        }
    }

    @Test func singleLineLargerThanABlockIsKeptWhole() {
        let huge = numberedLine(7, length: LineStore.blockSize * 3 + 5)
        let data = bytes("before\n") + huge + bytes("\r\nafter\n")
        for chunkSize in [100_000, data.count] {
            let store = store(chunked(data, chunkSize))
            #expect(firstDifference(store, [bytes("before"), huge, bytes("after")]) == nil, "chunks of \(chunkSize)")
        }
    }

    @Test func firstInputLargerThanABlockIsKeptWhole() {
        let huge = numberedLine(9, length: LineStore.blockSize + 10)
        var store = LineStore()
        store.append(huge)
        #expect(store.count == 0)
        store.append(bytes("\nnext"))
        store.finish()
        #expect(firstDifference(store, [huge, bytes("next")]) == nil)
    }

    @Test func unterminatedHugeLastLineIsAddedByFinish() {
        let huge = numberedLine(11, length: LineStore.blockSize * 2)
        let store = store(chunked(bytes("x\n") + huge, 250_000))
        #expect(firstDifference(store, [bytes("x"), huge]) == nil)
    }
}

@Suite struct LineStoreLoneCRTests {
    private func crStore(_ chunks: [[UInt8]]) -> LineStore {
        var store = LineStore(endsLinesAtLoneCR: true)
        for chunk in chunks { store.append(chunk) }
        store.finish()
        return store
    }

    @Test func anOldMacFileSplitsAtEachCR() {
        #expect(lines(crStore([bytes("one\rtwo\r\rfour\r")])) == [bytes("one"), bytes("two"), [], bytes("four")])
    }

    @Test func aHeaderWithCRLFThenCROnlyLinesSplitsAtBoth() {
        #expect(lines(crStore([bytes("--1\r\nfirst\rsecond\rthird")])) == [bytes("--1"), bytes("first"), bytes("second"), bytes("third")])
    }

    @Test func crlfAndDoubleCRBeforeLFStayOneLineEnd() {
        #expect(lines(crStore([bytes("a\r\nb\r\r\nc\n")])) == [bytes("a"), bytes("b"), bytes("c")])
    }

    @Test func loneCRSplittingIsTheSameAtEverySplitOffset() {
        let data = bytes("--1\r\nalpha\rbeta\r\rgamma\r\r\ndelta\r\nepsilon\r")
        let expected = [bytes("--1"), bytes("alpha"), bytes("beta"), [], bytes("gamma"), bytes("delta"), bytes("epsilon")]
        for offset in 0...data.count {
            #expect(lines(crStore([Array(data[..<offset]), Array(data[offset...])])) == expected, "split at \(offset)")
        }
        #expect(lines(crStore(data.map { [$0] })) == expected)
    }

    @Test func withoutLoneCRModeACRInsideALineIsKept() {
        #expect(lines(store([bytes("a\rb\n")])) == [bytes("a\rb")])
    }
}

/// Streaming consumers (`--dump`) forget the lines they have printed.
@Suite struct LineStoreDiscardTests {
    @Test func discardingKeepsTheLastLinesNumberedFromZero() {
        var store = LineStore()
        store.append(bytes("one\ntwo\nthree\nfour"))
        store.discardLines(keepingLast: 1)
        #expect(lines(store) == [bytes("three")])
        store.append(bytes("\nfive\n"))
        #expect(lines(store) == [bytes("three"), bytes("four"), bytes("five")])
        store.discardLines()
        #expect(store.count == 0)
        store.append(bytes("six"))
        store.finish()
        #expect(lines(store) == [bytes("six")])
    }

    @Test func discardingFreesTheBlocksBehindTheKeptLines() {
        var store = LineStore()
        let line = [UInt8](repeating: 0x61, count: 999) + [0x0A]
        // Three blocks' worth of lines, then all but the last forgotten: one block stays.
        for _ in 0..<(3 * LineStore.blockSize / line.count) { store.append(line) }
        let before = store.count
        store.discardLines(keepingLast: 1)
        #expect(before > 3000)
        #expect(store.count == 1)
        #expect(store.line(0).elementsEqual(line.dropLast()))
        #expect(store.heldBlockCount == 1)
    }

    @Test func anUnfinishedLineCanBeEndedWhereItIs() {
        var store = LineStore()
        store.append(bytes("a\nbcd"))
        #expect(store.pendingByteCount == 3)
        #expect(store.endPendingLine() == 1..<2)
        #expect(store.pendingByteCount == 0)
        store.append(bytes("ef\n"))
        #expect(lines(store) == [bytes("a"), bytes("bcd"), bytes("ef")])
        #expect(store.endPendingLine() == 3..<3)
    }
}
