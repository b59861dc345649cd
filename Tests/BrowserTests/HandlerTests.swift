import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

/// Which program opens a link, and what it is given.
@Suite struct HandlerTests {
    @Test func theKindComesFromTheItemTypeAndForFilesFromTheExtension() {
        func kind(_ url: String) -> HandlerKind? { HandlerKind.of(gopherURL(url)) }
        #expect(kind("gopher://h/hURL:https://example.org/") == .web)
        #expect(kind("gopher://h/hURL:gopher://other.example/1/") == nil)  // opens in Warren
        #expect(kind("gopher://h/8guest") == .telnet)
        #expect(kind("gopher://h/Tlogin") == .tn3270)
        #expect(kind("gopher://h/gcat.gif") == .image)
        #expect(kind("gopher://h/Iphoto") == .image)
        #expect(kind("gopher://h/ssong.ogg") == .sound)
        #expect(kind("gopher://h/9pics/Cat.JPG") == .image)
        #expect(kind("gopher://h/9paper.pdf") == .document)
        #expect(kind("gopher://h/9clip.webm") == .video)
        #expect(kind("gopher://h/9archive.tar.gz") == .binary)
        #expect(kind("gopher://h/0notes.txt") == nil)
        #expect(kind("gopher://h/1/") == nil)
        #expect(HandlerKind.fileExtension(of: gopherURL("gopher://h/9a/b.c/noext")) == nil)
        #expect(HandlerKind.fileExtension(of: gopherURL("gopher://h/9.hidden")) == nil)
    }

    @Test func eachPlaceholderBecomesExactlyOneArgumentWhateverTheServerSent() {
        let handler = Handler(command: ["viewer", "--title={selector}", "{file}", "{url}", "{host}:{port}", "{nothing}"])
        let hostile = Array("$(touch /tmp/x);rm -rf ~".utf8) + [0xFF, 0x20]
        let arguments = handler.arguments([
            "selector": hostile, "file": Array("/cache/a b.gif".utf8), "url": Array("gopher://h/g".utf8),
            "host": Array("h".utf8), "port": Array("70".utf8),
        ])
        #expect(arguments == [
            Array("viewer".utf8), Array("--title=".utf8) + hostile, Array("/cache/a b.gif".utf8),
            Array("gopher://h/g".utf8), Array("h:70".utf8), Array("{nothing}".utf8),
        ])
    }

    @Test func anEmptyLoginNameLeavesOutItsOption() {
        let telnet = Handler(command: ["telnet", "-l", "{user}", "{host}", "{port}"], terminal: true)
        #expect(telnet.arguments(["user": [], "host": Array("bbs".utf8), "port": Array("23".utf8)])
            == [Array("telnet".utf8), Array("bbs".utf8), Array("23".utf8)])
        #expect(telnet.arguments(["user": Array("guest".utf8), "host": Array("bbs".utf8), "port": Array("23".utf8)])
            == ["telnet", "-l", "guest", "bbs", "23"].map { Array($0.utf8) })
    }

    @Test func anExtensionsHandlerWinsOverItsKindsAndAWebLinkGivesItsAddress() throws {
        let table = HandlerTable(
            byKind: [.document: Handler(command: ["libreoffice", "{file}"]), .web: Handler(command: ["firefox", "{url}"])],
            byExtension: ["pdf": Handler(command: ["zathura", "{file}"])])
        #expect(table.request(for: gopherURL("gopher://h/9paper.pdf"))?.handler.name == "zathura")
        #expect(table.request(for: gopherURL("gopher://h/9paper.odt"))?.handler.name == "libreoffice")
        #expect(table.request(for: gopherURL("gopher://h/gcat.gif")) == nil)
        let web = try #require(table.request(for: gopherURL("gopher://h/hURL:https://example.org/a?b=1%26c")))
        #expect(web.values["url"] == Array("https://example.org/a?b=1&c".utf8))
        let telnet = HandlerRequest(url: gopherURL("gopher://bbs.example:2323/8guest"), kind: .telnet, handler: Handler(command: ["telnet"]))
        #expect(telnet.values["user"] == Array("guest".utf8))
        #expect(telnet.values["port"] == Array("2323".utf8))
        // {url} is where the session goes, the login encoded so that it cannot change the host.
        #expect(telnet.values["url"] == Array("telnet://guest@bbs.example:2323".utf8))
        let sneaky = HandlerRequest(url: gopherURL("gopher://bbs.example/8a@evil.example"), kind: .telnet, handler: Handler(command: ["telnet"]))
        #expect(sneaky.values["url"] == Array("telnet://a%40evil.example@bbs.example:70".utf8))
    }

    @Test func enterOnALinkWithAHandlerAsksTheAppToRunIt() {
        var browser = browserShowing("gopher://example.org/", bytes(
            "gA cat\t/cat.gif\texample.org\t70\r\nhThe web\tURL:https://example.org/\texample.org\t70\r\n9Archive\t/a.tar.gz\texample.org\t70\r\n.\r\n"))
        browser.handlers = HandlerTable(byKind: [.image: Handler(command: ["feh", "{file}"]), .web: Handler(command: ["firefox", "{url}"])])
        let cat = browser.press(.enter)
        #expect(cat == [.runHandler(HandlerRequest(
            url: gopherURL("gopher://example.org/g/cat.gif"), kind: .image, handler: Handler(command: ["feh", "{file}"])))])
        browser.press(.down)
        let web = browser.press(.enter)
        #expect(web == [.runHandler(HandlerRequest(
            url: gopherURL("gopher://example.org/hURL:https://example.org/"), kind: .web, handler: Handler(command: ["firefox", "{url}"])))])
        // No handler for binaries: Enter offers to save, as before.
        browser.press(.down)
        #expect(browser.press(.enter) == [])
        #expect(browser.statusLine.hasPrefix("Save as: "))
    }
}

/// The handlers Warren finds on the machine when config.toml sets none.
@Suite struct HandlerDefaultsTests {
    @Test func withADisplayXdgOpenOpensFilesAndBROWSERTheWeb() {
        let table = HandlerTable().withDefaults(
            environment: ["DISPLAY": ":0", "BROWSER": "missing-browser:firefox"],
            exists: { ["xdg-open", "firefox", "telnet", "x3270"].contains($0) })
        #expect(table.fallback[.web] == Handler(command: ["firefox", "{url}"]))
        #expect(table.fallback[.image] == Handler(command: ["xdg-open", "{file}"]))
        #expect(table.fallback[.document] == Handler(command: ["xdg-open", "{file}"]))
        #expect(table.fallback[.telnet] == Handler(command: ["telnet", "-l", "{user}", "{host}", "{port}"], terminal: true))
        #expect(table.fallback[.tn3270] == Handler(command: ["x3270", "{host}:{port}"]))
        #expect(table.fallback[.binary] == nil)
    }

    @Test func onAConsoleATerminalBrowserRunsOnTheTerminalAndFilesHaveNoDefault() {
        let table = HandlerTable().withDefaults(environment: ["BROWSER": "lynx"], exists: { ["lynx", "xdg-open", "c3270"].contains($0) })
        #expect(table.fallback[.web] == Handler(command: ["lynx", "{url}"], terminal: true))
        #expect(table.fallback[.image] == nil)
        #expect(table.fallback[.telnet] == nil)
        #expect(table.fallback[.tn3270] == Handler(command: ["c3270", "{host}:{port}"], terminal: true))
    }

    @Test func whatConfigTomlSetsIsKept() {
        let mine = Handler(command: ["feh", "{file}"])
        let table = HandlerTable(byKind: [.image: mine]).withDefaults(environment: ["DISPLAY": ":0"], exists: { _ in true })
        #expect(table.byKind[.image] == mine)
        #expect(table.fallback[.image] == nil)
        #expect(table.fallback[.sound] == Handler(command: ["xdg-open", "{file}"]))
    }
}

/// What a server cannot make a handler do.
@Suite struct HandlerSafetyTests {
    static let table = HandlerTable(byKind: [
        .web: Handler(command: ["firefox", "{url}"]), .telnet: Handler(command: ["telnet", "{host}", "{port}"]),
        .image: Handler(command: ["xdg-open", "{file}"]), .document: Handler(command: ["xdg-open", "{file}"]),
    ])

    @Test func aWebAddressThatIsNotHTTPOrLooksLikeAnOptionRunsNothing() {
        for target in ["--gpu-launcher=touch /tmp/x", "file:///etc/passwd", "javascript:alert(1)", "https://", "https://a b.example/"] {
            let url = gopherURL("gopher://h/hURL:" + target.map { $0 == " " ? "%20" : String($0) }.joined())
            #expect(Self.table.request(for: url) == nil, "\(target)")
        }
        #expect(Self.table.request(for: gopherURL("gopher://h/hURL:HTTPS://ok.example/")) != nil)
    }

    @Test func aHostThatLooksLikeAnOptionRunsNothing() {
        #expect(Self.table.request(for: gopherURL("gopher://-n.bashrc:23/8")) == nil)
        #expect(Self.table.request(for: gopherURL("gopher://bbs.example:23/8")) != nil)
    }

    @Test func aFileKeepsOnlyAnExtensionOfItsKind() throws {
        func name(_ url: String) throws -> String? { Self.table.request(for: gopherURL(url))?.fileName }
        #expect(try name("gopher://h/Iphoto.exe") == "photo_exe.jpg")
        #expect(try name("gopher://h/gcat.gif") == "cat.gif")
        #expect(try name("gopher://h/Ipics/sunset.JPEG") == "sunset.JPEG")
        #expect(try name("gopher://h/dpaper.desktop") == "paper_desktop.pdf")
        #expect(try name("gopher://h/9paper.pdf") == "paper.pdf")
    }
}

/// mailcap entries Warren can run without a shell, and where they come in.
@Suite struct MailcapTests {
    static let text = """
        # a comment
        image/png; feh %s; test=test -n "$DISPLAY"
        image/*; /usr/bin/display '%s'; test=test -x /usr/bin/display
        application/pdf; zathura %s
        application/pdf; evince %s | cat
        audio/*; mpv --no-video %s; needsterminal
        text/html; lynx -dump %s; copiousoutput
        video/*; mplayer; description=reads standard input
        application/zip; unzip -l %t %s
        image/gif; gifview\\
         %s
        """

    @Test func entriesThatOnlyAShellCouldRunAreLeftOut() {
        let entries = Mailcap.parse(Self.text)
        #expect(entries.map(\.type) == ["image/png", "image/*", "application/pdf", "audio/*", "image/gif"])
        #expect(entries[0].handler == Handler(command: ["feh", "{file}"]))
        #expect(entries[0].needsDisplay)
        #expect(entries[1].handler == Handler(command: ["/usr/bin/display", "{file}"]))
        #expect(entries[1].needsFiles == ["/usr/bin/display"])
        #expect(entries[3].handler == Handler(command: ["mpv", "--no-video", "{file}"], terminal: true))
        #expect(entries[4].handler == Handler(command: ["gifview", "{file}"]))
    }

    @Test func theFirstEntryWhoseTestHoldsIsTakenExactTypeOrFamily() {
        let entries = Mailcap.parse(Self.text)
        let noDisplay = Mailcap.handler(for: "image/png", in: entries, hasDisplay: false, exists: { $0 == "/usr/bin/display" })
        #expect(noDisplay == Handler(command: ["/usr/bin/display", "{file}"]))
        #expect(Mailcap.handler(for: "image/png", in: entries, hasDisplay: true, exists: { _ in true }) == Handler(command: ["feh", "{file}"]))
        #expect(Mailcap.handler(for: "image/jpeg", in: entries, hasDisplay: false, exists: { _ in false }) == nil)
    }

    @Test func mailcapComesAfterConfigTomlAndBeforeTheDefaultsButNeverOverAPictureWarrenDraws() {
        let entries = Mailcap.parse(Self.text)
        let table = HandlerTable(byExtension: ["pdf": Handler(command: ["mupdf", "{file}"])])
            .withDefaults(environment: ["DISPLAY": ":0"], exists: { _ in true }, mailcap: entries)
        #expect(table.request(for: gopherURL("gopher://h/9paper.pdf"))?.handler.name == "mupdf")
        #expect(table.request(for: gopherURL("gopher://h/ssong.ogg"))?.handler.name == "mpv")
        #expect(table.request(for: gopherURL("gopher://h/Iphoto.png"))?.handler.name == "feh")
        #expect(table.request(for: gopherURL("gopher://h/Iphoto.png"), drawsPictures: true) == nil)
        #expect(table.request(for: gopherURL("gopher://h/;clip.webm"))?.handler.name == "xdg-open")
    }
}
