import Glibc

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
    /// Where saves and downloads go: the configured folder (`~` expanded), else
    /// `$XDG_DOWNLOAD_DIR`, else the `XDG_DOWNLOAD_DIR` line of `$XDG_CONFIG_HOME/user-dirs.dirs`,
    /// else `~/Downloads` if it is a folder, else the current folder.
    public let downloadFolder: String

    public init(environment: [String: String], configuredDownloadFolder: String? = nil) {
        let home = Self.homeFolder(environment)
        self.home = home
        let configHome = Self.xdg("XDG_CONFIG_HOME", environment) ?? Self.join(home, ".config")
        let dataHome = Self.xdg("XDG_DATA_HOME", environment) ?? Self.join(home, ".local/share")
        let stateHome = Self.xdg("XDG_STATE_HOME", environment) ?? Self.join(home, ".local/state")
        configFile = Self.join(configHome, "warren/config.toml")
        bookmarksFile = Self.join(dataHome, "warren/bookmarks.gph")
        historyFile = Self.join(stateHome, "warren/history")
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

    /// `folder` and `relative`, with exactly one slash between them.
    static func join(_ folder: String, _ relative: String) -> String {
        var base = folder
        while base.count > 1, base.hasSuffix("/") { base.removeLast() }
        var rest = Substring(relative)
        while rest.hasPrefix("/") { rest = rest.dropFirst() }
        if rest.isEmpty { return base }
        return base == "/" ? "/" + rest : base + "/" + rest
    }

    private static func isFolder(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
    }

    private static func currentFolder() -> String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "." }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// Reading and replacing Warren's own small files (config, bookmarks, history).
///
/// Writes never leave a half-written file: the new contents go to a temporary file in the same
/// folder, are flushed to disk, and are renamed over the target, so a reader (or a crash) sees
/// either the old file or the new one. A target that is a symbolic link (a dotfiles checkout) is
/// written through: the file it points to is replaced and the link kept.
public enum UserFileStore {
    /// The file's bytes, or nil if it is missing (or cannot be read: a folder, no permission).
    public static func read(_ path: String) -> [UInt8]? {
        let descriptor = (try? syscall { open(path, O_RDONLY | O_CLOEXEC) }) ?? -1
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { buffer in
                (try? syscall { Glibc.read(descriptor, buffer.baseAddress!, buffer.count) }) ?? -1
            }
            if count < 0 { return nil }
            if count == 0 { return result }
            result.append(contentsOf: chunk[..<count])
        }
    }

    /// Replaces the file at `path` with `bytes`, creating missing parent folders (mode 0700).
    /// The file keeps its permissions if it existed, and is `rw-------` if it is new. On failure
    /// the target is unchanged and no temporary file is left.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(FetchError) {
        let target = resolvedTarget(path)
        let folder = AtomicFileSink.folder(of: target)
        try makeFolders(folder, reportingAs: path)

        var template = Array("\(folder)/.warren-tmp-XXXXXX".utf8CString)
        // mkstemp opens with O_EXCL and mode 0600: it never follows or reuses an existing name.
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .system(.save, .current, path) }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        let temporaryPath = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var isOpen = true
        do {
            var status = stat()
            if stat(target, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG {
                try syscall { fchmod(descriptor, status.st_mode & 0o777) }
            }
            try writeAll(descriptor, bytes)
            try syscall { fsync(descriptor) }
            isOpen = false
            try syscall { close(descriptor) }
            try syscall { rename(temporaryPath, target) }
        } catch {
            if isOpen { close(descriptor) }
            unlink(temporaryPath)
            throw .system(.save, error, path)
        }
        syncFolder(folder)
    }

    /// Appends `line` (and a newline) to the file at `path`, creating it and its folders if
    /// needed; then, if the file holds more than `keepingLast` lines, rewrites it atomically with
    /// only the last `keepingLast`. Carriage returns and line feeds inside `line` become spaces,
    /// so one call always adds exactly one line.
    public static func append(line: String, to path: String, keepingLast: Int) throws(FetchError) {
        let target = resolvedTarget(path)
        try makeFolders(AtomicFileSink.folder(of: target), reportingAs: path)
        var added = Array(line.utf8).map { $0 == 0x0A || $0 == 0x0D ? UInt8(ascii: " ") : $0 }
        added.append(0x0A)

        let existing = read(target) ?? []
        if let last = existing.last, last != 0x0A {
            added.insert(0x0A, at: 0)  // finish a last line that had no newline
        }
        let limit = max(0, keepingLast)
        let lineCount = existing.count(where: { $0 == 0x0A }) + added.count(where: { $0 == 0x0A })
        if lineCount > limit {
            try writeAtomically(lastLines(existing + added, limit), to: path)
            return
        }
        do {
            let descriptor = try syscall { open(target, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600) }
            defer { close(descriptor) }
            try writeAll(descriptor, added)
        } catch {
            throw .system(.save, error, path)
        }
    }

    private static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) throws(Errno) {
        let failure = bytes.withUnsafeBytes { buffer -> Errno? in
            do throws(Errno) {
                try GopherNet.writeAll(fd: descriptor, buffer)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// The last `count` newline-terminated lines of `bytes` (which ends with a newline).
    static func lastLines(_ bytes: [UInt8], _ count: Int) -> [UInt8] {
        guard count > 0 else { return [] }
        var seen = 0
        var index = bytes.endIndex - 1  // the final newline
        while index > bytes.startIndex {
            if bytes[index - 1] == 0x0A {
                seen += 1
                if seen == count { return Array(bytes[index...]) }
            }
            index -= 1
        }
        return bytes
    }

    /// Where a write to `path` lands: the file a symbolic link points to, else `path` itself.
    static func resolvedTarget(_ path: String) -> String {
        var status = stat()
        guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK,
            let resolved = realpath(path, nil)
        else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Creates `folder` and any missing parents (mode 0700), as `mkdir -p` does; an existing
    /// folder is fine. For the download folder before a save.
    public static func makeFolder(_ folder: String) throws(FetchError) {
        try makeFolders(folder, reportingAs: folder)
    }

    /// `mkdir -p` with mode 0700 for the folders it creates.
    static func makeFolders(_ folder: String, reportingAs path: String) throws(FetchError) {
        var status = stat()
        if stat(folder, &status) == 0 {
            if (status.st_mode & S_IFMT) == S_IFDIR { return }
            throw .system(.save, Errno(rawValue: ENOTDIR), path)
        }
        let parent = AtomicFileSink.folder(of: folder)
        if parent != folder, parent != "." {
            try makeFolders(parent, reportingAs: path)
        }
        do {
            try syscall { mkdir(folder, 0o700) }
        } catch {
            if error != .fileExists { throw .system(.save, error, path) }
        }
    }

    private static func syncFolder(_ folder: String) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}
