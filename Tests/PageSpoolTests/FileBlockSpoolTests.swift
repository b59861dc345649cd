import Foundation
import GopherCore
import Testing
import WarrenTestSupport

@testable import PageSpool

@Suite struct FileBlockSpoolTests {
    @Test func blocksComeBackByteForByteFromAFileWithNoName() throws {
        let folder = try TemporaryFolder.make(prefix: "warren-spool")
        defer { try? FileManager.default.removeItem(at: folder) }
        let spool = try FileBlockSpool(folder: folder.appendingPathComponent("cache/warren").path)
        let first = (0..<1000).map { UInt8($0 % 251) }
        let second = [UInt8](repeating: 0x7A, count: 70_000)
        let one = try spool.write(first).get()
        let two = try spool.write(second).get()
        #expect(one == SpooledBlock(offset: 0, count: 1000))
        #expect(two == SpooledBlock(offset: 1000, count: 70_000))
        #expect(spool.read(two) == second)
        #expect(spool.read(one) == first)
        // Nothing in the folder: the file is unlinked from the start.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("cache/warren").path) == [])
    }

    /// Small pages never spool: they must not hold a descriptor each (a long history of them
    /// would run out).
    @Test func theFileIsOpenedOnlyWhenTheFirstBlockIsWritten() throws {
        let folder = try TemporaryFolder.make(prefix: "warren-spool")
        defer { try? FileManager.default.removeItem(at: folder) }
        func openInFolder() throws -> Int {
            try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd").filter {
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)"))?.hasPrefix(folder.path) == true
            }.count
        }
        let spools = try (0..<50).map { _ in try FileBlockSpool(folder: folder.path) }
        #expect(try openInFolder() == 0)
        _ = spools[7].write([1, 2, 3])
        #expect(try openInFolder() == 1)
        #expect(spools[7].read(SpooledBlock(offset: 0, count: 3)) == [1, 2, 3])
        #expect(spools[8].read(SpooledBlock(offset: 0, count: 3)) == nil)
        #expect(FileBlockSpool.canSpool(in: folder.path))
        #expect(!FileBlockSpool.canSpool(in: "/proc/warren-cannot-be-here"))
    }

    @Test func aSpoolPastItsLimitSaysSo() throws {
        let folder = try TemporaryFolder.make(prefix: "warren-spool")
        defer { try? FileManager.default.removeItem(at: folder) }
        let spool = try FileBlockSpool(folder: folder.path, limit: 1500)
        #expect(throws: Never.self) { try spool.write([UInt8](repeating: 1, count: 1000)).get() }
        #expect(spool.write([UInt8](repeating: 2, count: 1000)) == .failure(SpoolError("the page is over its size limit")))
    }

    @Test func aLineStoreWithASpoolKeepsFewBlocksInMemoryAndEveryLineReadable() throws {
        let folder = try TemporaryFolder.make(prefix: "warren-spool")
        defer { try? FileManager.default.removeItem(at: folder) }
        var store = LineStore(spool: try FileBlockSpool(folder: folder.path), residentBlocks: 2)
        var expected: [String] = []
        var chunk: [UInt8] = []
        for number in 0..<120_000 {
            let line = "Line \(number): the quick brown fox jumps over the lazy dog"
            expected.append(line)
            chunk += Array((line + (number % 3 == 0 ? "\r\n" : "\n")).utf8)
            if chunk.count > 50_000 {
                store.append(chunk)
                chunk = []
            }
        }
        store.append(chunk)
        store.finish()
        #expect(store.byteCount > 6 << 20)
        #expect(store.heldBlockCount <= 2)
        #expect(store.residentByteCount < 3 << 20)
        #expect(store.count == expected.count)
        for index in [0, 1, 17_000, 60_001, 119_999] {
            #expect(String(decoding: store.line(index), as: UTF8.self) == expected[index], "line \(index)")
        }
        #expect(firstMismatch(store, expected.map { Array($0.utf8) }) == nil)
    }

    @Test func aSpooledMenuKeepsEveryItemsKindTextAndNumber() throws {
        let folder = try TemporaryFolder.make(prefix: "warren-spool")
        defer { try? FileManager.default.removeItem(at: folder) }
        var menu = Menu(origin: nil, spool: try FileBlockSpool(folder: folder.path))
        var chunk = ""
        for number in 1...150_000 {
            chunk += number % 3 == 0 ? "iText \(number)\tfake\tnull.host\t1\r\n" : "0Item \(number)\t/\(number)\texample.org\t70\r\n"
            if chunk.utf8.count > 60_000 {
                menu.append(Array(chunk.utf8))
                chunk = ""
            }
        }
        menu.append(Array((chunk + ".\r\n").utf8))
        menu.finish()
        #expect(menu.byteCount > 4 << 20)
        #expect(menu.residentByteCount < 3 << 20 + menu.links.count * 8)
        #expect(menu.count == 150_000)
        #expect(menu.kind(at: 0) == .link)
        #expect(menu.kind(at: 2) == .info)
        #expect(menu.item(at: 2).display == "Text 3")
        #expect(menu.item(at: 30_000).display == "Item 30001")
        #expect(menu.linkNumber(ofItemAt: 30_000) == 20_001)
        #expect(menu.kind(at: 149_999) == .info)
        #expect(menu.item(at: 149_998).display == "Item 149999")
    }

    @Test func aFullSpoolKeepsTheBlocksInMemoryAndSaysWhy() throws {
        let folder = try TemporaryFolder.make(prefix: "warren-spool")
        defer { try? FileManager.default.removeItem(at: folder) }
        var store = LineStore(spool: try FileBlockSpool(folder: folder.path, limit: 1 << 20), residentBlocks: 1)
        let line = [UInt8](repeating: 0x61, count: 99) + [0x0A]
        for _ in 0..<40_000 { store.append(line) }
        #expect(store.spoolFailure == "the page is over its size limit")
        #expect(store.count == 40_000)
        #expect(store.line(39_999).elementsEqual(line.dropLast()))
        #expect(store.line(0).elementsEqual(line.dropLast()))
    }
}

/// The first line of `store` that differs from `expected`, described; nil when all match.
private func firstMismatch(_ store: LineStore, _ expected: [[UInt8]]) -> String? {
    for index in expected.indices where !store.line(index).elementsEqual(expected[index]) {
        return "line \(index): \(String(decoding: store.line(index), as: UTF8.self))"
    }
    return nil
}
