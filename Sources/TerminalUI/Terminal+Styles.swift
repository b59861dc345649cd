import Browser
import CNcursesw

/// Curses attributes for each `Style`: colour where the terminal has it and the user allows it,
/// otherwise bold, reverse, underline and dim only.
struct Palette {
    private let attributes: [Style: attr_t]

    subscript(style: Style) -> attr_t { attributes[style] ?? cwarren_a_normal() }

    static func monochrome() -> Palette {
        let bold = cwarren_a_bold(), dim = cwarren_a_dim(), reverse = cwarren_a_reverse()
        let underline = cwarren_a_underline()
        return Palette(attributes: [
            .normal: cwarren_a_normal(),
            .title: reverse | bold,
            .status: reverse,
            .statusError: reverse | bold,
            .linkNumber: dim,
            .tag: dim,
            .link: bold,
            .selectedLink: reverse,
            .invalidLink: dim | underline,
            .info: cwarren_a_normal(),
            .error: bold,
            .prompt: cwarren_a_normal(),
        ])
    }

    /// Foreground colours on the terminal's own background (use_default_colors), so the user's
    /// theme stays; reverse video turns a foreground into a bar.
    static func colour() -> Palette {
        start_color()
        let background: Int16 = use_default_colors() == OK ? -1 : Int16(COLOR_BLACK)
        var nextPair: Int16 = 1
        func pair(_ foreground: Int32, _ back: Int16? = nil) -> attr_t {
            let number = nextPair
            nextPair += 1
            init_pair(number, Int16(foreground), back ?? background)
            return cwarren_color_pair(Int32(number))
        }
        let bold = cwarren_a_bold(), reverse = cwarren_a_reverse()
        return Palette(attributes: [
            .normal: cwarren_a_normal(),
            .title: reverse | bold,
            .status: pair(COLOR_CYAN) | reverse,
            .statusError: pair(COLOR_RED) | reverse | bold,
            .linkNumber: pair(COLOR_YELLOW),
            .tag: pair(COLOR_GREEN),
            .link: pair(COLOR_CYAN) | bold,
            .selectedLink: reverse | bold,
            .invalidLink: pair(COLOR_MAGENTA),
            .info: cwarren_a_normal(),
            .error: pair(COLOR_RED) | bold,
            .prompt: cwarren_a_normal(),
        ])
    }
}

extension Terminal {
    func attributes(for style: Style) -> attr_t { palette[style] }

    /// curs_set costs a write to the terminal, so only call it when visibility changes.
    func setCursorVisible(_ visible: Bool) {
        guard visible != isCursorVisible else { return }
        isCursorVisible = visible
        curs_set(visible ? 1 : 0)
    }
}
