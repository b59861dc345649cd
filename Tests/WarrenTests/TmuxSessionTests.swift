import Foundation
import Glibc
import Testing
import WarrenTestSupport

/// The tmux harness that end-to-end tests drive `warren` with, proved on plain shell commands.
@Suite struct TmuxSessionTests {
    private func shell(_ script: String, width: Int = 80, height: Int = 24, environment: [String: String] = [:]) throws -> TmuxSession {
        try TmuxSession(command: ["/bin/sh", "-c", script], width: width, height: height, environment: environment)
    }

    @Test func captureShowsWhatTheCommandPrinted() throws {
        let session = try shell(#"printf "hello\n"; sleep 5"#)
        let screen = try session.waitFor("hello")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.first == "hello")
        #expect(lines.count == 24)
    }

    @Test func sentTextAndEnterReachTheCommand() throws {
        let session = try shell(#"printf "hello\n"; read x; printf "got %s\n" "$x"; sleep 5"#)
        try session.waitFor("hello")
        session.sendText("two words; $HOME")
        session.sendKeys("Enter")
        let screen = try session.waitFor("got ")
        #expect(screen.contains("got two words; $HOME"))
    }

    @Test func namedKeysAreSentAsKeys() throws {
        // C-c is SIGINT for the foreground process group, as from a keyboard.
        let session = try shell(#"trap 'printf "caught\n"; exit 4' INT; printf "ready\n"; while :; do sleep 0.1; done"#)
        try session.waitFor("ready")
        session.sendKeys("C-c")
        #expect(try session.waitForExit() == 4)
        #expect(session.capture().contains("caught"))
    }

    @Test func resizeChangesTheTerminalSize() throws {
        let session = try shell(
            #"printf "size %s %s\n" "$(tput cols)" "$(tput lines)"; read x; printf "now %s %s\n" "$(tput cols)" "$(tput lines)"; sleep 5"#,
            width: 50, height: 12)
        try session.waitFor("size 50 12")
        #expect(session.size == (50, 12))
        session.resize(width: 70, height: 15)
        session.sendKeys("Enter")
        let screen = try session.waitFor("now ")
        #expect(screen.contains("now 70 15"))
        #expect(session.size == (70, 15))
        #expect(screen.split(separator: "\n", omittingEmptySubsequences: false).count == 15)
    }

    @Test func deadPaneKeepsItsLastScreenAndReportsItsExitStatus() throws {
        let session = try shell(#"printf "first\nbye\n"; exit 7"#)
        #expect(try session.waitForExit() == 7)
        #expect(session.paneIsDead)
        #expect(session.exitStatus == 7)
        // The final screen is as the command left it: no dead-pane message scrolled it.
        let lines = session.capture().split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.prefix(2) == ["first", "bye"])
        #expect(lines.dropFirst(2).allSatisfy { $0.isEmpty })
    }

    @Test func runningPaneIsNotDeadAndHasNoExitStatus() throws {
        let session = try shell(#"printf "up\n"; sleep 5"#)
        try session.waitFor("up")
        #expect(!session.paneIsDead)
        #expect(session.exitStatus == nil)
    }

    @Test func environmentAndTermReachTheCommand() throws {
        let session = try shell(
            #"printf "[%s] [%s]\n" "$WARREN_HARNESS_VALUE" "$TERM"; sleep 5"#,
            environment: ["WARREN_HARNESS_VALUE": "a b $c 'q'"])
        let screen = try session.waitFor("]")
        #expect(screen.contains("[a b $c 'q'] [xterm-256color]"))
    }

    @Test func paneTitleIsWhatTheCommandSet() throws {
        let session = try shell(#"printf "\033]2;warren: a title\007titled\n"; sleep 5"#)
        try session.waitFor("titled")
        #expect(session.paneTitle == "warren: a title")
    }

    @Test func utf8TextIsCapturedAsUTF8() throws {
        let session = try shell(#"printf "h\303\251llo \342\224\200 \344\270\255\n"; sleep 5"#)
        let screen = try session.waitFor("llo")
        #expect(screen.contains("héllo ─ 中"))
    }

    @Test func pidIsTheCommandsProcess() throws {
        let session = try shell(#"printf "pid %s\n" "$$"; sleep 5"#)
        let screen = try session.waitFor("pid ")
        let pid = session.pid()
        #expect(pid > 0)
        #expect(screen.contains("pid \(pid)"))
        #expect(TmuxSession.isRunning(pid))
    }

    @Test func commandKilledByASignalReports128PlusTheSignal() throws {
        let session = try shell(#"printf "up\n"; while :; do sleep 0.1; done"#)
        try session.waitFor("up")
        kill(session.pid(), SIGTERM)
        #expect(try session.waitForExit() == 128 + SIGTERM)
    }

    /// tmux 3.3a drops most panes' own exit statuses (libutempter swallows their SIGCHLD); the
    /// harness must not.
    @Test func exitStatusIsReliableForCommandsThatExitAtOnceOrLater() throws {
        let sessions = try (0..<6).map { number in
            try shell("printf 'n%d\\n' \(number); sleep 0.\(number % 3); exit \(number + 10)")
        }
        for (number, session) in sessions.enumerated() {
            #expect(try session.waitForExit() == Int32(number + 10))
            #expect(session.capture().hasPrefix("n\(number)"))
        }
    }

    @Test func waitForGivesUpWithTheScreenInTheError() throws {
        let session = try shell(#"printf "hello\n"; sleep 5"#)
        try session.waitFor("hello")
        let started = Date()
        do {
            try session.waitFor("never shown", timeout: 0.3)
            Issue.record("waitFor returned for text that never appeared")
        } catch {
            let message = "\(error)"
            #expect(message.contains("never shown"))
            #expect(message.contains("hello"))
        }
        #expect(Date().timeIntervalSince(started) < 3)
    }

    @Test func stopEndsTheCommandAndRemovesTheFolder() throws {
        let session = try shell(#"printf "up\n"; sleep 30"#)
        try session.waitFor("up")
        let pid = session.pid()
        let folder = session.folder.path
        #expect(FileManager.default.fileExists(atPath: session.socketPath))
        session.stop()
        #expect(!FileManager.default.fileExists(atPath: folder))
        // Gone, or a zombie waiting for PID 1: either way not running.
        var gone = false
        for _ in 0..<300 {
            if !TmuxSession.isRunning(pid) {
                gone = true
                break
            }
            usleep(10_000)
        }
        #expect(gone)
        session.stop()  // a second stop does nothing
    }

    @Test func commandThatCannotStartLeavesADeadPane() throws {
        let session = try TmuxSession(command: ["/nonexistent/warren"])
        let status = try session.waitForExit()
        #expect(status == 127)
    }
}
