import GopherCore

/// `/`, `n`, `N`: find text in the frontmost screen view (the page, or its source),
/// case-insensitively, from the current position.
extension Browser {
    struct FindState: Sendable {
        /// The text last searched for.
        var text: String?
        /// Where the last find matched and what the screen showed then (see `FindScreen`).
        var mark: (line: Int, screen: FindScreen)?
    }

    mutating func find(forward: Bool, includingCurrent: Bool = false) {
        guard let needle = finding.text, !needle.isEmpty else {
            say(withHint("nothing to find yet", .find, "starts a search"))
            return
        }
        if let level = frontScreenLevel {
            var view = views[level]
            var outcome: (text: String, isError: Bool)?
            let searchable = view.withFindable(page: page) { target in
                outcome = find(needle, in: &target, forward: forward, includingCurrent: includingCurrent)
            }
            views[level] = view
            if let outcome { say(outcome.text, error: outcome.isError) }
            if !searchable { say("nothing to find in this view") }
        } else if var view = pageView {
            pageView = nil  // searched alone, so the page is never copied on the way
            let outcome = find(needle, in: &view, forward: forward, includingCurrent: includingCurrent)
            pageView = view
            if let outcome { say(outcome.text, error: outcome.isError) }
        }
    }

    /// Moves `target` to the next match and returns what to say, or nil for an empty view.
    private mutating func find<Target: FindableView>(
        _ needle: String, in target: inout Target, forward: Bool, includingCurrent: Bool
    ) -> (text: String, isError: Bool)? {
        let count = target.findLineCount
        guard count > 0 else { return nil }
        let current: Int
        if let mark = finding.mark, mark.screen == target.findScreen {
            current = mark.line
        } else {
            current = target.findStart
        }
        let start = includingCurrent ? current : current + (forward ? 1 : -1)
        let lowered = needle.lowercased()
        for step in 0..<count {
            let index = ((forward ? start + step : start - step) % count + count) % count
            guard target.findLineText(index).lowercased().contains(lowered) else { continue }
            target.showMatch(index, context: context)
            finding.mark = (index, target.findScreen)
            let wrapped = forward ? index < start : index > start
            return ("“\(needle)” on line \(index + 1)\(wrapped ? " (wrapped around)" : "")", false)
        }
        return ("“\(needle)” not found", true)
    }
}
