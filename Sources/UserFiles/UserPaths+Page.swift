import AtomicFiles
import Browser
import GopherCore
import SystemPackage

extension UserPaths {
    /// `about:files`: where each of Warren's files is and whether it exists yet, so a user can
    /// find the config to edit or the bookmarks to copy, network or not.
    public func page() -> Page {
        let files: [(String, String)] = [
            ("Settings", configFile), ("Bookmarks", bookmarksFile), ("History", historyFile),
            ("Session", sessionFile), ("Encodings", encodingsFile),
            ("Pinned TLS", knownCertificatesFile), ("Feeds", feedsFile), ("Feeds seen", feedStateFolder),
            ("Downloads", downloadFolder), ("Page cache", cacheFolder),
        ]
        var bytes = GophermapLine.info("Warren's files (each is made the first time it is needed)") + GophermapLine.info("")
        for (name, path) in files {
            bytes += GophermapLine.info("  " + name.padded(to: 11) + path)
            if FileKind.of(FilePath(path), followingLinks: true) == nil {
                bytes += GophermapLine.info("  " + "".padded(to: 11) + "not made yet")
            }
        }
        bytes += GophermapLine.info("")
        bytes += GophermapLine.info("Every setting config.toml takes is described, commented, in the file")
        bytes += GophermapLine.info("that warren --print-default-config prints; warren --check-config")
        bytes += GophermapLine.info("says what is wrong with yours.")
        return Page.menu(UserPage.files.location, title: "Files", bytes: bytes)
    }
}
