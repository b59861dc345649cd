import Foundation
import Glibc
import UserFiles
import Testing
import WarrenTestSupport

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

