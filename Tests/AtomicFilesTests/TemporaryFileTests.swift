import AtomicFiles
import Glibc
import SystemPackage
import Testing
import WarrenTestSupport

@Suite struct TemporaryFileTests {
    @Test func aNewTemporaryFileIsPrivateHiddenAndBesideItsTarget() throws {
        let home = try Home()
        defer { home.remove() }
        let file = try TemporaryFile(in: FilePath(home.path), purpose: "part")
        defer { file.discard(closing: true) }
        #expect(file.path.removingLastComponent() == FilePath(home.path))
        #expect(file.path.lastComponent?.string.hasPrefix(".warren-part-") == true)
        #expect(home.mode(file.path.lastComponent!.string) == 0o600)
        // Closed on exec: a handler never inherits it.
        #expect(fcntl(file.descriptor.rawValue, F_GETFD) & FD_CLOEXEC != 0)
    }

    @Test func publishingLinksTheBytesInPlaceWithTheGivenMode() throws {
        let home = try Home()
        defer { home.remove() }
        let file = try TemporaryFile(in: FilePath(home.path), purpose: "part")
        try file.descriptor.writeAll(Array("hello\n".utf8))
        try file.finish(permissions: [.ownerReadWrite, .groupRead, .otherRead])
        try file.publish(as: FilePath(home.path("notes.txt")), replacing: false)
        #expect(home.names() == ["notes.txt"])
        #expect(home.bytes("notes.txt") == Array("hello\n".utf8))
        #expect(home.mode("notes.txt") == 0o644)
    }

    @Test func publishingWithoutReplacingRefusesAnExistingFileAndLeavesItAlone() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write("old", to: "notes.txt")
        let file = try TemporaryFile(in: FilePath(home.path), purpose: "part")
        try file.descriptor.writeAll(Array("new".utf8))
        try file.finish(permissions: nil)
        #expect(throws: Errno.fileExists) {
            try file.publish(as: FilePath(home.path("notes.txt")), replacing: false)
        }
        file.discard(closing: false)
        #expect(home.names() == ["notes.txt"])
        #expect(home.bytes("notes.txt") == Array("old".utf8))
    }

    @Test func publishingWithReplacingRenamesOverTheOldFile() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write("old", to: "notes.txt")
        let file = try TemporaryFile(in: FilePath(home.path), purpose: "tmp")
        try file.descriptor.writeAll(Array("new".utf8))
        try file.finish(permissions: nil)
        try file.publish(as: FilePath(home.path("notes.txt")), replacing: true)
        #expect(home.names() == ["notes.txt"])
        #expect(home.bytes("notes.txt") == Array("new".utf8))
    }

    @Test func discardingLeavesNothingBehind() throws {
        let home = try Home()
        defer { home.remove() }
        let file = try TemporaryFile(in: FilePath(home.path), purpose: "part")
        try file.descriptor.writeAll(Array("partial".utf8))
        file.discard(closing: true)
        #expect(home.names() == [])
    }

    @Test func aMissingFolderFailsWithTheSystemsReason() {
        #expect(throws: Errno.noSuchFileOrDirectory) {
            _ = try TemporaryFile(in: "/nonexistent-warren-folder", purpose: "part")
        }
    }
}
