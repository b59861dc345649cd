import Browser
import CNcursesw

/// Curses attributes for each `Style`, made from a `Theme`: its colours where the terminal has
/// them and the user allows them, otherwise its attributes only (bold, dim, underline, reverse).
struct Palette {
    private let attributes: [Style: attr_t]
    /// Colour pairs the theme took (1 to this number).
    var pairsUsed = 0

    subscript(style: Style) -> attr_t { attributes[style] ?? cwarren_a_normal() }

    static func monochrome(_ theme: Theme) -> Palette {
        Palette(attributes: Dictionary(uniqueKeysWithValues: Style.allCases.map { style in
            (style, curses(theme[style, inColour: false].attributes))
        }))
    }

    /// Colours on the terminal's own background where it lets us (use_default_colors), so the
    /// user's terminal theme shows through wherever Warren's theme says "default". Nil on a
    /// terminal of fewer than 8 colours, which cannot draw a theme readably.
    static func colour(_ theme: Theme) -> Palette? {
        start_color()
        guard cwarren_colors() >= 8, cwarren_color_pairs() >= 2 else { return nil }
        let keepsDefaults = use_default_colors() == OK
        let colours = TerminalColours(count: Int(cwarren_colors()))
        // COLOR_PAIR packs the pair into 8 bits of attr_t: at most 255 besides pair 0.
        let pairLimit = min(Int(cwarren_color_pairs()) - 1, 255)
        var pairs: [TerminalColours.Pair: Int16] = [:]
        var attributes: [Style: attr_t] = [:]
        for style in Style.allCases {
            let appearance = theme[style, inColour: true]
            var value = curses(appearance.attributes)
            var pair = colours.pair(for: appearance)
            if pair.bold { value |= cwarren_a_bold() }
            if !keepsDefaults {
                // Without default colours, -1 is not allowed: white on black stands in.
                if pair.foreground == -1 { pair.foreground = Int16(COLOR_WHITE) }
                if pair.background == -1 { pair.background = Int16(COLOR_BLACK) }
            }
            if !pair.isDefault {
                pair.bold = false
                if let number = pairs[pair] {
                    value |= cwarren_color_pair(Int32(number))
                } else if pairs.count < pairLimit {
                    let number = Int16(pairs.count + 1)
                    init_pair(number, pair.foreground, pair.background)
                    pairs[pair] = number
                    value |= cwarren_color_pair(Int32(number))
                } else {
                    // No pair left: the monochrome look, never a wrong colour.
                    value = curses(theme[style, inColour: false].attributes)
                }
            }
            attributes[style] = value
        }
        return Palette(attributes: attributes, pairsUsed: pairs.count)
    }

    private static func curses(_ attributes: TextAttributes) -> attr_t {
        var value = cwarren_a_normal()
        if attributes.contains(.bold) { value |= cwarren_a_bold() }
        if attributes.contains(.dim) { value |= cwarren_a_dim() }
        if attributes.contains(.underline) { value |= cwarren_a_underline() }
        if attributes.contains(.reverse) { value |= cwarren_a_reverse() }
        return value
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
