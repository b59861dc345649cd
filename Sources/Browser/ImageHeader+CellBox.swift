import GopherCore

extension ImageHeader {
    /// How many screens tall a picture may be drawn, at most, to be scrolled.
    static let tallestScreens = 4

    /// The box of character cells chafa is asked to fit the picture in, for a page area of
    /// `columns` × `rows`. A picture that fits the window at half its width or more fills the
    /// window; a tall one (a comic strip, a portrait scan) would be a sliver so, so it is fitted
    /// to the width instead, up to `tallestScreens` screens tall, and scrolled. A cell is
    /// about twice as tall as it is wide.
    public func cellBox(columns: Int, rows: Int) -> (columns: Int, rows: Int) {
        let columns = max(1, columns)
        let rows = max(1, rows)
        guard width > 0, height > 0 else { return (columns, rows) }
        let fittedColumns = Double(rows) * 2 * Double(width) / Double(height)
        guard fittedColumns * 2 < Double(columns) else { return (columns, rows) }
        let rowsAtFullWidth = (Double(columns) * Double(height) / (2 * Double(width))).rounded(.up)
        return (columns, max(rows, min(rows * Self.tallestScreens, Int(rowsAtFullWidth))))
    }
}
