import GopherCore

/// How each `Style` looks: a foreground, a background and attributes, once for terminals with
/// colour and once for monochrome. Pure data: the `[colors]` table of config.toml changes it,
/// and the terminal layer turns it into what the terminal can show.
public struct Theme: Equatable, Sendable {
    /// Used where the terminal has colour and the user allows it.
    public private(set) var colour: [Style: Appearance]
    /// Used with `colors = false`, `NO_COLOR` or a terminal without colour: attributes only.
    public private(set) var monochrome: [Style: Appearance]

    public subscript(style: Style, inColour inColour: Bool) -> Appearance {
        (inColour ? colour : monochrome)[style] ?? Appearance()
    }

    /// Sets how `style` looks in colour. A look of attributes alone (`"reverse"`) is meant for
    /// any terminal and applies in monochrome too; one with colours leans on them, so without
    /// colour the element keeps Warren's monochrome look (a selection never fades into a link).
    public mutating func set(_ style: Style, to appearance: Appearance) {
        colour[style] = appearance
        if appearance.foreground == nil, appearance.background == nil {
            monochrome[style] = appearance
        }
    }
}

/// One element's look. A nil colour is the terminal's own (foreground or background).
public struct Appearance: Hashable, Sendable {
    public var foreground: Colour?
    public var background: Colour?
    public var attributes: TextAttributes

    public init(_ foreground: Colour? = nil, on background: Colour? = nil, _ attributes: TextAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public init(attributes: TextAttributes) { self.init(nil, on: nil, attributes) }
}

/// A colour as the user writes it: one of the 256 indexed colours (0–7 the basic eight, 8–15
/// their bright forms), or 24-bit RGB, which the terminal layer maps to the nearest it has.
public enum Colour: Hashable, Sendable {
    case indexed(UInt8)
    case rgb(red: UInt8, green: UInt8, blue: UInt8)

    public static let black = Colour.indexed(0), red = Colour.indexed(1), green = Colour.indexed(2)
    public static let yellow = Colour.indexed(3), blue = Colour.indexed(4), magenta = Colour.indexed(5)
    public static let cyan = Colour.indexed(6), white = Colour.indexed(7)
}

public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1)
    public static let dim = TextAttributes(rawValue: 2)
    public static let underline = TextAttributes(rawValue: 4)
    public static let reverse = TextAttributes(rawValue: 8)
}

extension Theme {
    /// Warren's own look: the terminal's background kept, reverse video for the bars, the
    /// selection in reverse, numbers yellow, tags green, links cyan.
    public static let standard = Theme(
        colour: [
            .normal: Appearance(),
            .title: Appearance(attributes: [.reverse, .bold]),
            .status: Appearance(.cyan, [.reverse]),
            .statusError: Appearance(.red, [.reverse, .bold]),
            .prompt: Appearance(),
            .info: Appearance(),
            .link: Appearance(.cyan, [.bold]),
            .linkNumber: Appearance(.yellow),
            .selectedLink: Appearance(attributes: [.reverse, .bold]),
            .invalidLink: Appearance(.magenta),
            .error: Appearance(.red, [.bold]),
            .match: Appearance(.black, on: .yellow),
        ].merging(TagKind.allCases.map { (Style.tag($0), $0 == .error ? Appearance(.red, [.bold]) : Appearance(.green)) }) { a, _ in a },
        monochrome: [
            .normal: Appearance(),
            .title: Appearance(attributes: [.reverse, .bold]),
            .status: Appearance(attributes: [.reverse]),
            .statusError: Appearance(attributes: [.reverse, .bold]),
            .prompt: Appearance(),
            .info: Appearance(),
            .link: Appearance(attributes: [.bold]),
            .linkNumber: Appearance(attributes: [.dim]),
            .selectedLink: Appearance(attributes: [.reverse]),
            .invalidLink: Appearance(attributes: [.dim, .underline]),
            .error: Appearance(attributes: [.bold]),
            .match: Appearance(attributes: [.bold, .underline]),
        ].merging(TagKind.allCases.map { (Style.tag($0), Appearance(attributes: $0 == .error ? [.bold] : [.dim])) }) { a, _ in a }
    )

    /// The `[colors]` table's names for what the screen draws, in the order config.toml lists
    /// them; `[colors.tags]` names the tags by kind.
    public static let elements: [(name: String, style: Style)] = [
        ("title", .title), ("status", .status), ("status_error", .statusError), ("prompt", .prompt),
        ("info", .info), ("link", .link), ("link_number", .linkNumber), ("selected", .selectedLink),
        ("invalid_link", .invalidLink), ("error", .error), ("match", .match),
    ]
}

/// The kinds of item a type tag stands for, each with its own colour in a theme.
public enum TagKind: String, CaseIterable, Hashable, Sendable {
    case menu, text, search, binary, image, web, telnet, error, other

    public init(_ type: ItemType) {
        switch type.handling {
        case .menu: self = .menu
        case .search: self = .search
        case .text: self = .text
        case .download: self = type.isImage ? .image : .binary
        case .externalURL: self = .web
        case .session: self = .telnet
        case .notALink: self = type == .error ? .error : .other
        case .unknown: self = .other
        }
    }
}

extension ItemType {
    /// GIF, other images, PNG and bitmaps: `g`, `I`, `p`, `:`.
    var isImage: Bool { self == .gif || self == .image || self == .bitmap || self == ItemType("p") }
}
