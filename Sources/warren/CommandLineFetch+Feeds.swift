import Browser
import Dispatch
import GopherCore
import GopherNet
import Glibc
import Synchronization
import UserFiles

/// `warren --feeds`: every feed checked (4 at a time, the fetcher's timeouts), its state kept as
/// the browser keeps it, and every unread item printed, `feed<TAB>title<TAB>URL`. Nothing is
/// marked read: opening an item in the browser does that. A feed that failed is named on stderr.
extension CommandLineFetch {
    static func feeds(_ store: FeedStore, options: FetchOptions) -> Int32 {
        var feeds = store.load()
        guard !feeds.isEmpty else {
            CommandLineOutput.fail("no feeds yet: S on a menu in the browser subscribes to it (\(store.subscriptionsFile))")
            return 0
        }
        var feedOptions = options
        feedOptions.memoryLimit = 16 << 20
        let outcomes = FeedOutcomes(count: feeds.count)
        let slots = DispatchSemaphore(value: 4)
        let done = DispatchGroup()
        let fetcher = Fetcher()
        let queue = DispatchQueue(label: "warren.feeds")
        for (index, feed) in feeds.enumerated() {
            slots.wait()
            done.enter()
            fetcher.fetch(feed.url, options: feedOptions, deliverOn: queue) { event in
                switch event {
                case .progress: return
                case .data(let bytes, _): outcomes.append(bytes, to: index); return
                case .finished: outcomes.finish(index, failure: nil)
                case .failed(let error): outcomes.finish(index, failure: error.description)
                case .cancelled: outcomes.finish(index, failure: "cancelled")
                }
                slots.signal()
                done.leave()
            }
        }
        done.wait()
        let now = Int64(time(nil))
        var failures = 0
        for index in feeds.indices {
            let (bytes, failure) = outcomes.result(index)
            if let failure {
                failures += 1
                feeds[index].failed(failure, at: now)
                CommandLineOutput.fail("\(feeds[index].title): \(failure)")
            } else {
                feeds[index].update(withMenuBytes: bytes, at: now)
            }
            do {
                try store.save(feeds[index])
            } catch {
                CommandLineOutput.fail("\(feeds[index].title): not saved: \(error)")
            }
        }
        for feed in feeds {
            for item in feed.unread {
                // Each field cleaned on its own, so the tabs between them stay.
                CommandLineOutput.write([feed.title, item.title, item.url.description].map { Sanitizer.clean($0) }.joined(separator: "\t"))
            }
        }
        CommandLineOutput.flush()
        return failures == feeds.count ? 1 : 0
    }
}

/// What each feed's fetch brought, filled on the fetch queue and read after they all ended.
private final class FeedOutcomes: Sendable {
    private let state: Mutex<[(bytes: [UInt8], failure: String?)]>

    init(count: Int) { state = Mutex(Array(repeating: ([], nil), count: count)) }

    func append(_ bytes: [UInt8], to index: Int) { state.withLock { $0[index].bytes += bytes } }
    func finish(_ index: Int, failure: String?) { state.withLock { $0[index].failure = failure } }
    func result(_ index: Int) -> (bytes: [UInt8], failure: String?) { state.withLock { $0[index] } }
}
