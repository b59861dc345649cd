import GopherCore

/// Downloads in the background: `d` (or saving a link) starts one and returns at once. At most
/// `maximumRunningDownloads` run; the rest wait their turn. `D` opens `about:downloads`, where
/// `x` cancels a download or removes an ended one from the list. What the app reports about a
/// download comes in through `download…`, and may start the next one in the queue.
extension Browser {
    /// The download that `Esc` or `q` would stop first: the newest one still at work.
    public var download: Download? { downloads.last(where: \.isActive) }

    mutating func startDownload(_ url: GopherURL, fileName: String, overwrite: Bool) -> [Action] {
        let id = nextID
        nextID += 1
        downloads.append(Download(
            id: id, url: url, fileName: fileName, progress: "\(fileName): waiting", state: .queued(overwrite: overwrite)))
        let actions = startQueuedDownloads()
        if actions.isEmpty { say(withHint("\(fileName) waits for a free slot", .showDownloads, "lists the downloads")) }
        refreshDownloadsPage()
        return actions
    }

    /// Starts queued downloads, oldest first, while fewer than the maximum run.
    mutating func startQueuedDownloads() -> [Action] {
        var actions: [Action] = []
        var running = downloads.count { $0.state == .running }
        for index in downloads.indices where running < Self.maximumRunningDownloads {
            guard case .queued(let overwrite) = downloads[index].state else { continue }
            downloads[index].state = .running
            downloads[index].progress = "saving \(downloads[index].fileName)…"
            running += 1
            let download = downloads[index]
            actions.append(.download(id: download.id, url: download.url, fileName: download.fileName, overwrite: overwrite))
        }
        return actions
    }

    public mutating func downloadProgress(id: Int, _ text: String) {
        guard let index = downloads.firstIndex(where: { $0.id == id && $0.state == .running }) else { return }
        downloads[index].progress = text
        refreshDownloadsPage()
    }

    @discardableResult
    public mutating func downloadFinished(id: Int, path: String, byteCount: Int) -> [Action] {
        // A cancel that came too late to stop it (the file was already in place) still ends
        // here: the list then says where the file is, not that it was cancelled.
        guard let index = downloads.firstIndex(where: { $0.id == id && ($0.state == .running || $0.state == .cancelled) })
        else { return [] }
        downloads[index].state = .done(path: path, byteCount: byteCount)
        say("saved \(path) (\(ByteCountFormatter.string(byteCount)))")
        return endedDownload()
    }

    @discardableResult
    public mutating func downloadFailed(id: Int, message: String) -> [Action] {
        guard let index = downloads.firstIndex(where: { $0.id == id && $0.isActive }) else { return [] }
        downloads[index].state = .failed(message)
        say(message, error: true)
        return endedDownload()
    }

    /// The chosen name exists in the download folder: ask before replacing it.
    @discardableResult
    public mutating func downloadTargetExists(id: Int) -> [Action] {
        guard let index = downloads.firstIndex(where: { $0.id == id && $0.isActive }) else { return [] }
        let download = downloads.remove(at: index)
        push(.question(.replace(download.fileName, downloading: download.url)))
        return endedDownload()
    }

    /// Stops download `id` (it leaves no file behind); the next queued one may start.
    mutating func cancelDownload(_ id: Int) -> [Action] {
        guard let index = downloads.firstIndex(where: { $0.id == id && $0.isActive }) else { return [] }
        let wasRunning = downloads[index].state == .running
        downloads[index].state = .cancelled
        say("download of \(downloads[index].fileName) cancelled")
        return (wasRunning ? [.cancel(id: id)] : []) + endedDownload()
    }

    private mutating func endedDownload() -> [Action] {
        let actions = startQueuedDownloads()
        refreshDownloadsPage()
        return actions
    }

    // MARK: about:downloads

    /// `D`: the downloads page, made from the list as it is now.
    mutating func showDownloads() -> [Action] {
        show(downloadsPage())
    }

    /// The downloads page on screen follows the list as it changes, keeping its place.
    mutating func refreshDownloadsPage() {
        guard page?.location == .about("downloads") else { return }
        replaceBuiltInPage(with: downloadsPage())
    }

    /// `x` on the downloads page: cancels the selected download, or removes it once ended.
    mutating func removeSelectedDownload() -> [Action] {
        guard let view = pageView, view.page.location == .about("downloads") else {
            say((keyed(.removeEntry, "cancels or removes a download on the downloads page") ?? "nothing to remove here") + (keyName(for: .showDownloads).map { " (\($0))" } ?? ""))
            return []
        }
        guard let item = view.selectedItem, let id = Self.downloadID(of: item),
            let index = downloads.firstIndex(where: { $0.id == id })
        else { return [] }
        if downloads[index].isActive { return cancelDownload(id) }
        let removed = downloads.remove(at: index)
        say("\(removed.fileName) removed from the list")
        refreshDownloadsPage()
        return []
    }

    /// Enter on an entry: where its file is, or what became of it.
    func describeDownload(_ id: Int) -> String? {
        guard let download = downloads.first(where: { $0.id == id }) else { return nil }
        switch download.state {
        case .done(let path, let bytes): return "saved \(path) (\(ByteCountFormatter.string(bytes)))"
        case .failed(let message): return "\(download.fileName): \(message)"
        case .cancelled: return "\(download.fileName): cancelled"
        case .queued: return "\(download.fileName): waiting for a free slot"
        case .running: return download.progress
        }
    }

    private func downloadsPage() -> Page {
        var bytes = GophermapLine.info("Downloads (x cancels the selected one, or removes it once ended)")
            + GophermapLine.info("")
        for download in downloads {
            let state: String
            switch download.state {
            case .queued: state = "waiting"
            case .running:
                // The status bar's words name the file; here its name is already at the start.
                let named = "saving \(download.fileName)"
                state = download.progress.hasPrefix(named) ? "saving" + download.progress.dropFirst(named.count) : download.progress
            case .done(_, let count): state = "done, \(ByteCountFormatter.string(count))"
            case .failed(let message): state = "failed: \(message)"
            case .cancelled: state = "cancelled"
            }
            bytes += Array("9\(Sanitizer.clean(download.fileName))  \(state)\tdownload:\(download.id)\t\(PageView.builtInHost)\t1\r\n".utf8)
        }
        if downloads.isEmpty { bytes += GophermapLine.info("No downloads yet: d saves the selected link.") }
        return Page.menu(.about("downloads"), title: "Downloads", bytes: bytes)
    }

    /// The download an entry of the downloads page stands for.
    static func downloadID(of item: MenuItem) -> Int? {
        guard item.kind == .link, item.host == PageView.builtInHost, item.selector.starts(with: Array("download:".utf8))
        else { return nil }
        return Int(String(decoding: item.selector.dropFirst("download:".count), as: UTF8.self))
    }
}
