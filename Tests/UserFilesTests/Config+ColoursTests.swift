import Browser
import Testing
import UserFiles

@Test func theColoursTableSetsEachElementInEveryForm() {
    let (config, problems) = Config.parse("""
        [colors]
        title = "white on blue bold"
        link_number = 208
        selected = { fg = "black", bg = "#ffaf00", attributes = ["bold"] }
        match = 'black on bright-green'
        info = "default"

        [colors.tags]
        menu = "bright-blue"
        error = { fg = 196 }
        """)
    #expect(problems == [])
    #expect(config.colors == nil)
    let theme = config.theme
    #expect(theme[.title, inColour: true] == Appearance(.white, on: .blue, [.bold]))
    #expect(theme[.linkNumber, inColour: true] == Appearance(.indexed(208)))
    #expect(theme[.selectedLink, inColour: true] == Appearance(.black, on: .rgb(red: 255, green: 175, blue: 0), [.bold]))
    #expect(theme[.match, inColour: true] == Appearance(.black, on: .indexed(10)))
    #expect(theme[.tag(.menu), inColour: true] == Appearance(.indexed(12)))
    #expect(theme[.tag(.error), inColour: true] == Appearance(.indexed(196)))
    // What the file leaves out stays as it was.
    #expect(theme[.tag(.text), inColour: true] == Theme.standard[.tag(.text), inColour: true])
    #expect(theme[.link, inColour: true] == Theme.standard[.link, inColour: true])
}

@Test func coloursCanBeTurnedOffInTheTableOrAtTheTop() {
    #expect(Config.parse("[colors]\nenabled = false\nlink = \"red\"").config.colors == false)
    #expect(Config.parse("colors = false").config.colors == false)
    #expect(Config.parse("colors = true").config.colors == true)
}

@Test func eachWrongLookIsNamedWithItsLineAndTheRestStillApplies() {
    let (config, problems) = Config.parse("""
        [colors]
        link = "purple"
        title = "red blue"
        status = 300
        selected = { fg = "red", blink = true }
        prompt = { attributes = ["shiny"] }
        sidebar = "red"
        info = true
        enabled = "yes"
        error = "yellow"
        [colors.tags]
        music = "red"
        web = "#12345"
        """)
    #expect(problems == [
        "line 2: colors.link: \"purple\" is not a colour (a name such as \"red\" or \"bright-blue\", 0–255, or \"#rrggbb\") nor bold, dim, underline or reverse",
        "line 3: colors.title: a second colour (\"blue\") needs \"on\" before it to be the background",
        "line 4: colors.status: colour 300 is not between 0 and 255",
        "line 5: colors.selected: unknown key blink (fg, bg, attributes)",
        "line 6: colors.prompt: \"shiny\" is not an attribute (bold, dim, underline, reverse)",
        "line 7: unknown colour element sidebar (enabled, title, status, status_error, prompt, info, link, link_number, selected, invalid_link, error, match, tags)",
        "line 8: colors.info: takes words such as \"black on yellow bold\", a colour number, or { fg = …, bg = …, attributes = […] }",
        "line 9: colors.enabled takes true or false",
        "line 12: unknown tag kind music (menu, text, search, binary, image, web, telnet, error, other)",
        "line 13: colors.tags.web: \"#12345\" is not a colour: write #rrggbb with six hex digits",
    ])
    #expect(config.theme[.error, inColour: true] == Appearance(.yellow))
    #expect(config.theme[.link, inColour: true] == Theme.standard[.link, inColour: true])
}

@Test func colorsOfAnotherTypeIsNamed() {
    #expect(Config.parse("colors = \"no\"").problems == ["line 1: colors takes true or false, or is a table: [colors]"])
}

@Test func theColoursWrittenInTheDefaultConfigAreTheStandardTheme() {
    // Each commented look in [colors] and [colors.tags], switched on, changes no colour.
    let lines = BuiltInPages.defaultConfig.split(separator: "\n", omittingEmptySubsequences: false)
    let tablesStart = lines.firstIndex(of: "[colors]") ?? lines.endIndex
    let looks = lines.indices.filter { $0 > tablesStart && lines[$0].hasPrefix("# ") && lines[$0].contains(" = \"") }
    #expect(looks.count == Theme.elements.count + TagKind.allCases.count)
    let switchedOn = lines.indices.map { looks.contains($0) ? lines[$0].dropFirst(2) : lines[$0] }.joined(separator: "\n")
    let (config, problems) = Config.parse(switchedOn)
    #expect(problems == [])
    for style in Style.allCases {
        #expect(config.theme[style, inColour: true] == Theme.standard[style, inColour: true], "\(style)")
    }
    let listed = Set(lines.compactMap { $0.hasPrefix("# ") ? $0.dropFirst(2).split(separator: " ").first.map(String.init) : nil })
    for element in Theme.elements { #expect(listed.contains(element.name), "\(element.name)") }
    for kind in TagKind.allCases { #expect(listed.contains(kind.rawValue), "\(kind)") }
}
