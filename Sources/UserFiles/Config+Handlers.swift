import Browser
import TOMLKit

/// `[handlers.KIND]` and `[handlers.ext.NAME]`: `command = ["prog", "{file}"]` (a list of words,
/// never a shell string) and `terminal = true|false`.
extension Config {
    mutating func takeHandlers(_ table: TOMLTable, places: SettingLines) -> [String] {
        var problems: [String] = []
        for (name, value) in table {
            let line = places.line(of: name, in: "handlers")
            if name == "ext" {
                guard let extensions = value.table else {
                    problems.append("line \(line): handlers.ext is a table: [handlers.ext.pdf]")
                    continue
                }
                for (fileExtension, handler) in extensions {
                    let section = "handlers.ext.\(fileExtension)"
                    switch Self.handler(handler, section: section, places: places) {
                    case .success(let parsed): handlers.byExtension[fileExtension.lowercased()] = parsed
                    case .failure(let problem): problems.append(problem.text)
                    }
                }
                continue
            }
            guard let kind = HandlerKind(rawValue: name) else {
                let kinds = HandlerKind.allCases.map(\.rawValue).joined(separator: ", ")
                problems.append("line \(line): unknown handler kind \(name) (\(kinds), or ext.NAME)")
                continue
            }
            switch Self.handler(value, section: "handlers.\(name)", places: places) {
            case .success(let parsed): handlers.byKind[kind] = parsed
            case .failure(let problem): problems.append(problem.text)
            }
        }
        return problems
    }

    struct HandlerProblem: Error {
        var text: String
    }

    private static func handler(_ value: TOMLValueConvertible, section: String, places: SettingLines) -> Result<Handler, HandlerProblem> {
        func problem(_ key: String?, _ text: String) -> Result<Handler, HandlerProblem> {
            let line = key.map { places.line(of: $0, in: section) } ?? 0
            return .failure(HandlerProblem(text: "line \(line == 0 ? places.line(of: section, in: nil) : line): \(section): \(text)"))
        }
        guard let table = value.table else { return problem(nil, "is a table with command = [\"program\", \"{file}\"]") }
        var command: [String]?
        var terminal = false
        for (key, setting) in table {
            switch key {
            case "command":
                guard let words = setting.array?.compactMap({ $0.string }), let array = setting.array, words.count == array.count,
                    let first = words.first, !first.isEmpty
                else { return problem(key, "command takes a list of words, the program first: [\"feh\", \"{file}\"]") }
                for word in words {
                    if let unknown = unknownPlaceholder(in: word) {
                        return problem(key, "unknown placeholder {\(unknown)} (\(Handler.placeholders.map { "{\($0)}" }.joined(separator: " ")))")
                    }
                }
                command = words
            case "terminal":
                guard let flag = setting.bool else { return problem(key, "terminal takes true or false") }
                terminal = flag
            default:
                return problem(key, "unknown setting \(key) (command, terminal)")
            }
        }
        guard let command else { return problem(nil, "needs command = [\"program\", \"{file}\"]") }
        return .success(Handler(command: command, terminal: terminal))
    }

    /// The first `{name}` in `word` that is not a placeholder.
    private static func unknownPlaceholder(in word: String) -> String? {
        var rest = Substring(word)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            let name = String(rest[rest.index(after: open)..<close])
            if !Handler.placeholders.contains(name) { return name }
            rest = rest[rest.index(after: close)...]
        }
        return nil
    }
}
