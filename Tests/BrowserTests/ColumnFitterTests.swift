import Testing

@testable import Browser

// Cutting and wrapping text to the screen's columns, counting wide characters as two.

@Test func fitCutsToTheColumnsLeftAfterAnOffset() {
    let columns = ColumnFitter(width: 10)
    #expect(columns.fit("gopherspace") == "gopherspac")
    #expect(columns.fit("gopherspace", offset: 6) == "goph")
    #expect(columns.fit("日本語のテキスト") == "日本語のテ")
    #expect(columns.fit("x", offset: 12) == "")
}

@Test func rowsWrapAtTheWidthAndStopAtTheLimit() {
    let columns = ColumnFitter(width: 4)
    #expect(columns.rows(of: "abcdefghij", wrapping: true) == ["abcd", "efgh", "ij"])
    #expect(columns.rows(of: "abcdefghij", wrapping: true, limit: 2) == ["abcd", "efgh"])
    #expect(columns.rows(of: "abcdefghij", wrapping: false) == ["abc…"])
    #expect(columns.rows(of: "abcd", wrapping: false) == ["abcd"])
    #expect(columns.rows(of: "", wrapping: true) == [""])
}

@Test func aCharacterWiderThanTheScreenGetsARowOfItsOwn() {
    let columns = ColumnFitter(width: 1)
    #expect(columns.rows(of: "日x", wrapping: true) == ["日", "x"])
}

@Test func rowsBreakAtSpacesAndNeverStartWithTheSpaceTheyBrokeAt() {
    let columns = ColumnFitter(width: 10)
    #expect(columns.rows(of: "an idea in mind", wrapping: true) == ["an idea in", "mind"])
    #expect(columns.rows(of: "an idea inmind", wrapping: true) == ["an idea", "inmind"])
    #expect(columns.rows(of: "abcdefghijklm no", wrapping: true) == ["abcdefghij", "klm no"])
}
