import Foundation
import GopherCore
import Testing
import UserFiles
import WarrenTestSupport

private let first = (0..<32).map { String(format: "%02X", $0) }.joined(separator: ":")
private let second = (0..<32).map { String(format: "%02X", 200 + $0 % 50) }.joined(separator: ":")

@Test func aPinnedCertificateIsLoadedAgainAndAPinForTheSameEndpointReplacesIt() throws {
    let folder = try TemporaryFolder.make(prefix: "warren-pins")
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = KnownCertificatesFile(path: folder.appendingPathComponent("data/warren/known_certificates").path)
    #expect(file.load() == CertificatePins())
    try file.pin(first, for: "Gopher.Example:7443", subject: "CN=gopher.example")
    try file.pin(second, for: "[::1]:70", subject: "CN=six\nwith a line break")
    #expect(file.load()["gopher.example:7443"] == first)
    #expect(file.load()["[::1]:70"] == second)
    #expect(try String(contentsOfFile: file.path, encoding: .utf8)
        == "gopher.example:7443 \(first) CN=gopher.example\n[::1]:70 \(second) CN=six with a line break\n")
    try file.pin(second, for: "gopher.example:7443", subject: "CN=gopher.example")
    #expect(file.load() == CertificatePins(["gopher.example:7443": second, "[::1]:70": second]))
}

@Test func linesTheKnownCertificatesFileCannotReadAreSkipped() throws {
    let folder = try TemporaryFolder.make(prefix: "warren-pins")
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("known_certificates").path
    let lines = [
        "good.example:70 \(first) CN=good", "no-port.example \(first)", "short.example:70 AB:CD",
        "lower.example:70 \(first.lowercased())", "", "bare.example:7070 \(second)",
    ]
    try Data(lines.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: path))
    #expect(KnownCertificatesFile(path: path).load() == CertificatePins(["good.example:70": first, "bare.example:7070": second]))
}
