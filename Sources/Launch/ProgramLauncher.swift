import Glibc
import SystemPackage

/// Starting the user's programs (handlers) with literal arguments: `posix_spawnp`, never a
/// shell, so whatever bytes an argument holds it stays one argument. The program gets the
/// signals' default actions and an empty signal mask (Warren ignores SIGINT and others, and
/// ignored signals would otherwise stay ignored across exec).
public enum ProgramLauncher {
    /// Why a program did not start: its name and the reason (`No such file or directory`).
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        public let program: String
        public let errno: Errno

        public var description: String { "\(program) could not start: \(errno.description)" }
    }

    /// Starts `arguments` beside Warren: in a session of its own (no terminal signals reach it),
    /// its input, output and errors on `/dev/null`, so it never draws over the screen. Returns
    /// its pid; `exitStatus(of:)` says how it ended.
    public static func startDetached(_ arguments: [[UInt8]]) throws(Failure) -> pid_t {
        try spawn(arguments, detached: true)
    }

    /// Runs `arguments` on Warren's own terminal and waits for it: the caller has stepped aside
    /// (left curses) first. Returns its exit status as a shell says it (128 + N for signal N).
    public static func runInForeground(_ arguments: [[UInt8]]) throws(Failure) -> Int32 {
        let pid = try spawn(arguments, detached: false)
        // The terminal is the program's: ^C and ^Z typed there are for it, not for Warren's wait.
        while true {
            var status: Int32 = 0
            let result = waitpid(pid, &status, 0)
            if result == pid { return shellStatus(status) }
            if result < 0, errno != EINTR { return 127 }
        }
    }

    /// How a detached program ended, once it has (nil while it runs).
    public static func exitStatus(of pid: pid_t) -> Int32? {
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == pid else { return nil }
        return shellStatus(status)
    }

    private static func shellStatus(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// glibc's `POSIX_SPAWN_SETSID` (glibc 2.26 and later), which its header shows only under
    /// `_GNU_SOURCE`: the child calls `setsid`, so it has no controlling terminal.
    private static let posixSpawnSetSID: Int32 = 0x80

    private static func spawn(_ arguments: [[UInt8]], detached: Bool) throws(Failure) -> pid_t {
        let program = arguments.first.map { String(decoding: $0, as: UTF8.self) } ?? ""
        guard !arguments.isEmpty, !arguments[0].isEmpty else { throw Failure(program: program, errno: .invalidArgument) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var mask = sigset_t()
        sigemptyset(&mask)
        posix_spawnattr_setsigmask(&attributes, &mask)
        var flags = Int32(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if detached {
            flags |= posixSpawnSetSID
            for descriptor: Int32 in [0, 1, 2] {
                posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
            }
        }
        posix_spawnattr_setflags(&attributes, Int16(flags))
        // C strings of the exact bytes; NUL cannot be among them (URLs refuse it).
        let cStrings: [UnsafeMutablePointer<CChar>?] = arguments.map { bytes in
            let copy = UnsafeMutablePointer<CChar>.allocate(capacity: bytes.count + 1)
            for (offset, byte) in bytes.enumerated() { copy[offset] = CChar(bitPattern: byte) }
            copy[bytes.count] = 0
            return copy
        } + [nil]
        defer { for pointer in cStrings { pointer?.deallocate() } }
        var pid: pid_t = 0
        var result = posix_spawnp(&pid, cStrings[0]!, &actions, &attributes, cStrings, environ)
        // A program file just written can be "busy" while another thread's fork still holds it
        // open for writing, for the moment before that child's exec: try again shortly.
        for _ in 0..<10 where result == ETXTBSY {
            usleep(20_000)
            result = posix_spawnp(&pid, cStrings[0]!, &actions, &attributes, cStrings, environ)
        }
        guard result == 0 else { throw Failure(program: program, errno: Errno(rawValue: result)) }
        return pid
    }
}
