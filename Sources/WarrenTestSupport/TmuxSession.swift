import Foundation
import Glibc

/// A real terminal for end-to-end tests: a command (the `warren` binary) running in a pane of a
/// private tmux server, driven with `send-keys` and read with `capture-pane`.
///
/// Each session has its own server on a socket in its own temporary folder, so sessions never
/// see each other or the user's tmux. Every tmux command runs through `ChildProcess` (a clean
/// signal mask) and is bounded in time, and so is every wait. The pane stays after its command
/// exits (`remain-on-exit`, with an empty dead-pane message so the final screen is not
/// scrolled), so a test can read the last screen and the exit status.
///
/// Facts about tmux 3.3a (Debian 12) that shaped this:
/// - tmux often loses a pane's exit status: it is built with libutempter, which sets SIGCHLD to
///   SIG_DFL while its helper runs, and that happens just as a pane's pty closes, so the pane's
///   own SIGCHLD is discarded and `#{pane_dead_status}` stays empty (the child stays a zombie).
///   So the command runs under a small `sh` wrapper that writes the command's pid (the command
///   is exec'd, so the pid is its own) and exit status into the temporary folder.
/// - `window-size manual` in the configuration file makes the server crash on `new-session`, so
///   it is set by a second command once the session exists.
/// - `-u` makes capture-pane keep UTF-8 whatever the test process's locale.
/// - After `kill-server` the server stays a zombie until PID 1 reaps it (seconds, here).
// @unchecked Sendable: its names and paths are constants set in `init`; the state that changes
// (`stopped`, the server's pid) is read and written under `lock`; `commandTimeout` is set by
// a test before it starts sending commands.
public final class TmuxSession: @unchecked Sendable {
    /// The tmux executable: the first `tmux` on `PATH`, or nil if there is none.
    public static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":").map(String.init) + ["/usr/bin", "/usr/local/bin"] {
            let candidate = "\(folder)/tmux"
            if access(candidate, X_OK) == 0 { return candidate }
        }
        return nil
    }()

    public let command: [String]
    public let folder: URL
    public let socketPath: String
    /// The longest any one tmux command may take.
    public var commandTimeout: Double = 10

    private static let target = "harness"
    private let tmux: String
    private let lock = NSLock()
    private var stopped = false
    private var serverPid: pid_t = 0
    private var pidPath: String { folder.appendingPathComponent("pid").path }
    private var statusPath: String { folder.appendingPathComponent("status").path }

    /// Starts `command` (`command[0]` a path or a name on `PATH`) in a `width` × `height` pane
    /// with `TERM=xterm-256color` and `environment` added to this process's environment.
    /// (Pass `LANG`/`LC_ALL` here if the command needs a UTF-8 locale.)
    public init(command: [String], width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws {
        guard let tmux = Self.executable else {
            throw TestSupportError("tmux is not installed (scripts/install-test-dependencies installs it)")
        }
        guard !command.isEmpty else { throw TestSupportError("TmuxSession needs a command") }
        self.tmux = tmux
        self.command = command
        folder = try TemporaryFolder.make(prefix: "warren-tmux")
        socketPath = folder.appendingPathComponent("socket").path

        let configuration = """
            set-option -g remain-on-exit on
            set-option -g remain-on-exit-format ""
            set-option -g default-terminal xterm-256color
            set-option -g status off

            """
        // The wrapper records the command's pid (the inner sh execs `env`, which execs the
        // command) and its exit status, then lingers a moment so that tmux has read the command's
        // last output before the pty closes. Keyboard signals (C-c, C-\) go to the whole
        // foreground group, so the wrapper traps them and waits on; the command gets default
        // handlers (traps are reset by exec).
        let quotedFolder = Self.shellQuoted(folder.path)
        let wrapper = """
            trap : INT QUIT
            /bin/sh -c 'echo $$ > "$0"; exec "$@"' \(quotedFolder)/pid "$@"
            status=$?
            echo "$status" > \(quotedFolder)/status.part && mv \(quotedFolder)/status.part \(quotedFolder)/status
            sleep 0.05
            exit "$status"

            """
        let configurationPath = folder.appendingPathComponent("tmux.conf").path
        let wrapperPath = folder.appendingPathComponent("run.sh").path
        do {
            try Data(configuration.utf8).write(to: URL(fileURLWithPath: configurationPath))
            try Data(wrapper.utf8).write(to: URL(fileURLWithPath: wrapperPath))
        } catch {
            try? FileManager.default.removeItem(at: folder)
            throw TestSupportError("cannot write to \(folder.path): \(error)")
        }

        // Several arguments after `--` are an argv, run without a shell. The test runner may set
        // NO_COLOR for its own output; the command sees it only when a test passes it.
        let variables = [("TERM", "xterm-256color")] + environment.sorted { $0.key < $1.key }
        let argv = ["/bin/sh", wrapperPath, "env", "-u", "NO_COLOR"] + variables.map { "\($0.0)=\($0.1)" } + command
        let started = run(
            ["-f", configurationPath, "new-session", "-d", "-s", Self.target, "-x", "\(width)", "-y", "\(height)", "--"]
                + argv)
        guard started.status == 0 else {
            stop()
            throw TestSupportError("tmux new-session failed (\(started.status)): \(started.stderr)")
        }
        serverPid = pid_t(format("#{pid}")) ?? 0
        // Only now: in the configuration file this option crashes tmux 3.3a's new-session.
        run(["set-option", "-g", "window-size", "manual"])
    }

    deinit { stop() }

    /// Kills the tmux server (and so the command) and removes the temporary folder. Idempotent
    /// and bounded: a server or command still running 3 s after `kill-server` gets SIGKILL.
    public func stop() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        lock.unlock()
        guard !wasStopped else { return }
        let commandPid = Self.readNumber(pidPath).map { pid_t($0) } ?? 0
        runUnlessStopped(["kill-server"], force: true)
        let leftovers = [serverPid, commandPid].filter { $0 > 0 }
        for _ in 0..<300 where leftovers.contains(where: Self.isRunning) { usleep(10_000) }
        for pid in leftovers where Self.isRunning(pid) { kill(pid, SIGKILL) }
        try? FileManager.default.removeItem(at: folder)
    }

    /// Whether `pid` is a live process: not gone, and not a zombie waiting to be reaped.
    public static func isRunning(_ pid: pid_t) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(after: close)...].drop(while: { $0 == " " }).first
        return state != "Z" && state != "X"
    }

    // MARK: Input

    /// Sends keys by tmux name: "j", "Enter", "Escape", "C-c", "Down", "PageDown", "F1"…
    public func sendKeys(_ keys: String...) {
        guard !keys.isEmpty else { return }
        run(["send-keys", "-t", Self.target] + keys)
    }

    /// Types `text` literally (no key names are looked up).
    public func sendText(_ text: String) {
        run(["send-keys", "-t", Self.target, "-l", "--", text])
    }

    /// Resizes the terminal; the command gets SIGWINCH.
    public func resize(width: Int, height: Int) {
        run(["resize-window", "-t", Self.target, "-x", "\(width)", "-y", "\(height)"])
    }

    // MARK: Output

    /// The visible screen: one line per terminal row, trailing spaces trimmed.
    public func capture() -> String {
        let result = run(["capture-pane", "-p", "-t", Self.target])
        var lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last == "" { lines.removeLast() }
        return lines.map { line in
            var trimmed = line
            while trimmed.last == " " { trimmed.removeLast() }
            return String(trimmed)
        }.joined(separator: "\n")
    }

    /// The visible screen with its colours and attributes as SGR escape sequences
    /// (`capture-pane -e`), one line per row.
    public func captureWithAttributes() -> String {
        run(["capture-pane", "-p", "-e", "-t", Self.target]).stdout
    }

    /// Polls the screen every 50 ms until it contains `text`; returns that screen. Throws, with
    /// the last screen in the message, if `timeout` seconds pass first.
    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 10) throws -> String {
        do {
            return try waitUntil(timeout: timeout) { $0.contains(text) }
        } catch let error as WaitTimeout {
            throw TestSupportError("timed out after \(timeout) s waiting for \"\(text)\"; the screen was:\n\(error.screen)")
        }
    }

    /// Polls the screen every 50 ms until `predicate` holds; returns that screen. Throws, with the
    /// last screen in the message, if `timeout` seconds pass first.
    @discardableResult
    public func waitUntil(timeout: Double = 10, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Self.now() + timeout
        while true {
            let screen = capture()
            if predicate(screen) { return screen }
            if Self.now() >= deadline { throw WaitTimeout(timeout: timeout, screen: screen) }
            usleep(50_000)
        }
    }

    /// Like `waitUntil`, but returns only a screen that holds `predicate` and reads the same on
    /// two captures 50 ms apart, so a screen caught in the middle of a redraw is never returned.
    @discardableResult
    public func waitUntilSettled(timeout: Double = 10, _ predicate: (String) -> Bool) throws -> String {
        let deadline = Self.now() + timeout
        var previous: String?
        while true {
            let screen = capture()
            if predicate(screen), screen == previous { return screen }
            previous = predicate(screen) ? screen : nil
            if Self.now() >= deadline { throw WaitTimeout(timeout: timeout, screen: screen) }
            usleep(50_000)
        }
    }

    /// Waits until the command has exited and its pane has closed; returns the exit status
    /// (128 + N for a command killed by signal N).
    @discardableResult
    public func waitForExit(timeout: Double = 10) throws -> Int32 {
        let deadline = Self.now() + timeout
        while true {
            if let status = exitStatus, paneIsDead { return status }
            if Self.now() >= deadline {
                throw TestSupportError("timed out after \(timeout) s waiting for \(command) to exit; the screen was:\n\(capture())")
            }
            usleep(50_000)
        }
    }

    /// The pane's title, as the command set it (OSC 0/2); tmux's default is the host name.
    public var paneTitle: String { format("#{pane_title}") }

    /// Whether the pane has closed: the command has exited (and the wrapper after it).
    public var paneIsDead: Bool { format("#{pane_dead}") == "1" }

    /// The command's exit status once it has exited (128 + N for a command killed by signal N);
    /// nil while it runs.
    public var exitStatus: Int32? {
        if let recorded = Self.readNumber(statusPath) { return Int32(truncatingIfNeeded: recorded) }
        // The wrapper did not finish (it was killed): what tmux saw, if it saw anything.
        let fields = format("#{pane_dead}:#{pane_dead_status}").split(separator: ":", omittingEmptySubsequences: false)
        guard fields.count == 2, fields[0] == "1" else { return nil }
        return Int32(fields[1])
    }

    /// The command's process id (the wrapper execs the command, so it is the command's own);
    /// waits up to 2 s for the command to start.
    public func pid() -> pid_t {
        for _ in 0..<200 {
            if let pid = Self.readNumber(pidPath) { return pid_t(pid) }
            usleep(10_000)
        }
        return 0
    }

    /// The terminal's size as tmux sees it.
    public var size: (width: Int, height: Int) {
        let fields = format("#{pane_width} #{pane_height}").split(separator: " ")
        guard fields.count == 2, let width = Int(fields[0]), let height = Int(fields[1]) else { return (0, 0) }
        return (width, height)
    }

    /// Expands a tmux format for the pane (`display-message -p`).
    public func format(_ format: String) -> String {
        var text = run(["display-message", "-p", "-t", Self.target, format]).stdout
        if text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    // MARK: Running tmux

    public struct Output: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// Runs one tmux command against this session's server, bounded by `commandTimeout`.
    @discardableResult
    public func run(_ arguments: [String]) -> Output {
        runUnlessStopped(arguments, force: false)
    }

    @discardableResult
    private func runUnlessStopped(_ arguments: [String], force: Bool) -> Output {
        lock.lock()
        defer { lock.unlock() }
        if stopped, !force { return Output(status: -1, stdout: "", stderr: "session stopped") }
        let outPath = folder.appendingPathComponent("out").path
        let errPath = folder.appendingPathComponent("err").path
        do {
            let child = try ChildProcess(
                [tmux, "-u", "-S", socketPath] + arguments, stdout: outPath, stderr: errPath,
                environment: Self.clientEnvironment)
            let status = child.wait(seconds: commandTimeout) ?? -1
            let out = (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data()
            let err = (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data()
            return Output(status: status, stdout: String(decoding: out, as: UTF8.self), stderr: String(decoding: err, as: UTF8.self))
        } catch {
            return Output(status: -1, stdout: "", stderr: "\(error)")
        }
    }

    /// This process's environment without the variables of a tmux the tests may run inside.
    private static let clientEnvironment: [String] = ChildProcess.currentEnvironment().filter {
        !$0.hasPrefix("TMUX=") && !$0.hasPrefix("TMUX_PANE=")
    }

    private static func readNumber(_ path: String) -> Int? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private struct WaitTimeout: Error, CustomStringConvertible {
        let timeout: Double
        let screen: String
        var description: String { "timed out after \(timeout) s; the screen was:\n\(screen)" }
    }
}
