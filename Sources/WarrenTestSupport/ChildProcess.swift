import Glibc

/// A child process started with `posix_spawn`, with a clean signal mask and default signal
/// handling. (Threads of a test process block most signals, and a child started from one would
/// inherit that mask and could then not be stopped with SIGTERM.)
// @unchecked Sendable: the pid is a constant; the exit status and peak memory are written when
// the child is reaped, and a test calls `isRunning`, `wait` and `terminate` from one task at a
// time (a second reaper would only find the child gone, which `isRunning` treats as exited).
public final class ChildProcess: @unchecked Sendable {
    public let pid: pid_t
    private var exitStatus: Int32?
    /// The child's peak resident memory in KiB, known once it has been reaped.
    public private(set) var maximumResidentKilobytes: Int?

    /// Starts `arguments[0]` (a path) with the rest as its arguments. Standard input is
    /// /dev/null; standard output and error go to the given files, or /dev/null.
    public init(_ arguments: [String], stdout: String? = nil, stderr: String? = nil, environment: [String]? = nil) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let environmentStrings = environment ?? Self.currentEnvironment()
        let envp = environmentStrings.map { strdup($0) } + [nil]
        defer { envp.forEach { free($0) } }

        var child: pid_t = 0
        let status = posix_spawn(&child, arguments[0], &actions, &attributes, argv, envp)
        guard status == 0 else { throw TestSupportError("cannot start \(arguments[0]): \(String(cString: strerror(status)))") }
        pid = child
    }

    deinit { terminate() }

    public var isRunning: Bool {
        if exitStatus != nil { return false }
        var status: Int32 = 0
        var usage = rusage()
        if wait4(pid, &status, WNOHANG, &usage) == pid {
            exitStatus = status
            maximumResidentKilobytes = usage.ru_maxrss
            return false
        }
        return true
    }

    public func signal(_ number: Int32) { if isRunning { kill(pid, number) } }

    /// Waits up to `seconds` for the child to exit; kills it if it does not. Returns the exit
    /// status (128 + N for a signal N), or nil if it had to be killed.
    @discardableResult
    public func wait(seconds: Double) -> Int32? {
        let deadline = Double(seconds) * 100
        var ticks = 0.0
        while isRunning, ticks < deadline {
            usleep(10_000)
            ticks += 1
        }
        if isRunning {
            terminate()
            return nil
        }
        return Self.decode(exitStatus ?? 0)
    }

    /// SIGTERM, then SIGKILL if it lingers; always reaps the child.
    public func terminate() {
        guard exitStatus == nil else { return }
        kill(pid, SIGTERM)
        for _ in 0..<200 where isRunning { usleep(10_000) }
        if isRunning {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
            exitStatus = status
        }
    }

    private static func decode(_ status: Int32) -> Int32 {
        let signal = status & 0x7F
        return signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    }

    static func currentEnvironment() -> [String] {
        var result: [String] = []
        var pointer = environ
        while let entry = pointer.pointee {
            result.append(String(cString: entry))
            pointer += 1
        }
        return result
    }
}
