import GopherCore

/// A page on screen or in history: where it came from, what it holds, how far it got.
public struct Page: Sendable {
    public enum Content: Sendable {
        case menu(Menu)
        case document(TextDocument)
    }

    public enum LoadState: Sendable, Equatable {
        case loading
        case complete
        /// Cut short: by an error, or by the user cancelling. The text says which.
        case incomplete(String)
    }

    public var location: Location
    /// What the page is called: the display string of the link that led here, else its URL.
    public var title: String
    public var content: Content
    public var state: LoadState
    public var info: PageInfo?
    public var viewport = Viewport()
    /// What is out of spec in the menu, worked out when page info is first opened on it.
    public var lint: [Menu.Finding]?
    /// A document's addresses, in reading order (link N is `documentLinks[N - 1]`), found as
    /// its lines arrive.
    public private(set) var documentLinks: [DocumentLink] = []
    /// Lines looked at for addresses so far, and the charset they were read in.
    private var linesScannedForLinks = 0
    private var linkScanCharset: LegacyCharset?
    /// The most addresses a document gets as links: past it, a page of nothing but addresses
    /// would hold a string for each.
    static let documentLinkLimit = 100_000

    public init(location: Location, title: String? = nil, content: Content, state: LoadState = .complete) {
        self.location = location
        self.title = title ?? location.description
        self.content = content
        self.state = state
    }

    /// A page parsed at once from bytes (built-in pages, bookmarks, history).
    public static func menu(_ location: Location, title: String, bytes: [UInt8]) -> Page {
        var menu = Menu()
        menu.append(bytes)
        menu.finish()
        return Page(location: location, title: title, content: .menu(menu))
    }

    public var isMenu: Bool {
        if case .menu = content { return true }
        return false
    }

    public var byteCount: Int {
        switch content {
        case .menu(let menu): return menu.byteCount
        case .document(let document): return document.byteCount
        }
    }

    /// Memory the page holds (what is spooled to disk is not counted): what the history cache
    /// weighs.
    public var residentByteCount: Int {
        switch content {
        case .menu(let menu): return menu.residentByteCount
        case .document(let document): return document.residentByteCount
        }
    }

    /// How the page's bytes are read (`E` cycles it); setting it re-reads the page in place.
    public var encoding: PageEncoding {
        get {
            switch content {
            case .menu(let menu): return menu.encoding
            case .document(let document): return document.encoding
            }
        }
        set {
            switch content {
            case .menu(var menu):
                content = .document(TextDocument())  // release the old value before mutating in place
                menu.encoding = newValue
                content = .menu(menu)
            case .document(var document):
                content = .menu(Menu())
                document.encoding = newValue
                content = .document(document)
                // Read another way, a line's characters move: find its addresses again.
                documentLinks = []
                linesScannedForLinks = 0
                scanForLinks()
            }
        }
    }

    /// Why the page's spool could not take more (a full disk), if that has happened.
    public var spoolFailure: String? {
        switch content {
        case .menu(let menu): return menu.spoolFailure
        case .document(let document): return document.spoolFailure
        }
    }

    /// Rows the content takes, one per menu item or document line.
    public var lineCount: Int {
        switch content {
        case .menu(let menu): return menu.count
        case .document(let document): return document.count
        }
    }

    mutating func append(_ bytes: [UInt8]) {
        switch content {
        case .menu(var menu):
            content = .document(TextDocument())  // release the old value before mutating in place
            menu.append(bytes)
            content = .menu(menu)
        case .document(var document):
            content = .menu(Menu())
            document.append(bytes)
            content = .document(document)
            scanForLinks()
        }
    }

    /// Finds the addresses in the lines that arrived whole since the last look.
    private mutating func scanForLinks() {
        guard case .document(let document) = content else { return }
        let end = document.count
        guard linesScannedForLinks < end else { return }
        for index in linesScannedForLinks..<end where documentLinks.count < Self.documentLinkLimit && document.mayHoldAddress(index) {
            for found in TextLinks.find(in: document.line(index)).prefix(Self.documentLinkLimit - documentLinks.count) {
                documentLinks.append(DocumentLink(line: index, start: found.start, length: found.length, address: found.address))
            }
        }
        linesScannedForLinks = end
        linkScanCharset = document.charsetGuess.charset
    }

    /// The links on line `index`, with their numbers (1-based), by binary search.
    func documentLinks(onLine index: Int) -> ArraySlice<DocumentLink> {
        var low = 0
        var high = documentLinks.count
        while low < high {
            let middle = (low + high) / 2
            if documentLinks[middle].line < index { low = middle + 1 } else { high = middle }
        }
        var end = low
        while end < documentLinks.count, documentLinks[end].line == index { end += 1 }
        return documentLinks[low..<end]
    }

    mutating func finish() {
        switch content {
        case .menu(var menu):
            content = .document(TextDocument())
            menu.finish()
            content = .menu(menu)
        case .document(var document):
            content = .menu(Menu())
            document.finish()
            content = .document(document)
            // Read in another charset than when the addresses were found (the guess settles as
            // text arrives), or with its `..` lines unstuffed: their places moved; find them again.
            if !documentLinks.isEmpty, linkScanCharset != document.charsetGuess.charset || document.isDotTerminated {
                documentLinks = []
                linesScannedForLinks = 0
            }
            scanForLinks()
        }
    }
}

/// An address written in a document's text, to follow like a menu's link.
public struct DocumentLink: Sendable, Equatable {
    public var line: Int
    /// Where it is in the line as shown, in `Character`s.
    public var start: Int
    public var length: Int
    public var address: String
}

/// Which part of a page is on screen and which link is selected.
public struct Viewport: Sendable, Equatable {
    /// The first line shown.
    public var top = 0
    /// The selected menu item (an index into the menu's items, always a link), if any.
    public var selected: Int?
    /// In a document, the selected address (an index into `Page.documentLinks`), if any.
    public var selectedLink: Int?

    public init(top: Int = 0, selected: Int? = nil) {
        self.top = top
        self.selected = selected
    }
}

/// What a finished fetch reported, in words, for the page-info view.
public struct PageInfo: Sendable, Equatable {
    public var byteCount: Int
    public var peerAddress: String
    public var localAddress: String
    /// Stage name and time, in order: resolve, connect, send, first byte, receive.
    public var timings: [(String, Duration)]
    /// Bytes the server sent after a menu's `.` line (for the lint view).
    public var bytesAfterTerminator = 0
    /// `via socks5h://127.0.0.1:9050` when a proxy carried the page.
    public var route = ""
    /// How the connection was protected; nil for plain gopher.
    public var tls: TLSDetails?
    /// `--tls` went without TLS for this page, and why.
    public var tlsFallback: String?

    public init(byteCount: Int, peerAddress: String, localAddress: String, timings: [(String, Duration)]) {
        self.byteCount = byteCount
        self.peerAddress = peerAddress
        self.localAddress = localAddress
        self.timings = timings
    }

    public static func == (lhs: PageInfo, rhs: PageInfo) -> Bool {
        lhs.byteCount == rhs.byteCount && lhs.peerAddress == rhs.peerAddress && lhs.localAddress == rhs.localAddress
            && lhs.timings.map(\.0) == rhs.timings.map(\.0) && lhs.timings.map(\.1) == rhs.timings.map(\.1)
            && lhs.bytesAfterTerminator == rhs.bytesAfterTerminator && lhs.route == rhs.route
            && lhs.tls == rhs.tls && lhs.tlsFallback == rhs.tlsFallback
    }
}
