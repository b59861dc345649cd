import GopherCore

/// `=`: what is known about the page: URL, title, type, size, state, the addresses and the
/// time each stage took, and the lint view's findings. Its lines wrap. When they are more than
/// the screen holds, the movement keys and the wheel scroll them. Any other key closes it; Esc,
/// `=` and back only close it, other keys then act on the page as usual.
public struct PageInfoView: Sendable, Equatable {
    /// The first row shown, when the info is taller than the screen.
    var top = 0

    init() {}

    mutating func handle(_ key: Key, command: Command?, context: ViewContext) -> [ViewAction] {
        if key == .escape || key == .character("=") || command == .back { return [.close] }
        let count = allRows(context: context).count
        let maxTop = max(0, count - context.pageRows)
        if maxTop > 0 {
            switch command {
            case .nextLink: top = min(maxTop, top + 1)
            case .previousLink: top = max(0, top - 1)
            case .pageDown: top = min(maxTop, top + max(1, context.pageRows - 1))
            case .pageUp: top = max(0, top - max(1, context.pageRows - 1))
            case .top: top = 0
            case .bottom: top = maxTop
            default: return [.close, .pass]
            }
            return []
        }
        return [.close, .pass]
    }

    mutating func scroll(by lines: Int, context: ViewContext) {
        top = max(0, min(allRows(context: context).count - context.pageRows, top + lines))
    }

    private func allRows(context: ViewContext) -> [String] {
        guard let page = context.page else { return [] }
        return Self.lines(page).flatMap { context.columns.rows(of: $0, wrapping: true) }
    }
}

extension PageInfoView: ScreenView {
    func title(context: ViewContext) -> String {
        " info for " + (context.page?.location.description ?? "")
    }

    func rows(context: ViewContext) -> [ScreenRow] {
        allRows(context: context).dropFirst(top).prefix(context.pageRows).map { context.columns.row($0) }
    }

    /// Where in the info we are, when it does not fit; else the page's resting status.
    func restingStatus(context: ViewContext) -> String {
        if let scrolling = scrollStatus(context: context) { return scrolling }
        guard let page = context.page else { return "" }
        return PageView(page: page).restingStatus(context: context)
    }

    /// `info lines 1–22 of 40 (…)` when the info does not fit the screen, else nil.
    func scrollStatus(context: ViewContext) -> String? {
        let count = allRows(context: context).count
        guard count > context.pageRows else { return nil }
        let last = min(count, top + context.pageRows)
        return "info lines \(top + 1)–\(last) of \(count) (j, k, Space scroll; Esc returns)"
    }

    static func lines(_ page: Page) -> [String] {
        var lines = ["URL        \(page.location)", "Title      \(page.title)"]
        if case .gopher(let url) = page.location {
            lines.append("Type       \(url.type.tag) (\(url.type.printable))")
        }
        let shape: String
        switch page.content {
        case .menu(let menu): shape = "\(menu.count) items, \(menu.links.count) links"
        case .document(let document):
            let links = page.documentLinks.count
            shape = "\(document.count) lines" + (links > 0 ? ", \(links) link\(links == 1 ? "" : "s") in the text" : "")
        }
        lines.append("Size       \(ByteCountFormatter.string(page.byteCount)), \(shape)")
        if page.encoding != .auto {
            lines.append("Charset    \(page.encoding.name) (chosen with E, for this host)")
        } else if case .document(let document) = page.content, document.charsetGuess.sawLegacyText {
            lines.append("Charset    UTF-8 where valid, else \(document.charsetGuess.charset.name) (detected from the text)")
        }
        if case .menu(let menu) = page.content, !menu.repairs.isEmpty {
            lines.append("Repaired   " + Self.words(for: menu.repairs))
        }
        switch page.state {
        case .loading: lines.append("State      loading")
        case .complete: lines.append("State      complete")
        case .incomplete(let reason): lines.append("State      incomplete: \(reason)")
        }
        if let info = page.info {
            lines.append("Peer       \(info.peerAddress)")
            if !info.route.isEmpty { lines.append("Route      \(info.route)") }
            lines.append("Local      \(info.localAddress)")
            if let tls = info.tls {
                lines += tls.infoLines
            } else if let fallback = info.tlsFallback {
                lines.append("Security   plain gopher: \(fallback)")
            } else {
                lines.append("Security   none (plain gopher)")
            }
            for (stage, time) in info.timings {
                lines.append(stage.padded(to: 11) + time.millisecondsText)
            }
        }
        if let findings = page.lint {
            let count = Set(findings.map { $0.line ?? 0 }).count
            lines.append("Lint       " + (findings.isEmpty ? "every line is in spec" : "\(count) line\(count == 1 ? "" : "s") out of spec:"))
            lines += findings.map { "  " + $0.description }
        }
        lines.append("")
        lines.append("(Esc or = returns to the page; other keys act on the page)")
        return lines.map { Sanitizer.clean($0) }
    }

    /// `2 links without a port (70 assumed), 1 with no host (this server)`.
    static func words(for repairs: Menu.Repairs) -> String {
        func links(_ count: Int) -> String { count == 1 ? "1 link" : "\(count) links" }
        var parts: [String] = []
        if repairs.missingPort > 0 { parts.append("\(links(repairs.missingPort)) without a port (70 assumed)") }
        if repairs.emptyHost > 0 { parts.append("\(links(repairs.emptyHost)) with no host (this server)") }
        if repairs.redundantServer > 0 {
            parts.append("\(links(repairs.redundantServer)) to another server (+) typed as the link before")
        }
        return parts.joined(separator: ", ")
    }
}
