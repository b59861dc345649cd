/// A gopher item type: the first byte of a menu line (RFC 1436 and the common extensions).
///
/// A struct over the raw byte rather than a closed enum, so that a type Warren does not know is
/// kept as it came and shown as unknown instead of being guessed at.
public struct ItemType: Hashable, Sendable {
    public let byte: UInt8

    public init(_ byte: UInt8) { self.byte = byte }
    public init(_ character: Character) { self.byte = character.asciiValue ?? 0 }

    // RFC 1436.
    public static let text = ItemType("0")
    public static let menu = ItemType("1")
    public static let ccso = ItemType("2")
    public static let error = ItemType("3")
    public static let binHex = ItemType("4")
    public static let dosArchive = ItemType("5")
    public static let uuencoded = ItemType("6")
    public static let search = ItemType("7")
    public static let telnet = ItemType("8")
    public static let binary = ItemType("9")
    public static let mirror = ItemType("+")
    public static let gif = ItemType("g")
    public static let image = ItemType("I")
    public static let tn3270 = ItemType("T")
    // Common extensions.
    public static let info = ItemType("i")
    public static let html = ItemType("h")
    public static let sound = ItemType("s")
    public static let document = ItemType("d")
    public static let pdf = ItemType("p")
    public static let video = ItemType(";")
    public static let calendar = ItemType("c")
    public static let mime = ItemType("M")
    public static let bitmap = ItemType(":")
    public static let movie = ItemType("<")
    public static let pdfGopherPlus = ItemType("P")
    public static let xml = ItemType("x")
}

extension ItemType {
    /// How Warren treats an item of this type when it is chosen.
    public enum Handling: Sendable, Equatable {
        case menu          // 1: fetched and shown as a menu
        case search        // 7: asks for a query, then shows the result menu
        case text          // 0 and other plain-text types: fetched and shown as a document
        case download      // binary data: saved to disk, never shown
        case externalURL   // h with a URL: selector: shown, not fetched over gopher
        case session       // 8, T, 2: an interactive service; host and port are shown
        case notALink      // i, 3: text in a menu
        case unknown       // a type Warren does not know
    }

    /// Fetched and shown as a menu: a menu, or a search's result.
    public var showsAsMenu: Bool { handling == .menu || handling == .search }

    public var handling: Handling {
        switch byte {
        case UInt8(ascii: "1"): return .menu
        case UInt8(ascii: "7"): return .search
        case UInt8(ascii: "0"), UInt8(ascii: "c"), UInt8(ascii: "x"), UInt8(ascii: "M"):
            return .text
        case UInt8(ascii: "4"), UInt8(ascii: "5"), UInt8(ascii: "6"), UInt8(ascii: "9"),
             UInt8(ascii: "g"), UInt8(ascii: "I"), UInt8(ascii: "s"), UInt8(ascii: "d"),
             UInt8(ascii: "p"), UInt8(ascii: "P"), UInt8(ascii: ";"), UInt8(ascii: ":"),
             UInt8(ascii: "<"):
            return .download
        case UInt8(ascii: "h"): return .externalURL
        case UInt8(ascii: "8"), UInt8(ascii: "T"), UInt8(ascii: "2"): return .session
        case UInt8(ascii: "i"), UInt8(ascii: "3"): return .notALink
        // `+` (redundant server) duplicates the previous item; without Gopher+ it is a menu.
        case UInt8(ascii: "+"): return .menu
        default: return .unknown
        }
    }

    /// The three-letter tag a menu shows before an item's display string.
    public var tag: String {
        switch byte {
        case UInt8(ascii: "0"): return "TXT"
        case UInt8(ascii: "1"): return "DIR"
        case UInt8(ascii: "2"): return "CSO"
        case UInt8(ascii: "3"): return "ERR"
        case UInt8(ascii: "4"): return "HQX"
        case UInt8(ascii: "5"): return "DOS"
        case UInt8(ascii: "6"): return "UUE"
        case UInt8(ascii: "7"): return "ASK"
        case UInt8(ascii: "8"): return "TEL"
        case UInt8(ascii: "9"): return "BIN"
        case UInt8(ascii: "+"): return "MIR"
        case UInt8(ascii: "g"): return "GIF"
        case UInt8(ascii: "I"): return "IMG"
        case UInt8(ascii: "T"): return "TN3"
        case UInt8(ascii: "i"): return "   "
        case UInt8(ascii: "h"): return "WWW"
        case UInt8(ascii: "s"): return "SND"
        case UInt8(ascii: "d"): return "DOC"
        // `p` is a PNG picture (drawn like `I`), `P` a PDF document, as most servers use them.
        case UInt8(ascii: "p"): return "PNG"
        case UInt8(ascii: "P"): return "PDF"
        case UInt8(ascii: ";"), UInt8(ascii: "<"): return "VID"
        case UInt8(ascii: "c"): return "CAL"
        case UInt8(ascii: "M"): return "MIM"
        case UInt8(ascii: ":"): return "BMP"
        case UInt8(ascii: "x"): return "XML"
        default: return "UNK"
        }
    }

    /// The type character as it may be printed: printable ASCII as itself, anything else as `?`.
    public var printable: Character {
        (0x21...0x7E).contains(byte) ? Character(Unicode.Scalar(byte)) : "?"
    }
}
