import Testing
import WarrenTestSupport

@testable import GopherCore

// The lint view: every line out of spec, with its number and the reason.

private func lint(_ text: String, origin: Bool = true, bytesAfter: Int = 0) -> [String] {
    var menu = Menu(origin: origin ? Menu.Origin(gopherURL("gopher://example.org/")) : nil)
    menu.append(bytes(text))
    menu.finish()
    return menu.lint(bytesAfterTerminator: bytesAfter).map(\.description)
}

@Test func aMenuWithOneOfEachFaultHasEachFoundOnItsLine() {
    let menu = "iWelcome\tfake\tnull.host\t1\r\n"  // 1: fine: an i line's fake host is normal
        + "iNo tabs\r\n"  // 2
        + "0Good\t/g\texample.org\t70\r\n"  // 3: fine
        + "0Missing port\t/m\texample.org\r\n"  // 4
        + "1Empty host\t/e\t\t70\r\n"  // 5
        + "1Placeholder\t/p\tnull.host\t70\r\n"  // 6
        + "1Bad port\t/b\texample.org\t99999\r\n"  // 7
        + "ZUnknown\t/u\texample.org\t70\r\n"  // 8
        + "0Bell\u{07}here\t/c\texample.org\t70\n"  // 9, and the LF alone
        + "0" + String(repeating: "x", count: 80) + "\t/l\texample.org\t70\r\n"  // 10
        + "0Long selector\t/" + String(repeating: "s", count: 300) + "\texample.org\t70\r\n"  // 11
        + "3Error\r\n"  // 12
        + "Just text\r\n"  // 13
        + "+-1\r\n"  // 14: a Gopher+ header
        + ".\r\n"
    #expect(lint(menu, bytesAfter: 7) == [
        "line 2: an i line with 1 field (4 are expected, the host and port may be fake)",
        "line 4: missing port (70 is assumed)",
        "line 5: empty host (this server is assumed)",
        "line 6: placeholder host \"null.host\" on a link",
        "line 7: port \"99999\" is not 1–65535",
        "line 8: unknown item type \"Z\"",
        "line 9: a control byte (0x7)",
        "line 10: display string of 80 bytes: some clients cut it at 70",
        "line 11: selector of 301 bytes (255 at most)",
        "line 12: a 3 line with 1 field (4 are expected, the host and port may be fake)",
        "line 13: not a menu line: no item type and fields (1 field)",
        "line 14: a Gopher+ header or attribute line in a menu",
        "line 9: mixed line endings: 13 end in CRLF, 1 in LF alone (RFC 1436 asks for CRLF)",
        "line 15: bytes after the \".\" line",
    ])
}

@Test func aMenuInSpecHasNoFindings() {
    let menu = "iWelcome to the hole\tfake\tnull.host\t1\r\n" + "1Phlog\t/phlog\texample.org\t70\r\n"
        + "hWeb\tURL:https://example.org/\t\t\r\n" + "+Mirror\t/phlog\tmirror.example.org\t70\r\n" + ".\r\n"
    #expect(lint(menu) == [])
}

@Test func aMenuThatJustStopsHasNoTerminatorAndAPlusLineNeedsALinkBeforeIt() {
    #expect(lint("+Mirror\t/x\tmirror.example.org\t70\r\n") == [
        "line 1: a + line with no link before it",
        "no \".\" line at the end",
    ])
}
