import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

// about:keys: the key table in force, made from the bindings.

@Test func theKeysPageListsEveryCommandWithItsKeys() {
    var browser = Browser()
    browser.resize(width: 90, height: 60)
    _ = browser.open(.about("keys"), title: nil)
    #expect(browser.titleLine == " about:keys")
    let lines = browser.pageLines
    #expect(lines.contains("          Down j                next link in a menu; line down in a document"))
    #expect(lines.contains("          C-c Esc               cancel the load in progress"))
    #expect(lines.contains("          1 2 3 …               select link N; Enter opens it"))
    #expect(lines.filter { !$0.isEmpty }.count == Command.allCases.count + 2)
}

@Test func aKeyReboundInConfigShowsOnTheKeysPage() {
    var browser = Browser(keyBindings: KeyMap.bindings(with: [.character("Q"): .quit, .control("n"): .nextLink]))
    browser.resize(width: 90, height: 60)
    _ = browser.open(.about("keys"), title: nil)
    #expect(browser.pageLines.contains("          Q q                   quit"))
    #expect(browser.pageLines.contains("          C-n Down j            next link in a menu; line down in a document"))
}

@Test func keyNamesAreTheOnesConfigTakes() {
    for key: Key in [.character("x"), .character(" "), .control("n"), .pageDown, .home, .escape, .function(5)] {
        #expect(KeyMap.key(named: KeyMap.name(of: key)) == key, "\(key)")
    }
}
