/// A file name for saving an item, made from its selector: what the save prompt is prefilled with.
///
/// The selector comes from the network, so the name is treated as hostile: it never holds a path
/// separator, is never `.` or `..`, never starts with `.` (hidden) or `-` (an option to a later
/// shell command), holds no control characters (C0, DEL, C1, bidirectional overrides), and fits a
/// file name's 255 bytes. Joined to the download folder, it always names a file directly inside it.
public enum SafeFileName {
    /// The name when nothing usable is left.
    public static let fallback = "download"
    /// The most UTF-8 bytes in a file name (Linux `NAME_MAX`).
    public static let maximumBytes = 255
    /// An extension this long or shorter (dot included) survives shortening.
    static let maximumKeptExtensionBytes = 10

    /// The last non-empty path component of `selector` (split on `/` and `\`), percent-decoded,
    /// decoded as text and cleaned; `download` (with an extension guessed from `type`: `.txt`,
    /// `.gph`, `.gif`, `.html`) when nothing usable is left.
    public static func suggested(forSelector selector: [UInt8], type: ItemType) -> String {
        let components = selector.split(whereSeparator: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") })
        let last = components.last.map(Array.init) ?? []
        return cleanedOrNil(TextDecoder.decode(percentDecoded(last))) ?? fallback + guessedExtension(type)
    }

    /// The name for saving `url`: its selector's last part, else (a server's root menu, `/`)
    /// the host's name with the type's extension (`example.org.gph`), else `download`.
    public static func suggested(for url: GopherURL) -> String {
        let components = url.selector.split(whereSeparator: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") })
        if components.isEmpty, let host = cleanedOrNil(url.host) { return host + guessedExtension(url.type) }
        return suggested(forSelector: url.selector, type: url.type)
    }

    /// Whether `name` is already clean: `suggested`'s rules would leave it unchanged. A name a
    /// user types that is not safe (holds `/`, is `.` or `..`, is empty, starts with `.` or `-`,
    /// holds control characters, is too long) should be replaced by `clean(name)` or refused.
    public static func isSafe(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.elementsEqual(clean(name).utf8)
    }

    /// `text` made safe as a file name, by the rules above. Idempotent: `clean(clean(x)) == clean(x)`.
    public static func clean(_ text: String) -> String {
        cleanedOrNil(text) ?? fallback
    }

    /// `text` cleaned, or nil where nothing usable is left.
    static func cleanedOrNil(_ text: String) -> String? {
        // Separators become `_` (they may come from %2F); controls go.
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "/" || scalar == "\\" {
                scalars.append("_")
            } else if !isDangerous(scalar) {
                scalars.append(scalar)
            }
        }
        var name = trimmed(String(scalars))
        if name.isEmpty || name == "." || name == ".." { return nil }
        if let first = name.unicodeScalars.first, first == "." || first == "-" {
            name = "_" + name
        }
        name = trimmed(shortened(name))
        return name.isEmpty ? nil : name
    }

    /// C0 controls (NUL, newline, ESC…), DEL, C1 controls, and the invisible bidirectional
    /// marks and overrides that can make `gpj.exe` look like `exe.jpg`.
    static func isDangerous(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// Valid `%XX` escapes decoded; anything else (a lone `%`, `%G1`) kept as it is.
    static func percentDecoded(_ bytes: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = GopherURL.hexValue(bytes[index + 1]), let low = GopherURL.hexValue(bytes[index + 2])
            {
                result.append(high << 4 | low)
                index += 3
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }


    /// Without white space at either end.
    private static func trimmed(_ text: String) -> String {
        var slice = Substring(text)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }

    /// At most `maximumBytes` UTF-8 bytes, cut between characters; an extension of up to
    /// `maximumKeptExtensionBytes` is kept and the part before it shortened instead.
    static func shortened(_ name: String) -> String {
        guard name.utf8.count > maximumBytes else { return name }
        if let dot = extensionStart(name), name.utf8[dot...].count <= maximumKeptExtensionBytes {
            let suffix = String(name[dot...])
            let stem = String(name[..<dot])
            let cut = prefix(stem, bytes: maximumBytes - suffix.utf8.count)
            if !trimmed(cut).isEmpty { return cut + suffix }
        }
        return prefix(name, bytes: maximumBytes)
    }

    /// Where the extension starts: the last `.` (`.gz` in `a.tar.gz`), if it is not the first character.
    static func extensionStart(_ name: String) -> String.Index? {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return dot
    }

    /// The longest run of whole characters from the start that fits in `bytes` UTF-8 bytes; whole
    /// Unicode scalars where a single character (a long combining sequence) is too long.
    private static func prefix(_ text: String, bytes limit: Int) -> String {
        var result = ""
        var used = 0
        for character in text {
            let size = character.utf8.count
            if used + size > limit { break }
            result.append(character)
            used += size
        }
        if !result.isEmpty || text.isEmpty { return result }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let size = String(scalar).utf8.count
            if used + size > limit { break }
            scalars.append(scalar)
            used += size
        }
        return String(scalars)
    }

    /// The extension the `download` fallback gets for an item of `type`.
    static func guessedExtension(_ type: ItemType) -> String {
        switch type {
        case .text: return ".txt"
        case .menu, .search: return ".gph"
        case .gif: return ".gif"
        case .html: return ".html"
        default: return ""
        }
    }
}
