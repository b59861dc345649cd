import Foundation
import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

// The help page, the manual's KEYS section and config.toml's list of commands are all made
// from the key table, or held to it here.

private func resource(_ name: String) throws -> String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    return try String(contentsOf: root.appendingPathComponent("Resources/\(name)"), encoding: .utf8)
}

@Test func theGroupsHoldEveryCommandExactlyOnce() {
    let grouped = KeyMap.groups.flatMap(\.commands)
    #expect(grouped.count == Command.allCases.count)
    #expect(Set(grouped) == Set(Command.allCases))
}

@Test func theHelpPageListsTheKeysInForceByGroupThenTheProse() {
    var browser = Browser(keyBindings: KeyMap.bindings(with: [.character("Q"): .quit]))
    browser.resize(width: 90, height: 80)
    _ = browser.open(.about("help"), title: nil)
    let lines = browser.pageLines
    #expect(Array(lines.prefix(5)) == [
        "        Warren keys",
        "",
        "        Moving",
        "          Down j              next link in a menu; line down in a document",
        "          Up k                previous link; line up",
    ])
    #expect(lines.contains("          1 2 3 …             select link N; Enter opens it"))
    #expect(lines.contains("          Q q                 quit"))
    #expect(lines.contains("          C-c Esc             cancel the load in progress"))
    for group in KeyMap.groups { #expect(lines.contains("        " + group.title)) }
    for command in Command.allCases { #expect(lines.contains { $0.hasSuffix(command.summary) }, "\(command)") }
    #expect(lines.contains("        Menu items show a type tag: DIR menu, TXT text, ASK search;"))
}

@Test func theManualHasTheKeysSectionOfTheKeyTable() throws {
    // A mismatch means the key table changed: copy KeyMap.manualSection into Resources/warren.1.
    let manual = try resource("warren.1")
    #expect(manual.contains(KeyMap.manualSection))
    #expect(KeyMap.manualSection.contains(".TP\n.B \\e\nraw source of the page\n"))
    #expect(KeyMap.manualSection.contains(".TP\n.B C\\-c  Esc\ncancel the load in progress\n"))
}

@Test func theDefaultConfigNamesEveryCommand() throws {
    let config = try resource("config.toml")
    let list = try #require(config.components(separatedBy: "# Commands: ").dropFirst().first?
        .components(separatedBy: ".\n").first)
    let names = list.replacingOccurrences(of: "\n#", with: "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    #expect(names == Command.allCases.map(\.configName))
}
