/// The mouse: the wheel scrolls the frontmost screen view; a press on a link selects it, and a
/// press on the selected link opens it. While a prompt or a question is open the mouse does
/// nothing, so a stray click never answers one.
extension Browser {
    /// Lines one wheel step scrolls.
    static let wheelStep = 3

    mutating func handleMouse(_ event: MouseEvent) -> [Action] {
        guard views.last?.isLineView != true else { return [] }
        status = nil
        switch event.action {
        case .wheelUp, .wheelDown:
            let lines = event.action == .wheelDown ? Self.wheelStep : -Self.wheelStep
            let context = self.context
            if let level = frontScreenLevel {
                views[level].scroll(by: lines, context: context)
            } else {
                pageView?.scroll(by: lines, context: context)
            }
            return []
        case .press:
            // Only the page view has links to press; over it, a press just closes page info.
            if let level = frontScreenLevel {
                if case .pageInfo = views[level] { closeView(at: level) }
                return []
            }
            guard var view = pageView, event.row >= 1, event.row <= pageRows else { return [] }
            pageView = nil  // handled alone, so the page is never copied on the way
            let response = view.press(row: event.row - 1, column: event.column, context: context(with: view.page))
            pageView = view
            var actions: [Action] = []
            _ = apply(response, from: nil, into: &actions)
            return actions
        }
    }
}
