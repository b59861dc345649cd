import Foundation
import Glibc
import Testing
import WarrenTestSupport

/// The full-screen browser, run as a person runs it: the real binary in a real terminal (tmux)
/// against real gopher servers on loopback, keys sent, the screen read back.
@Suite struct BrowserSessionTests {
    @Test func opensAMenuAndFollowsLinksByArrowsAndByNumber() throws {
        let server = try RealServer(.gophernicus)
        let warren = try WarrenInTmux([server.url("/")])
        defer { warren.stop(); warren.removeHome() }
        let screen = try warren.waitFor("6 TXT latin1.txt")
        #expect(screen.hasPrefix(" gopher://127.0.0.1:\(server.port)/1\n        [/]\n\n  1 DIR big\n  2 DIR docs\n  3 BIN blob.bin\n"))
        try warren.waitForStatus("1/6  gopher://127.0.0.1:\(server.port)/1/big/")
        warren.session.sendKeys("j", "Down")
        try warren.waitForStatus("3/6  gopher://127.0.0.1:\(server.port)/9/blob.bin")
        warren.session.sendKeys("5")
        try warren.waitForStatus("link 5 (Enter opens it)")
        warren.session.sendKeys("Enter")
        let document = try warren.waitFor("Second line.")
        #expect(document.hasPrefix(" gopher://127.0.0.1:\(server.port)/0/hello.txt\nHello, gopherspace.\nSecond line.\n"))
        // Back with the arrow, into the sub-menu with Enter.
        warren.session.sendKeys("Left")
        try warren.waitForStatus("5/6")
        warren.session.sendKeys("g", "j", "Enter")
        try warren.waitFor("2 TXT readme.txt")
    }

    @Test(arguments: ["xterm-256color", "screen-256color", "tmux-256color", "linux"])
    func homeEndAndPageKeysDoWhatTheySayUnderEveryCommonTerm(term: String) throws {
        let server = try RealServer(.gophernicus)
        let warren = try WarrenInTmux([server.url("/1/big/")], extraEnvironment: ["TERM": term])
        defer { warren.stop(); warren.removeHome() }
        try warren.waitForStatus("1/100  gopher://127.0.0.1:\(server.port)/0/hello.txt")
        warren.session.sendKeys("End")
        try warren.waitForStatus("100/100  gopher://127.0.0.1:\(server.port)/0/hello.txt")
        warren.session.sendKeys("Home")
        let top = try warren.waitForStatus("1/100  gopher://127.0.0.1:\(server.port)/0/hello.txt")
        let firstScreen = top.split(separator: "\n").dropLast()
        warren.session.sendKeys("NPage")
        #expect(!top.contains("  17 TXT Item 017"))
        try warren.session.waitUntilSettled { $0.contains("  17 TXT Item 017") }
        warren.session.sendKeys("PPage")
        // Back on the first screen (the selection stays on the link in sight that it had).
        try warren.session.waitUntil { $0.split(separator: "\n").dropLast() == firstScreen }
        // Nothing was taken as Esc (which would say so) or as a link number.
        #expect(!warren.session.capture().contains("nothing to cancel"))
        #expect(!warren.session.capture().contains("link 1 (Enter"))
    }

    @Test(arguments: ["xterm-256color", "tmux-256color"])
    func aClickSelectsALinkASecondClickOpensItAndTheWheelScrolls(term: String) throws {
        let server = try RealServer(.gophernicus)
        let warren = try WarrenInTmux([server.url("/1/big/")], extraEnvironment: ["TERM": term])
        defer { warren.stop(); warren.removeHome() }
        try warren.waitForStatus("1/100  gopher://127.0.0.1:\(server.port)/0/hello.txt")
        // A press and release (SGR 1006) on screen row 11, column 12: the line of Item 003.
        let click = "\u{1B}[<0;12;11M\u{1B}[<0;12;11m"
        warren.session.sendText(click)
        try warren.waitForStatus("3/100  gopher://127.0.0.1:\(server.port)/0/hello.txt")
        warren.session.sendText(click)
        try warren.waitFor("Hello, gopherspace.")
        warren.session.sendKeys("h")
        try warren.waitForStatus("3/100  gopher://127.0.0.1:\(server.port)/0/hello.txt")
        // Two wheel steps down: six lines.
        warren.session.sendText("\u{1B}[<65;12;11M\u{1B}[<65;12;11M")
        try warren.session.waitUntilSettled {
            $0.split(separator: "\n").dropFirst().first == "         Section 1, line 5 of its introduction."
                && $0.contains("  16 TXT Item 016")
        }
    }

    @Test func backRestoresScrollPositionAndSelectionAndForwardReturns() throws {
        let server = try RealServer(.gophernicus)
        let warren = try WarrenInTmux([server.url("/1/big/")])
        defer { warren.stop(); warren.removeHome() }
        // Keys sent while the menu still streams in would race its redraws: wait for it all.
        try warren.waitForStatus("1/100  gopher://127.0.0.1:\(server.port)/0/hello.txt")
        warren.session.sendKeys("PageDown", "PageDown", "j", "j")
        let before = try warren.session.waitUntilSettled {
            $0.contains("Item 03") && $0.hasSuffix("/100  gopher://127.0.0.1:\(server.port)/0/hello.txt")
        }
        let selectedStatus = before.split(separator: "\n").last.map(String.init) ?? ""
        #expect(!selectedStatus.contains(" 1/100"))
        warren.session.sendKeys("Enter")
        try warren.waitFor("Hello, gopherspace.")
        warren.session.sendKeys("h")
        let after = try warren.session.waitUntilSettled { $0.contains("Item 0") }
        #expect(after == before)
        warren.session.sendKeys("f")
        try warren.waitFor("Hello, gopherspace.")
        warren.session.sendKeys("BSpace")
        #expect(try warren.session.waitUntilSettled { $0.contains("Item 0") } == before)
    }

    @Test func findMovesToTheMatchAndNextFindsTheFollowingOne() throws {
        let server = try RealServer(.gophernicus)
        let warren = try WarrenInTmux([server.url("/1/big/")])
        defer { warren.stop(); warren.removeHome() }
        try warren.waitForStatus("1/100  gopher://127.0.0.1:\(server.port)/0/hello.txt")
        warren.session.sendKeys("/")
        try warren.waitForStatus("Find:")
        warren.session.sendText("item 077")
        warren.session.sendKeys("Enter")
        try warren.waitForStatus("“item 077” on line")
        try warren.waitFor("Item 077")
        warren.session.sendKeys("Escape")  // nothing loading: just a hint
        warren.session.sendKeys("/")
        warren.session.sendKeys("C-u")
        warren.session.sendText("introduction")
        warren.session.sendKeys("Enter")
        let firstMatch = try warren.waitForStatus("“introduction” on line").split(separator: "\n").last
        warren.session.sendKeys("n")
        // The next match: the same words on a later line.
        try warren.session.waitUntil { screen in
            let status = screen.split(separator: "\n", omittingEmptySubsequences: false).last
            return status?.contains("“introduction” on line") == true && status != firstMatch
        }
        warren.session.sendKeys("/", "C-u")
        warren.session.sendText("no such words")
        warren.session.sendKeys("Enter")
        try warren.waitForStatus("“no such words” not found")
    }

    @Test func savesADocumentAndDownloadsABinaryIdenticalToTheServers() throws {
        let server = try RealServer(.gophernicus)
        let warren = try WarrenInTmux([server.url("/")])
        defer { warren.stop(); warren.removeHome() }
        try warren.waitFor("6 TXT latin1.txt")
        // Download the binary without opening it.
        warren.session.sendKeys("3", "d")
        try warren.waitForStatus("Save as: blob.bin")
        warren.session.sendKeys("Enter")
        try warren.waitForStatus("saved \(warren.downloads.path)/blob.bin (65.5 KB)")
        #expect(Array(try Data(contentsOf: warren.downloads.appendingPathComponent("blob.bin"))) == (try server.fileBytes("blob.bin")))
        // Save the page being read, as the server sent it.
        warren.session.sendKeys("5", "Enter")
        try warren.waitFor("Hello, gopherspace.")
        warren.session.sendKeys("s")
        try warren.waitForStatus("Save as: hello.txt")
        warren.session.sendKeys("Enter")
        try warren.waitForStatus("saved \(warren.downloads.path)/hello.txt")
        let sent = try WarrenProcess.run(["--source", server.url("/0/hello.txt")]).stdout
        #expect(Array(try Data(contentsOf: warren.downloads.appendingPathComponent("hello.txt"))) == sent)
        // Saving again asks before replacing; anything but y keeps the file.
        warren.session.sendKeys("s")
        try warren.waitForStatus("Save as: hello.txt")
        warren.session.sendKeys("Enter")
        try warren.waitForStatus("hello.txt exists; replace it? (y/N)")
        warren.session.sendKeys("n")
        try warren.waitForStatus("not saved: hello.txt exists")
        #expect(try FileManager.default.contentsOfDirectory(atPath: warren.downloads.path).sorted() == ["blob.bin", "hello.txt"])
    }

    @Test func searchAsksForWordsAndSendsThemAfterATab() throws {
        let server = try FixtureServer { port in
            .reply(Array("iSearch the fixture\t\tnull.host\t1\r\n7Find things\t/search\t127.0.0.1\t\(port)\r\n0Found it\t/found\t127.0.0.1\t\(port)\r\n.\r\n".utf8))
        }
        let warren = try WarrenInTmux(["gopher://127.0.0.1:\(server.port)/1/"])
        defer { warren.stop(); warren.removeHome() }
        try warren.waitFor("1 ASK Find things")
        warren.session.sendKeys("Enter")
        try warren.waitForStatus("Search Find things:")
        warren.session.sendText("gopher holes")
        warren.session.sendKeys("Enter")
        try warren.waitFor(" gopher://127.0.0.1:\(server.port)/7/search%09gopher%20holes")
        #expect(server.requests.last == Array("/search\tgopher holes".utf8))
    }

    @Test func eachFailingStageIsNamedInTheStatusBarAndThePageStays() throws {
        let server = try RealServer(.gophernicus)
        let silent = try FixtureServer(.neverAnswer)
        let closed = try Loopback.closedPort()
        // Long enough for a busy machine's gophernicus, short enough to wait out once.
        let warren = try WarrenInTmux(["--timeout", "2", server.url("/")])
        defer { warren.stop(); warren.removeHome() }
        try warren.waitFor("6 TXT latin1.txt")
        let cases = [
            ("127.0.0.1:\(closed)/", "connect failed: Connection refused (127.0.0.1:\(closed))"),
            ("127.0.0.1:\(server.port)/1/missing/", "server error: Error: File or directory not found! (null)"),
            ("127.0.0.1:\(silent.port)/", "receive timed out after 2 s (127.0.0.1:\(silent.port))"),
            ("gopher://127.0.0.1/0/a%0Ab", "selector contains LF, which cannot be sent"),
        ]
        for (url, message) in cases {
            warren.session.sendKeys("o")
            try warren.waitForStatus("Go to:")
            warren.session.sendText(url)
            warren.session.sendKeys("Enter")
            try warren.waitForStatus(message)
            #expect(warren.session.capture().contains("6 TXT latin1.txt"), "the previous page stays")
        }
    }

    @Test func unknownHostIsAResolveFailure() throws {
        let warren = try WarrenInTmux(["gopher://nohost.invalid/"], prefix: ["/usr/bin/unshare", "-n"])
        defer { warren.stop(); warren.removeHome() }
        try warren.waitForStatus("resolve failed: ")
        #expect(warren.statusBar.hasSuffix("(nohost.invalid:70)"))
    }

    @Test func escapeAndCtrlCCancelALoadThatNeverAnswersWithoutQuitting() throws {
        let server = try RealServer(.gophernicus)
        let silent = try FixtureServer(.neverAnswer)
        let warren = try WarrenInTmux([server.url("/")])
        defer { warren.stop(); warren.removeHome() }
        try warren.waitFor("6 TXT latin1.txt")
        for key in ["Escape", "C-c"] {
            warren.session.sendKeys("o")
            warren.session.sendText("127.0.0.1:\(silent.port)/")
            warren.session.sendKeys("Enter")
            try warren.waitForStatus("receiving 0 B")
            warren.session.sendKeys(key)
            try warren.waitForStatus("cancelled")
            #expect(warren.session.capture().contains("6 TXT latin1.txt"))
            #expect(!warren.session.paneIsDead)
        }
        warren.session.sendKeys("q")
        #expect(try warren.session.waitForExit() == 0)
    }

    @Test func endlessStreamAndStalledListenerKeepTheUIResponsiveAndCancel() throws {
        let server = try RealServer(.gophernicus)
        let endless = try FixtureServer(.endless(chunk: Array("iMore and more\t\tnull.host\t1\r\n".utf8)))
        let stalled = try StalledListener()
        let warren = try WarrenInTmux([server.url("/")])
        defer { warren.stop(); warren.removeHome() }
        try warren.waitFor("6 TXT latin1.txt")
        warren.session.sendKeys("o")
        warren.session.sendText("127.0.0.1:\(endless.port)/1/")
        warren.session.sendKeys("Enter")
        try warren.waitFor("More and more")
        try warren.waitForStatus(" MB")
        warren.session.sendKeys("G")  // keys still work while it streams
        warren.session.sendKeys("Escape")
        try warren.waitForStatus("cancelled")
        #expect(warren.titleBar.hasSuffix("[incomplete]"))
        warren.session.sendKeys("h")
        try warren.waitFor("6 TXT latin1.txt")
        warren.session.sendKeys("o")
        warren.session.sendText("127.0.0.1:\(stalled.port)/")
        warren.session.sendKeys("Enter")
        try warren.waitForStatus("connecting 127.0.0.1:\(stalled.port)…")
        warren.session.sendKeys("C-c")
        try warren.waitForStatus("cancelled")
        #expect(warren.session.capture().contains("6 TXT latin1.txt"))
    }

    @Test func resizeRedrawsAtTheNewSizeAndKeepsThePlace() throws {
        let server = try RealServer(.gophernicus)
        let warren = try WarrenInTmux([server.url("/1/big/")])
        defer { warren.stop(); warren.removeHome() }
        try warren.waitForStatus("1/100  gopher://127.0.0.1:\(server.port)/0/hello.txt")
        warren.session.sendKeys("PageDown", "j")
        let before = try warren.session.waitUntilSettled {
            $0.contains("Item 02") && $0.hasSuffix("/100  gopher://127.0.0.1:\(server.port)/0/hello.txt")
        }
        let status = before.split(separator: "\n").last.map(String.init) ?? ""
        warren.session.resize(width: 100, height: 30)
        // The pane changes size at once; Warren's redraw follows: wait for its status bar on row 30.
        let after = try warren.session.waitUntil {
            let rows = $0.split(separator: "\n", omittingEmptySubsequences: false)
            return rows.count == 30 && !rows[29].isEmpty
        }
        #expect(after.split(separator: "\n", omittingEmptySubsequences: false).last.map(String.init) == status)
        warren.session.resize(width: 40, height: 10)
        // tmux keeps the old rows, cut to 40 columns, until Warren redraws: wait for its own title
        // and status bar at the new size (the status cut to 39 columns and a … that says so).
        let cutStatus = status.count > 40 ? status.prefix(39) + "…" : status
        let small = try warren.session.waitUntilSettled {
            let rows = $0.split(separator: "\n", omittingEmptySubsequences: false)
            return rows.count == 10 && rows[0].hasPrefix(" gopher://127.0.0.1:\(server.port)/1/big")
                && rows[9] == cutStatus
        }
        #expect(small.split(separator: "\n").allSatisfy { $0.count <= 40 })
    }

    @Test func configurationSetsHomePageDownloadFolderAndKeysAndReportsProblems() throws {
        let server = try RealServer(.gophernicus)
        let home = try TemporaryFolder.make(prefix: "warren-home")
        defer { try? FileManager.default.removeItem(at: home) }
        let configFolder = home.appendingPathComponent("config/warren")
        try FileManager.default.createDirectory(at: configFolder, withIntermediateDirectories: true)
        try Data("""
            home_page = "\(server.url("/"))"
            download_folder = "~/saved here"
            colour = "blue"
            [keys]
            quit = "Q"
            next_link = "x"
            """.utf8).write(to: configFolder.appendingPathComponent("config.toml"))
        let warren = try WarrenInTmux([], home: home)
        defer { warren.stop() }
        try warren.waitFor("6 TXT latin1.txt")
        try warren.waitForStatus("config.toml line 3: unknown setting colour")
        warren.session.sendKeys("3", "d")
        try warren.waitForStatus("Save as: blob.bin")
        warren.session.sendKeys("Enter")
        try warren.waitForStatus("saved \(home.path)/saved here/blob.bin")
        #expect(Array(try Data(contentsOf: home.appendingPathComponent("saved here/blob.bin"))) == (try server.fileBytes("blob.bin")))
        // Keys rebound in [keys]: x moves to the next link, Q quits.
        warren.session.sendKeys("x")
        try warren.waitForStatus("4/6  gopher://127.0.0.1:\(server.port)/0/dots.txt")
        warren.session.sendKeys("Q")
        #expect(try warren.session.waitForExit() == 0)
    }

    /// Starts Warren on the server's root menu with `config` as its config.toml.
    private func warrenWithConfig(_ config: String, server: RealServer, environment: [String: String]) throws -> WarrenInTmux {
        let home = try TemporaryFolder.make(prefix: "warren-home")
        let configFolder = home.appendingPathComponent("config/warren")
        try FileManager.default.createDirectory(at: configFolder, withIntermediateDirectories: true)
        try Data(config.utf8).write(to: configFolder.appendingPathComponent("config.toml"))
        return try WarrenInTmux([server.url("/")], home: home, extraEnvironment: environment)
    }

    private static let theme = """
        [colors]
        title = "white on blue bold"
        link_number = 208
        match = "black on bright-green"
        [colors.tags]
        text = "#ff0000"
        """

    /// An SGR sequence that sets a colour (a foreground or background of 8, 16 or 256 colours).
    private static var colourSequence: Regex<(Substring, Substring)> { /\x1B\[(3[0-7]|4[0-7]|9[0-7]|10[0-7]|38;5;[0-9]+|48;5;[0-9]+)m/ }

    /// The SGR attributes in force where `text` starts on a `capture-pane -e` screen: those of
    /// the escape sequences written just before it, one a parameter (`1`, `7`, `33`, `38;5;208`).
    /// `after` names text to look past first (the row's start, when `text` is on other rows too).
    private func attributes(before text: String, after anchor: String = "", in screen: String) -> Set<String> {
        let from = screen.range(of: anchor)?.upperBound ?? screen.startIndex
        guard let range = screen.range(of: text, range: from..<screen.endIndex) else { return [] }
        var before = screen[..<range.lowerBound]
        var parameters: [String] = []
        while before.hasSuffix("m"), let start = before.range(of: "\u{1B}[", options: .backwards) {
            let sequence = before[start.upperBound..<before.index(before: before.endIndex)]
            guard sequence.allSatisfy({ $0.isNumber || $0 == ";" }) else { break }
            var parts = sequence.split(separator: ";").map(String.init)[...]
            var found: [String] = []
            while let part = parts.popFirst() {
                if part == "38" || part == "48", parts.first == "5", parts.count >= 2 {
                    found.append("\(part);5;\(parts.dropFirst().first!)")
                    parts = parts.dropFirst(2)
                } else {
                    found.append(part)
                }
            }
            parameters = found + parameters
            before = before[..<start.lowerBound]
        }
        return Set(parameters)
    }

    @Test(arguments: ["xterm-256color", "tmux-256color"])
    func aThemeInTheConfigIsDrawnInItsColours(term: String) throws {
        let server = try RealServer(.gophernicus)
        let warren = try warrenWithConfig(Self.theme, server: server, environment: ["TERM": term])
        defer { warren.stop(); warren.removeHome() }
        try warren.waitFor("6 TXT latin1.txt")
        let screen = warren.session.captureWithAttributes()
        #expect(attributes(before: " gopher://", in: screen).isSuperset(of: ["1", "37", "44"]))
        #expect(attributes(before: "  6 ", in: screen).contains("38;5;208"))
        // #ff0000 is 196 of the 256; the menu tags keep the standard green.
        #expect(attributes(before: "TXT", after: "  6 ", in: screen).contains("38;5;196"))
        #expect(attributes(before: "DIR", after: "  2 ", in: screen).contains("32"))
        // A find draws its match black on bright green.
        warren.session.sendKeys("/")
        warren.session.sendText("latin")
        warren.session.sendKeys("Enter")
        try warren.waitForStatus("“latin” on line")
        let found = warren.session.captureWithAttributes()
        #expect(attributes(before: "latin", after: "  6 ", in: found).isSuperset(of: ["30", "102"]))
        #expect(attributes(before: "1.txt", after: "  6 ", in: found).isSuperset(of: ["1", "7"]))
    }

    @Test func anEightColourTerminalGetsTheNearestOfItsColours() throws {
        let server = try RealServer(.gophernicus)
        let warren = try warrenWithConfig(Self.theme, server: server, environment: ["TERM": "xterm"])
        defer { warren.stop(); warren.removeHome() }
        try warren.waitFor("6 TXT latin1.txt")
        let screen = warren.session.captureWithAttributes()
        // 208 (#ff8700) is nearest to yellow; #ff0000 is bright red, which is red in bold here.
        #expect(attributes(before: "  6 ", in: screen).contains("33"))
        #expect(attributes(before: "TXT", after: "  6 ", in: screen).isSuperset(of: ["1", "31"]))
        #expect(!screen.contains("38;5;"))
    }

    @Test(arguments: [["NO_COLOR": "1"], [:]])
    func noColorOrColorsFalseDrawNoColourButKeepTheBars(environment: [String: String]) throws {
        let server = try RealServer(.gophernicus)
        let config = environment.isEmpty ? "colors = false\n" : Self.theme
        let warren = try warrenWithConfig(config, server: server, environment: environment.merging(["TERM": "xterm-256color"]) { a, _ in a })
        defer { warren.stop(); warren.removeHome() }
        try warren.waitFor("6 TXT latin1.txt")
        let screen = warren.session.captureWithAttributes()
        #expect(screen.firstMatch(of: Self.colourSequence) == nil)
        // The title bar and the selection are still in reverse video.
        #expect(attributes(before: " gopher://", in: screen).isSuperset(of: ["1", "7"]))
        #expect(attributes(before: "  1 DIR big", in: screen).contains("7"))
    }

    /// A 24 MiB document: most of it goes to an unlinked file in the cache folder, and every
    /// part of it still reads back, the first line and the last.
    @Test func aLargeDocumentIsKeptOnDiskAndReadsBackWhole() throws {
        var text = ""
        for number in 1...240_000 { text += "Line \(number) of a document that does not fit in two blocks of memory.\n" }
        let server = try FixtureServer(.reply(Array(text.utf8)))
        let warren = try WarrenInTmux(["gopher://127.0.0.1:\(server.port)/0/big.txt"])
        defer { warren.stop(); warren.removeHome() }
        // 24 MiB through a debug build, beside the other tests on two cores: allow for it.
        try warren.waitForStatus("of 240000", timeout: 40)
        warren.session.sendKeys("End")
        try warren.waitFor("Line 240000 of a document")
        warren.session.sendKeys("g")
        try warren.waitFor("Line 1 of a document")
        // The spool: open, and already without a name.
        let cache = warren.home.appendingPathComponent(".cache/warren").path
        let descriptors = try FileManager.default.contentsOfDirectory(atPath: "/proc/\(warren.session.pid())/fd")
        let spooled = descriptors.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(warren.session.pid())/fd/\($0)") }
            .filter { $0.hasPrefix(cache) && $0.hasSuffix("(deleted)") }
        #expect(spooled.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: cache) == [])
    }

    /// A cache folder on a full disk (a 1 MiB tmpfs): the load stops with the reason, and the
    /// page so far stays readable.
    @Test func aFullDiskUnderTheSpoolStopsTheLoadAndKeepsThePage() throws {
        var text = ""
        for number in 1...100_000 { text += "Line \(number) of a document bigger than the disk it is spooled to.\n" }
        let server = try FixtureServer(.reply(Array(text.utf8)))
        let home = try TemporaryFolder.make(prefix: "warren-home")
        let cache = home.appendingPathComponent(".cache")
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let mountThenRun = #"mount -t tmpfs -o size=1m warren-test "$0" || exit 99; exec "$@""#
        let warren = try WarrenInTmux(
            ["gopher://127.0.0.1:\(server.port)/0/big.txt"], home: home,
            prefix: ["/usr/bin/unshare", "-m", "/bin/sh", "-c", mountThenRun, cache.path])
        defer { warren.stop(); warren.removeHome() }
        let screen = try warren.waitForStatus("(page incomplete)")
        try #require(warren.session.exitStatus != 99, "cannot mount a tmpfs here")
        #expect(screen.split(separator: "\n").last == " save failed: No space left on device (page spool) (page incomplete)")
        #expect(screen.contains("Line 1 of a document"))
        // What came before the disk filled reads back, to its last line (maybe cut short).
        warren.session.sendKeys("End")
        let end = try warren.session.waitUntilSettled { !$0.contains("Line 1 of a document") }
        #expect(end.split(separator: "\n").dropLast().last?.hasPrefix("L") == true)
        #expect(end.split(separator: "\n").last == " page incomplete: save failed: No space left on device (page spool)")
    }

    /// End while a page streams in: the view follows the end as it grows, with no other key.
    @Test func endDuringAStreamFollowsTheEnd() throws {
        let chunks = (0..<20).map { part in
            Array((1...100).map { "Streamed line \(part * 100 + $0).\n" }.joined().utf8)
        }
        let server = try FixtureServer(.chunks(chunks, interval: .milliseconds(100)))
        let warren = try WarrenInTmux(["gopher://127.0.0.1:\(server.port)/0/stream.txt"])
        defer { warren.stop(); warren.removeHome() }
        try warren.waitFor("Streamed line 1.")
        warren.session.sendKeys("End")
        let end = try warren.waitFor("Streamed line 2000.", timeout: 20)
        #expect(end.split(separator: "\n").dropLast().last == "Streamed line 2000.")
    }

    /// A Shift_JIS hole: E until it reads right, and the next session reads it right at once.
    @Test func anEncodingChosenWithEIsKeptForTheHostAcrossARestart() throws {
        let text = "日本語のテキストです。\n二行目。\n"
        let server = try FixtureServer(.reply(try iconvBytes(text, to: "SHIFT_JIS")))
        let url = "gopher://127.0.0.1:\(server.port)/0/nihongo.txt"
        let first = try WarrenInTmux([url], extraEnvironment: ["TERM": "xterm-256color"])
        defer { first.removeHome() }
        try first.waitForStatus("lines 1–")
        for _ in 0..<5 { first.session.sendKeys("E") }
        try first.waitForStatus("encoding: Shift_JIS")
        #expect(try first.waitFor("日本語のテキストです。").contains("二行目。"))
        let saved = try String(contentsOf: first.home.appendingPathComponent("state/warren/encodings"), encoding: .utf8)
        #expect(saved == "127.0.0.1\tShift_JIS\n")
        first.session.sendKeys("q")
        _ = try first.session.waitForExit()
        first.stop()

        let second = try WarrenInTmux([url], home: first.home, extraEnvironment: ["TERM": "xterm-256color"])
        defer { second.stop() }
        try second.waitFor("日本語のテキストです。")
        second.session.sendKeys("=")
        try second.waitFor("Charset    Shift_JIS (chosen with E, for this host)")
    }

    /// Three downloads at once from a slow server while the reader browses on; one cancelled on
    /// the downloads page; the other two byte for byte, and nothing half-written left behind.
    @Test func threeDownloadsRunInTheBackgroundWhileBrowsingAndOneIsCancelled() throws {
        let chunks = (0..<30).map { part in [UInt8](repeating: UInt8(0x41 + part % 26), count: 64 << 10) }
        // About 4 s a download: time enough to cancel one on a slow machine.
        let slow = try FixtureServer(.chunks(chunks, interval: .milliseconds(130)))
        let menu = try FixtureServer(.reply(Gophermap.menu(
            Gophermap.item("9", "First", "/file/1.bin", host: "127.0.0.1", port: "\(slow.port)"),
            Gophermap.item("9", "Second", "/file/2.bin", host: "127.0.0.1", port: "\(slow.port)"),
            Gophermap.item("9", "Third", "/file/3.bin", host: "127.0.0.1", port: "\(slow.port)"))))
        let warren = try WarrenInTmux(["gopher://127.0.0.1:\(menu.port)/1/"])
        defer { warren.stop(); warren.removeHome() }
        try warren.waitFor("3 BIN Third")
        for number in 1...3 {
            warren.session.sendKeys("\(number)", "d")
            try warren.waitForStatus("Save as: \(number).bin")
            warren.session.sendKeys("Enter")
            try warren.waitForStatus("↓ \(number)")
        }
        // Browsing on while they run: the page loads again beside them.
        let requestsBefore = menu.requests.count
        warren.session.sendKeys("r")
        try warren.session.waitUntil { _ in menu.requests.count == requestsBefore + 1 }
        try warren.waitFor("3 BIN Third")
        #expect(!warren.titleBar.contains("[incomplete]"))
        warren.session.sendKeys("D")
        try warren.waitFor("Downloads (x cancels the selected one")
        warren.session.sendKeys("2", "x")
        try warren.waitFor("2.bin  cancelled")
        try warren.waitFor("1.bin  done, 2.0 MB", timeout: 20)
        try warren.waitFor("3.bin  done, 2.0 MB", timeout: 20)
        let expected = Data(chunks.joined())
        #expect(try Data(contentsOf: warren.downloads.appendingPathComponent("1.bin")) == expected)
        #expect(try Data(contentsOf: warren.downloads.appendingPathComponent("3.bin")) == expected)
        #expect(try FileManager.default.contentsOfDirectory(atPath: warren.downloads.path).sorted() == ["1.bin", "3.bin"])
    }

    /// The address bar finds: a page visited before is suggested as its name is typed, and
    /// Down then Enter opens it.
    @Test func theGoToPromptSuggestsAVisitedPageAndOpensIt() throws {
        let server = try RealServer(.gophernicus)
        let warren = try WarrenInTmux([server.url("/0/hello.txt")])
        defer { warren.stop(); warren.removeHome() }
        try warren.waitFor("Hello, gopherspace.")
        // Finished (a visit is kept once its page has all come), before going elsewhere.
        try warren.waitForStatus("lines 1–")
        warren.session.sendKeys("o")
        warren.session.sendText(server.url("/1/docs/"))
        warren.session.sendKeys("Enter")
        try warren.waitFor(" gopher://127.0.0.1:\(server.port)/1/docs/")
        warren.session.sendKeys("o")
        warren.session.sendText("hello")
        // From history alone (no link to it on this page): its address.
        let offered = try warren.waitFor(" gopher://127.0.0.1:\(server.port)/0/hello.txt\nGo to: hello")
        #expect(offered.split(separator: "\n").last == "Go to: hello")
        warren.session.sendKeys("Down", "Enter")
        try warren.waitFor("Hello, gopherspace.")
    }

    @Test func bookmarksHistoryAndTheSessionSurviveARestart() throws {
        let server = try RealServer(.gophernicus)
        let first = try WarrenInTmux([server.url("/1/")])
        defer { first.removeHome() }
        try first.waitFor("5 TXT hello.txt")
        first.session.sendKeys("5", "Enter")
        try first.waitFor("Hello, gopherspace.")
        try first.waitForStatus("lines 1–")
        first.session.sendKeys("a")
        try first.waitForStatus("bookmarked")
        first.session.sendKeys("q")
        #expect(try first.session.waitForExit() == 0)
        first.stop()
        let bookmarks = String(decoding: try Data(contentsOf: first.bookmarksFile), as: UTF8.self)
        #expect(bookmarks == "0hello.txt\t/hello.txt\t127.0.0.1\t\(server.port)\r\n")

        // No URL: the session comes back, the page on screen and the way back.
        let restored = try WarrenInTmux([], home: first.home)
        try restored.waitFor("Hello, gopherspace.")
        restored.session.sendKeys("h")
        try restored.waitFor("5 TXT hello.txt")
        try restored.waitForStatus("5/6  ")
        restored.session.sendKeys("q")
        _ = try restored.session.waitForExit()
        restored.stop()

        let second = try WarrenInTmux(["--no-restore"], home: first.home)
        defer { second.stop() }
        try second.waitFor("Welcome to Warren")
        second.session.sendKeys("B")
        try second.waitFor("1 TXT hello.txt")
        second.session.sendKeys("Enter")
        try second.waitFor("Hello, gopherspace.")
        try second.waitForStatus("lines 1–")
        second.session.sendKeys("H")
        try second.waitFor(" about:history")
        try second.waitFor("1 TXT hello.txt  gopher://127.0.0.1:\(server.port)/0/hello.txt")
    }

    /// Killed with SIGTERM, the session still comes back; and `warren URL` opens the URL with
    /// the session's pages behind it.
    @Test func theSessionComesBackAfterSIGTERMAndStaysBehindAURLGiven() throws {
        let server = try RealServer(.gophernicus)
        let first = try WarrenInTmux([server.url("/1/")])
        defer { first.removeHome() }
        try first.waitFor("5 TXT hello.txt")
        first.session.sendKeys("5", "Enter")
        try first.waitFor("Hello, gopherspace.")
        kill(first.session.pid(), SIGTERM)
        #expect(try first.session.waitForExit() == 128 + SIGTERM)
        first.stop()

        let restored = try WarrenInTmux([], home: first.home)
        try restored.waitFor("Hello, gopherspace.")
        restored.session.sendKeys("q")
        _ = try restored.session.waitForExit()
        restored.stop()

        let given = try WarrenInTmux([server.url("/0/docs/readme.txt")], home: first.home)
        defer { given.stop() }
        try given.waitFor("Read me.")
        given.session.sendKeys("h")
        try given.waitFor("Hello, gopherspace.")
        given.session.sendKeys("h")
        try given.waitFor("5 TXT hello.txt")
    }

    @Test func terminalIsRestoredAfterQuitSignalsAndACrash() throws {
        let server = try RealServer(.gophernicus)
        let script = """
            "$1" "$2"; echo "warren exited $?"; stty -a | tr ' ' '\\n' | grep -x -- '-\\{0,1\\}icanon'; sleep 30
            """
        let signals: [String: Int32] = ["SIGTERM": SIGTERM, "SIGHUP": SIGHUP, "SIGSEGV": SIGSEGV]
        for ending in ["q", "SIGTERM", "SIGHUP", "SIGSEGV"] {
            let session = try TmuxSession(
                command: ["/bin/sh", "-c", script, "sh", WarrenProcess.executable.path, server.url("/")],
                environment: ["HOME": "/tmp", "SWIFT_BACKTRACE": "enable=no"])
            defer { session.stop() }
            try session.waitFor("6 TXT latin1.txt")
            if ending == "q" {
                session.sendKeys("q")
            } else {
                let children = try String(contentsOfFile: "/proc/\(session.pid())/task/\(session.pid())/children", encoding: .utf8)
                let warrenPID = try #require(children.split(separator: " ").first.flatMap { pid_t($0) })
                kill(warrenPID, signals[ending]!)
            }
            let screen = try session.waitFor("warren exited")
            #expect(screen.contains(ending == "q" ? "warren exited 0" : "warren exited \(128 + signals[ending]!)"), "\(ending)")
            // Canonical mode is back (not "-icanon"), and the menu is gone with the alternate screen.
            let final = try session.waitFor("icanon")
            #expect(final.contains("\nicanon"))
            #expect(!final.contains("-icanon"))
            #expect(!final.contains("latin1.txt"))
        }
    }

    @Test func escapeSequencesFromTheServerNeverReachTheTerminal() throws {
        let hostile = "i\u{1B}]2;pwned\u{07}Title\u{1B}[2J text\t\tnull.host\t1\r\n0\u{1B}]52;c;ZXZpbA==\u{07}Clip\u{9B}31m red\t/x\t127.0.0.1\t70\r\n.\r\n"
        let server = try FixtureServer(.reply(Array(hostile.utf8)))
        let warren = try WarrenInTmux(["gopher://127.0.0.1:\(server.port)/1/"])
        defer { warren.stop(); warren.removeHome() }
        let titleBefore = warren.session.paneTitle
        let screen = try warren.waitFor("Clip red")
        #expect(screen.contains("Title text"))
        #expect(warren.session.paneTitle == titleBefore)
        #expect(!warren.session.paneTitle.contains("pwned"))
    }
}

/// gophers:// in a real terminal: the certificate question and its three answers, a pin that
/// survives a restart, and a pinned certificate that changed.
@Suite struct CertificateTrustInTmux {
    @Test func theQuestionsAnswersThePinAcrossARestartAndAChangedCertificate() throws {
        let certificates = try TestCertificates.shared.get()
        let server = try RealServer(.gophernicus)
        var tls = try RealTLSServer(certificate: .selfSigned, backendPort: server.port)
        let url = tls.url("/1/")
        let endpoint = "127.0.0.1:\(tls.port)"
        let fingerprint = try certificates.fingerprint(.selfSigned)
        let pairs = fingerprint.split(separator: ":")

        // n: nothing is trusted. Then o: trusted until quitting, and the page opens.
        let first = try WarrenInTmux(["--no-restore", url], extraEnvironment: ["TERM": "xterm-256color"])
        defer { first.removeHome() }
        var screen = try first.waitForStatus("trust [o]nce, [a]lways, or [n]o?")
        #expect(screen.contains("The certificate of \(endpoint) is not from a known authority."))
        #expect(screen.contains("Why        self-signed certificate"))
        #expect(screen.contains("SHA-256    " + pairs.prefix(16).joined(separator: ":") + ":"))
        #expect(screen.contains("           " + pairs.dropFirst(16).joined(separator: ":")))
        first.session.sendKeys("n")
        try first.waitForStatus("certificate not trusted (\(endpoint))")
        first.session.sendKeys("o")
        first.session.sendText(url)
        first.session.sendKeys("Enter")
        try first.waitForStatus("trust [o]nce")
        first.session.sendKeys("o")
        screen = try first.waitFor("hello.txt")
        #expect(screen.hasPrefix(" [TLS] \(url)"))
        #expect(!FileManager.default.fileExists(atPath: first.home.appendingPathComponent("data/warren/known_certificates").path))
        first.session.sendKeys("q")
        _ = try first.session.waitForExit()
        first.stop()

        // Once was until quitting: asked again. a pins it.
        let second = try WarrenInTmux(["--no-restore", url], home: first.home)
        try second.waitForStatus("trust [o]nce")
        second.session.sendKeys("a")
        try second.waitFor("hello.txt")
        let pins = try String(contentsOf: first.home.appendingPathComponent("data/warren/known_certificates"), encoding: .utf8)
        #expect(pins == "\(endpoint) \(fingerprint) CN=localhost,O=Warren tests\n")
        second.session.sendKeys("q")
        _ = try second.session.waitForExit()
        second.stop()

        // The pin survives the restart: no question, and page info says how it was trusted.
        let third = try WarrenInTmux(["--no-restore", url], home: first.home)
        try third.waitFor("hello.txt")
        third.session.sendKeys("=")
        screen = try third.waitFor("Trusted    pinned by you (known_certificates)")
        #expect(screen.contains("Security   TLSv1.3, "))
        third.session.sendKeys("q")
        _ = try third.session.waitForExit()
        third.stop()

        // The same host and port now shows another certificate: refused, both fingerprints shown.
        let port = tls.port
        tls.stop()
        tls = try RealTLSServer(certificate: .replacement, backendPort: server.port, port: port)
        let replacement = try certificates.fingerprint(.replacement).split(separator: ":")
        let fourth = try WarrenInTmux(["--no-restore", url], home: first.home)
        defer { fourth.stop() }
        screen = try fourth.waitForStatus("certificate changed: [r]eplace the pin, or [n]o?")
        #expect(screen.contains("WARNING: the certificate of \(endpoint) has changed since you pinned it."))
        #expect(screen.contains("Pinned     " + pairs.prefix(16).joined(separator: ":") + ":"))
        #expect(screen.contains("Now        " + replacement.prefix(16).joined(separator: ":") + ":"))
        #expect(!screen.contains("hello.txt"))
        fourth.session.sendKeys("Escape")
        try fourth.waitForStatus("certificate changed: still refused (\(endpoint))")
        let unchanged = try String(contentsOf: first.home.appendingPathComponent("data/warren/known_certificates"), encoding: .utf8)
        #expect(unchanged == pins)
    }
}

/// Feeds in a real terminal against gophernicus: subscribe, a post added to the served folder,
/// R finds exactly it, reading it clears it, and a server that is down is said on the page.
@Suite struct FeedsInTmux {
    @Test func subscribeRecheckReadAndAFeedWhoseServerIsDown() throws {
        let server = try RealServer(.gophernicus)
        let phlog = server.root.appendingPathComponent("phlog")
        try FileManager.default.createDirectory(at: phlog, withIntermediateDirectories: true)
        try Data("First post.\n".utf8).write(to: phlog.appendingPathComponent("first.txt"))
        try Data("My phlog\r\n0First post\tfirst.txt\r\n".utf8).write(to: phlog.appendingPathComponent("gophermap"))
        let warren = try WarrenInTmux(["--no-restore", server.url("/1/phlog/")], extraEnvironment: ["TERM": "xterm-256color"])
        defer {
            warren.stop()
            warren.removeHome()
        }
        try warren.waitFor("First post")
        warren.session.sendKeys("S")
        try warren.waitForStatus("subscribed to My phlog: F shows what is new")
        let subscriptions = try String(contentsOf: warren.home.appendingPathComponent("data/warren/feeds.gph"), encoding: .utf8)
        #expect(subscriptions == "1My phlog\t/phlog/\t127.0.0.1\t\(server.port)\r\n")
        // The first check, which marks what is there as seen, ends before the post is added.
        warren.session.sendKeys("F")
        try warren.session.waitUntil(timeout: 10) { $0.contains("My phlog — nothing new\n") }
        warren.session.sendKeys("h")

        try Data("Second post.\n".utf8).write(to: phlog.appendingPathComponent("second.txt"))
        try Data("My phlog\r\n0Second post\tsecond.txt\r\n0First post\tfirst.txt\r\n".utf8)
            .write(to: phlog.appendingPathComponent("gophermap"))
        warren.session.sendKeys("F")
        try warren.waitFor("My phlog — nothing new")
        warren.session.sendKeys("R")
        try warren.waitForStatus("feeds: 1 new")
        var screen = try warren.waitFor("Second post")
        #expect(screen.contains("  1 DIR My phlog — 1 new"))
        #expect(screen.contains("  2 TXT   Second post"))
        #expect(!screen.contains("First post"))
        warren.session.sendKeys("2", "Enter")
        try warren.waitFor("Second post.")
        warren.session.sendKeys("h")
        screen = try warren.waitFor("My phlog — nothing new")
        #expect(!screen.contains("Second post"))

        server.stop()
        warren.session.sendKeys("R")
        screen = try warren.waitFor("last check failed: connect failed: Connection refused")
        #expect(screen.contains("My phlog — nothing new"))
    }
}

/// Handlers in a real terminal against gophernicus: a recording program set for images gets its
/// exact arguments (a selector meant for a shell among them) and a file with the server's bytes,
/// in a private folder removed on quitting; a `terminal = true` program gets the terminal and
/// gives back a correct screen.
@Suite struct HandlersInTmux {
    static let hostileSelector = "/$(touch canary); rm -rf ~.gif"

    @Test func aHandlerGetsLiteralArgumentsAndTheServersBytesAndATerminalOneGivesTheScreenBack() throws {
        // The menu from gophernicus; the picture, by a selector meant for a shell, from a fixture
        // server that answers every request with it (and records what was asked).
        let picture: [UInt8] = Array("GIF89a".utf8) + (0..<200).map { UInt8($0) }
        let pictures = try FixtureServer(.reply(picture))
        let server = try RealServer(.gophernicus)
        try Data("%PDF-1.4\n".utf8).write(to: server.root.appendingPathComponent("paper.pdf"))
        try Data("gA cat\t\(Self.hostileSelector)\t127.0.0.1\t\(pictures.port)\r\n9paper.pdf\t/paper.pdf\r\n".utf8)
            .write(to: server.root.appendingPathComponent("gophermap"))
        let work = try TemporaryFolder.make(prefix: "warren-handler")
        defer { try? FileManager.default.removeItem(at: work) }
        let out = work.appendingPathComponent("argv").path
        let recorder = work.appendingPathComponent("record").path
        try Data("#!/bin/sh\nout=\"$1\"; shift\ncp \"$1\" \"$out.file\"\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done > \"$out.tmp\"\nmv \"$out.tmp\" \"$out\"\n".utf8)
            .write(to: URL(fileURLWithPath: recorder))
        let onTerminal = work.appendingPathComponent("on-terminal").path
        try Data("#!/bin/sh\necho \"HANDLER ON THE TERMINAL: $1\"\nread line\n".utf8).write(to: URL(fileURLWithPath: onTerminal))
        chmod(recorder, 0o755)
        chmod(onTerminal, 0o755)

        let home = try TemporaryFolder.make(prefix: "warren-home")
        defer { try? FileManager.default.removeItem(at: home) }
        try FileManager.default.createDirectory(at: home.appendingPathComponent("config/warren"), withIntermediateDirectories: true)
        try Data("""
            [handlers.image]
            command = ["\(recorder)", "\(out)", "{file}", "{selector}", "{url}"]

            [handlers.document]
            command = ["\(onTerminal)", "{file}"]
            terminal = true
            """.utf8).write(to: home.appendingPathComponent("config/warren/config.toml"))
        let warren = try WarrenInTmux(["--no-restore", server.url("/")], home: home, extraEnvironment: ["TERM": "xterm-256color"])
        defer { warren.stop() }
        let screen = try warren.waitFor("paper.pdf")
        #expect(screen.contains("1 GIF A cat"))
        warren.session.sendText("1")
        warren.session.sendKeys("Enter")
        try warren.waitForStatus("with record")
        var arguments: [String] = []
        for _ in 0..<200 where arguments.isEmpty {
            if let bytes = try? Data(contentsOf: URL(fileURLWithPath: out)) {
                arguments = Array(bytes).split(separator: 0, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
            } else {
                usleep(20_000)
            }
        }
        let file = try #require(arguments.first)
        #expect(file.hasPrefix(home.appendingPathComponent("cache/warren/handlers-").path) || file.contains("/warren/handlers-"))
        #expect(file.hasSuffix("/$(touch canary); rm -rf ~.gif"))
        #expect(Array(arguments.dropFirst()) == [
            Self.hostileSelector, "gopher://127.0.0.1:\(pictures.port)/g/$(touch%20canary);%20rm%20-rf%20~.gif",
        ])
        #expect(pictures.requests == [Array(Self.hostileSelector.utf8)])
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: out + ".file"))) == picture)
        #expect(!FileManager.default.fileExists(atPath: "canary"))
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("canary").path))
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent().path
        var mode = stat()
        #expect(stat(folder, &mode) == 0 && mode.st_mode & 0o777 == 0o700)

        // terminal = true: the program has the screen; when it ends, Warren's screen is back.
        warren.session.sendText("2")
        warren.session.sendKeys("Enter")
        try warren.waitFor("HANDLER ON THE TERMINAL: ")
        warren.session.sendKeys("Enter")
        let back = try warren.waitForStatus("on-terminal ended")
        #expect(back.hasPrefix(" gopher://127.0.0.1:\(server.port)/"))
        #expect(back.contains("paper.pdf"))
        #expect(!back.contains("HANDLER ON THE TERMINAL"))

        warren.session.sendKeys("q")
        _ = try warren.session.waitForExit()
        #expect(!FileManager.default.fileExists(atPath: folder))
    }
}

/// Addresses in a text document against gophernicus: followed by Tab and Enter, and by number.
@Suite struct DocumentLinksInTmux {
    @Test(arguments: ["xterm-256color", "tmux-256color"])
    func addressesInATextAreFollowedByTabAndByNumber(term: String) throws {
        let server = try RealServer(.gophernicus)
        try Data("""
            Two places worth a visit:
            first gopher://127.0.0.1:\(server.port)/0/hello.txt, then
            the docs (gopher://127.0.0.1:\(server.port)/1/docs).

            """.utf8).write(to: server.root.appendingPathComponent("links.txt"))
        let warren = try WarrenInTmux(["--no-restore", server.url("/0/links.txt")], extraEnvironment: ["TERM": term])
        defer {
            warren.stop()
            warren.removeHome()
        }
        // Links are found as the text arrives: wait for the last one.
        var screen = try warren.waitFor("the docs ([2]gopher://")
        #expect(screen.contains("first [1]gopher://127.0.0.1:\(server.port)/0/hello.txt, then"))
        #expect(screen.contains("the docs ([2]gopher://127.0.0.1:\(server.port)/1/docs)."))
        warren.session.sendKeys("Tab")
        try warren.waitForStatus("1/2  gopher://127.0.0.1:\(server.port)/0/hello.txt")
        warren.session.sendKeys("Enter")
        try warren.waitFor("Hello, gopherspace.")
        warren.session.sendKeys("h")
        try warren.waitFor("Two places worth a visit:")
        warren.session.sendKeys("2")
        try warren.waitForStatus("link 2 (Enter opens it)")
        warren.session.sendKeys("Enter")
        screen = try warren.waitFor("readme.txt")
        #expect(screen.hasPrefix(" gopher://127.0.0.1:\(server.port)/1/docs"))
        // Back, link 2 is still the selection; Shift-Tab goes to the one before it.
        warren.session.sendKeys("h")
        try warren.waitForStatus("2/2  gopher://127.0.0.1:\(server.port)/1/docs")
        warren.session.sendKeys("BTab")
        try warren.waitForStatus("1/2  gopher://127.0.0.1:\(server.port)/0/hello.txt")
    }
}

/// Pictures in the terminal, drawn by the real chafa, against gophernicus: a GIF, a PNG and a
/// JPEG show as coloured cells; a corrupt picture and a decompression bomb give a message, and
/// Warren goes on.
@Suite struct PicturesInTmux {
    @Test func realPicturesShowAsColouredCellsAndBadOnesGiveAMessage() throws {
        let server = try RealServer(.gophernicus)
        for (name, bytes) in [("a.gif", TestImages.gif), ("b.png", TestImages.png), ("c.jpg", TestImages.jpg),
                              ("d-corrupt.png", TestImages.corrupt), ("e-bomb.png", TestImages.bomb)] {
            try Data(bytes).write(to: server.root.appendingPathComponent(name))
        }
        let warren = try WarrenInTmux(["--no-restore", server.url("/")], extraEnvironment: ["TERM": "xterm-256color"])
        defer {
            warren.stop()
            warren.removeHome()
        }
        let menu = try warren.waitFor("e-bomb.png")
        func number(of name: String) throws -> String {
            let line = try #require(menu.split(separator: "\n").first { $0.contains(name) })
            return String(try #require(line.split(separator: " ").first))
        }
        for (name, format) in [("a.gif", "GIF"), ("b.png", "PNG"), ("c.jpg", "JPEG")] {
            warren.session.sendText(try number(of: name))
            warren.session.sendKeys("Enter")
            try warren.waitForStatus("\(format) 64×48  d saves it · h returns", timeout: 30)
            let coloured = warren.session.captureWithAttributes()
            // Cells painted in many colours (tmux writes each change as an SGR sequence), and
            // block symbols among them.
            let colourCodes = coloured.components(separatedBy: "\u{1B}[").count - 1
            #expect(colourCodes > 40, "\(name): \(colourCodes) colour codes")
            let blocks = coloured.unicodeScalars.filter { (0x2580...0x259F).contains($0.value) }.count
            #expect(blocks > 20, "\(name): \(blocks) block characters")
            warren.session.sendKeys("h")
            try warren.waitFor("e-bomb.png")
        }
        warren.session.sendText(try number(of: "d-corrupt.png"))
        warren.session.sendKeys("Enter")
        try warren.waitForStatus("image: could not decode (")
        warren.session.sendText(try number(of: "e-bomb.png"))
        warren.session.sendKeys("Enter")
        let screen = try warren.waitForStatus("image: too large to draw (PNG, 60000×60000 pixels): d saves it")
        #expect(screen.contains("a.gif"))
    }
}

/// A picture on a slow server: the status bar says it is being fetched and that Esc cancels
/// it; Esc does; asked again, it is drawn.
@Suite struct SlowPicturesInTmux {
    @Test func aPictureBeingFetchedCanBeCancelledAndAskedAgain() throws {
        let half = TestImages.png.count / 2
        let picture = try FixtureServer(.chunks([Array(TestImages.png[..<half]), Array(TestImages.png[half...])], interval: .seconds(2)))
        defer { picture.stop() }
        let menu = try FixtureServer(.reply(Gophermap.menu(Gophermap.item("I", "slow picture", "/b.png", host: "127.0.0.1", port: "\(picture.port)"))))
        defer { menu.stop() }
        let warren = try WarrenInTmux(["--no-restore", "gopher://127.0.0.1:\(menu.port)/1/"], extraEnvironment: ["TERM": "xterm-256color"])
        defer { warren.stop(); warren.removeHome() }
        try warren.waitFor("slow picture")
        warren.session.sendKeys("Enter")
        // The stage follows: connecting, then receiving and the bytes so far.
        let fetching = try warren.waitForStatus("fetching b.png for chafa")
        #expect(fetching.split(separator: "\n").last?.hasSuffix("(Esc cancels)") == true)
        warren.session.sendKeys("Enter")
        try warren.waitForStatus("still fetching b.png for chafa… (Esc cancels)")
        warren.session.sendKeys("Escape")
        try warren.waitForStatus("cancelled fetching b.png for chafa")
        warren.session.sendKeys("Enter")
        // chafa runs beside the whole suite: give it time.
        try warren.waitForStatus("PNG 64×48  d saves it · h returns", timeout: 40)
        #expect(picture.requests.count == 2)
    }
}

/// Terminals Warren cannot draw on: it says so on one line and exits 1, leaving the terminal
/// as it was, instead of drawing only a status bar.
@Suite struct TerminalTypesInTmux {
    @Test(arguments: [
        ("dumb", "warren: terminal type 'dumb' cannot move the cursor, which the full screen needs: set TERM to your terminal's type (xterm-256color, say), or use warren --dump URL"),
        ("no-such-terminal", "warren: cannot use terminal type 'no-such-terminal'"),
    ])
    func aTerminalThatCannotDrawTheScreenIsNamedAndNothingIsDrawn(term: String, message: String) throws {
        let warren = try WarrenInTmux(["--no-restore", "about:home"], width: 200, extraEnvironment: ["TERM": term])
        defer { warren.stop(); warren.removeHome() }
        #expect(try warren.session.waitForExit() == 1)
        let screen = warren.session.capture()
        #expect(screen.split(separator: "\n").map(String.init) == [message])
    }
}

/// `--tls` against a server that speaks only plain gopher (gophernicus): the first page falls
/// back and says why; the next pages of that server come in clear at once, and page info says so.
@Suite struct PreferredTLSInTmux {
    @Test func aServerThatAnsweredInClearIsAskedInClearFromThenOn() throws {
        let server = try RealServer(.gophernicus)
        let warren = try WarrenInTmux(["--no-restore", "--tls", server.url("/1/")])
        defer { warren.stop(); warren.removeHome() }
        try warren.waitForStatus("plain gopher, not TLS: the server does not speak TLS (wrong version number)")
        #expect(warren.titleBar == " gopher://127.0.0.1:\(server.port)/1/")
        warren.session.sendKeys("2", "Enter")
        try warren.waitFor("readme.txt")
        try warren.waitForStatus("1/")
        #expect(!warren.statusBar.contains("plain gopher"))
        warren.session.sendKeys("=")
        try warren.waitFor("Security   plain gopher: the server did not speak TLS earlier in this session")
    }
}
