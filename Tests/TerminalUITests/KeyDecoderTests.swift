import Browser
import Testing

@testable import TerminalUI

private func characters(_ text: String) -> [KeyDecoder.Input] { text.unicodeScalars.map { .character($0.value) } }

@Test func homeAndEndAlternatesAreDecodedWhateverTerminfoSays() {
    for sequence in ["\u{1B}[1~", "\u{1B}[7~", "\u{1B}[H", "\u{1B}OH", "\u{1B}[1;5H"] {
        #expect(KeyDecoder.keys(from: characters(sequence)) == [.home], "\(sequence.debugDescription)")
    }
    for sequence in ["\u{1B}[4~", "\u{1B}[8~", "\u{1B}[F", "\u{1B}OF"] {
        #expect(KeyDecoder.keys(from: characters(sequence)) == [.end], "\(sequence.debugDescription)")
    }
    #expect(KeyDecoder.keys(from: characters("\u{1B}[5~\u{1B}[6~\u{1B}[3~\u{1B}[A\u{1B}OB")) == [.pageUp, .pageDown, .delete, .up, .down])
}

@Test func anUnknownSequenceIsSwallowedWholeNeverAsEscAndDigits() {
    #expect(KeyDecoder.keys(from: characters("\u{1B}[2~")) == [])  // Insert: nothing to do
    #expect(KeyDecoder.keys(from: characters("\u{1B}[200~j")) == [.character("j")])  // bracketed paste start
    #expect(KeyDecoder.keys(from: characters("\u{1B}[99;7zq")) == [.character("q")])
    #expect(KeyDecoder.keys(from: characters("\u{1B}OZ4")) == [.character("4")])
}

@Test func aLoneEscIsEscAtOnceAndEscBeforeAnotherKeyIsBoth() {
    #expect(KeyDecoder.keys(from: characters("\u{1B}")) == [.escape])
    #expect(KeyDecoder.keys(from: characters("\u{1B}q")) == [.escape, .character("q")])
    #expect(KeyDecoder.keys(from: characters("\u{1B}\u{1B}[4~")) == [.escape, .end])
}

@Test func keysCursesDecodedPassThrough() {
    #expect(KeyDecoder.keys(from: [.code(0o406), .character(UInt32(UInt8(ascii: "G")))]) == [.home, .character("G")])
}

@Test func aTruncatedSequenceAtTheEndOfAReadIsDropped() {
    #expect(KeyDecoder.keys(from: characters("\u{1B}[1")) == [])
}

@Test func sgrMouseReportsBecomeMouseKeysPastColumn223Too() {
    #expect(KeyDecoder.keys(from: characters("\u{1B}[<0;10;5M")) == [.mouse(MouseEvent(.press, row: 4, column: 9))])
    #expect(KeyDecoder.keys(from: characters("\u{1B}[<0;300;5M")) == [.mouse(MouseEvent(.press, row: 4, column: 299))])
    #expect(KeyDecoder.keys(from: characters("\u{1B}[<64;1;1M\u{1B}[<65;1;1M"))
        == [.mouse(MouseEvent(.wheelUp, row: 0, column: 0)), .mouse(MouseEvent(.wheelDown, row: 0, column: 0))])
    // Releases, drags and other buttons are swallowed, never typed.
    #expect(KeyDecoder.keys(from: characters("\u{1B}[<0;10;5m\u{1B}[<32;11;5M\u{1B}[<2;1;1Mj")) == [.character("j")])
}
