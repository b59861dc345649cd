import GopherCore

/// What kind of thing a link is, for choosing the program that opens it (`[handlers.KIND]`).
public enum HandlerKind: String, Sendable, CaseIterable {
    case web, telnet, tn3270, image, sound, video, document, binary

    /// The kind of `url`, or nil for what Warren shows itself (menus, text, searches).
    /// `extension` (from the selector) decides for files the item type does not say enough about.
    public static func of(_ url: GopherURL) -> HandlerKind? {
        switch Character(UnicodeScalar(url.type.byte)) {
        case "h":
            guard let target = ExternalURL.target(of: url.selector), ExternalURL.gopherTarget(target) == nil else { return nil }
            return .web
        case "8": return .telnet
        case "T": return .tn3270
        case "g", "I", "p": return .image
        case "s": return .sound
        case ";": return .video
        case "d", "P": return .document
        case "9", "5", "4", "6", "c", "M", "X": return kind(ofExtension: fileExtension(of: url)) ?? .binary
        default: return nil
        }
    }

    static func kind(ofExtension name: String?) -> HandlerKind? {
        guard let name else { return nil }
        if ["png", "jpg", "jpeg", "gif", "webp", "bmp", "tif", "tiff", "svg", "ico", "avif"].contains(name) { return .image }
        if ["mp3", "ogg", "oga", "opus", "flac", "wav", "m4a", "aac", "mid", "midi", "mod", "xm"].contains(name) { return .sound }
        if ["mp4", "mkv", "webm", "avi", "mov", "mpg", "mpeg", "ogv", "m4v"].contains(name) { return .video }
        if ["pdf", "ps", "eps", "djvu", "epub", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods", "ppt", "pptx", "odp"]
            .contains(name)
        {
            return .document
        }
        return nil
    }

    /// The extension of the selector's last name, lower case, if it is a sane one (letters and
    /// digits, at most 8): what `[handlers.ext.NAME]` and the kind by extension go by.
    public static func fileExtension(of url: GopherURL) -> String? {
        let name = url.selector.split(separator: UInt8(ascii: "/")).last ?? []
        guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return nil }
        let text = name[name.index(after: dot)...]
        guard (1...8).contains(text.count), text.allSatisfy({ (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) })
        else { return nil }
        return String(decoding: text, as: UTF8.self).lowercased()
    }

    /// The media type mailcap knows a file by: from its extension, else from its item type.
    public static func mediaType(of url: GopherURL, kind: HandlerKind) -> String? {
        if let name = fileExtension(of: url), let type = mediaTypes[name] { return type }
        switch Character(UnicodeScalar(url.type.byte)) {
        case "g": return "image/gif"
        case "p": return "image/png"
        case "P", "d": return "application/pdf"
        default: break
        }
        switch kind {
        case .image: return "image/*"
        case .sound: return "audio/*"
        case .video: return "video/*"
        default: return nil
        }
    }

    static let mediaTypes: [String: String] = [
        "png": "image/png", "gif": "image/gif", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp",
        "bmp": "image/bmp", "svg": "image/svg+xml", "tif": "image/tiff", "tiff": "image/tiff",
        "mp3": "audio/mpeg", "ogg": "audio/ogg", "oga": "audio/ogg", "opus": "audio/ogg", "flac": "audio/flac",
        "wav": "audio/x-wav", "mid": "audio/midi", "midi": "audio/midi",
        "mp4": "video/mp4", "webm": "video/webm", "mkv": "video/x-matroska", "avi": "video/x-msvideo", "mov": "video/quicktime",
        "pdf": "application/pdf", "ps": "application/postscript", "eps": "application/postscript",
        "epub": "application/epub+zip", "djvu": "image/vnd.djvu", "odt": "application/vnd.oasis.opendocument.text",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "doc": "application/msword",
        "zip": "application/zip", "gz": "application/gzip", "tar": "application/x-tar",
    ]

    /// Whether the program is given a downloaded file (`{file}`), rather than an address.
    public var takesFile: Bool { ![.web, .telnet, .tn3270].contains(self) }
}

/// A program that opens a kind of link: `command = ["feh", "{file}"]`, never a shell string.
/// `terminal`: Warren steps aside and runs it on the terminal until it exits; else it runs beside
/// Warren, detached, with no way to the screen.
public struct Handler: Sendable, Equatable {
    public var command: [String]
    public var terminal: Bool

    public init(command: [String], terminal: Bool = false) {
        self.command = command
        self.terminal = terminal
    }

    /// The program's name, for the status bar.
    public var name: String { command.first.map { String($0.split(separator: "/").last ?? Substring($0)) } ?? "" }

    /// The argument vector: each word of `command` with its placeholders replaced, each staying
    /// exactly one argument whatever the values hold (bytes as the server sent them; NUL cannot
    /// occur, GopherURL refuses it). One exception, so that `telnet -l {user} {host}` works for
    /// an item with no login name: a word that is `{user}` alone and comes out empty is left out,
    /// with the option word just before it.
    public func arguments(_ values: [String: [UInt8]]) -> [[UInt8]] {
        var words = command
        if values["user"]?.isEmpty ?? true, let index = words.firstIndex(of: "{user}") {
            words.remove(at: index)
            if index > 1, words[index - 1].hasPrefix("-") { words.remove(at: index - 1) }
        }
        return words.map { word in
            var out: [UInt8] = []
            var rest = Substring(word)
            while let open = rest.firstIndex(of: "{") {
                out += Array(rest[..<open].utf8)
                let after = rest[open...]
                if let close = after.firstIndex(of: "}"), let value = values[String(after[after.index(after: open)..<close])] {
                    out += value
                    rest = after[after.index(after: close)...]
                } else {
                    out.append(UInt8(ascii: "{"))
                    rest = after.dropFirst()
                }
            }
            return out + Array(rest.utf8)
        }
    }

    public static let placeholders = ["file", "url", "host", "port", "user", "selector"]
}

/// The handlers in force, in the order they are asked: config.toml's for the file's extension,
/// then for its kind; mailcap's for its media type; then Warren's defaults for the kind.
public struct HandlerTable: Sendable, Equatable {
    public var byKind: [HandlerKind: Handler] = [:]
    public var byExtension: [String: Handler] = [:]
    /// From mailcap, by media type (`image/png`, or `image/*`).
    public var byMediaType: [String: Handler] = [:]
    /// Warren's defaults, where the program is on the machine (`withDefaults`).
    public var fallback: [HandlerKind: Handler] = [:]

    public init(byKind: [HandlerKind: Handler] = [:], byExtension: [String: Handler] = [:]) {
        self.byKind = byKind
        self.byExtension = byExtension
    }

    /// What to run for `url`, if anything: a request the app carries out. Nothing runs for what
    /// a server could turn into an option or a local file: a web address that is not `http(s)://`
    /// with no space or control character in it, or a host starting with `-`.
    /// `drawsPictures`: Warren draws images itself (chafa is there), so for an image only what
    /// config.toml sets is asked, not mailcap or the defaults.
    public func request(for url: GopherURL, drawsPictures: Bool = false) -> HandlerRequest? {
        guard let kind = HandlerKind.of(url), !url.host.hasPrefix("-") else { return nil }
        if kind == .web {
            guard let target = ExternalURL.target(of: url.selector), Self.isWebAddress(target) else { return nil }
        }
        let fileExtension = kind.takesFile ? HandlerKind.fileExtension(of: url) : nil
        let media = kind.takesFile ? HandlerKind.mediaType(of: url, kind: kind) : nil
        let fromMailcap = media.flatMap { byMediaType[$0] ?? byMediaType[$0.split(separator: "/")[0] + "/*"] }
        let configured = fileExtension.flatMap { byExtension[$0] } ?? byKind[kind]
        let others = kind == .image && drawsPictures ? nil : fromMailcap ?? fallback[kind]
        guard let handler = configured ?? others else { return nil }
        return HandlerRequest(url: url, kind: kind, handler: handler)
    }
}

extension HandlerTable {
    /// `http://` or `https://`, then something, and no white space or control character: what
    /// a browser is given, never `--an-option`, `file://` or `javascript:`.
    static func isWebAddress(_ target: String) -> Bool {
        let lowered = target.lowercased()
        guard let scheme = ["http://", "https://"].first(where: { lowered.hasPrefix($0) }), target.count > scheme.count else {
            return false
        }
        return !target.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }
    }
}

/// A link to open with a program: the app downloads it first when the kind takes a file.
public struct HandlerRequest: Sendable, Equatable {
    public var url: GopherURL
    public var kind: HandlerKind
    public var handler: Handler

    public init(url: GopherURL, kind: HandlerKind, handler: Handler) {
        self.url = url
        self.kind = kind
        self.handler = handler
    }

    /// The values of the placeholders, `{file}` apart (the app knows where it saved).
    public var values: [String: [UInt8]] {
        var address = Array(url.description.utf8)
        if kind == .web, let target = ExternalURL.target(of: url.selector) { address = Array(target.utf8) }
        // A telnet item's address is where the session goes (`telnet://guest@bbs.example:23`),
        // the login percent-encoded, as the menu shows it: never its gopher wrapping.
        if kind == .telnet || kind == .tn3270, let session = url.sessionAddress { address = Array(session.utf8) }
        return [
            "url": address, "host": Array(url.host.utf8), "port": Array(String(url.port).utf8),
            "user": kind == .telnet || kind == .tn3270 ? url.selector : [], "selector": url.selector,
        ]
    }

    /// The name the download is saved under, in the private folder: safe, and with an extension
    /// of its kind. Where the item type says the kind (`I`, `s`, `d`…), an extension the server
    /// chose that is not of that kind (`photo.exe`, `song.desktop`) is replaced, so that a
    /// program going by extensions (`xdg-open`) never runs it as something else.
    public var fileName: String {
        let name = SafeFileName.suggested(forSelector: url.selector, type: url.type)
        guard kind.takesFile, kind != .binary, HandlerKind.kind(ofExtension: HandlerKind.fileExtension(of: url)) != kind else {
            return name
        }
        let stem = String(name.map { $0 == "." ? "_" : $0 })
        return stem + "." + Self.defaultExtension(kind, type: url.type)
    }

    private static func defaultExtension(_ kind: HandlerKind, type: ItemType) -> String {
        switch (kind, Character(UnicodeScalar(type.byte))) {
        case (.image, "g"): return "gif"
        case (.image, "p"): return "png"
        case (.image, _): return "jpg"
        case (.sound, _): return "mp3"
        case (.video, _): return "mp4"
        case (.document, _): return "pdf"
        default: return "bin"
        }
    }
}
