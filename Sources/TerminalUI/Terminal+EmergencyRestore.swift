import CNcursesw
import Glibc

// State read by the crash handlers. Written once by `installEmergencyRestore` before any handler
// is installed and never again, so the handlers only read it: nonisolated(unsafe) is sound here.
// Pointers (not Swift variables) so a handler does no exclusivity bookkeeping and no allocation.
nonisolated(unsafe) private let savedTermios = UnsafeMutablePointer<termios>.allocate(capacity: 1)
nonisolated(unsafe) private let hasSavedTermios = UnsafeMutablePointer<Bool>.allocate(capacity: 1)
nonisolated(unsafe) private let previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 65)

/// Signals that mean the process is crashing; SIGTERM/SIGHUP/SIGINT are the app's to handle.
private let crashSignals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE]

/// Async-signal-safe apart from what the previous handler does: tcsetattr, write, sigaction, raise.
private func restoreTerminalAndDie(
    _ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?
) {
    if hasSavedTermios.pointee {
        tcsetattr(0, TCSANOW, savedTermios)
    }
    // Leave the alternate screen, show the cursor, reset attributes, keypad back to normal mode,
    // mouse reports off.
    let reset: StaticString = "\u{1B}[?1049l\u{1B}[?25h\u{1B}[0m\u{1B}[?1l\u{1B}>\u{1B}[?1006l\u{1B}[?1000l"
    _ = write(1, reset.utf8Start, reset.utf8CodeUnitCount)
    // Let whoever had the signal before run now, on the restored screen: that is the Swift
    // runtime's crash backtrace. It returns (after a kill, it would even let the process go on),
    // so then die by the default action.
    let previous = previousActions[Int(signal)]
    if unsafeBitCast(previous.__sigaction_handler.sa_handler, to: Int.self) > 1 {  // not DFL/IGN
        if previous.sa_flags & SA_SIGINFO != 0 {
            previous.__sigaction_handler.sa_sigaction?(signal, info, context)
        } else {
            previous.__sigaction_handler.sa_handler?(signal)
        }
    }
    var fallback = sigaction()
    fallback.__sigaction_handler.sa_handler = SIG_DFL
    sigemptyset(&fallback.sa_mask)
    sigaction(signal, &fallback, nil)
    // Delivered when this handler returns; a real fault would also simply recur.
    raise(signal)
}

extension Terminal {
    /// Saves the terminal settings as they are now and installs crash handlers that put them back
    /// (and leave the alternate screen) before the process dies. `init` calls it before curses
    /// changes anything; calling it earlier or again is harmless (only the first call counts).
    public static func installEmergencyRestore() {
        _ = emergencyRestoreInstalled
    }

    // A static let runs its initialiser exactly once, thread-safely.
    private static let emergencyRestoreInstalled: Void = {
        hasSavedTermios.pointee = tcgetattr(0, savedTermios) == 0
        for signal in crashSignals {
            var action = sigaction()
            action.__sigaction_handler.sa_sigaction = { restoreTerminalAndDie($0, $1, $2) }
            sigemptyset(&action.sa_mask)
            // ONSTACK: a stack overflow still gets a handler if an alternate stack exists.
            action.sa_flags = SA_SIGINFO | SA_ONSTACK
            sigaction(signal, &action, previousActions + Int(signal))
        }
    }()
}
