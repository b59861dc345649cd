import Browser
import Testing
import UserFiles
import WarrenTestSupport

@Test func theFilesPageSaysWhereEachFileIsAndWhichAreNotThereYet() throws {
    let home = try Home()
    defer { home.remove() }
    try home.makeFolder("Downloads")
    try home.makeFolder(".config/warren")
    try home.write("timeout = 5\n", to: ".config/warren/config.toml")
    let paths = UserPaths(environment: ["HOME": home.path])
    var browser = Browser()
    browser.resize(width: 200, height: 24)
    browser.show(paths.page())
    #expect(browser.titleLine == " about:files")
    #expect(Array(browser.pageLines.prefix(20)) == [
        "        Warren's files (each is made the first time it is needed)",
        "",
        "          Settings   \(home.path)/.config/warren/config.toml",
        "          Bookmarks  \(home.path)/.local/share/warren/bookmarks.gph",
        "                     not made yet",
        "          History    \(home.path)/.local/state/warren/history",
        "                     not made yet",
        "          Session    \(home.path)/.local/state/warren/session",
        "                     not made yet",
        "          Encodings  \(home.path)/.local/state/warren/encodings",
        "                     not made yet",
        "          Pinned TLS \(home.path)/.local/share/warren/known_certificates",
        "                     not made yet",
        "          Feeds      \(home.path)/.local/share/warren/feeds.gph",
        "                     not made yet",
        "          Feeds seen \(home.path)/.local/state/warren/feeds",
        "                     not made yet",
        "          Downloads  \(home.path)/Downloads",
        "          Page cache \(home.path)/.cache/warren",
        "                     not made yet",
    ])
}
