import Browser
import GopherCore

/// Settings from `$XDG_CONFIG_HOME/warren/config.toml`. Warren reads a small, flat subset of
/// TOML: `key = value` lines with a quoted string, a number or `true`/`false`, `#` comments and
/// blank lines. Anything else is reported (by line) and ignored, never fatal.
public struct Config: Sendable, Equatable {
    /// Where downloads go (`~` allowed).
    public var downloadFolder: String?
    /// The page opened when no URL is given (`about:home` by default).
    public var homePage: String?
    /// Connect and idle-receive timeout in seconds.
    public var timeout: Double?
    /// `false` draws in monochrome, as `NO_COLOR` does.
    public var colors: Bool?
    /// From the `[keys]` section: `command = "key"` lines; each key now does that command.
    public var keys: [Key: Command] = [:]

    public init() {}

    /// Parses `text`; problems come back as messages naming their line.
    public static func parse(_ text: String) -> (config: Config, problems: [String]) {
        var config = Config()
        var problems: [String] = []
        var section = ""
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let line = withoutComment(String(rawLine)).trimmingCharacters(in: " \t\r")
            guard !line.isEmpty else { continue }
            if line.hasPrefix("["), line.hasSuffix("]") {
                section = String(line.dropFirst().dropLast()).trimmingCharacters(in: " \t")
                if section != "keys" { problems.append("line \(number): unknown section [\(section)]") }
                continue
            }
            guard let equals = line.firstIndex(of: "=") else {
                problems.append("line \(number): expected key = value")
                continue
            }
            let key = String(line[..<equals]).trimmingCharacters(in: " \t")
            let value = String(line[line.index(after: equals)...]).trimmingCharacters(in: " \t")
            if section == "keys" {
                guard let command = KeyMap.command(named: key) else {
                    problems.append("line \(number): unknown command \(key)")
                    continue
                }
                guard let name = quoted(value), let pressed = KeyMap.key(named: name) else {
                    problems.append("line \(number): \(key) takes a key such as \"x\", \"C-x\" or \"PgDn\"")
                    continue
                }
                config.keys[pressed] = command
                continue
            }
            guard section.isEmpty else { continue }
            switch key {
            case "download_folder", "home_page":
                guard let string = quoted(value) else {
                    problems.append("line \(number): \(key) takes a quoted string")
                    continue
                }
                if key == "download_folder" { config.downloadFolder = string } else { config.homePage = string }
            case "timeout":
                guard let seconds = Double(value), seconds > 0, seconds <= 86_400 else {
                    problems.append("line \(number): timeout takes a number of seconds above 0")
                    continue
                }
                config.timeout = seconds
            case "colors":
                guard value == "true" || value == "false" else {
                    problems.append("line \(number): colors takes true or false")
                    continue
                }
                config.colors = value == "true"
            default:
                problems.append("line \(number): unknown setting \(key)")
            }
        }
        return (config, problems)
    }

    /// Drops a `#` comment that is not inside a quoted string.
    private static func withoutComment(_ line: String) -> String {
        var inString = false
        var previous: Character = " "
        for (index, character) in zip(line.indices, line) {
            if character == "\"" && previous != "\\" { inString.toggle() }
            if character == "#" && !inString { return String(line[..<index]) }
            previous = character
        }
        return line
    }

    /// The text of a `"…"` string, with `\"` and `\\` unescaped.
    private static func quoted(_ value: String) -> String? {
        guard value.count >= 2, value.first == "\"", value.last == "\"" else { return nil }
        var result = ""
        var escaping = false
        for character in value.dropFirst().dropLast() {
            if escaping {
                result.append(character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == "\"" {
                return nil
            } else {
                result.append(character)
            }
        }
        return escaping ? nil : result
    }
}
