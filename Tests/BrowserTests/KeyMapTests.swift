import Testing

@testable import Browser

// The key table is a contract with users (the README lists it): these keys do these things.

/// Every key the README lists, with what it does.
private let designKeys: [(Key, Command)] = [
    (.down, .nextLink), (.character("j"), .nextLink),
    (.up, .previousLink), (.character("k"), .previousLink),
    (.pageDown, .pageDown), (.character(" "), .pageDown),
    (.pageUp, .pageUp), (.character("b"), .pageUp),
    (.home, .top), (.character("g"), .top),
    (.end, .bottom), (.character("G"), .bottom),
    (.enter, .open), (.right, .open), (.character("l"), .open),
    (.left, .back), (.character("h"), .back), (.backspace, .back),
    (.character("f"), .forward),
    (.character("o"), .goTo), (.character("O"), .editURL),
    (.character("u"), .up),
    (.character("r"), .reload),
    (.character("/"), .find), (.character("n"), .findNext), (.character("N"), .findPrevious),
    (.character("s"), .save),
    (.character("d"), .download),
    (.character("a"), .bookmark), (.character("B"), .showBookmarks),
    (.character("H"), .showHistory),
    (.character("D"), .showDownloads),
    (.character("x"), .removeEntry),
    (.character("\\"), .source),
    (.character("="), .info),
    (.character("y"), .copyURL),
    (.character("w"), .toggleWrap),
    (.character("E"), .cycleEncoding),
    (.character("?"), .help),
    (.character("S"), .subscribe), (.character("F"), .showFeeds),
    (.tab, .nextTab), (.backTab, .previousTab),
    (.escape, .cancel), (.control("c"), .cancel),
    (.character("q"), .quit),
]

@Test func everyKeyInTheDesignDoesWhatItSays() {
    for (key, command) in designKeys {
        #expect(KeyMap.bindings[key] == command, "\(key)")
    }
}

@Test func theOnlyKeysBeyondTheDesignAreControlZToSuspendAndRToRecheckFeedsAnywhere() {
    // The design names R on the feeds page; it checks every feed from any page.
    let extra = KeyMap.bindings.keys.filter { key in !designKeys.contains { $0.0 == key } }
    #expect(Set(extra) == [.control("z"), .character("R")])
    #expect(KeyMap.bindings[.control("z")] == .suspend)
    #expect(KeyMap.bindings[.character("R")] == .recheckFeeds)
}

@Test func everyCommandHasAKey() {
    let bound = Set(KeyMap.bindings.values)
    for command in Command.allCases {
        #expect(bound.contains(command), "\(command)")
    }
}

@Test func digitsAreNotBoundSoTheySelectLinks() {
    for digit in "0123456789" {
        #expect(KeyMap.bindings[.character(digit)] == nil, "\(digit)")
    }
}

@Test func keysAreCaseSensitive() {
    #expect(KeyMap.bindings[.character("Q")] == nil)
    #expect(KeyMap.bindings[.character("b")] != KeyMap.bindings[.character("B")])
    #expect(KeyMap.bindings[.character("h")] != KeyMap.bindings[.character("H")])
}

@Test func keysAreNamedAsInTheConfigFile() {
    #expect(KeyMap.key(named: "x") == .character("x"))
    #expect(KeyMap.key(named: "Enter") == .enter)
    #expect(KeyMap.key(named: "esc") == .escape)
    #expect(KeyMap.key(named: "PgDn") == .pageDown)
    #expect(KeyMap.key(named: "Space") == .character(" "))
    #expect(KeyMap.key(named: "C-z") == .control("z"))
    #expect(KeyMap.key(named: "F5") == .function(5))
    #expect(KeyMap.key(named: "Meta-q") == nil)
}

@Test func commandsAreNamedInSnakeCase() {
    #expect(Command.nextLink.configName == "next_link")
    #expect(Command.findPrevious.configName == "find_previous")
    #expect(KeyMap.command(named: "copy_url") == .copyURL)
    #expect(KeyMap.command(named: "nextLink") == nil)
}
