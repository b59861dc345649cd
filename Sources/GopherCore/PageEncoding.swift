/// How a page's bytes are read: `auto` (UTF-8 where a line is valid, else the legacy charset
/// judged from the text), or one charset for every line, as the reader chose with `E`.
public enum PageEncoding: String, CaseIterable, Sendable, Equatable {
    case auto, utf8, latin1, cp437, windows1252, shiftJIS, eucJP, koi8r

    /// What the status bar, page info and the encodings file call it.
    public var name: String {
        switch self {
        case .auto: return "auto"
        case .utf8: return "UTF-8"
        case .latin1: return "Latin-1"
        case .cp437: return "CP437"
        case .windows1252: return "Windows-1252"
        case .shiftJIS: return "Shift_JIS"
        case .eucJP: return "EUC-JP"
        case .koi8r: return "KOI8-R"
        }
    }

    /// glibc iconv's name for it (none for `auto`, which decides line by line). Shift_JIS is read
    /// as CP932, as Japanese systems write it: 0x5C is a backslash there, not a yen sign, so
    /// the ASCII half reads the same on every line.
    var iconvName: String? {
        switch self {
        case .auto: return nil
        case .utf8: return "UTF-8"
        case .latin1: return "ISO-8859-1"
        case .cp437: return "IBM437"
        case .windows1252: return "WINDOWS-1252"
        case .shiftJIS: return "CP932"
        case .eucJP: return "EUC-JP"
        case .koi8r: return "KOI8-R"
        }
    }

    /// The next in `E`'s cycle, back to `auto` after the last.
    public var next: PageEncoding {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// An encoding by name, as `--encoding` and the encodings file write it: any case, and
    /// with or without `-` and `_` (`shift-jis`, `utf8`, `cp437`, `latin1`).
    public init?(name: String) {
        func key(_ text: String) -> String { String(text.lowercased().filter { $0 != "-" && $0 != "_" }) }
        let wanted = key(name)
        guard let found = Self.allCases.first(where: { key($0.name) == wanted || key($0.rawValue) == wanted }) else {
            return nil
        }
        self = found
    }
}

extension TextDecoder {
    /// `bytes` read as `encoding`: every line in that charset, whatever it holds. A sequence
    /// the charset has no character for becomes U+FFFD and decoding goes on after it; nothing
    /// is dropped. (`auto` is the document's or the line's own judgement: see `decode`.)
    public static func decode(_ bytes: some Collection<UInt8>, as encoding: PageEncoding) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        switch encoding {
        case .auto: return decode(bytes)
        case .utf8: return String(decoding: bytes, as: UTF8.self)
        case .latin1: return convert(bytes, from: .latin1)
        default: return convertReplacingInvalid(Array(bytes), from: encoding.iconvName ?? "ISO-8859-1")
        }
    }
}
