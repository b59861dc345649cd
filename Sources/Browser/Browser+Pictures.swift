import GopherCore

/// Pictures drawn in the terminal: the app fetches and draws them (chafa) and shows them here.
extension Browser {
    /// The picture, over the page, at the top.
    public mutating func showPicture(_ picture: Picture) {
        if let level = views.lastIndex(where: { if case .image = $0 { return true } else { return false } }) {
            closeView(at: level)
        }
        // Under a prompt being typed in, which keeps its keys.
        if let typing = views.firstIndex(where: \.isLineView) {
            views.insert(.image(ImageView(picture)), at: typing)
        } else {
            push(.image(ImageView(picture)))
        }
        status = nil  // "drawing…" is done: the picture's own words show
    }

    /// The picture on screen, drawn again (at a new size): it keeps its place.
    public mutating func redrawPicture(_ picture: Picture) {
        guard let level = views.lastIndex(where: { if case .image(let view) = $0 { return view.picture.url == picture.url } else { return false } }),
            case .image(var view) = views[level]
        else { return }
        view.picture = picture
        view.top = min(view.top, max(0, picture.rows.count - pageRows))
        views[level] = .image(view)
    }

    /// The picture in front, if one is: the app draws it again when the window changes size.
    public var pictureOnScreen: Picture? {
        guard case .image(let view)? = views.last else { return nil }
        return view.picture
    }
}
