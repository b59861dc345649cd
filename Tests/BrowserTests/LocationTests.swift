import GopherCore
import Testing
import WarrenTestSupport

@testable import Browser

// Where pages come from: what a user types, how it prints, and the parent of a selector.

@Test func aboutPagesParseCaseInsensitively() throws {
    #expect(try Location(parsing: "about:home") == .about("home"))
    #expect(try Location(parsing: "  ABOUT:Help\t") == .about("help"))
}

@Test func anythingElseParsesAsAGopherURL() throws {
    #expect(try Location(parsing: "gopher://example.org/1/phlog") == .gopher(gopherURL("gopher://example.org/1/phlog")))
    #expect(try Location(parsing: " example.org/0/a.txt ") == .gopher(gopherURL("gopher://example.org/0/a.txt")))
}

@Test func aDefaultPortAppliesWhenTheURLNamesNone() throws {
    let location = try Location(parsing: "example.org/1/", defaultPort: 7070)
    #expect(location.url?.port == 7070)
    #expect(location.description == "gopher://example.org:7070/1/")
}

@Test func badURLsThrowTheReason() {
    #expect(throws: GopherURLError.unsupportedScheme("https")) { try Location(parsing: "https://example.org/") }
    #expect(throws: GopherURLError.empty) { try Location(parsing: "   ") }
}

@Test func descriptionsAreWhatTheTitleBarShows() {
    #expect(Location.about("help").description == "about:help")
    #expect(Location.gopher(gopherURL("gopher://[::1]:7070/0/a b")).description == "gopher://[::1]:7070/0/a%20b")
}

@Test func onlyGopherLocationsHaveAURL() {
    #expect(Location.about("home").url == nil)
    #expect(Location.gopher(gopherURL("gopher://example.org/")).url == gopherURL("gopher://example.org/"))
}

@Test func parentOfASelectorIsTheMenuHoldingIt() {
    #expect(gopherURL("gopher://example.org/0/a/b/c").parent == gopherURL("gopher://example.org/1/a/b/"))
    #expect(gopherURL("gopher://example.org/1/a/b/").parent == gopherURL("gopher://example.org/1/a/"))
    #expect(gopherURL("gopher://example.org/1/a").parent == gopherURL("gopher://example.org/1/"))
    #expect(gopherURL("gopher://example.org/0/readme").parent == gopherURL("gopher://example.org/1/"))
    #expect(gopherURL("gopher://example.org/0readme").parent == gopherURL("gopher://example.org/1"))
}

@Test func parentKeepsHostAndPort() {
    #expect(gopherURL("gopher://[::1]:7070/0/x/y").parent == gopherURL("gopher://[::1]:7070/1/x/"))
}

@Test func theRootMenuHasNoParent() {
    #expect(gopherURL("gopher://example.org/").parent == nil)
    #expect(gopherURL("gopher://example.org/1/").parent == nil)
}

@Test func aSearchOrDocumentAtTheRootHasTheRootMenuAsParent() {
    #expect(gopherURL("gopher://example.org/7%09words").parent == gopherURL("gopher://example.org/1"))
    #expect(gopherURL("gopher://example.org/0").parent == gopherURL("gopher://example.org/1"))
}
