import Browser
import Dispatch
import GopherCore
import GopherNet
import Glibc
import Launch
import PageSpool
import TerminalUI
import UserFiles

/// The full-screen browser: wires the terminal, the `Browser` state machine and the fetcher
/// together on the main actor. Keys and fetch events come in as Dispatch events on the main
/// queue; after each batch the screen is redrawn once.
@MainActor
final class InteractiveSession {
    private let terminal: Terminal
    private var browser: Browser
    private let fetcher = Fetcher()
    /// Changes only as certificates are trusted (`trustCertificate`).
    private var options: FetchOptions
    private let paths: UserPaths
    private let bookmarks: BookmarkFile
    private let visits: HistoryFile
    private let encodings: EncodingFile
    private let sessionFile: SessionFile
    private let knownCertificates: KnownCertificatesFile
    private let feedStore: FeedStore
    /// Seconds between a feed's checks on start (`[feeds] interval`).
    private let feedInterval: Int64
    /// Feeds waiting for a check, in turn, and the checks running (at most `feedChecksAtOnce`).
    private var feedQueue: [GopherURL] = []
    /// A check's generation tells its events from those of an earlier check of the same feed
    /// (unsubscribed and subscribed again while the first was still running).
    private var feedChecks: [String: (handle: FetchHandle, bytes: [UInt8], generation: Int)] = [:]
    private var feedGeneration = 0
    private static let feedChecksAtOnce = 4
    /// `$XDG_CACHE_HOME/warren/handlers-PID`: files downloaded for handlers, private (0700),
    /// removed when Warren exits.
    private let handlerFolder: String
    private var handlerFiles: [String] = []
    /// chafa and prlimit, found on `PATH` at start: pictures are drawn with them.
    private let chafa: String?
    private let prlimit: String?
    /// The picture asked for last: a drawing that ends after another was asked for (or after
    /// the page changed) is dropped. A redraw for a new size runs one at a time; a resize while
    /// one runs asks for one more when it ends.
    private var pictureGeneration = 0
    private var pictureRedrawRunning = false
    private var pictureRedrawPending = false
    /// Handler downloads' ids, negative so they never meet a browser load's.
    private var nextHandlerFetch = -1
    /// Handlers running beside Warren (pid → name), looked at twice a second for how they
    /// ended (Dispatch has no process sources on Linux, and SIGCHLD ignored would reap them
    /// before their status could be read).
    private var runningHandlers: [pid_t: String] = [:]
    private var handlerWatch: (any DispatchSourceTimer)?
    /// The places last written to the session file (without their viewports).
    private var savedPlaces: [Location] = []
    private var handles: [Int: FetchHandle] = [:]
    /// When each load's receive stage began, for the rate in the status bar.
    private var receiveStarts: [Int: ContinuousClock.Instant] = [:]
    private var sources: [any DispatchSourceProtocol] = []
    private var redrawScheduled = false
    /// Ctrl-C and Ctrl-\\ typed for a handler on the terminal reach Warren too (one process
    /// group); their signals are dropped until a moment after the handler ends.
    private var interruptsIgnoredUntil: ContinuousClock.Instant?
    private let clock = ContinuousClock()
    private lazy var lastDraw = clock.now

    init(options: FetchOptions, config: Config, environment: [String: String]) throws {
        paths = UserPaths(environment: environment, configuredDownloadFolder: config.downloadFolder)
        bookmarks = BookmarkFile(path: paths.bookmarksFile)
        visits = HistoryFile(path: paths.historyFile)
        encodings = EncodingFile(path: paths.encodingsFile)
        sessionFile = SessionFile(path: paths.sessionFile)
        knownCertificates = KnownCertificatesFile(path: paths.knownCertificatesFile)
        feedStore = paths.feedStore
        handlerFolder = UserPaths.join(paths.cacheFolder, "handlers-\(getpid())")
        feedInterval = Int64(config.feedInterval ?? 60) * 60
        // Pages past a few MiB go to unlinked files in the cache folder; where none can be made
        // there, pages stay in memory and the in-memory limit holds.
        let cacheFolder = paths.cacheFolder
        var options = options
        let makeSpool: (@Sendable () -> (any BlockSpool)?)?
        if FileBlockSpool.canSpool(in: cacheFolder) {
            makeSpool = { try? FileBlockSpool(folder: cacheFolder) }
        } else {
            makeSpool = nil
            options.memoryLimit = min(options.memoryLimit, FetchOptions.defaultMemoryLimit)
        }
        self.options = options
        browser = Browser(
            defaultPort: servicesDatabaseGopherPort(), keyBindings: KeyMap.bindings(with: config.keys),
            makeSpool: makeSpool)
        browser.hostEncodings = encodings.load()
        browser.feeds = feedStore.load()
        // ~/.mailcap first, as its own comment says it takes precedence; $MAILCAPS replaces both.
        let mailcapFiles = environment["MAILCAPS"].map { $0.split(separator: ":").map(String.init) }
            ?? [UserPaths.join(paths.home, ".mailcap"), "/etc/mailcap"]
        let mailcap = mailcapFiles.flatMap { Mailcap.parse(String(decoding: UserFileStore.read($0) ?? [], as: UTF8.self)) }
        browser.handlers = config.handlers.withDefaults(environment: environment, mailcap: mailcap)
        let searchPath = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        chafa = searchPath.split(separator: ":").map { "\($0)/chafa" }.first { access($0, X_OK) == 0 }
        prlimit = (searchPath.split(separator: ":").map { "\($0)/prlimit" } + ["/usr/bin/prlimit"]).first { access($0, X_OK) == 0 }
        browser.canDrawPictures = chafa != nil && prlimit != nil
        browser.addressBook = visits.addressEntries() + bookmarks.addressEntries() + Self.addressEntries(of: browser.feeds)
        var terminalEnvironment = environment
        if config.colors == false { terminalEnvironment["NO_COLOR"] = "1" }
        terminal = try Terminal(environment: terminalEnvironment, theme: config.theme, mouse: config.mouse ?? true)
    }

    /// Opens `start` and runs until the user quits; never returns. `problems` (from the
    /// configuration file) are shown in the status bar.
    /// With `restoringSession` and `startIsGiven` (a URL on the command line), `start` opens
    /// with the last session's pages behind it; without `startIsGiven`, the session itself
    /// comes back.
    func run(start: Location, restoringSession: Bool = false, startIsGiven: Bool = false, problems: [String] = []) -> Never {
        let size = terminal.size
        browser.resize(width: size.width, height: size.height)
        watchInput()
        watchSignals()
        let (saved, sessionProblem) = restoringSession ? sessionFile.loadReporting() : (nil, nil)
        if let saved {
            perform(startIsGiven ? browser.restore(saved, thenOpen: start, title: nil) : browser.restore(saved))
        } else {
            perform(browser.go(start, title: nil))
        }
        if let sessionProblem { browser.report(sessionProblem, isError: true) }
        if !problems.isEmpty { browser.report(problems.joined(separator: "; "), isError: true) }
        let now = Int64(time(nil))
        perform([.checkFeeds(browser.feeds.filter { $0.isDue(now: now, interval: feedInterval) }.map(\.url))])
        redraw()
        dispatchMain()
    }

    // MARK: Events

    private func watchInput() {
        let input = DispatchSource.makeReadSource(fileDescriptor: terminal.inputFileDescriptor, queue: .main)
        input.setEventHandler { [unowned self] in
            MainActor.assumeIsolated {
                for key in terminal.readKeys() { handle(key) }
                // What was pressed shows at once; only a page streaming in waits for a frame.
                scheduleRedraw(atOnce: true)
            }
        }
        input.resume()
        sources.append(input)
    }

    private func watchSignals() {
        for number in [SIGWINCH, SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .main)
            source.setEventHandler { [unowned self] in
                MainActor.assumeIsolated {
                    if number == SIGWINCH {
                        handle(.resize)
                        scheduleRedraw()
                    } else if number == SIGINT || number == SIGQUIT, let until = interruptsIgnoredUntil, clock.now < until {
                        return
                    } else {
                        quit(status: 128 + number)
                    }
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    private func handle(_ key: Key) {
        if key == .resize {
            terminal.handleResize()
            let size = terminal.size
            browser.resize(width: size.width, height: size.height)
            if let picture = browser.pictureOnScreen { drawPicture(picture.url, file: picture.file, again: true) }
            return
        }
        perform(browser.handle(key))
    }

    /// At most one redraw a frame: a page streaming in at hundreds of chunks a second is drawn
    /// about 30 times a second; a key press is drawn at once.
    private func scheduleRedraw(atOnce: Bool = false) {
        // The first screen of a page, and the end of a load, never wait for a frame.
        if atOnce || clock.now - lastDraw >= Self.frameInterval {
            redraw()
            return
        }
        guard !redrawScheduled else { return }
        redrawScheduled = true
        let wait = max(.zero, Self.frameInterval - (clock.now - lastDraw))
        DispatchQueue.main.asyncAfter(deadline: .now() + .nanoseconds(Int(wait.wholeNanoseconds))) { [unowned self] in
            MainActor.assumeIsolated {
                redrawScheduled = false
                redraw()
            }
        }
    }

    private static let frameInterval: Duration = .milliseconds(30)

    private func redraw() {
        terminal.draw(browser.render())
        lastDraw = clock.now
    }

    /// Keeps the session file up to date when a page comes or goes (scrolling alone waits for
    /// quitting, so a key press never costs a write). `always`: with every position, as now.
    private func saveSession(always: Bool = false) {
        let session = browser.session
        let places = ([session.current].compactMap { $0 } + session.back + session.forward).map(\.location)
        guard always || places != savedPlaces, session.current != nil else { return }
        savedPlaces = places
        do {
            try sessionFile.save(session)
        } catch {
            browser.report("session not saved: \(error)", isError: true)
        }
    }

    func quit(status: Int32) -> Never {
        saveSession(always: true)
        for check in feedChecks.values { check.handle.cancel() }
        for handle in handles.values { handle.cancel() }
        // A download's worker removes its temporary file as it stops: let it, for a moment.
        for handle in handles.values { _ = handle.waitUntilDone(timeout: .seconds(2)) }
        for file in handlerFiles { unlink(file) }
        rmdir(handlerFolder)
        terminal.end()
        exit(status)
    }

    // MARK: Actions

    private func perform(_ actions: [Action]) {
        for action in actions {
            switch action {
            case .fetch(let id, let url): startFetch(id: id, url: url)
            case .cancel(let id): handles.removeValue(forKey: id)?.cancel()
            case .download(let id, let url, let fileName, let overwrite):
                startDownload(id: id, url: url, fileName: fileName, overwrite: overwrite)
            case .showUserPage(let page): perform(browser.show(userPage(page)))
            case .addBookmark(let url, let title):
                do {
                    if try bookmarks.add(url, title: title) {
                        browser.addressBook.append(AddressEntry(address: url.description, title: title, isBookmark: true))
                    } else {
                        browser.bookmarkWasThere(url)
                    }
                } catch {
                    browser.report("bookmark not saved: \(error)", isError: true)
                }
            case .readFeedList:
                perform(browser.feedListRead(feedStore.load()))
                browser.addressBook = visits.addressEntries() + bookmarks.addressEntries() + Self.addressEntries(of: browser.feeds)
            case .removeBookmark(let url):
                do {
                    try bookmarks.remove(url)
                    browser.addressBook = visits.addressEntries() + bookmarks.addressEntries() + Self.addressEntries(of: browser.feeds)
                    browser.userPageChanged(userPage(.bookmarks))
                } catch {
                    browser.report("bookmark not removed: \(error)", isError: true)
                }
            case .recordVisit(let url, let title):
                do {
                    try visits.record(url, title: title)
                    let newest = (browser.addressBook.map(\.lastVisit).max() ?? 0) + 1
                    browser.addressBook.append(AddressEntry(address: url.description, title: title, visits: 1, lastVisit: newest))
                } catch {
                    browser.report("history not saved: \(error)", isError: true)
                }
            case .copy(let text): terminal.copyToClipboard(text)
            case .rememberEncoding(let host, let encoding):
                do {
                    try encodings.remember(encoding, for: host)
                } catch {
                    browser.report("encoding not remembered: \(error)", isError: true)
                }
            case .trustCertificate(let endpoint, let fingerprint, let subject, let always):
                trust(fingerprint, for: endpoint, subject: subject, always: always)
            case .subscribe(let url, let title):
                do {
                    try feedStore.subscribe(url, title: title)
                } catch {
                    browser.report("subscription not saved: \(error)", isError: true)
                }
            case .unsubscribe(let url):
                let key = Feed.key(of: url)
                feedQueue.removeAll { Feed.key(of: $0) == key }
                feedChecks.removeValue(forKey: key)?.handle.cancel()
                do {
                    try feedStore.unsubscribe(url)
                } catch {
                    browser.report("unsubscribing not saved: \(error)", isError: true)
                }
            case .saveFeed(let feed):
                do {
                    try feedStore.save(feed)
                } catch {
                    browser.report("feed not saved: \(error)", isError: true)
                }
            case .checkFeeds(let urls):
                for url in urls {
                    let key = Feed.key(of: url)
                    guard feedChecks[key] == nil, !feedQueue.contains(where: { Feed.key(of: $0) == key }) else { continue }
                    feedQueue.append(url)
                }
                startFeedChecks()
            case .runHandler(let request): runHandler(request)
            case .drawPicture(let url): fetchForHandler(url, fileName: HandlerRequest(url: url, kind: .image, handler: Handler(command: [])).fileName, for: "chafa", onlyOnItsPage: true) { [unowned self] path in
                drawPicture(url, file: path, again: false)
            }
            case .suspend:
                terminal.suspend()
                let size = terminal.size
                browser.resize(width: size.width, height: size.height)
            case .quit: quit(status: 0)
            }
        }
        saveSession()
        scheduleRedraw()
    }

    /// A server that answered `--tls` in clear is fetched in clear from now on (until quitting).
    /// True the first time, when the status bar says so; page info says so on every page.
    private func rememberPlainServer(_ report: FetchReport) -> Bool {
        guard report.tlsFallback != nil else { return false }
        return options.tls.plainEndpoints.insert(TLSOptions.plainEndpoint(of: report.url)).inserted
    }

    /// `o` or `a` at the certificate question. A pin that cannot be written still trusts the
    /// certificate until quitting, and says why it is not kept.
    private func trust(_ fingerprint: String, for endpoint: String, subject: String, always: Bool) {
        options.tls.trustedUntilQuit[endpoint] = fingerprint
        guard always else { return }
        options.tls.pinned[endpoint] = fingerprint
        do {
            try knownCertificates.pin(fingerprint, for: endpoint, subject: subject)
        } catch {
            options.tls.pinned[endpoint] = nil
            browser.report("certificate trusted until quit, not pinned: \(error)", isError: true)
        }
    }

    private func userPage(_ page: UserPage) -> Page {
        switch page {
        case .bookmarks: return bookmarks.page()
        case .history: return visits.page()
        case .files: return paths.page()
        }
    }

    private func startFetch(id: Int, url: GopherURL) {
        handles[id] = fetcher.fetch(url, options: options, deliverOn: .main) { [unowned self] event in
            MainActor.assumeIsolated {
                // The load ended, or its page just arrived: either way, draw at once.
                var ended = true
                switch event {
                case .progress(let progress):
                    ended = false
                    browser.loadProgress(id: id, progressText(id: id, progress))
                case .data(let bytes, let total):
                    // The first bytes of a page put it on screen: drawn at once too.
                    ended = browser.loading?.id == id && browser.loading?.started == false
                    perform(browser.loadData(id: id, bytes))
                    browser.loadProgress(id: id, progressText(id: id, .receiving(bytes: total)))
                case .finished(let report):
                    forget(id)
                    perform(browser.loadFinished(id: id, info: Self.pageInfo(report)))
                    if rememberPlainServer(report) { browser.report("plain gopher, not TLS: \(report.tlsFallback ?? "")", isError: false) }
                case .failed(let error):
                    forget(id)
                    if let question = error.certificate {
                        browser.loadStoppedAtCertificate(id: id, message: error.description, question: question)
                    } else {
                        browser.loadFailed(id: id, message: error.description)
                    }
                case .cancelled:
                    forget(id)
                }
                scheduleRedraw(atOnce: ended)
            }
        }
    }

    /// A transfer has ended: its handle and rate clock go.
    private func forget(_ id: Int) {
        handles[id] = nil
        receiveStarts[id] = nil
    }

    /// `connecting 127.0.0.1:70…`, `receiving 1.4 MB (38.0 MB/s)`.
    private func progressText(id: Int, _ progress: FetchProgress) -> String {
        guard case .receiving(let bytes) = progress else { return progress.description }
        let now = clock.now
        let start = receiveStarts[id] ?? now
        if receiveStarts[id] == nil { receiveStarts[id] = now }
        let seconds = (now - start).seconds
        guard seconds > 0.05, bytes > 0 else { return progress.description }
        return "\(progress.description) (\(ByteCountFormatter.string(Int(Double(bytes) / seconds)))/s)"
    }

    private static func pageInfo(_ report: FetchReport) -> PageInfo {
        var info = PageInfo(
            byteCount: report.byteCount, peerAddress: report.peerAddress, localAddress: report.localAddress,
            timings: [
                ("resolve", report.timings.resolve), ("connect", report.timings.connect),
            ] + (report.tls != nil ? [("tls", report.timings.tls)] : []) + [
                ("send", report.timings.send), ("first byte", report.timings.firstByte),
                ("receive", report.timings.receive),
            ])
        info.bytesAfterTerminator = report.bytesAfterTerminator
        info.route = report.route
        info.tls = report.tls
        info.tlsFallback = report.tlsFallback
        return info
    }

    // MARK: Handlers

    /// Opens a link with the user's program: a file is fetched into the private handler folder
    /// first, under a safe name that keeps its extension.
    private func runHandler(_ request: HandlerRequest) {
        guard request.kind.takesFile else { return launch(request, file: nil) }
        fetchForHandler(request.url, fileName: request.fileName, for: request.handler.name) { [unowned self] path in
            launch(request, file: path)
        }
    }

    /// Fetches `url` into the private handler folder as `fileName` (numbered if that is taken),
    /// then hands the path on; a failure is said with what was fetched and for whom. The browser
    /// knows of the fetch (`fileFetchStarted`): Esc cancels it, Enter on the same link does not
    /// start it twice, another one replaces it. `onlyOnItsPage`: its result is dropped once the
    /// user has left the page it was asked from (a picture must not appear over another page).
    private func fetchForHandler(
        _ url: GopherURL, fileName: String, for program: String, onlyOnItsPage: Bool = false,
        then use: @escaping @Sendable @MainActor (String) -> Void
    ) {
        guard !browser.isFetchingFile(url) else { return }
        do {
            try UserFileStore.makeFolder(handlerFolder)
        } catch {
            browser.report("\(program): \(error)", isError: true)
            return
        }
        var path = UserPaths.join(handlerFolder, fileName)
        var number = 1
        while access(path, F_OK) == 0 {  // an earlier file may still be open in its program
            number += 1
            path = UserPaths.join(handlerFolder, "\(number)-\(fileName)")
        }
        let sink: AtomicFileSink
        do {
            sink = try AtomicFileSink(path: path, overwrite: false)
        } catch {
            browser.report("\(program): \(error)", isError: true)
            return
        }
        let id = nextHandlerFetch
        nextHandlerFetch -= 1
        let what = "\(fileName) for \(program)"
        handles[id] = fetcher.fetch(url, options: options, sink: sink, deliverOn: .main) { [unowned self] event in
            MainActor.assumeIsolated {
                switch event {
                case .progress(let stage):
                    browser.fileFetchProgress(id: id, stage.description)
                    scheduleRedraw()  // coalesced to a frame, as a page's progress is
                    return
                case .data: return
                case .finished(let report):
                    forget(id)
                    handlerFiles.append(path)
                    _ = rememberPlainServer(report)
                    guard let fetch = browser.fileFetchEnded(id: id), browser.isOnItsPage(fetch) else { return }
                    use(path)
                case .failed(let error):
                    forget(id)
                    if browser.fileFetchEnded(id: id) != nil { browser.report("could not fetch \(what): \(error)", isError: true) }
                case .cancelled:
                    forget(id)
                    browser.fileFetchEnded(id: id)
                }
                scheduleRedraw(atOnce: true)
            }
        }
        perform(browser.fileFetchStarted(id: id, url: url, what: what, onlyOnItsPage: onlyOnItsPage))
    }

    /// Runs the handler: on the terminal, with Warren stepped aside, or beside it, detached.
    /// What it was given and how it ended are said in the status bar.
    private func launch(_ request: HandlerRequest, file: String?) {
        var values = request.values
        values["file"] = Array((file ?? "").utf8)
        let arguments = request.handler.arguments(values)
        let name = request.handler.name
        if request.handler.terminal {
            var outcome: Result<Int32, ProgramLauncher.Failure> = .success(0)
            terminal.stepAside {
                outcome = Result { () throws(ProgramLauncher.Failure) in try ProgramLauncher.runInForeground(arguments) }
            }
            interruptsIgnoredUntil = clock.now + .seconds(1)
            let size = terminal.size
            browser.resize(width: size.width, height: size.height)
            switch outcome {
            case .success(0): browser.report("\(name) ended", isError: false)
            case .success(let status): browser.report("\(name) exited with status \(status)", isError: true)
            case .failure(let failure): browser.report(failure.description, isError: true)
            }
            return
        }
        let pid: pid_t
        do {
            pid = try ProgramLauncher.startDetached(arguments)
        } catch {
            browser.report(error.description, isError: true)
            return
        }
        let shown = file.map { String($0.split(separator: "/").last ?? "") } ?? String(decoding: values["url"] ?? [], as: UTF8.self)
        browser.report("opened \(Sanitizer.clean(shown)) with \(name)", isError: false)
        runningHandlers[pid] = name
        reapHandlers()
        guard handlerWatch == nil, !runningHandlers.isEmpty else { return }
        let watch = DispatchSource.makeTimerSource(queue: .main)
        watch.schedule(deadline: .now() + .milliseconds(200), repeating: .milliseconds(500))
        watch.setEventHandler { [unowned self] in
            MainActor.assumeIsolated { reapHandlers() }
        }
        watch.resume()
        handlerWatch = watch
    }

    /// Says how each handler that ended did, if not well; stops looking once none run.
    private func reapHandlers() {
        for (pid, name) in runningHandlers {
            guard let status = ProgramLauncher.exitStatus(of: pid) else { continue }
            runningHandlers[pid] = nil
            if status != 0 {
                browser.report("\(name) exited with status \(status)", isError: true)
                scheduleRedraw(atOnce: true)
            }
        }
        if runningHandlers.isEmpty {
            handlerWatch?.cancel()
            handlerWatch = nil
        }
    }

    // MARK: Pictures

    /// Draws the picture in `file` with chafa, off the main queue, in a process of its own with
    /// limits: 512 MiB of memory, 10 s of CPU, 15 s in all, 8 MiB of output. A picture whose
    /// header claims more pixels than `ImageHeader.pixelLimit` is not tried. `again`: the window
    /// changed size, the picture on screen is drawn anew.
    private func drawPicture(_ url: GopherURL, file: String, again: Bool) {
        guard let chafa, let prlimit else { return }
        if again {
            guard !pictureRedrawRunning else {
                pictureRedrawPending = true
                return
            }
            pictureRedrawRunning = true
        } else {
            pictureGeneration += 1
        }
        let generation = pictureGeneration
        let location = browser.page?.location
        let header = Self.imageHeader(of: file)
        if let header, !header.isDrawable {
            browser.report("image: too large to draw (\(header.description)): d saves it", isError: true)
            return
        }
        let size = terminal.size
        let box = header?.cellBox(columns: size.width, rows: size.height - 2) ?? (columns: max(1, size.width), rows: max(1, size.height - 2))
        let colours = terminal.pictureColours == 0 ? "none" : String(terminal.pictureColours)
        let arguments = [
            prlimit, "--as=536870912", "--cpu=10", "--", chafa, "--threads", "1", "--format", "symbols", "--colors", colours,
            "--size", "\(box.columns)x\(box.rows)", "--animate", "off", "--polite", "on", "--", file,
        ].map { Array($0.utf8) }
        var info = stat()
        let byteCount = stat(file, &info) == 0 ? Int(info.st_size) : 0
        if !again { browser.report("drawing \(String(file.split(separator: "/").last ?? ""))…", isError: false) }
        DispatchQueue.global(qos: .userInitiated).async {
            let outcome = Result { () throws(ProgramLauncher.Failure) in
                try ProgramLauncher.runCapturing(arguments, timeout: .seconds(15), outputLimit: 8 << 20)
            }
            DispatchQueue.main.async { [unowned self] in
                MainActor.assumeIsolated {
                    defer { scheduleRedraw(atOnce: true) }
                    if again {
                        pictureRedrawRunning = false
                        if pictureRedrawPending, let shown = browser.pictureOnScreen {
                            pictureRedrawPending = false
                            drawPicture(shown.url, file: shown.file, again: true)
                            return
                        }
                    }
                    // Asked for something else since, or left the page: this one is not wanted.
                    guard generation == pictureGeneration, browser.page?.location == location else { return }
                    switch outcome {
                    case .failure(let failure):
                        browser.report("image: could not decode (\(failure))", isError: true)
                    case .success(let captured):
                        let rows = PictureCells.rows(from: captured.output)
                        if captured.status == 0, !rows.isEmpty {
                            let picture = Picture(url: url, header: header, byteCount: byteCount, rows: rows, file: file)
                            if again { browser.redrawPicture(picture) } else { browser.showPicture(picture) }
                        } else {
                            browser.report("image: could not decode (\(Self.pictureFailure(captured, file: file)))", isError: true)
                        }
                    }
                }
            }
        }
    }

    /// Why chafa drew nothing, in its words where it gave some.
    private static func pictureFailure(_ captured: ProgramLauncher.Captured, file: String) -> String {
        if captured.outputCut { return "chafa printed too much" }
        guard let status = captured.status else { return "chafa took too long" }
        var words = String(decoding: captured.errors, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? ""
        // `/usr/bin/chafa: Failed to open '/home/…/cat.png': Unknown file format` → the reason.
        if let colon = words.range(of: ": ", options: []), words[..<colon.lowerBound].hasSuffix("chafa") {
            words = String(words[colon.upperBound...])
        }
        let name = String(file.split(separator: "/").last ?? "")
        words = words.split(separator: "'", omittingEmptySubsequences: false).map { $0 == file ? name : String($0) }.joined(separator: "'")
        return words.isEmpty ? "chafa exited with status \(status)" : Sanitizer.clean(words)
    }

    /// The first 64 KiB of `file`, read for its format and size.
    private static func imageHeader(of file: String) -> ImageHeader? {
        let descriptor = open(file, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var bytes = [UInt8](repeating: 0, count: 64 * 1024)
        let count = read(descriptor, &bytes, bytes.count)
        return count > 0 ? ImageHeader.read(Array(bytes.prefix(count))) : nil
    }

    // MARK: Feeds

    /// Starts queued feed checks while fewer than `feedChecksAtOnce` run. Each fetches the menu in
    /// memory (16 MiB at most: an index, not an archive) with the usual timeouts.
    private func startFeedChecks() {
        while feedChecks.count < Self.feedChecksAtOnce, !feedQueue.isEmpty {
            let url = feedQueue.removeFirst()
            let key = Feed.key(of: url)
            var feedOptions = options
            feedOptions.memoryLimit = 16 << 20
            feedGeneration += 1
            let generation = feedGeneration
            let handle = fetcher.fetch(url, options: feedOptions, deliverOn: .main) { [unowned self] event in
                MainActor.assumeIsolated {
                    guard feedChecks[key]?.generation == generation else { return }
                    switch event {
                    case .progress: return
                    case .data(let bytes, _):
                        feedChecks[key]?.bytes += bytes
                        return
                    case .finished(let report):
                        _ = rememberPlainServer(report)
                        let bytes = feedChecks.removeValue(forKey: key)?.bytes ?? []
                        perform(browser.feedChecked(url, menu: bytes, failure: nil, at: Int64(time(nil))))
                    case .failed(let error):
                        feedChecks[key] = nil
                        perform(browser.feedChecked(url, menu: nil, failure: error.description, at: Int64(time(nil))))
                    case .cancelled:
                        feedChecks[key] = nil
                    }
                    startFeedChecks()
                }
            }
            feedChecks[key] = (handle, [], generation)
        }
    }

    /// Feeds and their unread items, for the `o` prompt's suggestions.
    private static func addressEntries(of feeds: [Feed]) -> [AddressEntry] {
        feeds.flatMap { feed in
            [AddressEntry(address: feed.url.description, title: feed.title)]
                + feed.unread.map { AddressEntry(address: $0.url.description, title: $0.title) }
        }
    }

    // MARK: Downloads

    private func startDownload(id: Int, url: GopherURL, fileName: String, overwrite: Bool) {
        do {
            try UserFileStore.makeFolder(paths.downloadFolder)
        } catch {
            perform(browser.downloadFailed(id: id, message: error.description))
            return
        }
        let path = UserPaths.join(paths.downloadFolder, fileName)
        let sink: AtomicFileSink
        do {
            sink = try AtomicFileSink(path: path, overwrite: overwrite)
        } catch {
            reportDownloadFailure(id: id, error)
            return
        }
        handles[id] = fetcher.fetch(url, options: options, sink: sink, deliverOn: .main) { [unowned self] event in
            MainActor.assumeIsolated {
                switch event {
                case .progress(let progress):
                    browser.downloadProgress(id: id, "saving \(fileName): \(progressText(id: id, progress))")
                case .data:
                    break
                case .finished(let report):
                    forget(id)
                    _ = rememberPlainServer(report)
                    perform(browser.downloadFinished(id: id, path: path, byteCount: report.byteCount))
                case .failed(let error):
                    forget(id)
                    reportDownloadFailure(id: id, error)
                case .cancelled:
                    forget(id)
                }
                scheduleRedraw()
            }
        }
    }

    /// A name that exists asks before replacing; anything else is said as it is.
    private func reportDownloadFailure(id: Int, _ error: FetchError) {
        if error.code == .targetExists {
            perform(browser.downloadTargetExists(id: id))
        } else {
            perform(browser.downloadFailed(id: id, message: error.description))
        }
    }
}
