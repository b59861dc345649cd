import Browser
import TOMLKit

/// The `[colors]` table: `enabled`, one look for each element the screen draws, and
/// `[colors.tags]` for the type tags by kind. A look is words (`"black on yellow bold"`), a
/// colour number (`208`), or an inline table (`{ fg = "cyan", bg = 236, attributes = ["bold"] }`).
extension Config {
    mutating func takeColours(_ table: TOMLTable, places: SettingLines) -> [String] {
        var problems: [String] = []
        for (name, value) in table {
            let line = places.line(of: name, in: "colors")
            func problem(_ text: String) { problems.append("line \(line): \(text)") }
            if name == "enabled" {
                guard let flag = value.bool else {
                    problem("colors.enabled takes true or false")
                    continue
                }
                colors = flag
            } else if name == "tags" {
                guard let tags = value.table else {
                    problem("colors.tags is a table: [colors.tags]")
                    continue
                }
                for (kindName, look) in tags {
                    let kindLine = places.line(of: kindName, in: "colors.tags")
                    guard let kind = TagKind(rawValue: kindName) else {
                        problems.append("line \(kindLine == 0 ? line : kindLine): unknown tag kind \(kindName) (\(TagKind.allCases.map(\.rawValue).joined(separator: ", ")))")
                        continue
                    }
                    switch Self.appearance(of: look) {
                    case .success(let appearance): theme.set(.tag(kind), to: appearance)
                    case .failure(let error): problems.append("line \(kindLine == 0 ? line : kindLine): colors.tags.\(kindName): \(error)")
                    }
                }
            } else if let style = Theme.elements.first(where: { $0.name == name })?.style {
                switch Self.appearance(of: value) {
                case .success(let appearance): theme.set(style, to: appearance)
                case .failure(let error): problem("colors.\(name): \(error)")
                }
            } else {
                problem("unknown colour element \(name) (enabled, \(Theme.elements.map(\.name).joined(separator: ", ")), tags)")
            }
        }
        return problems
    }

    private static func appearance(of value: TOMLValueConvertible) -> Result<Appearance, ColourValueError> {
        if let words = value.string { return Appearance.parse(words).mapError(ColourValueError.look) }
        if let number = value.int {
            return Colour.indexed(number: number).map { Appearance($0) }.mapError(ColourValueError.look)
        }
        guard let table = value.table else { return .failure(.wrongType) }
        var appearance = Appearance()
        for (key, part) in table {
            switch key {
            case "fg", "bg":
                let colour: Result<Colour?, AppearanceError>
                if let word = part.string {
                    colour = Colour.parse(word)
                } else if let number = part.int {
                    colour = Colour.indexed(number: number).map { Optional($0) }
                } else {
                    return .failure(.wrongType)
                }
                switch colour {
                case .success(let colour):
                    if key == "fg" { appearance.foreground = colour } else { appearance.background = colour }
                case .failure(let error): return .failure(.look(error))
                }
            case "attributes":
                guard let words = part.array?.map({ $0.string }), words.allSatisfy({ $0 != nil }) else {
                    return .failure(.wrongType)
                }
                for word in words.compactMap({ $0 }) {
                    guard let attribute = TextAttributes.parse(word) else { return .failure(.unknownAttribute(word)) }
                    appearance.attributes.insert(attribute)
                }
            default:
                return .failure(.unknownKey(key))
            }
        }
        return .success(appearance)
    }
}

/// Why a value in `[colors]` is not a look.
enum ColourValueError: Error, CustomStringConvertible {
    case look(AppearanceError)
    case wrongType
    case unknownAttribute(String)
    case unknownKey(String)

    var description: String {
        switch self {
        case .look(let error): return error.description
        case .wrongType:
            return "takes words such as \"black on yellow bold\", a colour number, or { fg = …, bg = …, attributes = […] }"
        case .unknownAttribute(let word): return "\"\(word)\" is not an attribute (bold, dim, underline, reverse)"
        case .unknownKey(let key): return "unknown key \(key) (fg, bg, attributes)"
        }
    }
}
