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
        download_folder = 7
        just words
        home_page = "about:help"
        """)
    #expect(problems == [
        "line 1: unknown setting shell",
        "line 2: timeout takes a number of seconds above 0",
        "line 3, column 10: Error while parsing value: could not determine value type",
        "line 4: download_folder takes a string",
        "line 5, column 6: Error while parsing key-value pair: expected '=', saw 'w'",
    ])
    #expect(config.homePage == "about:help")
    #expect(config.timeout == nil)
}

@Test func everyTOMLFormOfAStringOrANumberIsAccepted() {
    let (config, problems) = Config.parse(#"""
        download_folder = "C:\\" # a Windows habit
        home_page = 'gopher://example.org/1/literal\'
        timeout = 1_000
        """#)
    #expect(problems == [])
    #expect(config.downloadFolder == #"C:\"#)
    #expect(config.homePage == #"gopher://example.org/1/literal\"#)
    #expect(config.timeout == 1000)
    // An escape means what TOML says: \t is a tab, never a lost backslash.
    #expect(Config.parse(#"download_folder = "a\tb""#).config.downloadFolder == "a\tb")
}

@Test func theDefaultConfigChangesNothing() {
    let (config, problems) = Config.parse(BuiltInPages.defaultConfig)
    #expect(problems == [])
    // The defaults written out: the same as no file at all.
    #expect(config.downloadFolder == nil)
    #expect(config.homePage == "about:home")
    #expect(config.timeout == nil)
    #expect(config.colors == true)
    #expect(config.mouse == true)
    #expect(config.keys == [:])
    #expect(config.theme == Theme.standard)
    #expect(config.proxy == nil)
    #expect(config.preferTLS == false)
}

@Test func aProxyIsAURLStringAndAnythingElseIsNamed() {
    #expect(Config.parse(#"proxy = "socks5h://127.0.0.1:9050""#).config.proxy == "socks5h://127.0.0.1:9050")
    #expect(Config.parse("proxy = 9050").problems == [#"line 1: proxy takes a URL such as "socks5h://127.0.0.1:9050""#])
}

@Test func tlsIsPreferOrOffAndAnythingElseIsNamed() {
    #expect(Config.parse(#"tls = "prefer""#).config.preferTLS == true)
    #expect(Config.parse(#"tls = "off""#).config.preferTLS == false)
    #expect(Config.parse("tls = true").problems == [#"line 1: tls takes "prefer" or "off""#])
    #expect(Config.parse(#"tls = "required""#).problems == [#"line 1: tls takes "prefer" or "off""#])
}

@Test func hashInsideAQuotedStringIsNotAComment() {
    let (config, problems) = Config.parse(#"download_folder = "/tmp/a#b" # comment"#)
    #expect(problems == [])
    #expect(config.downloadFolder == "/tmp/a#b")
}

@Test func escapedQuotesAreUnescaped() {
    #expect(Config.parse(#"home_page = "about:\"x\"""#).config.homePage == #"about:"x""#)
    #expect(Config.parse(#"home_page = "a"b""#).problems.first?.hasPrefix("line 1, column ") == true)
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
        next_link = ["C-n", "J"]
        page_down = "PgDn"
        fly = "x"
        back = "Hyper-Z"
        open = "C-m"
        [colours]
        """)
    #expect(config.timeout == 5)
    #expect(config.keys == [.character("Q"): .quit, .control("n"): .nextLink, .character("J"): .nextLink, .pageDown: .pageDown])
    #expect(problems == [
        "line 6: unknown command fly",
        "line 7: back takes a key such as \"x\", \"C-x\" or \"PgDn\"",
        "line 8: open: C-m never arrives as itself: the terminal sends Enter (use \"Enter\")",
        "line 9: unknown table [colours]",
    ])
}

@Test func reboundKeysDriveTheBrowser() {
    let changes = Config.parse("[keys]\nquit = \"Q\"\nnext_link = \"x\"\n").config.keys
    var browser = Browser(keyBindings: KeyMap.bindings(with: changes))
    #expect(browser.handle(.character("Q")) == [.quit])
    // The defaults not rebound still work.
    #expect(browser.handle(.character("q")) == [.quit])
}
