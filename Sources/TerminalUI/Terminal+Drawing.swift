import Browser
import CNcursesw

extension Terminal {
    /// Draws `screen` as it is and updates the terminal once, sending only what changed.
    public func draw(_ screen: Screen) {
        guard !isEnded else { return }
        werase(cwarren_stdscr())
        var drewPicture = false
        defer { if !drewPicture { releasePicturePairs() } }
        let height = min(screen.rows.count, size.height)
        for (index, row) in screen.rows.prefix(height).enumerated() {
            let y = Int32(index)
            // Paint the whole row in its fill style first; the spans are then written over it, so
            // the fill covers exactly what the spans leave, with no column arithmetic here.
            wmove(cwarren_stdscr(), y, 0)
            cwarren_bkgdset(attributes(for: row.fill))
            wclrtoeol(cwarren_stdscr())
            cwarren_bkgdset(cwarren_a_normal())
            wmove(cwarren_stdscr(), y, 0)
            for span in row.spans where !span.text.isEmpty {
                if let colours = span.colours, pictureColours > 0 {
                    drewPicture = true
                    cwarren_use_pair(picturePair(colours), colours.reverse ? 1 : 0)
                } else {
                    cwarren_attrset(attributes(for: span.style))
                }
                addWide(span.text)
            }
        }
        cwarren_attrset(cwarren_a_normal())
        if let cursor = screen.cursor {
            wmove(cwarren_stdscr(), Int32(cursor.row), Int32(cursor.column))
            setCursorVisible(true)
        } else {
            setCursorVisible(false)
        }
        wnoutrefresh(cwarren_stdscr())
        doupdate()
    }

    /// The pair for a picture cell's colours: one that has them already, else a new one while
    /// there is room beside the theme's, else the default pair (never a theme pair taken back).
    private func picturePair(_ colours: CellColours) -> Int32 {
        let foreground = Int32(colours.foreground)
        let background = Int32(colours.background)
        let found = cwarren_find_pair(foreground, background)
        if found >= 0 { return found }
        guard picturePairs.count < pictureLimit else { return 0 }
        let made = cwarren_alloc_pair(foreground, background)
        guard made > 0 else { return 0 }
        picturePairs.insert(made)
        return made
    }

    /// The pairs made for pictures, given back once none is on screen.
    private func releasePicturePairs() {
        guard !picturePairs.isEmpty else { return }
        for pair in picturePairs { cwarren_free_pair(pair) }
        picturePairs.removeAll()
    }

    /// Writes through the wide-character API, so CJK and combining characters take the columns
    /// the locale gives them.
    private func addWide(_ text: String) {
        let characters = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) }
        characters.withUnsafeBufferPointer { buffer in
            _ = waddnwstr(cwarren_stdscr(), buffer.baseAddress, Int32(buffer.count))
        }
    }
}
