import Browser

/// Maps a theme's colours to what a terminal with `count` colours can show (curses' `COLORS`):
/// all 256 as they are; `#rrggbb` to the nearest of the 256 (or of 16 on smaller terminals);
/// on 8 colours, bright ones become their base colour in bold. A pair that would come out the
/// same colour on both sides gets a foreground that can be read on its background instead.
/// Pure arithmetic, so it is tested without a terminal.
struct TerminalColours: Sendable {
    /// How many colours the terminal has (8, 16, 256, or more).
    let count: Int

    /// What curses is given for one look: colour numbers (-1 is the terminal's own) and
    /// whether bold stands in for a bright foreground.
    struct Pair: Hashable, Sendable {
        var foreground: Int16
        var background: Int16
        var bold: Bool

        var isDefault: Bool { foreground == -1 && background == -1 }
    }

    func pair(for appearance: Appearance) -> Pair {
        let foreground = appearance.foreground.map { number(for: $0) }
        let background = appearance.background.map { number(for: $0) }
        var pair = Pair(
            foreground: foreground.map { Int16($0.number) } ?? -1,
            background: background.map { Int16($0.number) } ?? -1,
            bold: foreground?.bright ?? false
        )
        if pair.foreground != -1, pair.foreground == pair.background {
            // Unreadable as it stands (often two colours that reduced to one): light on dark,
            // dark on light.
            pair.foreground = Self.isDark(Self.rgb(ofIndex: Int(pair.background))) ? 7 : 0
            pair.bold = false
        }
        return pair
    }

    /// The terminal's number for `colour`, and whether it needs bold to look bright.
    func number(for colour: Colour) -> (number: Int, bright: Bool) {
        let index: Int
        switch colour {
        case .indexed(let value): index = Int(value)
        case .rgb(let red, let green, let blue):
            index = count >= 256 ? Self.nearest(red, green, blue, among: 16..<256) : Self.nearest(red, green, blue, among: 0..<16)
        }
        if count >= 256 || index < min(count, 16) { return (index, false) }
        // A terminal of 8 or 16 colours: an index beyond them by its look, then 8–15 as bold 0–7.
        let rgb = Self.rgb(ofIndex: index)
        let sixteen = index < 16 ? index : Self.nearest(rgb.red, rgb.green, rgb.blue, among: 0..<16)
        if count >= 16 { return (sixteen, false) }
        return sixteen >= 8 ? (sixteen - 8, true) : (sixteen, false)
    }

    // MARK: The xterm palette

    /// xterm's default RGB for the 256 indexes: 16 basic colours, a 6×6×6 cube, 24 greys.
    static func rgb(ofIndex index: Int) -> (red: UInt8, green: UInt8, blue: UInt8) {
        switch index {
        case 0..<16:
            let value = basic[index]
            return (UInt8(value >> 16), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF))
        case 16..<232:
            let cube = index - 16
            return (level[cube / 36], level[(cube / 6) % 6], level[cube % 6])
        default:
            let grey = UInt8(8 + 10 * (min(index, 255) - 232))
            return (grey, grey, grey)
        }
    }

    private static let basic: [UInt32] = [
        0x000000, 0xCD0000, 0x00CD00, 0xCDCD00, 0x0000EE, 0xCD00CD, 0x00CDCD, 0xE5E5E5,
        0x7F7F7F, 0xFF0000, 0x00FF00, 0xFFFF00, 0x5C5CFF, 0xFF00FF, 0x00FFFF, 0xFFFFFF,
    ]
    private static let level: [UInt8] = [0, 95, 135, 175, 215, 255]

    static func nearest(_ red: UInt8, _ green: UInt8, _ blue: UInt8, among indexes: Range<Int>) -> Int {
        func distance(_ index: Int) -> Int {
            let other = rgb(ofIndex: index)
            let (dr, dg, db) = (Int(red) - Int(other.red), Int(green) - Int(other.green), Int(blue) - Int(other.blue))
            return dr * dr + dg * dg + db * db
        }
        return indexes.min { distance($0) < distance($1) } ?? indexes.lowerBound
    }

    private static func isDark(_ colour: (red: UInt8, green: UInt8, blue: UInt8)) -> Bool {
        // Perceived brightness (ITU-R BT.601 weights), out of 255 000.
        299 * Int(colour.red) + 587 * Int(colour.green) + 114 * Int(colour.blue) < 128_000
    }
}
