/// Makes text from the network safe to put on a terminal.
///
/// Nothing that could act on a terminal survives: escape sequences (CSI, OSC, DCS, SOS, PM, APC
/// and two-byte ESC sequences) are removed whole, so their parameters do not show as litter;
/// C0 controls other than TAB, DEL, and the C1 controls U+0080–U+009F are dropped (an 8-bit CSI
/// or OSC introducer also swallows its sequence). TABs expand to the next multiple of 8 columns.
/// The same rule serves menus, documents, server messages, URLs and file names.
public enum Sanitizer {
    public static let tabWidth = 8

    private enum State {
        case text
        case escape              // after ESC
        case controlSequence     // CSI: parameters until a final byte 0x40–0x7E
        case string              // OSC, DCS, SOS, PM, APC: until BEL or ST
        case stringEscape        // ESC inside a string: `\` ends it (ST)
    }

    /// The sanitised text, with TABs expanded as if it started at `column`.
    public static func clean(_ text: String, startColumn: Int = 0) -> String {
        // Fast path: plain printable ASCII needs no work.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }

        var output = String.UnicodeScalarView()
        var state = State.text
        var column = startColumn
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch state {
            case .text:
                if value == 0x1B {
                    state = .escape
                } else if value == 0x9B {
                    state = .controlSequence
                } else if value == 0x90 || value == 0x9D || value == 0x98 || value == 0x9E || value == 0x9F {
                    state = .string
                } else if value == 0x09 {
                    let spaces = tabWidth - column % tabWidth
                    output.append(contentsOf: repeatElement(" ", count: spaces))
                    column += spaces
                } else if isControl(value) || isBidiControl(value) {
                    continue
                } else {
                    output.append(scalar)
                    column += DisplayWidth.columns(of: scalar)
                }
            case .escape:
                switch value {
                case 0x5B: state = .controlSequence                     // [
                case 0x5D, 0x50, 0x58, 0x5E, 0x5F: state = .string      // ] P X ^ _
                case 0x20...0x2F: state = .escape                        // intermediate bytes
                case 0x1B: state = .escape
                default: state = .text                                   // ESC + final byte
                }
            case .controlSequence:
                if (0x40...0x7E).contains(value) || value > 0x7F || value == 0x1B {
                    state = value == 0x1B ? .escape : .text
                }
            case .string:
                if value == 0x07 || value == 0x9C {
                    state = .text
                } else if value == 0x1B {
                    state = .stringEscape
                }
            case .stringEscape:
                state = value == 0x5C ? .text : .string
            }
        }
        return String(output)
    }

    /// True for a scalar that must never reach a terminal on its own.
    public static func isControl(_ value: UInt32) -> Bool {
        value < 0x20 || (0x7F...0x9F).contains(value)
    }

    /// Embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) would reorder the rest
    /// of the row on a bidi-aware terminal and throw columns off; they are dropped.
    public static func isBidiControl(_ value: UInt32) -> Bool {
        (0x202A...0x202E).contains(value) || (0x2066...0x2069).contains(value)
    }

    /// A value for a message, cleaned and in quotes, so that an empty or odd value is visible.
    public static func quoted(_ text: String) -> String {
        "\"\(clean(text))\""
    }
}
