import Foundation
import GopherCore
import GopherNet
import Glibc
import Testing
import WarrenTestSupport

/// Saves through the fetcher into a fresh folder, as the browser and `--output` do.
private struct SaveFolder {
    let url: URL
    init() throws { url = try TemporaryFolder.make(prefix: "warren-save") }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    var names: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []).sorted() }
    func bytes(_ name: String) -> [UInt8] { Array((try? Data(contentsOf: url.appendingPathComponent(name))) ?? Data()) }
    func remove() { try? FileManager.default.removeItem(at: url) }
}

private func url(_ port: UInt16, _ type: Character, _ selector: String) throws -> GopherURL {
    try GopherURL(host: "127.0.0.1", port: port, type: ItemType(type), selector: Array(selector.utf8))
}

@Suite struct AtomicFileSinkTests {
    @Test func savedFileIsByteForByteTheServersFile() throws {
        let server = try RealServer(.gophernicus)
        let folder = try SaveFolder()
        defer { folder.remove() }
        let sink = try AtomicFileSink(path: folder.path("blob.bin"), overwrite: false)
        let recorder = FetchRecorder(try url(server.port, "9", "/blob.bin"), sink: sink)
        #expect(recorder.report?.byteCount == 65_536)
        #expect(folder.names == ["blob.bin"])
        #expect(folder.bytes("blob.bin") == (try server.fileBytes("blob.bin")))
        // Saved files are never executable.
        var status = stat()
        stat(folder.path("blob.bin"), &status)
        #expect(status.st_mode & 0o777 == 0o644)
        // Nothing arrived in memory.
        #expect(recorder.dataEventCount == 0)
    }

    @Test func existingFileIsNotOverwrittenUnlessAsked() throws {
        let folder = try SaveFolder()
        defer { folder.remove() }
        try Data("mine".utf8).write(to: URL(fileURLWithPath: folder.path("notes.txt")))
        #expect(throws: FetchError.self) { try AtomicFileSink(path: folder.path("notes.txt"), overwrite: false) }
        do {
            _ = try AtomicFileSink(path: folder.path("notes.txt"), overwrite: false)
        } catch {
            #expect(error.description == "save failed: file exists (\(folder.path("notes.txt")))")
        }
        #expect(folder.bytes("notes.txt") == Array("mine".utf8))

        let server = try FixtureServer(.reply(Array("theirs".utf8)))
        let sink = try AtomicFileSink(path: folder.path("notes.txt"), overwrite: true)
        #expect(FetchRecorder(try url(server.port, "0", "/n"), sink: sink).report != nil)
        #expect(folder.bytes("notes.txt") == Array("theirs".utf8))
        #expect(folder.names == ["notes.txt"])
    }

    @Test func fileAppearingDuringTheDownloadIsNotClobbered() throws {
        let folder = try SaveFolder()
        defer { folder.remove() }
        let server = try FixtureServer(.trickle(Array("late".utf8), interval: .milliseconds(50)))
        let sink = try AtomicFileSink(path: folder.path("race.txt"), overwrite: false)
        let recorder = FetchRecorder(try url(server.port, "0", "/r"), sink: sink)
        // Something else creates the target meanwhile; a symlink, which must not be followed.
        let outside = folder.url.deletingLastPathComponent().appendingPathComponent("warren-outside-\(getpid())")
        try Data("untouched".utf8).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        symlink(outside.path, folder.path("race.txt"))
        let error = try #require(recorder.error)
        #expect(error.stage == .save)
        #expect(error.code == .targetExists)
        #expect(Array((try? Data(contentsOf: outside)) ?? Data()) == Array("untouched".utf8))
        #expect(folder.names == ["race.txt"])  // only the symlink; no temporary file left
    }

    @Test func resetDuringDownloadLeavesNoFile() throws {
        let folder = try SaveFolder()
        defer { folder.remove() }
        let server = try FixtureServer(.resetAfter(Array(repeating: 0x42, count: 10_000)))
        let sink = try AtomicFileSink(path: folder.path("big.bin"), overwrite: false)
        let error = try #require(FetchRecorder(try url(server.port, "9", "/big"), sink: sink).error)
        #expect(error.stage == .receive)
        #expect(folder.names == [])
    }

    @Test func cancelledDownloadLeavesNoFile() throws {
        let folder = try SaveFolder()
        defer { folder.remove() }
        let server = try FixtureServer(.trickle(Array(repeating: 0x42, count: 1_000), interval: .milliseconds(5)))
        let sink = try AtomicFileSink(path: folder.path("slow.bin"), overwrite: false)
        let recorder = FetchRecorder(try url(server.port, "9", "/slow"), sink: sink) { event, handle in
            if case .progress(.receiving(let bytes)) = event, bytes > 0 { handle.cancel() }
        }
        guard case .cancelled? = recorder.wait() else {
            Issue.record("expected .cancelled, got \(recorder.allEvents)")
            return
        }
        #expect(recorder.handle.waitUntilDone())
        #expect(folder.names == [])
    }

    @Test func serverErrorInsteadOfTheFileLeavesNoFile() throws {
        let folder = try SaveFolder()
        defer { folder.remove() }
        let server = try FixtureServer(.reply(Array("3File not found\tTITLE\tnull.host\t1\r\n.\r\n".utf8)))
        let sink = try AtomicFileSink(path: folder.path("gone.bin"), overwrite: false)
        let error = try #require(FetchRecorder(try url(server.port, "9", "/gone"), sink: sink).error)
        #expect(error.description == "server error: File not found")
        #expect(folder.names == [])
    }
}
