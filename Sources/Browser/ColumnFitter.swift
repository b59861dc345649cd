import GopherCore

/// Text cut to the screen's columns: one place that knows how wide the screen is and how wide
/// each character is (CJK, combining marks), for every view.
struct ColumnFitter {
    let width: Int

    /// Cuts `text` to the columns left after `offset`.
    func fit(_ text: String, offset: Int = 0) -> String {
        String(DisplayWidth.prefix(of: text, fitting: max(0, width - offset)).text)
    }

    /// Cuts `text` to the columns left after `offset`, its last column a `…` when something was
    /// cut: a line that goes on past the edge (not wrapping) says so.
    func fitMarkingCut(_ text: String, offset: Int = 0) -> String {
        let room = max(0, width - offset)
        let fitted = DisplayWidth.prefix(of: text, fitting: room).text
        // Only what fits is measured: a line may be a megabyte long.
        guard fitted.endIndex < text.endIndex, room > 0 else { return String(fitted) }
        return String(DisplayWidth.prefix(of: String(fitted), fitting: room - 1).text) + "…"
    }

    /// A line cut into screen rows (or just its first row, marked where it is cut, when not
    /// wrapping), at most `limit` of them. Rows break after a space where the line has one in reach, so a word is not split
    /// (`ide|a`); a word longer than the row is split where it must be.
    func rows(of line: String, wrapping: Bool, limit: Int = .max) -> [String] {
        guard wrapping else { return [fitMarkingCut(line)] }
        var pieces: [String] = []
        var rest = Substring(line)
        repeat {
            let (fitted, _) = DisplayWidth.prefix(of: String(rest), fitting: width)
            var piece = Substring(fitted)
            if piece.isEmpty, !rest.isEmpty {
                // A character wider than the screen: show it alone rather than loop.
                pieces.append(String(rest.prefix(1)))
                rest = rest.dropFirst()
                continue
            }
            var taken = piece.count
            let cutsAWord = taken < rest.count && piece.last != " " && rest.dropFirst(taken).first != " "
            if cutsAWord, let space = piece.lastIndex(of: " "), space > piece.startIndex {
                piece = piece[..<space]
                taken = piece.count + 1  // the space the row broke at is not shown
            }
            pieces.append(String(piece))
            rest = rest.dropFirst(taken)
            // A row that ended just before a space: the next row does not start with it.
            if taken == fitted.count, rest.first == " ", !(rest.allSatisfy { $0 == " " }) { rest = rest.dropFirst() }
        } while !rest.isEmpty && pieces.count < limit
        return pieces
    }

    /// A row of plain text in one style.
    func row(_ text: String, _ style: Style = .normal) -> ScreenRow { ScreenRow([Span(fit(text), style)]) }
}
