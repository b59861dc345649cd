import Browser
import UserFiles
import Testing

@Test func settingsAreReadWithCommentsAndSpaces() {
    let (config, problems) = Config.parse("""
        # Warren
        download_folder = "~/gopher files"   # where saves go
        home_page="gopher://example.org/1/phlog"
        timeout = 2.5

        colors = false
        """)
    #expect(problems == [])
    #expect(config.downloadFolder == "~/gopher files")
    #expect(config.homePage == "gopher://example.org/1/phlog")
    #expect(config.timeout == 2.5)
    #expect(config.colors == false)
}

@Test func problemsNameTheirLineAndTheRestStillApplies() {
    let (config, problems) = Config.parse("""
        shell = "rm -rf /"
        timeout = -3
        colors = maybe
        download_folder = unquoted
        just words
        home_page = "about:help"
        """)
    #expect(problems == [
        "line 1: unknown setting shell",
        "line 2: timeout takes a number of seconds above 0",
        "line 3: colors takes true or false",
        "line 4: download_folder takes a quoted string",
        "line 5: expected key = value",
    ])
    #expect(config.homePage == "about:help")
    #expect(config.timeout == nil)
}

@Test func hashInsideAQuotedStringIsNotAComment() {
    let (config, problems) = Config.parse(#"download_folder = "/tmp/a#b" # comment"#)
    #expect(problems == [])
    #expect(config.downloadFolder == "/tmp/a#b")
}

@Test func escapedQuotesAreUnescaped() {
    #expect(Config.parse(#"home_page = "about:\"x\"""#).config.homePage == #"about:"x""#)
    #expect(Config.parse(#"home_page = "a"b""#).problems == ["line 1: home_page takes a quoted string"])
}

@Test func emptyFileIsTheDefaults() {
    let (config, problems) = Config.parse("")
    #expect(config == Config())
    #expect(problems == [])
}

@Test func keysSectionRebindsKeysAndNamesItsProblems() {
    let (config, problems) = Config.parse("""
        timeout = 5
        [keys]
        quit = "Q"
        next_link = "C-n"
        page_down = "PgDn"
        fly = "x"
        back = "Hyper-Z"
        [colours]
        """)
    #expect(config.timeout == 5)
    #expect(config.keys == [.character("Q"): .quit, .control("n"): .nextLink, .pageDown: .pageDown])
    #expect(problems == [
        "line 6: unknown command fly",
        "line 7: back takes a key such as \"x\", \"C-x\" or \"PgDn\"",
        "line 8: unknown section [colours]",
    ])
}

@Test func reboundKeysDriveTheBrowser() {
    let changes = Config.parse("[keys]\nquit = \"Q\"\nnext_link = \"x\"\n").config.keys
    var browser = Browser(keyBindings: KeyMap.bindings(with: changes))
    #expect(browser.handle(.character("Q")) == [.quit])
    // The defaults not rebound still work.
    #expect(browser.handle(.character("q")) == [.quit])
}
