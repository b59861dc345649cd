import GopherCore
import Testing

@Test func dotLineIsFoundWhereItEndsWithCRLFOrLF() {
    var scanner = MenuTerminatorScanner()
    let menu = Array("iHi\t\tnull.host\t1\r\n.\r\nafter".utf8)
    #expect(scanner.scan(menu) == menu.count - 5)
    var lf = MenuTerminatorScanner()
    #expect(lf.scan(Array("1A\t/a\th\t70\n.\n".utf8)) == 13)
}

@Test func dotLineSplitAcrossChunksIsFoundInTheChunkThatEndsIt() {
    let menu = Array("1A\t/a\th\t70\r\n.\r\n".utf8)
    for split in 0...menu.count {
        var scanner = MenuTerminatorScanner()
        let first = scanner.scan(menu[..<split])
        let second = scanner.scan(menu[split...])
        if split == menu.count {
            #expect(first == menu.count)
        } else {
            #expect(first == nil)
            #expect(second == menu.count - split)
        }
    }
}

@Test func linesThatOnlyStartWithADotDoNotEndTheMenu() {
    var scanner = MenuTerminatorScanner()
    #expect(scanner.scan(Array("..\r\n.x\r\n i\r\nx.\r\n".utf8)) == nil)
    #expect(scanner.scan(Array(".\r\r\n".utf8)) == 4)
}
