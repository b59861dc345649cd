import Browser
import GopherCore
import TOMLKit

/// Settings from `$XDG_CONFIG_HOME/warren/config.toml`, full TOML 1.0 read by TOMLKit. Each
/// setting has a type; a wrong type, an unknown setting or table, or a syntax error is a problem
/// named with its line (and column, where the parser gives one). Problems are never fatal: the
/// rest of the file still applies (a line the parser cannot read is left out and the file read
/// again). `Resources/config.toml` lists every setting with its default.
public struct Config: Sendable, Equatable {
    /// Where downloads go (`~` allowed).
    public var downloadFolder: String?
    /// The page opened when no URL is given (`about:home` by default).
    public var homePage: String?
    /// Connect and idle-receive timeout in seconds.
    public var timeout: Double?
    /// `false` draws in monochrome, as `NO_COLOR` does (`colors = false`, or `enabled = false`
    /// in the `[colors]` table).
    public var colors: Bool?
    /// Warren's look with the `[colors]` table applied.
    public var theme = Theme.standard
    /// `false`: `warren` with no URL opens the home page, never the last session.
    public var restoreSession: Bool?
    /// A SOCKS5 proxy URL for every connection (`socks5h://127.0.0.1:9050` for Tor).
    public var proxy: String?
    /// `tls = "prefer"`: try TLS first for `gopher://` URLs too (as `--tls`); `"off"`, the default,
    /// keeps TLS to `gophers://`.
    public var preferTLS: Bool?
    /// `[feeds] interval`, in minutes: each feed is checked at most this often on its own
    /// (`R` checks at once); 60 by default.
    public var feedInterval: Int?
    /// `[handlers.KIND]` and `[handlers.ext.NAME]`: the programs the user set (the app adds
    /// defaults for kinds left out).
    public var handlers = HandlerTable()
    /// The most bytes one response may bring, from `response_limit` in MiB.
    public var responseLimit: Int?
    /// `false` leaves the mouse to the terminal (no wheel, no clicks).
    public var mouse: Bool?
    /// From the `[keys]` table: `command = "key"` or `command = ["key", …]`; each key now does
    /// that command.
    public var keys: [Key: Command] = [:]

    public init() {}

    /// The most lines left out for syntax errors before giving up on the file.
    static let maximumSyntaxErrors = 20

    /// Parses `text`; problems come back as messages naming their line.
    public static func parse(_ text: String) -> (config: Config, problems: [String]) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var problems: [String] = []
        var table: TOMLTable?
        for _ in 0..<maximumSyntaxErrors {
            do {
                table = try TOMLTable(string: lines.joined(separator: "\n"))
                break
            } catch let error as TOMLParseError {
                let position = error.source.begin
                problems.append("line \(position.line), column \(position.column): \(error.description)")
                guard position.line >= 1, position.line <= lines.count, !lines[position.line - 1].isEmpty else { break }
                lines[position.line - 1] = ""  // left out; the line numbers stay
            } catch {
                problems.append("\(error)")
                break
            }
        }
        var config = Config()
        guard let table else { return (config, problems) }
        let places = SettingLines(lines)
        for (key, value) in table {
            problems += config.take(key, value, line: places.line(of: key, in: nil))
        }
        if let keys = table["keys"]?.table {
            for (name, value) in keys {
                problems += config.takeKey(name, value, line: places.line(of: name, in: "keys"))
            }
        }
        if let colours = table["colors"]?.table {
            problems += config.takeColours(colours, places: places)
        }
        if let handlers = table["handlers"]?.table {
            problems += config.takeHandlers(handlers, places: places)
        }
        if let feeds = table["feeds"]?.table {
            for (name, value) in feeds {
                let line = places.line(of: name, in: "feeds")
                guard name == "interval" else {
                    problems.append("line \(line): unknown setting \(name) in [feeds]")
                    continue
                }
                guard let minutes = value.int, minutes >= 1, minutes <= 525_600 else {
                    problems.append("line \(line): interval takes a whole number of minutes, at least 1")
                    continue
                }
                config.feedInterval = minutes
            }
        }
        return (config, problems.sorted { Self.lineNumber($0) < Self.lineNumber($1) })
    }

    /// One top-level setting; the problems it has.
    private mutating func take(_ key: String, _ value: TOMLValueConvertible, line: Int) -> [String] {
        func problem(_ text: String) -> [String] { ["line \(line): \(text)"] }
        switch key {
        case "download_folder", "home_page":
            guard let string = value.string else { return problem("\(key) takes a string") }
            // "" is the default written out: the XDG folder, or about:home.
            if key == "download_folder" { downloadFolder = string.isEmpty ? nil : string } else {
                homePage = string.isEmpty ? nil : string
            }
        case "timeout":
            guard let seconds = value.double ?? value.int.map(Double.init), seconds > 0, seconds <= 86_400 else {
                return problem("timeout takes a number of seconds above 0")
            }
            timeout = seconds
        case "proxy":
            guard let text = value.string else { return problem("proxy takes a URL such as \"socks5h://127.0.0.1:9050\"") }
            proxy = text.isEmpty ? nil : text
        case "tls":
            switch value.string {
            case "prefer": preferTLS = true
            case "off": preferTLS = false
            default: return problem("tls takes \"prefer\" or \"off\"")
            }
        case "response_limit":
            guard let mebibytes = value.int, mebibytes >= 1, mebibytes <= 1 << 20 else {
                return problem("response_limit takes a whole number of MiB, at least 1")
            }
            responseLimit = mebibytes << 20
        case "colors":
            // A table is the theme, read by takeColours.
            if value.table != nil { return [] }
            guard let flag = value.bool else { return problem("colors takes true or false, or is a table: [colors]") }
            colors = flag
        case "restore_session":
            guard let flag = value.bool else { return problem("restore_session takes true or false") }
            restoreSession = flag
        case "mouse":
            guard let flag = value.bool else { return problem("mouse takes true or false") }
            mouse = flag
        case "keys":
            if value.table == nil { return problem("keys is a table: [keys]") }
        case "feeds":
            if value.table == nil { return problem("feeds is a table: [feeds]") }
        case "handlers":
            if value.table == nil { return problem("handlers is a table: [handlers.image]") }
        default:
            return problem(value.table != nil ? "unknown table [\(key)]" : "unknown setting \(key)")
        }
        return []
    }

    /// One line of `[keys]`: a command and the key (or keys) that now do it.
    private mutating func takeKey(_ name: String, _ value: TOMLValueConvertible, line: Int) -> [String] {
        func problem(_ text: String) -> [String] { ["line \(line): \(text)"] }
        guard let command = KeyMap.command(named: name) else { return problem("unknown command \(name)") }
        let names: [String]
        if let single = value.string {
            names = [single]
        } else if let array = value.array, array.allSatisfy({ $0.string != nil }) {
            names = array.compactMap { $0.string }
        } else {
            return problem("\(name) takes a key such as \"x\", \"C-x\" or \"PgDn\", or a list of them")
        }
        var problems: [String] = []
        for keyName in names {
            if let reason = KeyMap.whyNeverArrives(keyName) {
                problems += problem("\(name): \(keyName) never arrives as itself: \(reason)")
            } else if let key = KeyMap.key(named: keyName) {
                keys[key] = command
            } else {
                problems += problem("\(name) takes a key such as \"x\", \"C-x\" or \"PgDn\"")
            }
        }
        return problems
    }

    private static func lineNumber(_ problem: String) -> Int {
        Int(problem.dropFirst("line ".count).prefix { $0.isNumber }) ?? .max
    }
}

/// Where each setting is written, for problems the parser cannot place (TOMLKit gives no
/// positions for values): the line of `key =` under its `[table]` header. Not a parser: it only
/// reads headers and the key before the first `=`.
struct SettingLines {
    private var lines: [String: Int] = [:]

    init(_ text: [String]) {
        var table: String?
        for (offset, raw) in text.enumerated() {
            let line = raw.trimmingCharacters(in: " \t\r")
            if line.hasPrefix("["), let end = line.firstIndex(of: "]") {
                table = String(line[line.index(after: line.startIndex)..<end]).trimmingCharacters(in: " \t\"'")
                lines[Self.place(table!, nil)] = lines[Self.place(table!, nil)] ?? offset + 1
                continue
            }
            guard let equals = line.firstIndex(of: "="), !line.hasPrefix("#") else { continue }
            let key = String(line[..<equals]).trimmingCharacters(in: " \t\"'")
            lines[Self.place(key, table)] = lines[Self.place(key, table)] ?? offset + 1
        }
    }

    func line(of key: String, in table: String?) -> Int { lines[Self.place(key, table)] ?? 0 }

    private static func place(_ key: String, _ table: String?) -> String { (table.map { $0 + "." } ?? "") + key }
}
