import Foundation
import Glibc
import GopherNet
import Testing
import WarrenTestSupport

/// A fresh folder standing in for a home folder.
private struct Home {
    let url: URL
    init() throws { url = try TemporaryFolder.make(prefix: "warren-home") }
    var path: String { url.path }
    func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }
    func makeFolder(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
    }
    func write(_ text: String, to relative: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(relative)))
    }
    func bytes(_ relative: String) -> [UInt8]? {
        (try? Data(contentsOf: URL(fileURLWithPath: path(relative)))).map(Array.init)
    }
    func names(in relative: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: relative.isEmpty ? path : path(relative))) ?? []).sorted()
    }
    func mode(_ relative: String) -> mode_t {
        var status = stat()
        stat(path(relative), &status)
        return status.st_mode & 0o7777
    }
    func remove() { try? FileManager.default.removeItem(at: url) }
}

private func currentFolder() -> String {
    FileManager.default.currentDirectoryPath
}

@Suite struct UserPathsTests {
    @Test func defaultsFollowHome() throws {
        let paths = UserPaths(environment: ["HOME": "/home/ada"])
        #expect(paths.home == "/home/ada")
        #expect(paths.configFile == "/home/ada/.config/warren/config.toml")
        #expect(paths.bookmarksFile == "/home/ada/.local/share/warren/bookmarks.gph")
        #expect(paths.historyFile == "/home/ada/.local/state/warren/history")
    }

    @Test func xdgVariablesMoveEachFile() throws {
        let paths = UserPaths(environment: [
            "HOME": "/home/ada",
            "XDG_CONFIG_HOME": "/etc/ada",
            "XDG_DATA_HOME": "/data/ada/",
            "XDG_STATE_HOME": "/state",
        ])
        #expect(paths.configFile == "/etc/ada/warren/config.toml")
        #expect(paths.bookmarksFile == "/data/ada/warren/bookmarks.gph")
        #expect(paths.historyFile == "/state/warren/history")
    }

    @Test func emptyOrRelativeXdgVariablesAreIgnored() throws {
        let paths = UserPaths(environment: [
            "HOME": "/home/ada",
            "XDG_CONFIG_HOME": "",
            "XDG_DATA_HOME": "relative/data",
            "XDG_STATE_HOME": "~/state",
            "XDG_DOWNLOAD_DIR": "Downloads",
        ], configuredDownloadFolder: nil)
        #expect(paths.configFile == "/home/ada/.config/warren/config.toml")
        #expect(paths.bookmarksFile == "/home/ada/.local/share/warren/bookmarks.gph")
        #expect(paths.historyFile == "/home/ada/.local/state/warren/history")
        #expect(paths.downloadFolder == currentFolder())
    }

    @Test func configuredDownloadFolderWinsAndExpandsTilde() throws {
        let environment = ["HOME": "/home/ada", "XDG_DOWNLOAD_DIR": "/xdg/downloads"]
        #expect(UserPaths(environment: environment, configuredDownloadFolder: "~/gopher").downloadFolder == "/home/ada/gopher")
        #expect(UserPaths(environment: environment, configuredDownloadFolder: "~").downloadFolder == "/home/ada")
        #expect(UserPaths(environment: environment, configuredDownloadFolder: "/srv/files").downloadFolder == "/srv/files")
        // `~user` is not expanded, and an empty setting is no setting.
        #expect(UserPaths(environment: environment, configuredDownloadFolder: "~bob/x").downloadFolder == "~bob/x")
        #expect(UserPaths(environment: environment, configuredDownloadFolder: "").downloadFolder == "/xdg/downloads")
    }

    @Test func downloadDirFromEnvironmentComesNext() throws {
        let home = try Home()
        defer { home.remove() }
        try home.makeFolder("Downloads")
        let paths = UserPaths(environment: ["HOME": home.path, "XDG_DOWNLOAD_DIR": "/media/downloads"])
        #expect(paths.downloadFolder == "/media/downloads")
    }

    @Test func downloadDirFromUserDirsFileExpandsHome() throws {
        let home = try Home()
        defer { home.remove() }
        try home.makeFolder(".config")
        try home.makeFolder("Downloads")
        try home.write(
            """
            # This file is written by xdg-user-dirs-update
            XDG_DESKTOP_DIR="$HOME/Desktop"
            XDG_DOWNLOAD_DIR="$HOME/Fetched Things"
            XDG_MUSIC_DIR="$HOME/Music"

            """, to: ".config/user-dirs.dirs")
        let paths = UserPaths(environment: ["HOME": home.path])
        #expect(paths.downloadFolder == home.path("Fetched Things"))
    }

    @Test func userDirsFileIsReadFromXdgConfigHome() throws {
        let home = try Home()
        defer { home.remove() }
        try home.makeFolder("conf")
        try home.write("XDG_DOWNLOAD_DIR=\"/absolute/dl\"\n", to: "conf/user-dirs.dirs")
        let paths = UserPaths(environment: ["HOME": home.path, "XDG_CONFIG_HOME": home.path("conf")])
        #expect(paths.downloadFolder == "/absolute/dl")
        #expect(paths.configFile == home.path("conf/warren/config.toml"))
    }

    @Test func relativeOrCommentedUserDirsLinesAreIgnored() throws {
        let home = try Home()
        defer { home.remove() }
        try home.makeFolder(".config")
        try home.write(
            """
            #XDG_DOWNLOAD_DIR="/commented/out"
            XDG_DOWNLOAD_DIR="relative/dl"

            """, to: ".config/user-dirs.dirs")
        let paths = UserPaths(environment: ["HOME": home.path])
        #expect(paths.downloadFolder == currentFolder())
    }

    @Test func homeDownloadsIsUsedWhenItIsAFolder() throws {
        let home = try Home()
        defer { home.remove() }
        #expect(UserPaths(environment: ["HOME": home.path]).downloadFolder == currentFolder())
        try home.write("not a folder", to: "Downloads")
        #expect(UserPaths(environment: ["HOME": home.path]).downloadFolder == currentFolder())
        try FileManager.default.removeItem(atPath: home.path("Downloads"))
        try home.makeFolder("Downloads")
        #expect(UserPaths(environment: ["HOME": home.path]).downloadFolder == home.path("Downloads"))
    }
}

@Suite struct UserFileStoreTests {
    @Test func readReturnsTheBytesOrNilWhenMissing() throws {
        let home = try Home()
        defer { home.remove() }
        let bytes: [UInt8] = Array(0...255) + Array("tail\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: home.path("file")))
        #expect(UserFileStore.read(home.path("file")) == bytes)
        #expect(UserFileStore.read(home.path("missing")) == nil)
        try home.write("", to: "empty")
        #expect(UserFileStore.read(home.path("empty")) == [])
    }

    @Test func writeCreatesMissingFoldersPrivately() throws {
        let home = try Home()
        defer { home.remove() }
        let bytes = Array("gophermap\tline\r\n".utf8)
        try UserFileStore.writeAtomically(bytes, to: home.path(".local/share/warren/bookmarks.gph"))
        #expect(home.bytes(".local/share/warren/bookmarks.gph") == bytes)
        #expect(home.mode(".local") == 0o700)
        #expect(home.mode(".local/share") == 0o700)
        #expect(home.mode(".local/share/warren") == 0o700)
        #expect(home.mode(".local/share/warren/bookmarks.gph") == 0o600)
        #expect(home.names(in: ".local/share/warren") == ["bookmarks.gph"])
    }

    @Test func writeReplacesTheFileKeepingItsMode() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write("old contents that are longer", to: "config.toml")
        chmod(home.path("config.toml"), 0o644)
        try UserFileStore.writeAtomically(Array("new".utf8), to: home.path("config.toml"))
        #expect(home.bytes("config.toml") == Array("new".utf8))
        #expect(home.mode("config.toml") == 0o644)
        #expect(home.names() == ["config.toml"])
    }

    @Test func writeThroughASymlinkReplacesItsTargetAndKeepsTheLink() throws {
        let home = try Home()
        defer { home.remove() }
        try home.makeFolder("dotfiles")
        try home.write("old", to: "dotfiles/config.toml")
        symlink(home.path("dotfiles/config.toml"), home.path("config.toml"))
        try UserFileStore.writeAtomically(Array("new".utf8), to: home.path("config.toml"))
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: home.path("config.toml"))
        #expect(link == home.path("dotfiles/config.toml"))
        #expect(home.bytes("dotfiles/config.toml") == Array("new".utf8))
        #expect(home.names() == ["config.toml", "dotfiles"])
        #expect(home.names(in: "dotfiles") == ["config.toml"])
    }

    @Test func failedWriteLeavesNoTemporaryFileAndNamesThePath() throws {
        let home = try Home()
        defer { home.remove() }
        // The target is a folder: the temporary file is written, the rename fails.
        try home.makeFolder("history/inside")
        let target = home.path("history")
        do {
            try UserFileStore.writeAtomically(Array("x".utf8), to: target)
            Issue.record("writing over a folder succeeded")
        } catch {
            #expect(error.stage == .save)
            #expect(error.description.hasPrefix("save failed: "))
            #expect(error.description.hasSuffix("(\(target))"))
        }
        #expect(home.names() == ["history"])
        #expect(home.names(in: "history") == ["inside"])
    }

    @Test func writeUnderAFileFailsWithoutTouchingIt() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write("a file", to: "state")
        let target = home.path("state/warren/history")
        do {
            try UserFileStore.writeAtomically(Array("x".utf8), to: target)
            Issue.record("writing under a file succeeded")
        } catch {
            #expect(error.stage == .save)
            #expect(error.description == "save failed: Not a directory (\(target))")
        }
        #expect(home.bytes("state") == Array("a file".utf8))
        #expect(home.names() == ["state"])
    }

    @Test func makeFolderCreatesParentsAndAcceptsAnExistingFolder() throws {
        let home = try Home()
        defer { home.remove() }
        try UserFileStore.makeFolder(home.path("Downloads/gopher/"))
        #expect(home.mode("Downloads") == 0o700)
        #expect(home.mode("Downloads/gopher") == 0o700)
        try UserFileStore.makeFolder(home.path("Downloads/gopher"))
        try home.write("x", to: "file")
        let target = home.path("file/sub")
        #expect(throws: FetchError(stage: .save, code: .systemError, errno: Errno(rawValue: ENOTDIR), subject: target)) {
            try UserFileStore.makeFolder(target)
        }
    }

    @Test func appendAddsOneLineAndCreatesTheFile() throws {
        let home = try Home()
        defer { home.remove() }
        let history = home.path(".local/state/warren/history")
        try UserFileStore.append(line: "gopher://a.example/", to: history, keepingLast: 10)
        try UserFileStore.append(line: "gopher://b.example/1/x", to: history, keepingLast: 10)
        #expect(home.bytes(".local/state/warren/history") == Array("gopher://a.example/\ngopher://b.example/1/x\n".utf8))
        #expect(home.mode(".local/state/warren") == 0o700)
        #expect(home.mode(".local/state/warren/history") == 0o600)
    }

    @Test func appendKeepsOnlyTheLastLines() throws {
        let home = try Home()
        defer { home.remove() }
        let history = home.path("history")
        for number in 1...7 {
            try UserFileStore.append(line: "line \(number)", to: history, keepingLast: 3)
        }
        #expect(home.bytes("history") == Array("line 5\nline 6\nline 7\n".utf8))
        #expect(home.names() == ["history"])
    }

    @Test func appendTrimsAnExistingLongFile() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write((1...100).map { "old \($0)\n" }.joined(), to: "history")
        try UserFileStore.append(line: "new", to: home.path("history"), keepingLast: 2)
        #expect(home.bytes("history") == Array("old 100\nnew\n".utf8))
    }

    @Test func appendFinishesALastLineWithoutNewline() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write("one\n\ntwo", to: "history")
        try UserFileStore.append(line: "three", to: home.path("history"), keepingLast: 10)
        #expect(home.bytes("history") == Array("one\n\ntwo\nthree\n".utf8))
        try UserFileStore.append(line: "four", to: home.path("history"), keepingLast: 3)
        #expect(home.bytes("history") == Array("two\nthree\nfour\n".utf8))
    }

    @Test func appendNeverAddsMoreThanOneLine() throws {
        let home = try Home()
        defer { home.remove() }
        try UserFileStore.append(line: "a\nb\r\nc", to: home.path("history"), keepingLast: 10)
        #expect(home.bytes("history") == Array("a b  c\n".utf8))
    }

    @Test func appendKeepingNothingEmptiesTheFile() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write("old\n", to: "history")
        try UserFileStore.append(line: "new", to: home.path("history"), keepingLast: 0)
        #expect(home.bytes("history") == [])
    }

    @Test func appendFailureNamesThePath() throws {
        let home = try Home()
        defer { home.remove() }
        try home.makeFolder("history")
        let target = home.path("history")
        do {
            try UserFileStore.append(line: "x", to: target, keepingLast: 10)
            Issue.record("appending to a folder succeeded")
        } catch {
            #expect(error.stage == .save)
            #expect(error.description.hasSuffix("(\(target))"))
        }
        #expect(home.names(in: "history") == [])
    }
}
