import GopherCore

/// chafa's output read back into screen cells: its characters (block symbols) and its SGR
/// colour codes (`ESC[0m`, `ESC[7m`, `ESC[38;5;Nm`, `ESC[48;5;Nm`, `ESC[39m`, `ESC[49m`), a row a
/// line. Nothing else it could print reaches the terminal: other escape sequences and control
/// characters are dropped, so even a chafa gone wrong cannot act on the terminal.
public enum PictureCells {
    public static func rows(from output: [UInt8]) -> [[Span]] {
        let text = String(decoding: output, as: UTF8.self)
        var rows: [[Span]] = []
        var spans: [Span] = []
        var colours = CellColours()
        var run = ""
        func flush() {
            if !run.isEmpty { spans.append(Span(run, .normal, colours: colours)) }
            run = ""
        }
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar.value {
            case 0x1B:
                flush()
                guard let next = scalars.next(), next == "[" else { continue }
                var parameters = ""
                var final: Unicode.Scalar?
                while let byte = scalars.next() {
                    if (0x40...0x7E).contains(byte.value) {
                        final = byte
                        break
                    }
                    parameters.unicodeScalars.append(byte)
                }
                if final == "m" { apply(parameters, to: &colours) }
            case 0x0A:
                flush()
                rows.append(spans)
                spans = []
            case 0..<0x20, 0x7F, 0x80..<0xA0:
                continue
            default:
                run.unicodeScalars.append(scalar)
            }
        }
        flush()
        if !spans.isEmpty { rows.append(spans) }
        return rows
    }

    private static func apply(_ parameters: String, to colours: inout CellColours) {
        let numbers = parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 }
        var index = 0
        while index < numbers.count {
            switch numbers[index] {
            case 0: colours = CellColours()
            case 7: colours.reverse = true
            case 27: colours.reverse = false
            case 39: colours.foreground = -1
            case 49: colours.background = -1
            case 38, 48:
                if index + 2 < numbers.count, numbers[index + 1] == 5, (0...255).contains(numbers[index + 2]) {
                    let value = Int16(numbers[index + 2])
                    if numbers[index] == 38 { colours.foreground = value } else { colours.background = value }
                    index += 2
                }
            case 30...37: colours.foreground = Int16(numbers[index] - 30)
            case 40...47: colours.background = Int16(numbers[index] - 40)
            case 90...97: colours.foreground = Int16(numbers[index] - 90 + 8)
            case 100...107: colours.background = Int16(numbers[index] - 100 + 8)
            default: break
            }
            index += 1
        }
    }
}

/// A picture to show: where it came from, what it says of itself, and its cells at a size.
public struct Picture: Sendable, Equatable {
    public var url: GopherURL
    public var header: ImageHeader?
    public var byteCount: Int
    public var rows: [[Span]]
    /// The file it was drawn from, to draw it again at another size.
    public var file: String

    public init(url: GopherURL, header: ImageHeader?, byteCount: Int, rows: [[Span]], file: String) {
        self.url = url
        self.header = header
        self.byteCount = byteCount
        self.rows = rows
        self.file = file
    }
}
