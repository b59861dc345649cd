import GopherCore

/// Renders a response as plain lines on standard output: menus item by item as they arrive,
/// documents once complete.
struct DumpRenderer: Sendable {
    private let isMenu: Bool
    private var menu: Menu
    private var document = TextDocument()

    init(_ url: GopherURL) {
        isMenu = url.type.showsAsMenu
        menu = Menu(origin: Menu.Origin(url))
    }

    mutating func consume(_ bytes: [UInt8]) {
        if isMenu {
            let arrived = menu.append(bytes)
            printItems(arrived)
        } else {
            document.append(bytes)
        }
    }

    mutating func finish() {
        if isMenu {
            let arrived = menu.finish()
            printItems(arrived)
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
