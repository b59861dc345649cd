import Foundation
import Glibc

/// Runs the built `warren` binary, as a user would from a shell.
public enum WarrenProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: [UInt8]
        public var stderr: String
        public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    }

    /// The `warren` executable beside the test bundle in the build folder.
    public static var executable: URL {
        let testBinary = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        // The test binary may sit inside a bundle folder (`*.xctest/...`).
        while !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("warren").path),
            folder.path != "/"
        {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("warren")
    }

    /// Runs `warren` with `arguments` (after `prefix`, such as `unshare -n`); kills it after
    /// `timeout` seconds.
    public static func run(_ arguments: [String], prefix: [String] = [], timeout: Double = 60) throws -> Result {
        let folder = try TemporaryFolder.make(prefix: "warren-run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outPath = folder.appendingPathComponent("stdout").path
        let errPath = folder.appendingPathComponent("stderr").path
        let child = try ChildProcess(prefix + [executable.path] + arguments, stdout: outPath, stderr: errPath)
        let status = child.wait(seconds: timeout) ?? -1
        let out = (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data()
        let err = (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data()
        return Result(status: status, stdout: Array(out), stderr: String(decoding: err, as: UTF8.self))
    }
}

extension WarrenProcess {
    /// Runs a `sh -c` script (after `prefix`) with positional `arguments`, capturing its output.
    public static func runShell(_ script: String, arguments: [String], prefix: [String] = [], timeout: Double = 60) throws -> Result {
        let folder = try TemporaryFolder.make(prefix: "warren-sh")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outPath = folder.appendingPathComponent("stdout").path
        let errPath = folder.appendingPathComponent("stderr").path
        let child = try ChildProcess(prefix + ["/bin/sh", "-c", script, "sh"] + arguments, stdout: outPath, stderr: errPath)
        let status = child.wait(seconds: timeout) ?? -1
        let out = (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data()
        let err = (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data()
        return Result(status: status, stdout: Array(out), stderr: String(decoding: err, as: UTF8.self))
    }
}
