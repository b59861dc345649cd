/// A reader for mailcap files (RFC 1524: `~/.mailcap`, `/etc/mailcap`), as lynx and mutt users
/// keep them, small enough to trust: Warren runs a mailcap command without a shell, so only the
/// entries it can run as plain words are taken. An entry is left out when its command has
/// anything a shell would have to read (pipes, redirections, `$`, backquotes, globs, `;`), no
/// `%s` (it reads standard input), `%t` or other `%` codes, `copiousoutput` (it wants a pager
/// fed), or a `test=` other than the usual `test -n "$DISPLAY"`, `test -x FILE`, `test -e FILE`
/// (joined with `-a`), which Warren checks itself.
public enum Mailcap {
    public struct Entry: Sendable, Equatable {
        /// `image/png` or `image/*`, in lower case.
        public var type: String
        public var handler: Handler
        /// What `test=` asks, checked when the entry is chosen.
        public var needsDisplay = false
        public var needsFiles: [String] = []
    }

    public static func parse(_ text: String) -> [Entry] {
        var entries: [Entry] = []
        var logical = ""
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if line.hasSuffix("\\") {
                logical += line.dropLast()
                continue
            }
            logical += line
            defer { logical = "" }
            let trimmed = logical.trimmingCharacters(in: " \t")
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), let entry = entry(trimmed) else { continue }
            entries.append(entry)
        }
        return entries
    }

    /// The handler for `type` (`image/png`): the first entry for it or its `image/*` whose test
    /// holds, in file order (`~/.mailcap` first).
    public static func handler(for type: String, in entries: [Entry], hasDisplay: Bool, exists: (String) -> Bool) -> Handler? {
        let family = (type.split(separator: "/").first.map(String.init) ?? type) + "/*"
        for entry in entries where entry.type == type || entry.type == family {
            if entry.needsDisplay, !hasDisplay { continue }
            if !entry.needsFiles.allSatisfy(exists) { continue }
            return entry.handler
        }
        return nil
    }

    private static func entry(_ line: String) -> Entry? {
        let fields = splitFields(line)
        guard fields.count >= 2, fields[0].contains("/") else { return nil }
        var entry = Entry(type: fields[0].lowercased().trimmingCharacters(in: " \t"), handler: Handler(command: []))
        guard let command = words(fields[1]), !command.isEmpty else { return nil }
        var terminal = false
        for field in fields.dropFirst(2) {
            let flag = field.trimmingCharacters(in: " \t")
            let name = flag.split(separator: "=", maxSplits: 1).first.map { $0.lowercased() } ?? ""
            switch name {
            case "needsterminal": terminal = true
            case "copiousoutput": return nil
            case "test":
                guard let test = flag.split(separator: "=", maxSplits: 1).last, understand(String(test), into: &entry) else { return nil }
            default: continue  // description=, nametemplate=, edit=, print=…: not needed to view
            }
        }
        entry.handler = Handler(command: command, terminal: terminal)
        return entry
    }

    /// Fields split at `;`, `\;` kept as a `;` inside one.
    private static func splitFields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ";" {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields.map { $0.trimmingCharacters(in: " \t") }
    }

    /// The command as words with `%s` as `{file}`, or nil when only a shell could run it.
    static func words(_ command: String) -> [String]? {
        let shellOnly: Set<Character> = ["|", "&", ";", "<", ">", "$", "`", "(", ")", "*", "?", "[", "]", "{", "}", "~", "\\", "!"]
        var words: [String] = []
        var sawFile = false
        for raw in command.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            var word = String(raw)
            // '%s' and "%s" are the usual quoting of the file name: the file is one argument anyway.
            if word == "'%s'" || word == "\"%s\"" { word = "%s" }
            guard !word.contains(where: { shellOnly.contains($0) || $0 == "'" || $0 == "\"" }) else { return nil }
            var out = ""
            var characters = Array(word)[...]
            while let character = characters.popFirst() {
                guard character == "%" else {
                    out.append(character)
                    continue
                }
                guard characters.popFirst() == "s" else { return nil }  // %t, %{…}, %%: not taken
                out += "{file}"
                sawFile = true
            }
            words.append(out)
        }
        return sawFile ? words : nil
    }

    /// `test -n "$DISPLAY"`, `test -x FILE`, `test -e FILE`, joined with `-a`: checked by Warren.
    private static func understand(_ test: String, into entry: inout Entry) -> Bool {
        var words = test.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)[...]
        guard words.popFirst() == "test" else { return false }
        while !words.isEmpty {
            guard let operation = words.popFirst(), let operand = words.popFirst() else { return false }
            switch operation {
            case "-n":
                guard ["\"$DISPLAY\"", "$DISPLAY"].contains(operand) else { return false }
                entry.needsDisplay = true
            case "-x", "-e", "-f":
                guard operand.hasPrefix("/"), !operand.contains("$") else { return false }
                entry.needsFiles.append(operand)
            default:
                return false
            }
            if let joiner = words.first {
                guard joiner == "-a" else { return false }
                words = words.dropFirst()
            }
        }
        return true
    }
}
