// libFuzzer target: `GopherURL(parsing:)` on arbitrary text.
// Invariants: never crashes; a URL that parses formats (`description`) to text that parses back
// to an equal URL, and formatting that URL again gives the same text. The same holds for a URL
// made from parts (as a menu line makes one): the input up to its first NUL is the host, the
// byte after it the type, the rest the selector and (after a TAB) the search.
import GopherCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let text = String(decoding: bytes, as: UTF8.self)
    if let url = try? GopherURL(parsing: text) { checkRoundTrip(url) }
    _ = try? GopherURL(parsing: text, defaultPort: 7070)

    if let nul = bytes.firstIndex(of: 0) {
        let host = String(decoding: bytes[..<nul], as: UTF8.self)
        let rest = bytes[(nul + 1)...]
        let type = ItemType(rest.first ?? UInt8(ascii: "1"))
        let request = rest.dropFirst()
        let tab = request.firstIndex(of: 0x09)
        let selector = Array(request[..<(tab ?? request.endIndex)])
        let search = tab.map { Array(request[($0 + 1)...]) }
        let port = UInt16(truncatingIfNeeded: size &* 257)
        if let url = try? GopherURL(host: host, port: port, type: type, selector: selector, search: search) {
            checkRoundTrip(url)
        }
    }
    return 0
}

func checkRoundTrip(_ url: GopherURL) {
    let formatted = url.description
    let again: GopherURL
    do {
        again = try GopherURL(parsing: formatted)
    } catch {
        fatalError("FuzzURL: description does not parse back: \(error)")
    }
    guard again == url else { fatalError("FuzzURL: description parses back to a different URL") }
    guard again.description == formatted else { fatalError("FuzzURL: description is not stable") }
}
