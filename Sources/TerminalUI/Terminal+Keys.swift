import Browser
import CNcursesw

extension Terminal {
    /// Every key waiting on the input, decoded; empty when none (reads never block).
    public func readKeys() -> [Key] {
        guard !isEnded else { return [] }
        let keys = pendingKeys + drainKeys()
        pendingKeys = []
        return keys
    }

    /// Reads until curses has nothing buffered, so a readable-fd event is never left half consumed,
    /// and an escape sequence curses did not know is decoded or swallowed whole (`KeyDecoder`).
    func drainKeys() -> [Key] {
        var inputs: [KeyDecoder.Input] = []
        var value: wint_t = 0
        while true {
            let result = wget_wch(cwarren_stdscr(), &value)
            if result == ERR { break }
            let code = Int32(truncatingIfNeeded: value)
            if result == KEY_CODE_YES, code == KEY_MOUSE {
                if let event = Self.mouseEvent() { inputs.append(.mouse(event)) }
                continue
            }
            inputs.append(result == KEY_CODE_YES ? .code(code) : .character(UInt32(value)))
        }
        return KeyDecoder.keys(from: inputs)
    }

    /// The event behind a KEY_MOUSE, as curses decoded it.
    private static func mouseEvent() -> MouseEvent? {
        var row: Int32 = 0
        var column: Int32 = 0
        let action: MouseEvent.Action
        switch cwarren_mouse_read(&row, &column) {
        case 1: action = .press
        case 2: action = .wheelUp
        case 3: action = .wheelDown
        default: return nil
        }
        return MouseEvent(action, row: Int(row), column: Int(column))
    }

    /// A character from the terminal (keypad mode has already turned escape sequences into codes).
    nonisolated static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26: return .control(Character(Unicode.Scalar(UInt8(96 + value))))
        case 0..<32, 0x80..<0xA0: return nil
        default: return Unicode.Scalar(value).map { .character(Character($0)) }
        }
    }

    /// A curses key code (KEY_*); codes Warren has no use for are dropped.
    nonisolated static func key(forKeyCode code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        // Some terminfo entries (rxvt, vt220 style) call the Home/End keys Find/Select.
        case KEY_HOME, KEY_FIND: return .home
        case KEY_END, KEY_SELECT: return .end
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_RESIZE: return .resize
        case cwarren_key_f(0)...cwarren_key_f(63): return .function(Int(code - cwarren_key_f(0)))
        default: return nil
        }
    }
}
