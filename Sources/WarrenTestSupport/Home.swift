import Foundation
import Glibc

/// A fresh folder standing in for a home folder.
public struct Home: Sendable {
    public let url: URL
    public init() throws { url = try TemporaryFolder.make(prefix: "warren-home") }
    public var path: String { url.path }
    public func path(_ relative: String) -> String { url.appendingPathComponent(relative).path }
    public func makeFolder(_ relative: String) throws {
        try FileManager.default.createDirectory(atPath: path(relative), withIntermediateDirectories: true)
    }
    public func write(_ text: String, to relative: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: path(relative)))
    }
    public func bytes(_ relative: String) -> [UInt8]? {
        (try? Data(contentsOf: URL(fileURLWithPath: path(relative)))).map(Array.init)
    }
    public func names(in relative: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: relative.isEmpty ? path : path(relative))) ?? []).sorted()
    }
    public func mode(_ relative: String) -> mode_t {
        var status = stat()
        stat(path(relative), &status)
        return status.st_mode & 0o7777
    }
    /// A symbolic link at `relative` pointing to `target` (as written, relative to the link).
    public func link(_ target: String, at relative: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path(relative), withDestinationPath: target)
    }
    public func remove() { try? FileManager.default.removeItem(at: url) }
}

