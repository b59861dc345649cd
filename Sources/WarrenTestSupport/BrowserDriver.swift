import Browser
import GopherCore

// Helpers for driving the `Browser` state machine in tests: building gophermaps and documents,
// opening a URL and feeding it bytes as the app would, pressing keys, reading the screen.

/// Gophermap lines and whole menus, as a server would send them (CRLF line ends).
public enum Gophermap {
    /// An `i` line: text between links.
    public static func info(_ text: String) -> String { "i\(text)\t\tnull.host\t1\r\n" }

    /// A menu line of any type.
    public static func item(
        _ type: Character, _ display: String, _ selector: String, host: String = "example.org", port: String = "70"
    ) -> String {
        "\(type)\(display)\t\(selector)\t\(host)\t\(port)\r\n"
    }

    public static let terminator = ".\r\n"

    /// `lines` joined and terminated, as bytes.
    public static func menu(_ lines: String...) -> [UInt8] { Array((lines.joined() + terminator).utf8) }

    /// A menu of `links` type-1 links `Link 1`, `Link 2`… (selectors `/item/1`, `/item/2`…)
    /// with `infoLinesBetween` info lines `Text N.M` after each link but the last:
    ///
    ///     1Link 1   /item/1
    ///     iText 1.1
    ///     iText 1.2
    ///     1Link 2   /item/2
    public static func menu(links: Int, infoLinesBetween: Int = 1, host: String = "example.org", port: String = "70")
        -> [UInt8]
    {
        var text = ""
        for link in 1...max(1, links) {
            text += item("1", "Link \(link)", "/item/\(link)", host: host, port: port)
            if link < links {
                for line in 0..<infoLinesBetween { text += info("Text \(link).\(line + 1)") }
            }
        }
        return Array((text + terminator).utf8)
    }

    /// A menu with one item of each kind a user meets (item index: link number):
    ///
    ///     0     iWelcome to the hole
    ///     1  1  1Phlog              /phlog                  example.org:70
    ///     2  2  0About this server  /about.txt              example.org:70
    ///     3     3Something broke
    ///     4     iSee also:
    ///     5  3  7Search             /search                 example.org:7070
    ///     6  4  9Archive (2 MB)     /pub/archive.tar.gz     example.org:70
    ///     7  5  hWeb                URL:https://example.org/
    ///     8  6  8Chat               /                       example.org:23
    ///     9  7  1Broken             /x                      example.org:70000 (invalid port)
    public static let mixed: [UInt8] = menu(
        info("Welcome to the hole"),
        item("1", "Phlog", "/phlog"),
        item("0", "About this server", "/about.txt"),
        "3Something broke\t\terror.host\t1\r\n",
        info("See also:"),
        item("7", "Search", "/search", port: "7070"),
        item("9", "Archive (2 MB)", "/pub/archive.tar.gz"),
        item("h", "Web", "URL:https://example.org/"),
        item("8", "Chat", "/", port: "23"),
        item("1", "Broken", "/x", port: "70000"))

    /// The item index of link `number` (1-based) in `menu(links:infoLinesBetween:)`.
    public static func index(ofLink number: Int, infoLinesBetween: Int = 1) -> Int {
        (number - 1) * (infoLinesBetween + 1)
    }
}

/// A plain-text document of `lines` lines, `Line 1`, `Line 2`… (LF line ends).
public func textDocument(lines: Int, prefix: String = "Line") -> [UInt8] {
    Array((1...max(1, lines)).map { "\(prefix) \($0)\n" }.joined().utf8)
}

/// A URL that is known to parse (test fixtures only).
public func gopherURL(_ text: String) -> GopherURL {
    do {
        return try GopherURL(parsing: text)
    } catch {
        preconditionFailure("test fixture URL does not parse: \(text): \(error)")
    }
}

extension PageInfo {
    /// What a fetch from a local server might report.
    public static let sample = PageInfo(
        byteCount: 1234, peerAddress: "127.0.0.1:7070", localAddress: "127.0.0.1:50123",
        timings: [("resolve", .microseconds(1500)), ("connect", .microseconds(250)), ("receive", .milliseconds(12))])
}

extension Array where Element == Action {
    /// The id of the first `.fetch` action, if any.
    public var fetchID: Int? {
        for action in self { if case .fetch(let id, _) = action { return id } }
        return nil
    }

    /// The URL of the first `.fetch` action, if any.
    public var fetchedURL: GopherURL? {
        for action in self { if case .fetch(_, let url) = action { return url } }
        return nil
    }
}

/// A browser of the given size showing `url`, loaded from `bytes` (open → loadData →
/// loadFinished), with the page complete.
public func browserShowing(
    _ url: String, _ bytes: [UInt8], width: Int = 80, height: Int = 24, historyCacheLimit: Int = 64 << 20
) -> Browser {
    var browser = Browser(historyCacheLimit: historyCacheLimit)
    browser.resize(width: width, height: height)
    browser.visit(url, bytes)
    return browser
}

extension Browser {
    /// Opens `url` and delivers `bytes` as its whole response (in chunks of `chunkSize` if
    /// given). Returns every action emitted on the way.
    @discardableResult
    public mutating func visit(_ url: String, _ bytes: [UInt8], title: String? = nil, chunkSize: Int? = nil) -> [Action] {
        let location: Location
        do {
            location = try Location(parsing: url)
        } catch {
            preconditionFailure("test fixture URL does not parse: \(url): \(error)")
        }
        let opened = open(location, title: title)
        return opened + deliver(bytes, to: opened, chunkSize: chunkSize)
    }

    /// Completes the `.fetch` among `actions` with `bytes` (loadData, then loadFinished); returns
    /// what they emitted, or nothing when `actions` hold no fetch.
    @discardableResult
    public mutating func deliver(_ bytes: [UInt8], to actions: [Action], chunkSize: Int? = nil) -> [Action] {
        guard let id = actions.fetchID else { return [] }
        let size = max(1, chunkSize ?? bytes.count)
        var emitted: [Action] = []
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + size)
            emitted += loadData(id: id, Array(bytes[start..<end]))
            start = end
        }
        return emitted + loadFinished(id: id, info: .sample)
    }

    /// Presses keys in order; returns all the actions they emitted.
    @discardableResult
    public mutating func press(_ keys: Key...) -> [Action] { press(keys) }

    @discardableResult
    public mutating func press(_ keys: [Key]) -> [Action] { keys.flatMap { handle($0) } }

    /// Types `text` one character at a time (into a prompt, or as commands).
    @discardableResult
    public mutating func type(_ text: String) -> [Action] { press(text.map { Key.character($0) }) }

    /// The rows of `render()` as plain text, trailing spaces removed.
    public var screenLines: [String] {
        render().text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The status bar (last row), as rendered, trailing spaces removed.
    public var statusLine: String { screenLines.last ?? "" }

    /// The title bar (first row), as rendered, trailing spaces removed.
    public var titleLine: String { screenLines.first ?? "" }

    /// The rows between the title and the status bar.
    public var pageLines: [String] { Array(screenLines.dropFirst().dropLast()) }
}

/// The mixed menu's server and some of its links (see `Gophermap.mixed`).
public enum MixedMenu {
    public static let root = "gopher://example.org/"
    public static let phlog = gopherURL("gopher://example.org/1/phlog")
    public static let about = gopherURL("gopher://example.org/0/about.txt")
    public static let archive = gopherURL("gopher://example.org/9/pub/archive.tar.gz")
}

/// The mixed menu on an 80×24 screen, with link `number` selected.
public func mixedMenu(selecting number: Int? = nil) -> Browser {
    var browser = browserShowing(MixedMenu.root, Gophermap.mixed)
    if let number { browser.type(String(number)) }
    return browser
}
