import GopherCore

/// `E`: the page is read in the next encoding of the cycle, in place (its position kept), and
/// the choice is remembered for its host until the reader comes round to `auto` again.
extension Browser {
    mutating func cycleEncoding() -> [Action] {
        guard let page, case .gopher(let url) = page.location else {
            say("nothing here to read in another encoding")
            return []
        }
        let encoding = page.encoding.next
        changePageView { $0.page.encoding = encoding }
        let host = url.host.lowercased()
        hostEncodings[host] = encoding == .auto ? nil : encoding
        say("encoding: \(encoding.name)")
        return [.rememberEncoding(host: host, encoding: encoding)]
    }
}
