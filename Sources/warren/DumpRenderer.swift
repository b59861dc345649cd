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

    init(_ url: GopherURL) {
        isMenu = url.type.showsAsMenu
        menu = Menu(origin: Menu.Origin(url))
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
            for index in 0..<(document.count - 1) { CommandLineOutput.write(document.line(index)) }
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
        for index in 0..<document.count { CommandLineOutput.write(document.line(index)) }
        CommandLineOutput.flush()
    }

    private func printItems(_ range: Range<Int>) {
        for index in range {
            CommandLineOutput.write(menu.item(at: index).listingLine(linkNumber: menu.linkNumber(ofItemAt: index)))
        }
        CommandLineOutput.flush()
    }
}
