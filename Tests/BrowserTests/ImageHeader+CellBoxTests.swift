import GopherCore
import Testing

@testable import Browser

/// The box a picture is drawn in: the window, or, for a tall picture, the window's width and
/// as many rows as that takes, up to four screens.
@Suite struct ImageHeaderCellBoxTests {
    @Test func aPictureThatFitsTheWindowWellFillsIt() {
        #expect(ImageHeader(format: "PNG", width: 640, height: 480).cellBox(columns: 80, rows: 22) == (80, 22))
        #expect(ImageHeader(format: "PNG", width: 400, height: 400).cellBox(columns: 80, rows: 22) == (80, 22))
    }

    @Test func aTallPictureIsFittedToTheWidthAndScrolled() {
        // 60×400 in 22 rows would be 6 columns wide; at 80 columns it takes 267 rows, cut to 88.
        #expect(ImageHeader(format: "PNG", width: 60, height: 400).cellBox(columns: 80, rows: 22) == (80, 88))
        #expect(ImageHeader(format: "PNG", width: 300, height: 1000).cellBox(columns: 80, rows: 22) == (80, 88))
        // Less tall: as many rows as the width needs (40 × 300 ÷ 200).
        #expect(ImageHeader(format: "PNG", width: 100, height: 300).cellBox(columns: 40, rows: 20) == (40, 60))
    }

    @Test func aPictureWithNoSizeFillsTheWindow() {
        #expect(ImageHeader(format: "PNG", width: 0, height: 0).cellBox(columns: 80, rows: 22) == (80, 22))
    }
}
