import Foundation
import Glibc
import SystemPackage
import Testing
import UserFiles
import WarrenTestSupport

@Suite struct UserFileStoreTests {
    @Test func readReturnsTheBytesOrNilWhenMissing() throws {
        let home = try Home()
        defer { home.remove() }
        let bytes: [UInt8] = Array(0...255) + Array("tail\n".utf8)
        try Data(bytes).write(to: URL(fileURLWithPath: home.path("file")))
        #expect(UserFileStore.read(home.path("file")) == bytes)
        #expect(UserFileStore.read(home.path("missing")) == nil)
        try home.write("", to: "empty")
        #expect(UserFileStore.read(home.path("empty")) == [])
    }

    @Test func writeCreatesMissingFoldersPrivately() throws {
        let home = try Home()
        defer { home.remove() }
        let bytes = Array("gophermap\tline\r\n".utf8)
        try UserFileStore.writeAtomically(bytes, to: home.path(".local/share/warren/bookmarks.gph"))
        #expect(home.bytes(".local/share/warren/bookmarks.gph") == bytes)
        #expect(home.mode(".local") == 0o700)
        #expect(home.mode(".local/share") == 0o700)
        #expect(home.mode(".local/share/warren") == 0o700)
        #expect(home.mode(".local/share/warren/bookmarks.gph") == 0o600)
        #expect(home.names(in: ".local/share/warren") == ["bookmarks.gph"])
    }

    @Test func writeReplacesTheFileKeepingItsMode() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write("old contents that are longer", to: "config.toml")
        chmod(home.path("config.toml"), 0o644)
        try UserFileStore.writeAtomically(Array("new".utf8), to: home.path("config.toml"))
        #expect(home.bytes("config.toml") == Array("new".utf8))
        #expect(home.mode("config.toml") == 0o644)
        #expect(home.names() == ["config.toml"])
    }

    @Test func writeThroughASymlinkReplacesItsTargetAndKeepsTheLink() throws {
        let home = try Home()
        defer { home.remove() }
        try home.makeFolder("dotfiles")
        try home.write("old", to: "dotfiles/config.toml")
        symlink(home.path("dotfiles/config.toml"), home.path("config.toml"))
        try UserFileStore.writeAtomically(Array("new".utf8), to: home.path("config.toml"))
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: home.path("config.toml"))
        #expect(link == home.path("dotfiles/config.toml"))
        #expect(home.bytes("dotfiles/config.toml") == Array("new".utf8))
        #expect(home.names() == ["config.toml", "dotfiles"])
        #expect(home.names(in: "dotfiles") == ["config.toml"])
    }

    @Test func failedWriteLeavesNoTemporaryFileAndNamesThePath() throws {
        let home = try Home()
        defer { home.remove() }
        // The target is a folder: the temporary file is written, the rename fails.
        try home.makeFolder("history/inside")
        let target = home.path("history")
        do {
            try UserFileStore.writeAtomically(Array("x".utf8), to: target)
            Issue.record("writing over a folder succeeded")
        } catch {
            #expect(error.code == .write)
            #expect(error.description.hasPrefix("save failed: "))
            #expect(error.description.hasSuffix("(\(target))"))
        }
        #expect(home.names() == ["history"])
        #expect(home.names(in: "history") == ["inside"])
    }

    @Test func writeUnderAFileFailsWithoutTouchingIt() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write("a file", to: "state")
        let target = home.path("state/warren/history")
        do {
            try UserFileStore.writeAtomically(Array("x".utf8), to: target)
            Issue.record("writing under a file succeeded")
        } catch {
            #expect(error.code == .makeFolder)
            #expect(error.description == "save failed: Not a directory (\(target))")
        }
        #expect(home.bytes("state") == Array("a file".utf8))
        #expect(home.names() == ["state"])
    }

    @Test func makeFolderCreatesParentsAndAcceptsAnExistingFolder() throws {
        let home = try Home()
        defer { home.remove() }
        try UserFileStore.makeFolder(home.path("Downloads/gopher/"))
        #expect(home.mode("Downloads") == 0o700)
        #expect(home.mode("Downloads/gopher") == 0o700)
        try UserFileStore.makeFolder(home.path("Downloads/gopher"))
        try home.write("x", to: "file")
        let target = home.path("file/sub")
        #expect(throws: UserFileError(.makeFolder, .notDirectory, path: target)) {
            try UserFileStore.makeFolder(target)
        }
    }

    @Test func appendAddsOneLineAndCreatesTheFile() throws {
        let home = try Home()
        defer { home.remove() }
        let history = home.path(".local/state/warren/history")
        try UserFileStore.append(line: "gopher://a.example/", to: history, keepingLast: 10)
        try UserFileStore.append(line: "gopher://b.example/1/x", to: history, keepingLast: 10)
        #expect(home.bytes(".local/state/warren/history") == Array("gopher://a.example/\ngopher://b.example/1/x\n".utf8))
        #expect(home.mode(".local/state/warren") == 0o700)
        #expect(home.mode(".local/state/warren/history") == 0o600)
    }

    @Test func appendKeepsOnlyTheLastLines() throws {
        let home = try Home()
        defer { home.remove() }
        let history = home.path("history")
        for number in 1...7 {
            try UserFileStore.append(line: "line \(number)", to: history, keepingLast: 3)
        }
        #expect(home.bytes("history") == Array("line 5\nline 6\nline 7\n".utf8))
        #expect(home.names() == ["history"])
    }

    @Test func appendTrimsAnExistingLongFile() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write((1...100).map { "old \($0)\n" }.joined(), to: "history")
        try UserFileStore.append(line: "new", to: home.path("history"), keepingLast: 2)
        #expect(home.bytes("history") == Array("old 100\nnew\n".utf8))
    }

    @Test func appendFinishesALastLineWithoutNewline() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write("one\n\ntwo", to: "history")
        try UserFileStore.append(line: "three", to: home.path("history"), keepingLast: 10)
        #expect(home.bytes("history") == Array("one\n\ntwo\nthree\n".utf8))
        try UserFileStore.append(line: "four", to: home.path("history"), keepingLast: 3)
        #expect(home.bytes("history") == Array("two\nthree\nfour\n".utf8))
    }

    @Test func appendNeverAddsMoreThanOneLine() throws {
        let home = try Home()
        defer { home.remove() }
        try UserFileStore.append(line: "a\nb\r\nc", to: home.path("history"), keepingLast: 10)
        #expect(home.bytes("history") == Array("a b  c\n".utf8))
    }

    @Test func appendKeepingNothingEmptiesTheFile() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write("old\n", to: "history")
        try UserFileStore.append(line: "new", to: home.path("history"), keepingLast: 0)
        #expect(home.bytes("history") == [])
    }

    @Test func appendFailureNamesThePath() throws {
        let home = try Home()
        defer { home.remove() }
        try home.makeFolder("history")
        let target = home.path("history")
        do {
            try UserFileStore.append(line: "x", to: target, keepingLast: 10)
            Issue.record("appending to a folder succeeded")
        } catch {
            #expect(error.code == .write)
            #expect(error.description.hasSuffix("(\(target))"))
        }
        #expect(home.names(in: "history") == [])
    }
}
