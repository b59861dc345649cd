/// Addresses written in a text document, so they can be followed: `gopher://`, `gophers://`,
/// `http://`, `https://` and `telnet://`, the scheme in any case. An address ends at white
/// space, a quote or an angle bracket; trailing sentence punctuation and a closing bracket that
/// was not opened inside it are left out (`(see gopher://a.example/1/)` ends before `)`).
public enum TextLinks {
    public struct Found: Sendable, Equatable {
        /// Where the address is in the line, in `Character`s.
        public var start: Int
        public var length: Int
        public var address: String

        public init(start: Int, length: Int, address: String) {
            self.start = start
            self.length = length
            self.address = address
        }
    }

    static let schemes = ["gopher://", "gophers://", "http://", "https://", "telnet://"].map { Array($0) }
    /// Longer than this is no address a person follows, and would cost every frame it is drawn.
    public static let longestAddress = 2048

    public static func find(in line: String) -> [Found] {
        // Most lines hold none: skip them with one cheap look for "://".
        guard line.utf8.count >= 10, line.contains("://") else { return [] }
        let characters = Array(line)
        var found: [Found] = []
        var index = 0
        while index < characters.count {
            guard let scheme = schemes.first(where: { matches($0, characters, at: index) }),
                index == 0 || !isWordCharacter(characters[index - 1])
            else {
                index += 1
                continue
            }
            var end = index + scheme.count
            while end < characters.count, end - index < longestAddress, !endsAddress(characters[end]) { end += 1 }
            end = trimmed(characters, from: index + scheme.count, to: end)
            if end > index + scheme.count {
                found.append(Found(start: index, length: end - index, address: String(characters[index..<end])))
            }
            index = max(end, index + 1)
        }
        return found
    }

    /// ASCII, compared without making a string a character.
    private static func matches(_ scheme: [Character], _ characters: [Character], at index: Int) -> Bool {
        guard index + scheme.count <= characters.count else { return false }
        for (offset, expected) in scheme.enumerated() {
            guard let ascii = characters[index + offset].asciiValue,
                (0x41...0x5A).contains(ascii) ? ascii + 0x20 == expected.asciiValue : ascii == expected.asciiValue
            else { return false }
        }
        return true
    }

    private static func isWordCharacter(_ character: Character) -> Bool { character.isLetter || character.isNumber }

    private static func endsAddress(_ character: Character) -> Bool {
        character.isWhitespace || "<>\"'`|\\^{}".contains(character) || character.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true
    }

    /// The end without trailing `.,;:!?` and without closing brackets not opened inside. The
    /// brackets are counted once, then taken off as they are trimmed.
    private static func trimmed(_ characters: [Character], from start: Int, to end: Int) -> Int {
        var end = end
        var parentheses = 0  // closing minus opening
        var brackets = 0
        for character in characters[start..<end] {
            switch character {
            case "(": parentheses -= 1
            case ")": parentheses += 1
            case "[": brackets -= 1
            case "]": brackets += 1
            default: break
            }
        }
        while end > start {
            switch characters[end - 1] {
            case ".", ",", ";", ":", "!", "?": end -= 1
            case ")" where parentheses > 0:
                parentheses -= 1
                end -= 1
            case "]" where brackets > 0:
                brackets -= 1
                end -= 1
            default: return end
            }
        }
        return end
    }
}
