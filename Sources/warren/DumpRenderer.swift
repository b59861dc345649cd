import GopherCore

/// Renders a response as plain lines on standard output as it arrives, in constant memory:
/// menu items as their lines complete (then forgotten), text lines likewise. A text document
/// is held whole up to `documentHoldLimit`, so that a document of ordinary size is rendered
/// exactly as the browser shows it: its charset judged from the whole text, and `..`
/// unstuffed only when it really ends with a `.` line. Past the limit, lines go out as they
/// come, decoded with the charset judged so far, with the last line held back for the final
/// `.` rule; a `..` line past the limit is printed as sent. A line longer than `longestLine`
/// (an endless stream with no line feed) is cut there, so even that holds constant memory.
struct DumpRenderer: Sendable {
    /// How much of a text document is held before lines stream out.
    static let documentHoldLimit = 2 << 20
    /// The longest line held whole; a longer one goes out in pieces of this size.
    static let longestLine = 1 << 20

    private let isMenu: Bool
    private var menu: Menu
    private var document = TextDocument()
    /// Past `documentHoldLimit`: lines are printed as they arrive, all but the last.
    private var isStreamingText = false

    init(_ url: GopherURL, encoding: PageEncoding = .auto) {
        isMenu = url.type.showsAsMenu
        menu = Menu(origin: Menu.Origin(url))
        menu.encoding = encoding
        document.encoding = encoding
    }

    mutating func consume(_ bytes: [UInt8]) {
        if isMenu {
            // Each call in two steps: `printItems(menu.append(…))` would read `self` before the
            // append ran.
            let arrived = menu.append(bytes)
            printItems(arrived)
            if menu.pendingByteCount > Self.longestLine {
                let cut = menu.endPendingLine()
                printItems(cut)
            }
            menu.forgetItems()
            return
        }
        document.append(bytes)
        if !isStreamingText, document.byteCount > Self.documentHoldLimit { isStreamingText = true }
        if document.pendingByteCount > Self.longestLine { document.endPendingLine() }
        if isStreamingText, document.count > 1 {
            // The last complete line may be the final `.`: it waits for the next one, or the end.
            printLines(0..<(document.count - 1))
            document.forgetLines(keepingLast: 1)
            CommandLineOutput.flush()
        }
    }

    mutating func finish() {
        if isMenu {
            let arrived = menu.finish()
            printItems(arrived)
            return
        }
        document.finish()
        printLines(0..<document.count)
        CommandLineOutput.flush()
    }

    private func printItems(_ range: Range<Int>) {
        var output: [UInt8] = []
        for index in range {
            menu.appendListingLine(at: index, to: &output)
            Self.writeIfFull(&output)
        }
        CommandLineOutput.write(bytes: output)
        CommandLineOutput.flush()
    }

    /// Lines `range` of the document, each as its bytes where they are printable ASCII
    /// (already what decoding and sanitising would give), else decoded and sanitised.
    private func printLines(_ range: Range<Int>) {
        var output: [UInt8] = []
        for index in range {
            let bytes = document.lineBytes(index)
            if ByteScan.isPrintableASCII(bytes) {
                output += bytes
            } else {
                output += document.line(index).utf8
            }
            output.append(0x0A)
            Self.writeIfFull(&output)
        }
        CommandLineOutput.write(bytes: output)
    }

    /// Hands `output` on in pieces of about 64 KiB, so a big batch is never held twice.
    private static func writeIfFull(_ output: inout [UInt8]) {
        guard output.count >= 64 << 10 else { return }
        CommandLineOutput.write(bytes: output)
        output.removeAll(keepingCapacity: true)
    }
}
