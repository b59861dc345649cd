/// Colours and looks as config.toml writes them: `"cyan"`, `"bright-blue"`, `"default"`, `208`,
/// `"#ff8700"`, and a look as words: `"black on yellow bold"`, `"reverse"`, `"208 underline"`.
extension Colour {
    /// The names of the 16 basic colours, by index; `bright-` ones are 8–15.
    public static let names = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// A colour word. `"default"` (the terminal's own colour) is nil inside `.success`.
    public static func parse(_ word: String) -> Result<Colour?, AppearanceError> {
        let lowered = word.lowercased().replacingUnderscores()
        if lowered == "default" { return .success(nil) }
        if let index = names.firstIndex(of: lowered) { return .success(.indexed(UInt8(index))) }
        if lowered.hasPrefix("bright-"), let index = names.firstIndex(of: String(lowered.dropFirst("bright-".count))) {
            return .success(.indexed(UInt8(index + 8)))
        }
        if lowered == "gray" || lowered == "grey" { return .success(.indexed(8)) }
        if !lowered.isEmpty, lowered.allSatisfy({ $0.isASCII && $0.isNumber }) {
            guard lowered.count <= 3, let number = Int(lowered), number <= 255 else {
                return .failure(.numberOutOfRange(word))
            }
            return .success(.indexed(UInt8(number)))
        }
        if lowered.hasPrefix("#") {
            let digits = lowered.dropFirst()
            guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return .failure(.badHex(word)) }
            return .success(.rgb(red: UInt8(value >> 16), green: UInt8((value >> 8) & 0xFF), blue: UInt8(value & 0xFF)))
        }
        return .failure(.unknownWord(word))
    }

    /// A colour given as a number in the file (`link_number = 208`).
    public static func indexed(number: Int) -> Result<Colour, AppearanceError> {
        guard (0...255).contains(number) else { return .failure(.numberOutOfRange(String(number))) }
        return .success(.indexed(UInt8(number)))
    }
}

extension TextAttributes {
    /// The attribute words: bold, dim, underline, reverse.
    public static func parse(_ word: String) -> TextAttributes? {
        switch word.lowercased() {
        case "bold": return .bold
        case "dim": return .dim
        case "underline": return .underline
        case "reverse": return .reverse
        default: return nil
        }
    }
}

extension Appearance {
    /// Words separated by spaces: a foreground colour, `on` and a background colour, and
    /// attributes, in any order. `""` is the terminal's own look.
    public static func parse(_ text: String) -> Result<Appearance, AppearanceError> {
        var appearance = Appearance()
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)[...]
        var sawForeground = false
        while let word = words.popFirst() {
            if let attribute = TextAttributes.parse(word) {
                appearance.attributes.insert(attribute)
            } else if word.lowercased() == "on" {
                guard let colourWord = words.popFirst() else { return .failure(.onWithoutColour) }
                switch Colour.parse(colourWord) {
                case .success(let colour): appearance.background = colour
                case .failure(let error): return .failure(error)
                }
            } else {
                guard !sawForeground else { return .failure(.twoForegrounds(word)) }
                sawForeground = true
                switch Colour.parse(word) {
                case .success(let colour): appearance.foreground = colour
                case .failure(let error): return .failure(error)
                }
            }
        }
        return .success(appearance)
    }
}

/// Why a colour or a look could not be read; the description is what the user is told.
public enum AppearanceError: Error, Equatable, Sendable, CustomStringConvertible {
    case unknownWord(String)
    case numberOutOfRange(String)
    case badHex(String)
    case onWithoutColour
    case twoForegrounds(String)

    public var description: String {
        switch self {
        case .unknownWord(let word):
            return "\"\(word)\" is not a colour (a name such as \"red\" or \"bright-blue\", 0–255, or \"#rrggbb\") nor bold, dim, underline or reverse"
        case .numberOutOfRange(let word): return "colour \(word) is not between 0 and 255"
        case .badHex(let word): return "\"\(word)\" is not a colour: write #rrggbb with six hex digits"
        case .onWithoutColour: return "\"on\" needs a background colour after it"
        case .twoForegrounds(let word): return "a second colour (\"\(word)\") needs \"on\" before it to be the background"
        }
    }
}

extension String {
    fileprivate func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}
