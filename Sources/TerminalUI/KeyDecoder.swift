import Browser

/// Turns what curses read into keys, catching the escape sequences curses did not know.
///
/// Curses decodes the sequences terminfo lists for `TERM`. Under `TERM=xterm-256color` inside
/// tmux or screen, Home and End arrive as `ESC [1~` / `ESC [4~`, which xterm's entry does not
/// list: curses hands them over byte by byte, and ESC would cancel while `1` or `4` selected a
/// link. So a sequence that curses passed through is decoded here when it is a common
/// alternate (`ESC[1~ ESC[7~ ESC[H ESCOH` Home, `ESC[4~ ESC[8~ ESC[F ESCOF` End, `ESC[5~`/`[6~`
/// PgUp/PgDn, `ESC[3~` Delete, `ESC[2~` Insert, arrows), and swallowed whole when it is not.
/// An ESC with nothing after it in the same read is the Esc key, at once.
public enum KeyDecoder {
    /// One unit from `wget_wch`: a curses key code, or a character.
    public enum Input: Equatable, Sendable {
        case code(Int32)
        case character(UInt32)
        /// A mouse event curses decoded itself.
        case mouse(MouseEvent)
    }

    public static func keys(from inputs: [Input]) -> [Key] {
        var keys: [Key] = []
        var index = 0
        while index < inputs.count {
            defer { index += 1 }
            switch inputs[index] {
            case .code(let code):
                if let key = Terminal.key(forKeyCode: code) { keys.append(key) }
            case .mouse(let event):
                keys.append(.mouse(event))
            case .character(27):
                guard case .character(let introducer)? = inputs[safe: index + 1],
                    introducer == UInt32(UInt8(ascii: "[")) || introducer == UInt32(UInt8(ascii: "O"))
                else {
                    keys.append(.escape)
                    continue
                }
                let (key, length) = sequence(inputs, from: index + 1)
                if let key { keys.append(key) }
                index += length
            case .character(let value):
                if let key = Terminal.key(forCharacter: value) { keys.append(key) }
            }
        }
        return keys
    }

    /// Reads a CSI (`[` parameters, intermediates, a final byte) or SS3 (`O` and one byte)
    /// sequence starting at its introducer; returns its key (nil: unknown, swallowed) and how many
    /// units it took.
    private static func sequence(_ inputs: [Input], from start: Int) -> (Key?, Int) {
        guard case .character(let introducer) = inputs[start] else { return (nil, 1) }
        var body: [UInt8] = []
        var index = start + 1
        if introducer == UInt32(UInt8(ascii: "O")) {
            guard case .character(let final)? = inputs[safe: index], final < 0x80 else { return (nil, 1) }
            return (ss3Keys[UInt8(final)], 2)
        }
        while case .character(let value)? = inputs[safe: index], value < 0x80 {
            body.append(UInt8(value))
            index += 1
            if (0x40...0x7E).contains(value) { break }  // the final byte
        }
        guard let final = body.last, (0x40...0x7E).contains(final) else { return (nil, index - start) }
        let parameters = body.dropLast().prefix { (0x30...0x3F).contains($0) }
        let key: Key?
        if parameters.first == UInt8(ascii: "<"), final == UInt8(ascii: "M") || final == UInt8(ascii: "m") {
            key = sgrMouse(parameters.dropFirst(), released: final == UInt8(ascii: "m"))
        } else if final == UInt8(ascii: "~") {
            // `1;5~` (with a modifier) is the same key: the number before the first `;` counts.
            let number = Int(String(decoding: parameters.prefix { $0 != UInt8(ascii: ";") }, as: UTF8.self))
            key = number.flatMap { tildeKeys[$0] }
        } else {
            key = finalKeys[final]
        }
        return (key, index - start)
    }

    /// An SGR (1006) mouse report, `ESC [ < button ; column ; row M` (1-based; `m` is a release):
    /// a press of the first button, or a wheel step. Other buttons, drags and releases are dropped.
    static func sgrMouse(_ parameters: ArraySlice<UInt8>, released: Bool) -> Key? {
        let numbers = parameters.split(separator: UInt8(ascii: ";")).map { Int(String(decoding: $0, as: UTF8.self)) }
        guard numbers.count == 3, let button = numbers[0], let column = numbers[1], let row = numbers[2],
            column >= 1, row >= 1, !released
        else { return nil }
        let action: MouseEvent.Action
        switch button & ~0b1_1100 {  // without the shift, alt and ctrl bits
        case 0 where button & 32 == 0: action = .press
        case 64: action = .wheelUp
        case 65: action = .wheelDown
        default: return nil
        }
        return .mouse(MouseEvent(action, row: row - 1, column: column - 1))
    }

    /// `ESC [ N ~` sequences.
    private static let tildeKeys: [Int: Key] = [
        1: .home, 7: .home, 4: .end, 8: .end, 5: .pageUp, 6: .pageDown, 3: .delete,
        11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
        17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
        23: .function(11), 24: .function(12),
    ]

    /// `ESC [ … X` sequences by their final byte (modifiers ignored).
    private static let finalKeys: [UInt8: Key] = [
        UInt8(ascii: "A"): .up, UInt8(ascii: "B"): .down, UInt8(ascii: "C"): .right, UInt8(ascii: "D"): .left,
        UInt8(ascii: "H"): .home, UInt8(ascii: "F"): .end,
        // Shift-Tab (`ESC [Z`), which some terminfo entries do not list as kcbt.
        UInt8(ascii: "Z"): .backTab,
    ]

    /// `ESC O X` sequences (application mode).
    private static let ss3Keys: [UInt8: Key] = [
        UInt8(ascii: "A"): .up, UInt8(ascii: "B"): .down, UInt8(ascii: "C"): .right, UInt8(ascii: "D"): .left,
        UInt8(ascii: "H"): .home, UInt8(ascii: "F"): .end, UInt8(ascii: "M"): .enter,
        UInt8(ascii: "P"): .function(1), UInt8(ascii: "Q"): .function(2), UInt8(ascii: "R"): .function(3),
        UInt8(ascii: "S"): .function(4),
    ]
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
