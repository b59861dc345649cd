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
    #expect(Array(browser.pageLines.prefix(6)) == [
        "        Warren's files (created on first use)",
        "",
        "          Settings   \(home.path)/.config/warren/config.toml",
        "          Bookmarks  \(home.path)/.local/share/warren/bookmarks.gph  (not there yet)",
        "          History    \(home.path)/.local/state/warren/history  (not there yet)",
        "          Downloads  \(home.path)/Downloads",
    ])
}
