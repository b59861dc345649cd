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

    static func shellStatus(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    /// glibc's `POSIX_SPAWN_SETSID` (glibc 2.26 and later), which its header shows only under
    /// `_GNU_SOURCE`: the child calls `setsid`, so it has no controlling terminal.
    private static let posixSpawnSetSID: Int32 = 0x80

    static func spawn(
        _ arguments: [[UInt8]], detached: Bool, stdout: Int32? = nil, stderr: Int32? = nil
    ) throws(Failure) -> pid_t {
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
                if descriptor == 1, let stdout {
                    posix_spawn_file_actions_adddup2(&actions, stdout, 1)
                } else if descriptor == 2, let stderr {
                    posix_spawn_file_actions_adddup2(&actions, stderr, 2)
                } else {
                    posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
                }
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

extension ProgramLauncher {
    /// What a program printed, and how it ended.
    public struct Captured: Sendable, Equatable {
        /// The exit status as a shell says it (128 + N for signal N); nil when it was killed for
        /// taking longer than allowed.
        public var status: Int32?
        public var output: [UInt8]
        /// The first of what it wrote on stderr (for the message when it failed).
        public var errors: [UInt8]
        /// It printed more than allowed, and was stopped.
        public var outputCut = false
    }

    /// Runs `arguments` with no terminal, its input `/dev/null`, and collects what it prints, at
    /// most `outputLimit` bytes, for at most `timeout`: past either it is killed. Blocks the
    /// caller: call it off the main queue.
    public static func runCapturing(_ arguments: [[UInt8]], timeout: Duration, outputLimit: Int) throws(Failure) -> Captured {
        let program = arguments.first.map { String(decoding: $0, as: UTF8.self) } ?? ""
        var outPipe: [Int32] = [0, 0]
        var errPipe: [Int32] = [0, 0]
        // pipe2 is behind _GNU_SOURCE; close-on-exec is set just after (the window is a fork
        // elsewhere in Warren at that moment, whose child closes it at its own exec).
        guard pipe(&outPipe) == 0 else { throw Failure(program: program, errno: Errno(rawValue: errno)) }
        guard pipe(&errPipe) == 0 else {
            close(outPipe[0]); close(outPipe[1])
            throw Failure(program: program, errno: Errno(rawValue: errno))
        }
        for descriptor in outPipe + errPipe { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        let pid: pid_t
        do {
            pid = try spawn(arguments, detached: true, stdout: outPipe[1], stderr: errPipe[1])
        } catch {
            for descriptor in outPipe + errPipe { close(descriptor) }
            throw error
        }
        close(outPipe[1])
        close(errPipe[1])
        defer { close(outPipe[0]); close(errPipe[0]) }
        var captured = Captured(status: nil, output: [], errors: [])
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var open = [outPipe[0], errPipe[0]]
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var killed = false
        while !open.isEmpty {
            let remaining = deadline - clock.now
            guard remaining > .zero else {
                kill(pid, SIGKILL)
                killed = true
                break
            }
            var fds = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
            let (seconds, attoseconds) = remaining.components
            let milliseconds = Int32(clamping: seconds * 1000 + attoseconds / 1_000_000_000_000_000 + 1)
            let ready = poll(&fds, nfds_t(fds.count), milliseconds)
            if ready < 0, errno == EINTR { continue }
            for entry in fds where entry.revents != 0 {
                let count = read(entry.fd, &buffer, buffer.count)
                if count < 0, errno == EINTR || errno == EAGAIN { continue }
                if count <= 0 {
                    open.removeAll { $0 == entry.fd }
                } else if entry.fd == outPipe[0] {
                    captured.output += buffer.prefix(count)
                    if captured.output.count > outputLimit {
                        captured.outputCut = true
                        kill(pid, SIGKILL)
                        killed = true
                        open.removeAll()
                    }
                } else if captured.errors.count < 4096 {
                    captured.errors += buffer.prefix(count)
                }
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        captured.status = killed ? nil : shellStatus(status)
        return captured
    }
}
