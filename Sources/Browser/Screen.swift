/// What the terminal should show: rows of styled text, computed by the browser without any
/// terminal. `TerminalUI` draws it as it is; tests compare it as text.
public struct Screen: Equatable, Sendable {
    public var width: Int
    public var height: Int
    /// Exactly `height` rows; each row's text fits in `width` columns.
    public var rows: [ScreenRow]
    /// Where the cursor should be (on the prompt line while typing), or nil to hide it.
    public var cursor: Position?

    public struct Position: Equatable, Sendable {
        public var row: Int
        public var column: Int
        public init(row: Int, column: Int) {
            self.row = row
            self.column = column
        }
    }

    public init(width: Int, height: Int, rows: [ScreenRow], cursor: Position? = nil) {
        self.width = width
        self.height = height
        self.rows = rows
        self.cursor = cursor
    }

    /// The screen as plain text, one line a row, trailing spaces removed: what
    /// `tmux capture-pane -p` would show.
    public var text: String {
        rows.map { row in
            var line = Substring(row.text)
            while line.last == " " { line = line.dropLast() }
            return String(line)
        }.joined(separator: "\n")
    }
}

public struct ScreenRow: Equatable, Sendable {
    public var spans: [Span]
    /// The style for the rest of the row after the last span (a status bar fills the width).
    public var fill: Style

    public init(_ spans: [Span] = [], fill: Style = .normal) {
        self.spans = spans
        self.fill = fill
    }

    public var text: String { spans.map(\.text).joined() }
}

/// A run of text in one style. Text is already sanitised and measured by the browser.
public struct Span: Equatable, Sendable {
    public var text: String
    public var style: Style
    /// A picture's cell colours, drawn as they are rather than through the theme.
    public var colours: CellColours?

    public init(_ text: String, _ style: Style = .normal, colours: CellColours? = nil) {
        self.text = text
        self.style = style
        self.colours = colours
    }
}

/// The colours of a picture's cells: palette numbers (0–255; -1 the terminal's own), and
/// reverse video, as chafa draws them.
public struct CellColours: Hashable, Sendable {
    public var foreground: Int16
    public var background: Int16
    public var reverse: Bool

    public init(foreground: Int16 = -1, background: Int16 = -1, reverse: Bool = false) {
        self.foreground = foreground
        self.background = background
        self.reverse = reverse
    }
}

/// Meanings, not colours: a `Theme` says how each looks, and the terminal layer maps that to
/// what the terminal has (colour, or bold/reverse/underline).
public enum Style: Hashable, Sendable, CaseIterable {
    case normal
    case title
    case status
    case statusError
    case linkNumber
    /// A menu item's type tag, coloured by the kind of item.
    case tag(TagKind)
    case link
    case selectedLink
    case invalidLink
    case info
    case error
    case prompt
    /// Text that the last find matched, on the screen it searched.
    case match

    public static let allCases: [Style] =
        [.normal, .title, .status, .statusError, .linkNumber] + TagKind.allCases.map(Style.tag)
        + [.link, .selectedLink, .invalidLink, .info, .error, .prompt, .match]
}
