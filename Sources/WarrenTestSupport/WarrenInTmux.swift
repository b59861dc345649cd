import Foundation
import Glibc

/// The `warren` browser running in a real terminal (tmux) with a home folder of its own, so its
/// bookmarks, history and downloads land in a temporary place the test can read.
// @unchecked Sendable: its session and folders are constants set in `init`; a test drives one
// browser from one task.
public final class WarrenInTmux: @unchecked Sendable {
    public let session: TmuxSession
    public let home: URL

    public var downloads: URL { home.appendingPathComponent("Downloads") }
    public var bookmarksFile: URL { home.appendingPathComponent("data/warren/bookmarks.gph") }
    public var historyFile: URL { home.appendingPathComponent("state/warren/history") }

    /// Starts `warren arguments…` (after `prefix`, such as `unshare -n`) in an 80×24 terminal.
    /// Pass `home` to reuse another session's files (a restart).
    public init(
        _ arguments: [String], home: URL? = nil, prefix: [String] = [], width: Int = 80, height: Int = 24,
        extraEnvironment: [String: String] = [:]
    ) throws {
        let folder = try home ?? TemporaryFolder.make(prefix: "warren-home")
        self.home = folder
        var environment = [
            "HOME": folder.path,
            "XDG_CONFIG_HOME": folder.appendingPathComponent("config").path,
            "XDG_DATA_HOME": folder.appendingPathComponent("data").path,
            "XDG_STATE_HOME": folder.appendingPathComponent("state").path,
            "XDG_DOWNLOAD_DIR": folder.appendingPathComponent("Downloads").path,
            "SWIFT_BACKTRACE": "enable=no",
            "LANG": "C.UTF-8",
        ]
        environment.merge(extraEnvironment) { $1 }
        session = try TmuxSession(
            command: prefix + [WarrenProcess.executable.path] + arguments, width: width, height: height,
            environment: environment)
    }

    public func stop() { session.stop() }

    /// Removes the home folder (call once the last session using it is done).
    public func removeHome() { try? FileManager.default.removeItem(at: home) }

    /// The last row: the status bar.
    public var statusBar: String { session.capture().split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) ?? "" }

    /// The first row: the title.
    public var titleBar: String { session.capture().split(separator: "\n").first.map(String.init) ?? "" }

    @discardableResult
    public func waitFor(_ text: String, timeout: Double = 10) throws -> String {
        try session.waitFor(text, timeout: timeout)
    }

    /// Waits until the status bar contains `text`.
    @discardableResult
    public func waitForStatus(_ text: String, timeout: Double = 10) throws -> String {
        try session.waitUntil(timeout: timeout) { screen in
            screen.split(separator: "\n", omittingEmptySubsequences: false).last?.contains(text) == true
        }
    }
}
