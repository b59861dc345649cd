import Dispatch
import GopherCore
import GopherNet
import Glibc
import SystemPackage
import Testing
import WarrenTestSupport

private func url(_ port: UInt16, _ type: Character = "1", _ selector: String = "", search: String? = nil) throws -> GopherURL {
    try GopherURL(host: "127.0.0.1", port: port, type: ItemType(type), selector: Array(selector.utf8), search: search.map { Array($0.utf8) })
}

private func quick(_ milliseconds: Int64) -> FetchOptions {
    FetchOptions(timeout: .milliseconds(milliseconds))
}

@Suite struct FetcherAgainstRealServers {
    @Test func gophernicusRootMenuArrivesWithItsLinks() throws {
        let server = try RealServer(.gophernicus)
        let recorder = FetchRecorder(try url(server.port))
        #expect(recorder.report != nil)
        var menu = Menu()
        menu.append(recorder.data)
        menu.finish()
        let links = (1...menu.links.count).compactMap { menu.link(number: $0) }
        #expect(links.map(\.display).contains { $0.hasPrefix("hello.txt") })
        let hello = try #require(links.first { $0.display.hasPrefix("hello.txt") })
        #expect(hello.selector == Array("/hello.txt".utf8))
        #expect(hello.host == "127.0.0.1")
        #expect(hello.portText == "\(server.port)")
    }

    @Test func gophernicusTextKeepsLoneDotLines() throws {
        let server = try RealServer(.gophernicus)
        let recorder = FetchRecorder(try url(server.port, "0", "/dots.txt"))
        #expect(recorder.report != nil)
        var document = TextDocument()
        document.append(recorder.data)
        document.finish()
        #expect((0..<document.count).map(document.line) == ["before", ".", "..double", "after"])
    }

    @Test func pygopherdMenuAndTextArrive() throws {
        let server = try RealServer(.pygopherd)
        let menuFetch = FetchRecorder(try url(server.port))
        #expect(menuFetch.report != nil)
        var menu = Menu()
        menu.append(menuFetch.data)
        menu.finish()
        let hello = try #require((1...menu.links.count).compactMap { menu.link(number: $0) }.first { $0.selector == Array("/hello.txt".utf8) })
        #expect(hello.type == .text)

        let textFetch = FetchRecorder(try url(server.port, "0", "/hello.txt"))
        #expect(textFetch.report != nil)
        #expect(textFetch.data == Array("Hello, gopherspace.\nSecond line.\n".utf8))
    }

    @Test func missingSelectorIsAServerErrorFromBothServers() throws {
        for kind in [RealServer.Kind.gophernicus, .pygopherd] {
            let server = try RealServer(kind)
            let error = try #require(FetchRecorder(try url(server.port, "1", "/no/such/menu/")).error)
            #expect(error.stage == .server, "\(kind)")
            #expect(error.description.hasPrefix("server error: "), "\(kind)")
        }
    }

    @Test func binaryArrivesByteForByte() throws {
        let server = try RealServer(.gophernicus)
        let recorder = FetchRecorder(try url(server.port, "9", "/blob.bin"))
        #expect(recorder.report?.byteCount == 65_536)
        #expect(recorder.data == (try server.fileBytes("blob.bin")))
    }
}

@Suite struct FetcherStages {
    @Test func stagesAreReportedInOrder() throws {
        let server = try FixtureServer(.reply(Array("iHello\t\tnull.host\t1\r\n.\r\n".utf8)))
        let recorder = FetchRecorder(try url(server.port))
        let report = try #require(recorder.report)
        #expect(recorder.progress.prefix(4) == [
            .resolving("127.0.0.1"), .connecting("127.0.0.1:\(server.port)"),
            .sending("127.0.0.1:\(server.port)"), .receiving(bytes: 0),
        ])
        #expect(report.peerAddress == "127.0.0.1:\(server.port)")
        #expect(report.localAddress.hasPrefix("127.0.0.1:"))
        #expect(report.byteCount == 24)
        #expect(report.timings.total > .zero)
    }

    @Test func chunksStreamWhileTheTransferIsGoing() throws {
        let text = Array("one\ntwo\nthree\n".utf8)
        let server = try FixtureServer(.trickle(text, interval: .milliseconds(20)))
        let recorder = FetchRecorder(try url(server.port, "0", "/t"))
        #expect(recorder.report != nil)
        #expect(recorder.data == text)
        #expect(recorder.dataEventCount > 1)
    }

    @Test func selectorIsSentWithCRLF() throws {
        let server = try FixtureServer(.reply(Array("x".utf8)))
        _ = FetchRecorder(try url(server.port, "0", "/some path/é")).wait()
        #expect(server.requests == [Array("/some path/é".utf8)])
    }

    @Test func searchSendsTheQueryAfterATab() throws {
        let server = try FixtureServer(.reply(Array("iNo results\t\tnull.host\t1\r\n".utf8)))
        _ = FetchRecorder(try url(server.port, "7", "/search", search: "gopher holes")).wait()
        #expect(server.requests == [Array("/search\tgopher holes".utf8)])
    }

    @Test func eachResolvedAddressIsTriedInTurn() throws {
        let server = try FixtureServer(.reply(Array("ok".utf8)))
        let closed = try Loopback.closedPort()
        let dead = try #require(SocketAddress(numericHost: "127.0.0.1", port: closed))
        let live = try #require(SocketAddress(numericHost: "127.0.0.1", port: server.port))
        let fetcher = Fetcher(resolver: TableResolver(["gopher.test": .success([dead, live])]))
        let recorder = FetchRecorder(try GopherURL(host: "gopher.test", port: server.port, type: .text, selector: []), fetcher: fetcher)
        #expect(recorder.report?.peerAddress == "127.0.0.1:\(server.port)")
        #expect(recorder.progress.contains(.connecting("127.0.0.1:\(closed)")))
    }
}

@Suite struct FetcherFailures {
    @Test func resolveFailureNamesTheResolveStage() throws {
        let fetcher = Fetcher(resolver: TableResolver([:]))
        let recorder = FetchRecorder(try GopherURL(host: "nohost.invalid", port: 70), fetcher: fetcher)
        let error = try #require(recorder.error)
        #expect(error.stage == .resolve)
        #expect(error.description == "resolve failed: Name or service not known (nohost.invalid:70)")
    }

    @Test func closedPortIsAConnectError() throws {
        let port = try Loopback.closedPort()
        let error = try #require(FetchRecorder(try url(port)).error)
        #expect(error.stage == .connect)
        #expect(error.errno == Errno(rawValue: ECONNREFUSED))
        #expect(error.description == "connect failed: Connection refused (127.0.0.1:\(port))")
    }

    @Test func listenerThatNeverAcceptsTimesOutConnecting() throws {
        let listener = try StalledListener()
        let error = try #require(FetchRecorder(try url(listener.port), options: quick(300)).error)
        #expect(error.stage == .connect)
        #expect(error.code == .timedOut)
        #expect(error.description == "connect timed out after 0.3 s (127.0.0.1:\(listener.port))")
    }

    @Test func silentServerTimesOutReceiving() throws {
        let server = try FixtureServer(.neverAnswer)
        let error = try #require(FetchRecorder(try url(server.port), options: quick(300)).error)
        #expect(error.description == "receive timed out after 0.3 s (127.0.0.1:\(server.port))")
    }

    @Test func resetMidTransferIsAnErrorNotAShortDocument() throws {
        let halfMenu = Array("1First\t/a\t127.0.0.1\t70\r\n1Second\t/b\t127.0.0.1\t70\r\n1Thi".utf8)
        let server = try FixtureServer(.resetAfter(halfMenu))
        let recorder = FetchRecorder(try url(server.port))
        let error = try #require(recorder.error)
        #expect(error.stage == .receive)
        #expect(error.errno == Errno(rawValue: ECONNRESET))
        #expect(error.description == "receive failed: Connection reset by peer (127.0.0.1:\(server.port))")
    }

    @Test func closeWithoutAnswerIsAnEmptyResponse() throws {
        let server = try FixtureServer(.reply([]))
        let error = try #require(FetchRecorder(try url(server.port)).error)
        #expect(error.description == "receive failed: empty response (127.0.0.1:\(server.port))")
    }

    @Test func anEmptyTextIsAnEmptyDocumentNotAnError() throws {
        let server = try FixtureServer(.reply([]))
        let recorder = FetchRecorder(try url(server.port, "0", "/empty.txt"))
        #expect(recorder.error == nil)
        #expect(recorder.report?.byteCount == 0)
        #expect(recorder.data == [])
    }

    @Test func aWorkerWaitingForASlowConsumerStopsWhenCancelled() throws {
        let server = try FixtureServer(.endless(chunk: Array(repeating: UInt8(ascii: "x"), count: 4096) + [0x0A]))
        let consumerStuck = DispatchSemaphore(value: 0)
        let recorder = FetchRecorder(try url(server.port, "0", "/endless")) { event, _ in
            // The consumer hangs on its first chunk, so the worker fills its in-flight budget
            // and then waits for room.
            if case .data = event { consumerStuck.wait() }
        }
        usleep(300_000)
        #expect(recorder.handle.cancel())
        consumerStuck.signal()
        guard case .cancelled? = recorder.wait() else {
            Issue.record("the fetch did not end after cancel: \(String(describing: recorder.allEvents.last))")
            return
        }
        // Only the chunk the consumer was handling was delivered; nothing after the cancel.
        #expect(recorder.dataEventCount == 1)
        #expect(recorder.handle.waitUntilDone())
    }

    @Test func peerThatClosesAtOnceFailsWithoutKillingTheProcess() throws {
        let server = try FixtureServer(.closeImmediately)
        // A menu: for a text, nothing at all would be an empty document.
        let error = try #require(FetchRecorder(try url(server.port, "1", String(repeating: "x", count: 200))).error)
        #expect([.send, .receive].contains(error.stage))
    }

    @Test func typeThreeReplyIsAServerError() throws {
        let server = try FixtureServer(.reply(Array("3'/x' does not exist\t\terror.host\t1\r\n.\r\n".utf8)))
        let error = try #require(FetchRecorder(try url(server.port, "0", "/x")).error)
        #expect(error.stage == .server)
        #expect(error.description == "server error: '/x' does not exist")
    }

    @Test func endlessStreamStopsAtTheMemoryLimit() throws {
        let server = try FixtureServer(.endless(chunk: Array(repeating: UInt8(ascii: "y"), count: 65_536)))
        var options = FetchOptions()
        options.memoryLimit = 1 << 20
        let recorder = FetchRecorder(try url(server.port, "0", "/"), options: options)
        let error = try #require(recorder.error)
        #expect(error.stage == .receive)
        #expect(error.code == .responseTooLarge)
        #expect(error.description == "receive failed: response too large (over 1 MiB) (127.0.0.1:\(server.port))")
        #expect(recorder.data.count <= 1 << 20)
    }
}

@Suite struct FetcherHostileServers {
    @Test func menuEndsAtItsDotLineWhileTheServerHoldsTheConnection() throws {
        let menu = Array("iHello\t\tnull.host\t1\r\n1Sub\t/s\t127.0.0.1\t70\r\n.\r\n".utf8)
        let server = try FixtureServer(.replyAndHold(menu + Array("after the end".utf8)))
        let recorder = FetchRecorder(try url(server.port), options: quick(20_000))
        // Well inside the 20 s idle timeout: the `.` line ended the fetch.
        let report = try #require(recorder.report)
        #expect(recorder.data == menu)
        #expect(report.byteCount == menu.count)
        #expect(recorder.handle.waitUntilDone())
        #expect(Loopback.openClientSockets(toPort: server.port) == 0)
    }

    @Test func textKeepsReadingPastALoneDotLine() throws {
        let text = Array("before\r\n.\r\nafter\r\n".utf8)
        let server = try FixtureServer(.reply(text))
        let recorder = FetchRecorder(try url(server.port, "0", "/t"))
        #expect(recorder.report != nil)
        #expect(recorder.data == text)
    }

    @Test func tricklingServerFailsAsTooSlow() throws {
        let server = try FixtureServer(.trickle(Array(repeating: UInt8(ascii: "x"), count: 400), interval: .milliseconds(50)))
        let recorder = FetchRecorder(try url(server.port, "0", "/slow"), options: quick(500))
        let error = try #require(recorder.error)
        #expect(error.stage == .receive)
        #expect(error.code == .tooSlow)
        #expect(error.description.hasPrefix("receive failed: too slow ("))
        #expect(error.description.hasSuffix(" B in 0.5 s) (127.0.0.1:\(server.port))"))
    }
}

@Suite struct FetcherCancellation {
    @Test func cancelWhileReceivingClosesTheSocketAndReportsCancelledLast() throws {
        let server = try FixtureServer(.neverAnswer)
        let recorder = FetchRecorder(try url(server.port)) { event, handle in
            if case .progress(.receiving) = event { handle.cancel() }
        }
        guard case .cancelled? = recorder.wait() else {
            Issue.record("expected .cancelled, got \(String(describing: recorder.allEvents.last))")
            return
        }
        #expect(recorder.handle.waitUntilDone())
        #expect(Loopback.openClientSockets(toPort: server.port) == 0)
        // Nothing follows the cancellation report.
        recorder.queue.sync {}
        guard case .cancelled? = recorder.allEvents.last else {
            Issue.record("events after .cancelled: \(recorder.allEvents)")
            return
        }
    }

    @Test func cancelWhileConnectingIsImmediate() throws {
        let listener = try StalledListener()
        let socketsBefore = Loopback.openClientSockets(toPort: listener.port)  // the backlog fillers
        let recorder = FetchRecorder(try url(listener.port), options: quick(60_000)) { event, handle in
            if case .progress(.connecting) = event { handle.cancel() }
        }
        // Well inside the 60 s connect timeout: the cancel interrupted the wait.
        guard case .cancelled? = recorder.wait(seconds: 10) else {
            Issue.record("expected .cancelled, got \(recorder.allEvents)")
            return
        }
        #expect(recorder.handle.waitUntilDone())
        #expect(Loopback.openClientSockets(toPort: listener.port) == socketsBefore)
    }

    @Test func cancelWhileResolvingNeverConnects() throws {
        let server = try FixtureServer(.reply(Array("x".utf8)))
        let address = try #require(SocketAddress(numericHost: "127.0.0.1", port: server.port))
        let fetcher = Fetcher(resolver: SlowResolver(address: address))
        let recorder = FetchRecorder(try GopherURL(host: "slow.test", port: server.port), fetcher: fetcher) { event, handle in
            if case .progress(.resolving) = event { handle.cancel() }
        }
        guard case .cancelled? = recorder.wait() else {
            Issue.record("expected .cancelled, got \(recorder.allEvents)")
            return
        }
        #expect(recorder.handle.waitUntilDone())
        #expect(server.requests.isEmpty)
        #expect(Loopback.openClientSockets(toPort: server.port) == 0)
    }

    @Test func cancelAfterTheEndIsTooLate() throws {
        let server = try FixtureServer(.reply(Array("done".utf8)))
        let recorder = FetchRecorder(try url(server.port, "0", "/"))
        #expect(recorder.report != nil)
        #expect(recorder.handle.cancel() == false)
    }

    @Test func noDescriptorsLeakAcrossManyFetches() throws {
        let server = try FixtureServer(.reply(Array("iHi\t\tnull.host\t1\r\n".utf8)))
        for _ in 0..<20 {
            let recorder = FetchRecorder(try url(server.port))
            #expect(recorder.report != nil)
            #expect(recorder.handle.waitUntilDone())
        }
        #expect(Loopback.openClientSockets(toPort: server.port) == 0)
    }
}

/// A lookup that takes a while (as DNS can), then answers.
private struct SlowResolver: Resolver {
    let address: SocketAddress
    func resolve(host: String, port: UInt16) -> Result<[SocketAddress], ResolveFailure> {
        usleep(300_000)
        return .success([address])
    }
}
