import Testing

@testable import Browser

// Scrolling arithmetic: what fits, the last useful top, paging, revealing a line.

@Test func linesFittingCountsRowsOfWrappedLines() {
    // Every third line takes three rows.
    let layout = LineLayout(count: 30, pageRows: 10) { $0 % 3 == 0 ? 3 : 1 }
    #expect(layout.linesFitting(from: 0, forward: true) == 6)  // 3+1+1+3+1+1 rows
    #expect(layout.linesFitting(from: 29, forward: false) == 6)
    #expect(layout.maxTop == 24)
}

@Test func aLineTallerThanTheScreenStillFitsAlone() {
    let layout = LineLayout(count: 3, pageRows: 5) { _ in 9 }
    #expect(layout.linesFitting(from: 1, forward: true) == 1)
    #expect(layout.maxTop == 2)
}

@Test func pagingKeepsOneLineOfContextAndStaysInBounds() {
    let layout = LineLayout(count: 25, pageRows: 10)
    #expect(layout.pageDown(from: 0) == 9)
    #expect(layout.pageDown(from: 9) == 15)
    #expect(layout.pageDown(from: 15) == 15)
    #expect(layout.pageUp(from: 15) == 6)
    #expect(layout.pageUp(from: 3) == 0)
}

@Test func revealingScrollsTheLeastAndOnlyWhenNeeded() {
    let layout = LineLayout(count: 100, pageRows: 10)
    #expect(layout.revealing(5, from: 0) == 0)
    #expect(layout.revealing(12, from: 0) == 3)
    #expect(layout.revealing(2, from: 20) == 2)
    #expect(layout.revealing(99, from: 0) == 90)
}

@Test func positionTextSaysWhichLinesShow() {
    #expect(LineLayout(count: 100, pageRows: 10).positionText(top: 20) == "lines 21–30 of 100 (30%)")
    #expect(LineLayout(count: 4, pageRows: 10).positionText(top: 0) == "lines 1–4 of 4 (100%)")
    #expect(LineLayout(count: 0, pageRows: 10).positionText(top: 0) == "empty page")
}
