import Browser
import CNcursesw
import Glibc
import SystemPackage

/// The full-screen terminal: draws a `Screen`, reads `Key`s. The only code that touches curses.
///
/// Curses is one global state machine, so use one `Terminal` at a time, on the main actor (the
/// compiler holds every caller to that). Call `end()` from an explicit scope (`defer`), not from
/// a deinit: globals are never deinitialised.
///
/// Signals: curses installs its own SIGINT/SIGTERM/SIGTSTP/SIGWINCH handlers when those are at
/// their default, and its SIGWINCH only shows up at the next read. So the app sets SIG_IGN for the
/// signals it watches with Dispatch sources, and calls `handleResize()` on SIGWINCH.
@MainActor
public final class Terminal {
    let palette: Palette
    /// The colours pictures may use: 256, 16 or 8, or 0 for none (no colour, or `NO_COLOR`).
    public let pictureColours: Int
    /// Pairs made for pictures, and how many may be: what the terminal has, less the theme's
    /// (at most 256) and pair 0.
    var picturePairs: Set<Int32> = []
    let pictureLimit: Int
    var isEnded = false
    var isCursorVisible = false
    /// Keys drained by `handleResize` so the KEY_RESIZE that `resizeterm` queues is not reported twice.
    var pendingKeys: [Key] = []

    /// Starts curses on the controlling terminal. Throws if stdin/stdout is not a terminal or the
    /// terminal type is unknown (instead of curses printing and exiting).
    /// Whether mouse reports were asked for (and must be switched off at the end).
    let usesMouse: Bool

    public init(environment: [String: String], theme: Theme = .standard, mouse: Bool = true) throws {
        Terminal.installEmergencyRestore()
        guard isatty(0) == 1, isatty(1) == 1 else { throw TerminalError.notATerminal }
        setlocale(LC_ALL, "")
        let type = environment["TERM"].flatMap { $0.isEmpty ? nil : $0 }
        // newterm, not initscr: initscr prints and exits on an unknown TERM; this can throw.
        guard cwarren_newterm(type) != nil else { throw TerminalError.unknownTerminalType(type ?? "") }
        guard cwarren_can_address_cursor() == 1 else {
            endwin()
            throw TerminalError.cannotMoveTheCursor(type ?? "")
        }
        // raw, not cbreak: Ctrl-C arrives as byte 3 and Ctrl-Z as byte 26, not as signals.
        raw()
        noecho()
        nonl()
        keypad(cwarren_stdscr(), true)
        // Long enough for an arrow key's bytes to arrive together, short enough that Esc feels instant.
        set_escdelay(25)
        nodelay(cwarren_stdscr(), true)
        curs_set(0)
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let colourPalette = has_colors() && !noColor ? Palette.colour(theme) : nil
        palette = colourPalette ?? Palette.monochrome(theme)
        let colours = Int(cwarren_colors())
        pictureColours = colourPalette == nil ? 0 : (colours >= 256 ? 256 : colours >= 16 ? 16 : 8)
        pictureLimit = max(0, Int(cwarren_color_pairs()) - 1 - palette.pairsUsed)
        usesMouse = mouse
        if mouse {
            cwarren_mouse_enable(1)
            // SGR (1006) reports, so columns past 223 work, also where terminfo only knows the old
            // protocol (screen, tmux): curses decodes them where it can, `KeyDecoder` elsewhere.
            Self.writeToTerminal("\u{1B}[?1000h\u{1B}[?1006h")
        }
    }

    /// Columns and rows of the terminal as curses last saw it.
    public var size: (width: Int, height: Int) {
        (Int(cwarren_cols()), Int(cwarren_lines()))
    }

    /// The file descriptor keys arrive on; watch it for readability and then call `readKeys()`.
    public var inputFileDescriptor: Int32 { 0 }

    /// Re-reads the window size from the terminal (call on SIGWINCH or `.resize`); `size` follows.
    public func handleResize() {
        guard !isEnded else { return }
        var rows: Int32 = 0
        var columns: Int32 = 0
        cwarren_window_size(1, &rows, &columns)
        if rows <= 0 || columns <= 0 { cwarren_window_size(0, &rows, &columns) }
        guard rows > 0, columns > 0 else { return }
        if rows != cwarren_lines() || columns != cwarren_cols() {
            resizeterm(rows, columns)
            // resizeterm queues a KEY_RESIZE; the caller already knows, so swallow it now.
            pendingKeys += drainKeys().filter { $0 != .resize }
        }
        cwarren_force_repaint()
    }

    /// Ctrl-Z: gives the terminal back to the shell and stops; when resumed (`fg`) the next draw
    /// repaints everything.
    public func suspend() {
        guard !isEnded else { return }
        if usesMouse { Self.writeToTerminal("\u{1B}[?1006l\u{1B}[?1000l") }  // the shell gets no reports
        endwin()
        // raise, not kill(getpid()): a thread-directed SIGSTOP stops this thread before raise
        // returns; a process-directed one may be taken by another thread while this one redraws.
        raise(SIGSTOP)
        // Resumed: refresh() re-enters curses mode but leaves the keypad off until the next read,
        // so an arrow typed before then would arrive as ESC [ B; switch it on now.
        refresh()
        keypad(cwarren_stdscr(), true)
        if usesMouse { Self.writeToTerminal("\u{1B}[?1000h\u{1B}[?1006h") }
        // The size may have changed while stopped.
        handleResize()
    }

    /// Steps aside for a program that runs on the terminal (a handler with `terminal = true`):
    /// curses is left, `body` runs, and the screen comes back as it was, at the size it now is.
    public func stepAside(_ body: () -> Void) {
        guard !isEnded else { return body() }
        if usesMouse { Self.writeToTerminal("\u{1B}[?1006l\u{1B}[?1000l") }
        endwin()
        body()
        refresh()
        keypad(cwarren_stdscr(), true)
        if usesMouse { Self.writeToTerminal("\u{1B}[?1000h\u{1B}[?1006h") }
        handleResize()
    }

    /// Restores the terminal (leaves the alternate screen, shows the cursor). Safe to call twice.
    public func end() {
        guard !isEnded else { return }
        isEnded = true
        if usesMouse {
            cwarren_mouse_enable(0)
            Self.writeToTerminal("\u{1B}[?1006l\u{1B}[?1000l")
        }
        curs_set(1)
        endwin()
    }
}

extension Terminal {
    /// Bytes for the terminal itself (mode switches curses does not make).
    static func writeToTerminal(_ text: String) {
        _ = try? FileDescriptor.standardOutput.writeAll(Array(text.utf8))
    }
}

/// Why the terminal could not start.
public enum TerminalError: Error, CustomStringConvertible {
    case notATerminal
    case unknownTerminalType(String)
    /// A known type without cursor addressing (`dumb`): curses would draw only the last row.
    case cannotMoveTheCursor(String)

    public var description: String {
        switch self {
        case .notATerminal:
            return "standard input and output must be a terminal"
        case .unknownTerminalType(let type):
            return "cannot use terminal type '\(type.isEmpty ? "(TERM not set)" : type)'"
        case .cannotMoveTheCursor(let type):
            return "terminal type '\(type)' cannot move the cursor, which the full screen needs: "
                + "set TERM to your terminal's type (xterm-256color, say), or use warren --dump URL"
        }
    }
}
