import Foundation
import GopherCore
import Testing
import UserFiles
import WarrenTestSupport

@Test func anEncodingRememberedForAHostIsLoadedAgain() throws {
    let folder = try TemporaryFolder.make(prefix: "warren-encodings")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = EncodingFile(path: folder.appendingPathComponent("state/warren/encodings").path)
    #expect(file.load() == [:])
    try file.remember(.shiftJIS, for: "Japan.Example")
    try file.remember(.cp437, for: "bbs.example")
    #expect(file.load() == ["japan.example": .shiftJIS, "bbs.example": .cp437])
    let text = try String(contentsOfFile: file.path, encoding: .utf8)
    #expect(text == "bbs.example\tCP437\njapan.example\tShift_JIS\n")
    try file.remember(.auto, for: "bbs.example")
    #expect(file.load() == ["japan.example": .shiftJIS])
}

@Test func linesTheEncodingsFileCannotReadAreSkipped() throws {
    let folder = try TemporaryFolder.make(prefix: "warren-encodings")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("encodings").path
    try Data("good.example\tKOI8-R\nno tab here\nbad.example\tEBCDIC\n\tCP437\nauto.example\tauto\n".utf8)
        .write(to: URL(fileURLWithPath: path))
    #expect(EncodingFile(path: path).load() == ["good.example": .koi8r])
}
