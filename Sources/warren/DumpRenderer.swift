import GopherCore

/// Renders a response as plain lines on standard output: menus item by item as they arrive,
/// documents once complete. Used on one queue only.
final class DumpRenderer: @unchecked Sendable {
    private let isMenu: Bool
    private var menu = Menu()
    private var document = TextDocument()

    init(isMenu: Bool) { self.isMenu = isMenu }

    func consume(_ bytes: [UInt8]) {
        if isMenu {
            printItems(menu.append(bytes))
        } else {
            document.append(bytes)
        }
    }

    func finish() {
        if isMenu {
            printItems(menu.finish())
        } else {
            document.finish()
            for index in 0..<document.count { CommandLineOutput.write(document.line(index)) }
        }
    }

    private func printItems(_ range: Range<Int>) {
        for index in range {
            CommandLineOutput.write(menu.item(at: index).listingLine(linkNumber: menu.linkNumber(ofItemAt: index)))
        }
        CommandLineOutput.flush()
    }
}
