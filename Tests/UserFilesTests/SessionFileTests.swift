import Browser
import Foundation
import GopherCore
import Testing
import UserFiles
import WarrenTestSupport

private func place(_ url: String, _ title: String, top: Int = 0, selected: Int? = nil) throws -> Session.Place {
    Session.Place(location: try Location(parsing: url), title: title, viewport: Viewport(top: top, selected: selected))
}

@Test func aSessionSavedComesBackWithItsPlaces() throws {
    let folder = try TemporaryFolder.make(prefix: "warren-session")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = SessionFile(path: folder.appendingPathComponent("state/warren/session").path)
    #expect(file.load() == nil)
    let session = Session(
        current: try place("gopher://example.org/0/notes.txt", "Notes\twith a tab", top: 40),
        back: [try place("about:home", "Home"), try place("gopher://example.org/1/", "Example", top: 3, selected: 5)],
        forward: [try place("gopher://example.org/1/next", "Next")])
    try file.save(session)
    var expected = session
    expected.current?.title = "Notes with a tab"
    #expect(file.load() == expected)
    #expect(try String(contentsOfFile: file.path, encoding: .utf8) == """
        version 1
        back\t0\t-\tHome\tabout:home
        back\t3\t5\tExample\tgopher://example.org/1/
        current\t40\t-\tNotes with a tab\tgopher://example.org/0/notes.txt
        forward\t0\t-\tNext\tgopher://example.org/1/next

        """)
}

@Test func aSessionFileWithNoCurrentPageOrBadLinesGivesWhatItCan() throws {
    let folder = try TemporaryFolder.make(prefix: "warren-session")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("session").path
    try Data("back\t0\t-\tHome\tabout:home\n".utf8).write(to: URL(fileURLWithPath: path))
    #expect(SessionFile(path: path).load() == nil)
    #expect(SessionFile(path: path).loadReporting().problem == "session not restored: \(path) is damaged (no page to open)")
    try Data("current\tx\t-\tBad\tabout:home\nweird line\ncurrent\t2\t-\tGood\tgopher://example.org/1/\n".utf8)
        .write(to: URL(fileURLWithPath: path))
    #expect(SessionFile(path: path).load() == Session(current: try place("gopher://example.org/1/", "Good", top: 2)))
}

@Test func aDamagedSessionFileCannotPutAPageOutOfReach() throws {
    let folder = try TemporaryFolder.make(prefix: "warren-session")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("session").path
    try Data("current\t9223372036854775807\t9223372036854775807\tHuge\tgopher://example.org/1/\n".utf8)
        .write(to: URL(fileURLWithPath: path))
    let session = try #require(SessionFile(path: path).load())
    #expect(session.current?.viewport == Viewport(top: Int(Int32.max), selected: nil))
}

@Test func aSessionFileFromANewerWarrenIsLeftAloneAndSaysSo() throws {
    let folder = try TemporaryFolder.make(prefix: "warren-session")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("session").path
    try Data("version 2\ncurrent\t0\t-\tHome\tabout:home\n".utf8).write(to: URL(fileURLWithPath: path))
    let (session, problem) = SessionFile(path: path).loadReporting()
    #expect(session == nil)
    #expect(problem == "session not restored: \(path) is from a newer Warren (version 2)")
    // No file at all is not a problem.
    #expect(SessionFile(path: path + ".none").loadReporting().problem == nil)
}
