// libFuzzer target: `Menu` fed arbitrary bytes, in chunks and whole.
// Invariants: the chunked and the whole parse give identical items; no display string or listing
// line holds a terminal control (C0, ESC, DEL, C1, bidi override) or a line feed; no line is lost
// (items + terminator = lines up to and including the `.` line); a link's URL formats to text
// that parses back to the same URL.
import FuzzSupport
import GopherCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))

    var whole = Menu()
    let wholeRange = whole.append(bytes)
    let wholeLast = whole.finish()
    guard wholeRange.lowerBound == 0, wholeRange.upperBound == wholeLast.lowerBound,
        wholeLast.upperBound == whole.count
    else { fatalError("FuzzMenu: append/finish ranges do not cover the items") }

    var chunked = Menu()
    var next = 0
    for chunk in Chunker.chunks(of: bytes) {
        let range = chunked.append(chunk)
        guard range.lowerBound == next else { fatalError("FuzzMenu: chunk range skips or repeats items") }
        next = range.upperBound
    }
    let lastRange = chunked.finish()
    guard lastRange.lowerBound == next, lastRange.upperBound == chunked.count else {
        fatalError("FuzzMenu: finish range does not follow the chunk ranges")
    }

    guard whole.count == chunked.count else { fatalError("FuzzMenu: chunked item count differs") }
    guard whole.sawTerminator == chunked.sawTerminator else { fatalError("FuzzMenu: chunked terminator differs") }
    guard whole.links == chunked.links else { fatalError("FuzzMenu: chunked links differ") }

    // No line lost: every line before the `.` line is an item.
    let expected = Reference.menuLines(bytes)
    guard whole.count == expected.items else {
        fatalError("FuzzMenu: \(whole.count) items for \(expected.items) lines")
    }
    guard whole.sawTerminator == expected.terminator else { fatalError("FuzzMenu: terminator missed or invented") }

    for index in 0..<whole.count {
        let item = whole.item(at: index)
        let other = chunked.item(at: index)
        guard item.kind == other.kind, item.type == other.type, item.display == other.display,
            item.selector == other.selector, item.host == other.host, item.portText == other.portText
        else { fatalError("FuzzMenu: chunked item \(index) differs") }
        guard whole.kind(at: index) == item.kind else { fatalError("FuzzMenu: kind(at:) disagrees with item") }

        if let bad = Reference.firstUnsafeScalar(item.display) {
            fatalError("FuzzMenu: display holds U+\(String(bad, radix: 16))")
        }
        let number = whole.linkNumber(ofItemAt: index)
        let isLink = item.kind == .link || item.kind == .invalidLink
        guard (number != nil) == isLink else { fatalError("FuzzMenu: link number on a non-link or missing") }
        if let number, whole.links[number - 1] != index { fatalError("FuzzMenu: link number \(number) is another item") }
        let line = item.listingLine(linkNumber: number)
        if let bad = Reference.firstUnsafeScalar(line) {
            fatalError("FuzzMenu: listing line holds U+\(String(bad, radix: 16))")
        }
        // --dump's fast path writes exactly the listing line.
        var fast: [UInt8] = []
        whole.appendListingLine(at: index, to: &fast)
        guard fast == Array((line + "\n").utf8) else { fatalError("FuzzMenu: the listing's fast path differs for item \(index)") }

        if case .success(let url)? = item.url {
            guard item.kind == .link else { fatalError("FuzzMenu: an invalid link has a URL") }
            guard let again = try? GopherURL(parsing: url.description), again == url else {
                fatalError("FuzzMenu: a link's URL does not parse back")
            }
        } else if item.kind == .link {
            fatalError("FuzzMenu: a valid link has no URL")
        }
    }
    // The lint view reads the same lines: it never traps, and every finding names a line of
    // the menu (or none, for the menu as a whole).
    for finding in whole.lint(bytesAfterTerminator: 1) {
        if let line = finding.line, !(1...(whole.count + 1)).contains(line) {
            fatalError("FuzzMenu: a lint finding names line \(line) of \(whole.count)")
        }
        if let bad = Reference.firstUnsafeScalar(finding.description) {
            fatalError("FuzzMenu: a lint finding holds U+\(String(bad, radix: 16))")
        }
    }
    return 0
}
