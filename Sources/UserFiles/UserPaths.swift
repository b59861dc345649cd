import AtomicFiles
import Glibc
import SystemPackage

/// Where Warren keeps its files, per the XDG base directory specification.
///
/// Built from an environment passed in (not read from the process), so tests can point it
/// anywhere. XDG variables that are empty or not absolute are ignored, as the specification says.
public struct UserPaths: Sendable, Equatable {
    /// `$HOME`; the password database's home folder if `HOME` is unset or empty.
    public let home: String
    /// `$XDG_CONFIG_HOME/warren/config.toml`, default `~/.config/warren/config.toml`.
    public let configFile: String
    /// `$XDG_DATA_HOME/warren/bookmarks.gph`, default `~/.local/share/warren/bookmarks.gph`.
    public let bookmarksFile: String
    /// `$XDG_STATE_HOME/warren/history`, default `~/.local/state/warren/history`.
    public let historyFile: String
    /// `$XDG_STATE_HOME/warren/session`: the last session, opened again by `warren` alone.
    public let sessionFile: String
    /// `$XDG_STATE_HOME/warren/encodings`: the encoding chosen with `E`, per host.
    public let encodingsFile: String
    /// `$XDG_DATA_HOME/warren/known_certificates`: certificates pinned per host:port.
    public let knownCertificatesFile: String
    /// `$XDG_DATA_HOME/warren/feeds.gph`: the subscribed menus, a gophermap.
    public let feedsFile: String
    /// `$XDG_STATE_HOME/warren/feeds`: what each feed's last check saw, and what is unread.
    public let feedStateFolder: String
    /// `$XDG_CACHE_HOME/warren`, default `~/.cache/warren`: large pages spooled to disk
    /// (unlinked files, gone when Warren is).
    public let cacheFolder: String
    /// Where saves and downloads go: the configured folder (`~` expanded), else
    /// `$XDG_DOWNLOAD_DIR`, else the `XDG_DOWNLOAD_DIR` line of `$XDG_CONFIG_HOME/user-dirs.dirs`,
    /// else `~/Downloads` if it is a folder, else the current folder.
    public let downloadFolder: String

    /// The feeds' files.
    public var feedStore: FeedStore { FeedStore(subscriptionsFile: feedsFile, stateFolder: feedStateFolder) }

    public init(environment: [String: String], configuredDownloadFolder: String? = nil) {
        let home = Self.homeFolder(environment)
        self.home = home
        let configHome = Self.xdg("XDG_CONFIG_HOME", environment) ?? Self.join(home, ".config")
        let dataHome = Self.xdg("XDG_DATA_HOME", environment) ?? Self.join(home, ".local/share")
        let stateHome = Self.xdg("XDG_STATE_HOME", environment) ?? Self.join(home, ".local/state")
        configFile = Self.join(configHome, "warren/config.toml")
        bookmarksFile = Self.join(dataHome, "warren/bookmarks.gph")
        historyFile = Self.join(stateHome, "warren/history")
        encodingsFile = Self.join(stateHome, "warren/encodings")
        knownCertificatesFile = Self.join(dataHome, "warren/known_certificates")
        feedsFile = Self.join(dataHome, "warren/feeds.gph")
        feedStateFolder = Self.join(stateHome, "warren/feeds")
        sessionFile = Self.join(stateHome, "warren/session")
        cacheFolder = Self.join(Self.xdg("XDG_CACHE_HOME", environment) ?? Self.join(home, ".cache"), "warren")
        downloadFolder = Self.downloadFolder(
            configured: configuredDownloadFolder, environment: environment, home: home, configHome: configHome)
    }

    static func downloadFolder(configured: String?, environment: [String: String], home: String, configHome: String) -> String {
        if let configured, !configured.isEmpty {
            return expandTilde(configured, home: home)
        }
        if let fromEnvironment = environment["XDG_DOWNLOAD_DIR"].map({ expandHome($0, home: home) }),
            fromEnvironment.hasPrefix("/")
        {
            return fromEnvironment
        }
        if let bytes = UserFileStore.read(join(configHome, "user-dirs.dirs")),
            let fromFile = userDirsValue("XDG_DOWNLOAD_DIR", in: bytes, home: home)
        {
            return fromFile
        }
        let downloads = join(home, "Downloads")
        if isFolder(downloads) { return downloads }
        return currentFolder()
    }

    /// The value of `name` in a `user-dirs.dirs` file: lines `NAME="$HOME/Folder"` or
    /// `NAME="/absolute/folder"`, `#` comments; the last line for a name wins (it is sourced by
    /// shells). Only absolute results are taken.
    static func userDirsValue(_ name: String, in bytes: [UInt8], home: String) -> String? {
        var result: String?
        for rawLine in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            var line = Substring(String(decoding: rawLine, as: UTF8.self))
            while let first = line.first, first == " " || first == "\t" { line = line.dropFirst() }
            guard !line.hasPrefix("#"), line.hasPrefix(name + "=") else { continue }
            var value = line.dropFirst(name.count + 1)
            while let last = value.last, last == " " || last == "\t" || last == "\r" { value = value.dropLast() }
            if value.count >= 2, value.first == "\"", value.last == "\"" {
                value = value.dropFirst().dropLast()
            }
            // Shell escapes inside the double quotes: \" \\ \$ \`.
            var unescaped = ""
            var escaping = false
            for character in value {
                if escaping {
                    unescaped.append(character)
                    escaping = false
                } else if character == "\\" {
                    escaping = true
                } else {
                    unescaped.append(character)
                }
            }
            let expanded = expandHome(unescaped, home: home)
            if expanded.hasPrefix("/") { result = expanded }
        }
        return result
    }

    /// `$HOME` or `${HOME}` at the start of `path` becomes `home`.
    static func expandHome(_ path: String, home: String) -> String {
        for variable in ["$HOME", "${HOME}"] where path == variable || path.hasPrefix(variable + "/") {
            return join(home, String(path.dropFirst(variable.count)))
        }
        return path
    }

    /// `~` alone or `~/…` at the start of `path` becomes `home`.
    static func expandTilde(_ path: String, home: String) -> String {
        if path == "~" { return home }
        if path.hasPrefix("~/") { return join(home, String(path.dropFirst(2))) }
        return path
    }

    private static func xdg(_ name: String, _ environment: [String: String]) -> String? {
        guard let value = environment[name], value.hasPrefix("/") else { return nil }
        return value
    }

    private static func homeFolder(_ environment: [String: String]) -> String {
        if let home = environment["HOME"], !home.isEmpty { return home }
        if let entry = getpwuid(getuid()), let directory = entry.pointee.pw_dir {
            let home = String(cString: directory)
            if !home.isEmpty { return home }
        }
        return "/"
    }

    /// `relative` inside `folder` (a leading slash on `relative` does not make it absolute).
    public static func join(_ folder: String, _ relative: String) -> String {
        FilePath(folder).appending(FilePath(relative).components).string
    }

    private static func isFolder(_ path: String) -> Bool {
        FileKind.of(FilePath(path), followingLinks: true) == .folder
    }

    private static func currentFolder() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

