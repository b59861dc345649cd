import GopherCore

/// A line typed on the bottom row: a URL to go to, text to find, a search query, a file name.
/// Enter hands the text on as an action for its purpose; Esc (or Backspace on an empty line)
/// closes it with nothing done.
public struct PromptView: Sendable, Equatable {
    public enum Purpose: Sendable, Equatable {
        case goTo
        case find
        case search(GopherURL)
        case saveAs(GopherURL)
    }

    public var purpose: Purpose
    public var label: String
    public internal(set) var editor: LineEditor
    /// The suggestion chosen with ↑/↓ (the `o` prompt), if any.
    public internal(set) var chosen: Int?

    public init(_ purpose: Purpose, label: String, text: String = "", offered: Bool = false) {
        self.purpose = purpose
        self.label = label
        self.editor = LineEditor(text: text, offered: offered)
    }

    mutating func handle(_ key: Key, context: ViewContext) -> [ViewAction] {
        if purpose == .goTo, key == .down || key == .up {
            // Only those drawn can be chosen (a short terminal shows fewer).
            let count = min(suggestions(context: context).count, max(0, context.height - 2))
            guard count > 0 else { return [] }
            if key == .down {
                chosen = min(count - 1, (chosen ?? -1) + 1)
            } else {
                chosen = chosen.flatMap { $0 > 0 ? $0 - 1 : nil }
            }
            return []
        }
        let typed = editor.value
        let offered = purpose == .goTo && chosen != nil ? suggestions(context: context) : []
        switch editor.handle(key) {
        case .editing:
            if editor.value != typed { chosen = nil }
            return []
        case .cancelled: return [.close]
        case .submitted(let text):
            if let chosen, offered.indices.contains(chosen) {
                return [.close] + submit(offered[chosen].address, defaultPort: context.defaultPort)
            }
            return [.close] + submit(text, defaultPort: context.defaultPort)
        }
    }

    private func submit(_ text: String, defaultPort: UInt16) -> [ViewAction] {
        switch purpose {
        case .goTo:
            guard !text.isEmpty else { return [] }
            do {
                return [.go(try Location(parsing: text, defaultPort: defaultPort), title: nil)]
            } catch {
                return [.say("\(error)", isError: true)]
            }
        case .find:
            guard !text.isEmpty else { return [] }
            return [.find(text)]
        case .search(var url):
            url.search = Array(text.utf8)
            return [.open(.gopher(url), title: "Search: \(text)")]
        case .saveAs(let url):
            let name = text.trimmingCharacters(in: " ")
            guard !name.isEmpty else { return [] }
            guard SafeFileName.isSafe(name) else {
                return [.say("not a file name for the download folder: \(name)", isError: true)]
            }
            return [.download(url, fileName: name, overwrite: false)]
        }
    }

    /// The label and the text, scrolled so the cursor stays on screen; and the cursor's column.
    func row(context: ViewContext) -> (ScreenRow, column: Int) {
        let columns = context.columns
        let label = Sanitizer.clean(self.label)
        let labelWidth = DisplayWidth.columns(of: label)
        let before = String(editor.text.prefix(editor.cursor))
        var shown = editor.value
        var cursorColumn = labelWidth + DisplayWidth.columns(of: before)
        // Keep the cursor on screen: drop characters from the front when the line is long.
        while cursorColumn >= context.width, !shown.isEmpty {
            cursorColumn -= DisplayWidth.columns(of: String(shown.removeFirst()))
        }
        // Offered text is drawn as a selection is: typing replaces it.
        let row = ScreenRow(
            [Span(columns.fit(label), .prompt), Span(columns.fit(shown, offset: labelWidth), editor.isOffered ? .selectedLink : .prompt)],
            fill: .prompt)
        return (row, min(cursorColumn, context.width - 1))
    }
}
