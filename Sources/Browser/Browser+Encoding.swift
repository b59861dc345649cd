import GopherCore

/// `E`: the page is read in the next encoding of the cycle, in place (its position kept), and
/// the choice is remembered for its host until the reader comes round to `auto` again.
extension Browser {
    mutating func cycleEncoding() -> [Action] {
        guard var view = pageView, case .gopher(let url) = view.page.location else {
            say("nothing here to read in another encoding")
            return []
        }
        let encoding = view.page.encoding.next
        pageView = nil  // changed alone, so the page is never copied on the way
        view.page.encoding = encoding
        pageView = view
        let host = url.host.lowercased()
        hostEncodings[host] = encoding == .auto ? nil : encoding
        say("encoding: \(encoding.name)")
        return [.rememberEncoding(host: host, encoding: encoding)]
    }
}
