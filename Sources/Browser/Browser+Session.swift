import GopherCore

/// Sessions that come back: what is open and the way back and forward, with each page's place,
/// as plain data the app keeps in its session file; `restore` opens it again.
public struct Session: Sendable, Equatable {
    public struct Place: Sendable, Equatable {
        public var location: Location
        public var title: String
        public var viewport: Viewport

        public init(location: Location, title: String, viewport: Viewport) {
            self.location = location
            self.title = title
            self.viewport = viewport
        }
    }

    public var current: Place?
    public var back: [Place]
    public var forward: [Place]

    public init(current: Place?, back: [Place] = [], forward: [Place] = []) {
        self.current = current
        self.back = back
        self.forward = forward
    }
}

extension Browser {
    /// The session as it stands: the page on screen (or the one loading, or the place that could
    /// not be reached: a server down today is tried again next time) and history.
    public var session: Session {
        // A step back or forward still loading has not moved history: the place is still the
        // page, or the one not reached, not where the step goes.
        let stepping = loading.map { $0.purpose.viewportOfAPlace == nil } ?? false
        let current = page.map { Session.Place(location: $0.location, title: $0.title, viewport: $0.viewport) }
            ?? unreached.map { Session.Place(location: $0.location, title: $0.title, viewport: $0.viewport) }
            ?? (stepping ? nil : loading.map { Session.Place(location: $0.location, title: $0.title, viewport: $0.purpose.viewportOfAPlace ?? Viewport()) })
        func place(_ entry: History.Entry) -> Session.Place {
            Session.Place(location: entry.location, title: entry.title, viewport: entry.viewport)
        }
        return Session(current: current, back: history.back.map(place), forward: history.forward.map(place))
    }

    /// Opens `session` again: its history as it was (pages fetched again when visited), and its
    /// current page at its place.
    public mutating func restore(_ session: Session) -> [Action] {
        func entry(_ place: Session.Place) -> History.Entry {
            History.Entry(location: place.location, title: place.title, viewport: place.viewport, page: nil)
        }
        history.restore(back: session.back.map(entry), forward: session.forward.map(entry))
        guard let current = session.current else { return open(.about("home"), title: nil) }
        if case .gopher(let url) = current.location {
            return [startLoading(current.location, title: current.title, purpose: .reload(current.viewport), url: url)]
        }
        let actions = open(current.location, title: current.title)
        pageView?.page.viewport = current.viewport
        return actions
    }

    /// `warren URL` with a session to come back to: `location` opens, and the session's pages
    /// are behind it (its current page last, at its place), so back leads through them. The
    /// session's forward pages are left: a new page ends them, as it does in any history.
    public mutating func restore(_ session: Session, thenOpen location: Location, title: String?) -> [Action] {
        func entry(_ place: Session.Place) -> History.Entry {
            History.Entry(location: place.location, title: place.title, viewport: place.viewport, page: nil)
        }
        history.restore(back: (session.back + [session.current].compactMap { $0 }).map(entry), forward: [])
        return go(location, title: title)
    }
}
