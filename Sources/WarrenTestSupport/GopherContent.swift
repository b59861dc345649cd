import Foundation

/// Files to serve from a real server's root: a small site with text, a sub-menu, a binary file
/// and documents in the shapes real servers send.
public struct GopherContent: Sendable {
    public var files: [String: [UInt8]]

    public init(files: [String: [UInt8]]) { self.files = files }

    /// `hello.txt`, `dots.txt` (lone `.` and `..` lines mid-text), `docs/readme.txt`,
    /// `blob.bin` (every byte value, 64 KiB), `latin1.txt`, and the menu `big/`.
    public static let standard = GopherContent(files: [
        "hello.txt": Array("Hello, gopherspace.\nSecond line.\n".utf8),
        "dots.txt": Array("before\n.\n..double\nafter\n".utf8),
        "docs/readme.txt": Array("Read me.\n".utf8),
        "blob.bin": (0..<65_536).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) },
        "latin1.txt": [0x63, 0x61, 0x66, 0xE9, 0x0A],
        "big/gophermap": bigGophermap,
    ])

    /// `big/`: 100 text links in ten sections, each section opened by five lines of info text,
    /// so a menu taller than the screen with text between links.
    static let bigGophermap: [UInt8] = {
        var lines = ["A big menu", ""]
        for number in 1...100 {
            if number % 10 == 1 {
                let section = number / 10 + 1
                lines += (1...5).map { "Section \(section), line \($0) of its introduction." }
            }
            let padded = String(repeating: "0", count: 3 - String(number).count) + String(number)
            lines.append("0Item \(padded)\t/hello.txt")
        }
        return Array((lines.joined(separator: "\n") + "\n").utf8)
    }()

    func write(into root: URL) throws {
        for (path, bytes) in files {
            let file = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: file)
            _ = chmod(file.path, 0o644)
            _ = chmod(file.deletingLastPathComponent().path, 0o755)
        }
    }
}

/// `text` in `charset`, converted by the system's `iconv` command (as a hole's author would).
public func iconvBytes(_ text: String, to charset: String) throws -> [UInt8] {
    let result = try WarrenProcess.runShell(#"printf '%s' "$1" | iconv -f UTF-8 -t "$2""#, arguments: [text, charset])
    guard result.status == 0 else { throw TestSupportError("iconv to \(charset) failed: \(result.stderr)") }
    return result.stdout
}
