import Foundation
import Glibc
import Launch
import Testing
import WarrenTestSupport

/// A program that writes each of its arguments after the first, NUL-terminated, to the file the
/// first names: what a handler was given, byte for byte. It is run as `/bin/sh recorder …`:
/// executing a file just written fails now and then with ETXTBSY, when another test's child,
/// forked meanwhile, still holds its write descriptor.
private func recorder(in folder: URL) throws -> String {
    let path = folder.appendingPathComponent("record-arguments").path
    try Data("#!/bin/sh\nout=\"$1\"; shift\nfor a in \"$@\"; do printf '%s\\0' \"$a\"; done > \"$out\"\n".utf8)
        .write(to: URL(fileURLWithPath: path))
    chmod(path, 0o755)
    return path
}

private func recorded(_ path: String) throws -> [String] {
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    return bytes.split(separator: 0, omittingEmptySubsequences: false).dropLast().map { String(decoding: $0, as: UTF8.self) }
}

@Suite struct ProgramLauncherTests {
    @Test func aDetachedProgramGetsEachArgumentWholeAndNothingRunsThroughAShell() throws {
        let folder = try TemporaryFolder.make(prefix: "warren-launch")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("argv").path
        let canary = folder.appendingPathComponent("canary").path
        let hostile = "$(touch \(canary));rm -rf ~ `touch \(canary)` | touch \(canary)"
        let arguments = ["/bin/sh", try recorder(in: folder), out, hostile, "two words", "", "-l"].map { Array($0.utf8) }
        let pid = try ProgramLauncher.startDetached(arguments)
        var status: Int32?
        for _ in 0..<200 where status == nil {
            status = ProgramLauncher.exitStatus(of: pid)
            usleep(10_000)
        }
        #expect(status == 0)
        #expect(try recorded(out) == [hostile, "two words", "", "-l"])
        #expect(!FileManager.default.fileExists(atPath: canary))
    }

    @Test func aForegroundProgramsExitStatusIsReported() throws {
        #expect(try ProgramLauncher.runInForeground([Array("/bin/sh".utf8), Array("-c".utf8), Array("exit 3".utf8)]) == 3)
        #expect(try ProgramLauncher.runInForeground([Array("true".utf8)]) == 0)
    }

    @Test func aProgramThatCannotStartIsNamedWithTheReason() {
        #expect(throws: ProgramLauncher.Failure.self) { try ProgramLauncher.startDetached([Array("no-such-program-warren".utf8)]) }
        do {
            _ = try ProgramLauncher.startDetached([Array("no-such-program-warren".utf8)])
        } catch {
            #expect(error.description == "no-such-program-warren could not start: No such file or directory")
        }
    }

    @Test func aDetachedProgramHasItsOwnSessionAndNoTerminal() throws {
        let folder = try TemporaryFolder.make(prefix: "warren-launch")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path
        let script = "ps -o sid= -p $$ > '\(out)'; if [ -t 1 ]; then echo tty >> '\(out)'; fi"
        let pid = try ProgramLauncher.startDetached(["/bin/sh", "-c", script].map { Array($0.utf8) })
        var status: Int32?
        for _ in 0..<200 where status == nil {
            status = ProgramLauncher.exitStatus(of: pid)
            usleep(10_000)
        }
        #expect(status == 0)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == String(pid))
    }
}

/// Running a program for what it prints (chafa), within limits.
@Suite struct ProgramLauncherCapturingTests {
    @Test func whatItPrintsAndItsStatusComeBack() throws {
        let captured = try ProgramLauncher.runCapturing(
            ["/bin/sh", "-c", "printf 'out'; printf 'err' >&2; exit 4"].map { Array($0.utf8) }, timeout: .seconds(5), outputLimit: 100)
        #expect(captured.output == Array("out".utf8))
        #expect(captured.errors == Array("err".utf8))
        #expect(captured.status == 4)
    }

    @Test func aProgramThatTakesTooLongOrPrintsTooMuchIsStopped() throws {
        let slow = try ProgramLauncher.runCapturing(["/bin/sleep", "30"].map { Array($0.utf8) }, timeout: .milliseconds(300), outputLimit: 100)
        #expect(slow.status == nil)
        let loud = try ProgramLauncher.runCapturing(["/usr/bin/yes"].map { Array($0.utf8) }, timeout: .seconds(10), outputLimit: 1 << 16)
        #expect(loud.outputCut)
        #expect(loud.status == nil)
    }
}
