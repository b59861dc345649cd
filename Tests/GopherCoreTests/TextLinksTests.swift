import Testing

@testable import GopherCore

@Suite struct TextLinksTests {
    func addresses(_ line: String) -> [String] { TextLinks.find(in: line).map(\.address) }

    @Test func eachSchemeIsFoundWhereItIsInTheLine() {
        let line = "See gopher://a.example/1/phlog, https://b.example/x?y=1 and telnet://bbs.example:23."
        #expect(addresses(line) == ["gopher://a.example/1/phlog", "https://b.example/x?y=1", "telnet://bbs.example:23"])
        let first = TextLinks.find(in: line)[0]
        #expect(first.start == 4)
        #expect(first.length == 26)
        #expect(addresses("GOPHERS://Secure.example/0/a.txt") == ["GOPHERS://Secure.example/0/a.txt"])
    }

    @Test func bracketsAndQuotesAroundAnAddressAreNotPartOfIt() {
        #expect(addresses("(see gopher://a.example/1/)") == ["gopher://a.example/1/"])
        #expect(addresses("<http://w.example/wiki/Gopher_(protocol)>") == ["http://w.example/wiki/Gopher_(protocol)"])
        #expect(addresses("\"gopher://q.example/\"") == ["gopher://q.example/"])
    }

    @Test func aSchemeInsideAWordOrWithNothingAfterItIsNoAddress() {
        #expect(addresses("xgopher://a.example/ and https:// alone") == [])
        #expect(addresses("plain text with no address at all") == [])
        #expect(addresses("ftp://not.ours.example/") == [])
    }

    @Test func wideAndCombiningCharactersCountAsOneCharacterEach() {
        let found = TextLinks.find(in: "日本 gopher://j.example/")
        #expect(found == [TextLinks.Found(start: 3, length: 19, address: "gopher://j.example/")])
    }
}
