import AtomicFiles
import SystemPackage
import Testing
import WarrenTestSupport

@Suite struct FolderTests {
    @Test func makeCreatesEveryMissingParentPrivately() throws {
        let home = try Home()
        defer { home.remove() }
        try Folder.make(FilePath(home.path("a/b/c")))
        #expect(home.mode("a") == 0o700)
        #expect(home.mode("a/b/c") == 0o700)
        #expect(FileKind.of(FilePath(home.path("a/b/c")), followingLinks: true) == .folder)
    }

    @Test func makeAcceptsAnExistingFolderAndRefusesAFileInTheWay() throws {
        let home = try Home()
        defer { home.remove() }
        try home.makeFolder("there")
        try Folder.make(FilePath(home.path("there")))
        try home.write("x", to: "file")
        #expect(throws: Errno.notDirectory) { try Folder.make(FilePath(home.path("file/sub"))) }
        #expect(throws: Errno.notDirectory) { try Folder.make(FilePath(home.path("file"))) }
    }

    @Test func fileKindTellsFilesFoldersLinksAndNothing() throws {
        let home = try Home()
        defer { home.remove() }
        try home.write("x", to: "file")
        try home.makeFolder("folder")
        try home.link("file", at: "link")
        #expect(FileKind.of(FilePath(home.path("file")), followingLinks: false) == .file)
        #expect(FileKind.of(FilePath(home.path("folder")), followingLinks: false) == .folder)
        #expect(FileKind.of(FilePath(home.path("link")), followingLinks: false) == .symbolicLink)
        #expect(FileKind.of(FilePath(home.path("link")), followingLinks: true) == .file)
        #expect(FileKind.of(FilePath(home.path("missing")), followingLinks: false) == nil)
    }
}
