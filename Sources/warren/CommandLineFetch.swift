import Dispatch
import GopherCore
import GopherNet
import Glibc
import Synchronization
import SystemPackage

/// The non-interactive modes: one fetch, run to the end on a private queue while the main
/// thread waits; SIGINT and SIGTERM cancel it (removing a partial save) before exiting.
enum CommandLineFetch {
    private static let events = DispatchQueue(label: "warren.command-line")
    private static let signals = DispatchQueue(label: "warren.signals")

    /// `--dump`: a menu prints item by item as it arrives; a document prints when complete, since
    /// only its end says whether it was dot-stuffed.
    static func dump(_ url: GopherURL, encoding: PageEncoding, options: FetchOptions) -> Int32 {
        switch url.type.handling {
        case .download:
            CommandLineOutput.fail("\(url) is a \(url.type.tag) item; save it with --output FILE")
            return 1
        case .externalURL:
            if let target = ExternalURL.target(of: url.selector) {
                CommandLineOutput.write(Sanitizer.clean(target))
                return 0
            }
        case .session:
            CommandLineOutput.write("\(url.type.tag) session at \(url.endpoint) (not opened by Warren)")
            return 0
        default:
            break
        }
        // Events arrive on one queue, one at a time; the lock only lets the compiler see that.
        let renderer = SharedRenderer(DumpRenderer(url, encoding: encoding))
        return run(url, options: options, sink: nil) { bytes in
            renderer.state.withLock { $0.consume(bytes) }
        } finish: { _ in
            renderer.state.withLock { $0.finish() }
        }
    }

    /// `--lint`: the menu's lines that are out of spec, one a line; 1 when there is one.
    static func lint(_ url: GopherURL, options: FetchOptions) -> Int32 {
        guard url.type.showsAsMenu else {
            CommandLineOutput.fail("--lint reads menus: \(url) is a \(url.type.tag) item")
            return 2
        }
        var options = options
        options.memoryLimit = min(options.memoryLimit, FetchOptions.defaultMemoryLimit)
        let menu = SharedMenu(Menu(origin: Menu.Origin(url)))
        let after = Atomic<Int>(0)
        let status = run(url, options: options, sink: nil) { bytes in
            menu.state.withLock { _ = $0.append(bytes) }
        } finish: { report in
            menu.state.withLock { _ = $0.finish() }
            after.store(report.bytesAfterTerminator, ordering: .relaxed)
        }
        guard status == 0 else { return status }
        let findings = menu.state.withLock { $0.lint(bytesAfterTerminator: after.load(ordering: .relaxed)) }
        for finding in findings { CommandLineOutput.write(finding.description) }
        if findings.isEmpty { CommandLineOutput.write("every line is in spec") }
        CommandLineOutput.flush()
        return findings.isEmpty ? 0 : 1
    }

    /// `--source`: the bytes as received, streamed.
    static func source(_ url: GopherURL, options: FetchOptions) -> Int32 {
        run(url, options: options, sink: FileDescriptorSink(descriptor: .standardOutput, name: "standard output"))
    }

    /// `--output FILE`: streamed into a temporary file beside FILE, then moved into place.
    static func save(_ url: GopherURL, to path: String, overwrite: Bool, options: FetchOptions) -> Int32 {
        let sink: AtomicFileSink
        do {
            sink = try AtomicFileSink(path: path, overwrite: overwrite)
        } catch {
            let hint = error.code == .targetExists ? " (use --force to replace it)" : ""
            CommandLineOutput.fail("\(error)\(hint)")
            return 1
        }
        return run(url, options: options, sink: sink)
    }

    private static func run(
        _ url: GopherURL, options: FetchOptions, sink: (any ResponseSink)?,
        data: @escaping @Sendable ([UInt8]) -> Void = { _ in }, finish: @escaping @Sendable (FetchReport) -> Void = { _ in }
    ) -> Int32 {
        let done = DispatchSemaphore(value: 0)
        let status = ExitStatus()
        let handle = Fetcher().fetch(url, options: options, sink: sink, deliverOn: events) { event in
            switch event {
            case .progress:
                break
            case .data(let bytes, _):
                data(bytes)
            case .finished(let report):
                finish(report)
                // --tls asked for TLS where it could be had: say when it could not.
                if let fallback = report.tlsFallback { CommandLineOutput.fail("plain gopher, not TLS: \(fallback)") }
                done.signal()
            case .failed(let error):
                CommandLineOutput.flush()
                // A reader that went away (`| head`) is not worth a word.
                if !(error.stage == .save && error.errno == .brokenPipe) {
                    CommandLineOutput.fail("\(error)")
                }
                status.value.store(1, ordering: .relaxed)
                done.signal()
            case .cancelled:
                CommandLineOutput.flush()
                CommandLineOutput.fail("cancelled")
                status.value.store(130, ordering: .relaxed)
                done.signal()
            }
        }
        let signalSources = [SIGINT, SIGTERM, SIGHUP].map { number in
            signal(number, SIG_IGN)
            // Not on the event queue: it may be busy with a flood of data when the signal comes.
            let source = DispatchSource.makeSignalSource(signal: number, queue: signals)
            source.setEventHandler { handle.cancel() }
            source.resume()
            return source
        }
        done.wait()
        signalSources.forEach { $0.cancel() }
        CommandLineOutput.flush()
        return status.value.load(ordering: .relaxed)
    }
}

/// The exit status, set on the event queue and read after the wait (the semaphore orders them).
private final class ExitStatus: Sendable {
    let value = Atomic<Int32>(0)
}

/// The menu `--lint` reads, reachable from the event queue's handlers.
final class SharedMenu: Sendable {
    let state: Mutex<Menu>
    init(_ menu: sending Menu) { state = Mutex(menu) }
}

/// The dump renderer, reachable from the event queue's handlers.
private final class SharedRenderer: Sendable {
    let state: Mutex<DumpRenderer>
    init(_ renderer: sending DumpRenderer) { state = Mutex(renderer) }
}
