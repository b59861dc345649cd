import Testing
import WarrenTestSupport
@testable import GopherCore


/// What the detector lets through, in order, and how it ends.
private struct Outcome {
    var passed: [UInt8] = []
    var error: ServerErrorMessage?
}

private func run(_ chunks: [[UInt8]]) -> Outcome {
    var detector = ServerErrorDetector()
    var outcome = Outcome()
    for chunk in chunks { outcome.passed += detector.consume(chunk) }
    switch detector.finish() {
    case .success(let rest): outcome.passed += rest
    case .failure(let message): outcome.error = message
    }
    return outcome
}

private func splits(_ data: [UInt8]) -> [[[UInt8]]] {
    (0...data.count).map { [Array(data[..<$0]), Array(data[$0...])] } + [data.map { [$0] }]
}

private let gophernicusReply = bytes("3Error: File or directory not found! (null)\tTITLE\tnull.host\t1\r\n.\r\n")
private let pygopherdReply = bytes("3'/nope' does not exist (no handler found)\t\terror.host\t1\r\n")

@Suite struct ServerErrorDetectorTests {
    @Test func gophernicusErrorReplyIsAFailureWithItsMessage() {
        let outcome = run([gophernicusReply])
        #expect(outcome.error == ServerErrorMessage(text: "Error: File or directory not found! (null)"))
        #expect(outcome.passed == [])
    }

    @Test func pygopherdErrorReplyIsAFailureWithItsMessage() {
        let outcome = run([pygopherdReply])
        #expect(outcome.error == ServerErrorMessage(text: "'/nope' does not exist (no handler found)"))
        #expect(outcome.passed == [])
    }

    @Test func errorReplySplitAnywhereIsStillAFailure() {
        for chunks in splits(gophernicusReply) + splits(pygopherdReply) {
            let outcome = run(chunks)
            #expect(outcome.error != nil, "\(chunks.map(\.count))")
            #expect(outcome.passed == [], "\(chunks.map(\.count))")
        }
    }

    @Test func errorReplyIsHeldBackUntilTheEnd() {
        var detector = ServerErrorDetector()
        #expect(detector.consume(pygopherdReply) == [])
        #expect(detector.finish() == .failure(ServerErrorMessage(text: "'/nope' does not exist (no handler found)")))
    }

    @Test func errorMessageIsSanitised() {
        let outcome = run([bytes("3\u{1B}[2JGone\u{07}\t\terror.host\t1\r\n")])
        #expect(outcome.error == ServerErrorMessage(text: "Gone"))
    }

    @Test func errorReplyAfterAnEmptyChunkIsStillDetected() {
        let outcome = run([[], pygopherdReply])
        #expect(outcome.error == ServerErrorMessage(text: "'/nope' does not exist (no handler found)"))
        #expect(outcome.passed == [])
    }

    @Test func contentNotStartingWith3PassesStraightThrough() {
        var detector = ServerErrorDetector()
        #expect(detector.consume(bytes("1Home\t/\texample.org\t70\r\n")) == bytes("1Home\t/\texample.org\t70\r\n"))
        #expect(detector.consume(bytes("3Later\t\terror.host\t1\r\n")) == bytes("3Later\t\terror.host\t1\r\n"))
        #expect(detector.finish() == .success([]))
    }

    @Test func textStartingWith3PassesThroughUnchangedAtEverySplit() {
        let text = bytes("3 little pigs went to market.\nThe end.\n")
        for chunks in splits(text) {
            let outcome = run(chunks)
            #expect(outcome.error == nil, "\(chunks.map(\.count))")
            #expect(outcome.passed == text, "\(chunks.map(\.count))")
        }
    }

    @Test func textStartingWith3IsReleasedAtItsFirstNewline() {
        var detector = ServerErrorDetector()
        #expect(detector.consume(bytes("3 little")) == [])
        #expect(detector.consume(bytes(" pigs\nand")) == bytes("3 little pigs\nand"))
        #expect(detector.consume(bytes(" more")) == bytes(" more"))
        #expect(detector.finish() == .success([]))
    }

    @Test func short3TextWithoutNewlineIsPassedOnAtTheEnd() {
        #expect(run([bytes("3")]).passed == bytes("3"))
        #expect(run([bytes("3 D printing")]).passed == bytes("3 D printing"))
        #expect(run([bytes("3")]).error == nil)
    }

    @Test func threeLineWithTooFewFieldsIsContent() {
        let text = bytes("3Not really\tan error\r\nmore\r\n")
        let outcome = run([text])
        #expect(outcome.error == nil)
        #expect(outcome.passed == text)
    }

    @Test func binaryDataStartingWith3PassesThroughByteForByte() {
        let data: [UInt8] = [0x33, 0x00, 0xFF, 0x09, 0x0D, 0x0A, 0x1B, 0x80, 0x0A, 0x2E, 0x0D, 0x0A]
        for chunks in splits(data) {
            #expect(run(chunks).passed == data, "\(chunks.map(\.count))")
        }
    }

    @Test func menuStartingWithAnErrorLineButHoldingLinksIsContent() {
        let menu = bytes(
            "3Some items are missing\t\terror.host\t1\r\n1Home\t/\texample.org\t70\r\niInfo\tfake\tnull.host\t1\r\n.\r\n")
        for chunks in splits(menu) {
            let outcome = run(chunks)
            #expect(outcome.error == nil, "\(chunks.map(\.count))")
            #expect(outcome.passed == menu, "\(chunks.map(\.count))")
        }
    }

    @Test func contentLongerThanTheWindowPassesThrough() {
        let data = bytes("3") + [UInt8](repeating: UInt8(ascii: "x"), count: 5000) + bytes("\nend\n")
        var detector = ServerErrorDetector()
        var passed: [UInt8] = []
        var start = 0
        while start < data.count {
            let end = min(start + 1000, data.count)
            passed += detector.consume(data[start..<end])
            start = end
        }
        // Everything past the window has gone through before the end of the response.
        #expect(passed.count > ServerErrorDetector.window)
        if case .success(let rest) = detector.finish() { passed += rest } else { Issue.record("content taken for an error") }
        #expect(passed == data)
    }

    @Test func holdingStopsJustPastTheWindow() {
        var detector = ServerErrorDetector()
        let full = [UInt8(ascii: "3")] + [UInt8](repeating: UInt8(ascii: "y"), count: ServerErrorDetector.window - 1)
        #expect(ServerErrorDetector.window == 4096)
        #expect(detector.consume(full) == [])
        #expect(detector.consume(bytes("z")) == full + bytes("z"))
    }

    @Test func errorLineFollowedByMoreThanAWindowOfDataIsContent() {
        let data = pygopherdReply + [UInt8](repeating: UInt8(ascii: "i"), count: ServerErrorDetector.window)
        let outcome = run([data])
        #expect(outcome.error == nil)
        #expect(outcome.passed == data)
    }

    @Test func emptyResponseFinishesWithNothing() {
        var detector = ServerErrorDetector()
        #expect(detector.finish() == .success([]))
    }
}
