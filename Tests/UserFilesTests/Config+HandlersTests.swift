import Browser
import Testing
import UserFiles

@Test func handlersAreTablesOfAListOfWordsAndATerminalFlag() {
    let (config, problems) = Config.parse("""
        [handlers.image]
        command = ["feh", "--scale-down", "{file}"]

        [handlers.telnet]
        command = ["telnet", "-l", "{user}", "{host}", "{port}"]
        terminal = true

        [handlers.ext.PDF]
        command = ["zathura", "{file}"]
        """)
    #expect(problems == [])
    #expect(config.handlers.byKind[.image] == Handler(command: ["feh", "--scale-down", "{file}"]))
    #expect(config.handlers.byKind[.telnet]?.terminal == true)
    #expect(config.handlers.byExtension["pdf"] == Handler(command: ["zathura", "{file}"]))
}

@Test func aHandlerThatIsAShellStringOrNamesAnUnknownKindOrPlaceholderIsAProblem() {
    let (config, problems) = Config.parse("""
        [handlers.image]
        command = "feh {file}"

        [handlers.pictures]
        command = ["feh"]

        [handlers.sound]
        command = ["mpv", "{path}"]

        [handlers.video]
        terminal = "yes"
        command = ["mpv", "{file}"]
        """)
    #expect(config.handlers == HandlerTable())
    #expect(problems == [
        #"line 2: handlers.image: command takes a list of words, the program first: ["feh", "{file}"]"#,
        "line 4: unknown handler kind pictures (web, telnet, tn3270, image, sound, video, document, binary, or ext.NAME)",
        "line 8: handlers.sound: unknown placeholder {path} ({file} {url} {host} {port} {user} {selector})",
        "line 11: handlers.video: terminal takes true or false",
    ])
}
