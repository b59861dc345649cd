import GopherCore

/// Text cut to the screen's columns: one place that knows how wide the screen is and how wide
/// each character is (CJK, combining marks), for every view.
struct ColumnFitter {
    let width: Int

    /// Cuts `text` to the columns left after `offset`.
    func fit(_ text: String, offset: Int = 0) -> String {
        String(DisplayWidth.prefix(of: text, fitting: max(0, width - offset)).text)
    }

    /// A document line cut into screen rows (or just its first row when not wrapping), at most
    /// `limit` of them.
    func rows(of line: String, wrapping: Bool, limit: Int = .max) -> [String] {
        guard wrapping else { return [fit(line)] }
        var pieces: [String] = []
        var rest = Substring(line)
        repeat {
            let (piece, _) = DisplayWidth.prefix(of: String(rest), fitting: width)
            if piece.isEmpty, !rest.isEmpty {
                // A character wider than the screen: show it alone rather than loop.
                pieces.append(String(rest.prefix(1)))
                rest = rest.dropFirst()
                continue
            }
            pieces.append(String(piece))
            rest = rest.dropFirst(piece.count)
        } while !rest.isEmpty && pieces.count < limit
        return pieces
    }

    /// A row of plain text in one style.
    func row(_ text: String, _ style: Style = .normal) -> ScreenRow { ScreenRow([Span(fit(text), style)]) }
}
