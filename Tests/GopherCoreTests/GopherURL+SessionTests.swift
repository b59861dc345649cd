import Testing
import WarrenTestSupport

@testable import GopherCore

@Test func telnetAndTn3270ItemsBecomeURLsWithTheirLogin() throws {
    #expect(try GopherURL(host: "bbs.example", port: 23, type: .telnet, selector: bytes("guest")).sessionAddress
        == "telnet://guest@bbs.example:23")
    #expect(try GopherURL(host: "ibm.example", port: 2323, type: .tn3270, selector: []).sessionAddress
        == "tn3270://ibm.example:2323")
    #expect(try GopherURL(host: "bbs.example", port: 23, type: .telnet, selector: bytes("/")).sessionAddress
        == "telnet://bbs.example:23")
    #expect(try GopherURL(host: "::1", port: 105, type: .ccso, selector: bytes("x")).sessionAddress == "cso://[::1]:105")
    #expect(try GopherURL(host: "example.org", port: 70, type: .menu, selector: []).sessionAddress == nil)
}

@Test func aLoginCannotChangeWhereTheURLPoints() throws {
    let url = try GopherURL(host: "bbs.example", port: 23, type: .telnet, selector: bytes("evil@other.example:99/x y"))
    #expect(url.sessionAddress == "telnet://evil%40other.example%3A99%2Fx%20y@bbs.example:23")
}
