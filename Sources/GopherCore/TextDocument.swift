/// A text document, line-indexed as its bytes arrive.
///
/// Servers end text three ways: RFC 1436 servers dot-stuff lines that start with `.` and end
/// with a `.` line; gophernicus sends lone `.` lines mid-document, unstuffed, and no terminator;
/// pygopherd sends LF-only text with no terminator. So the final `.` line is removed, and `..`
/// unstuffed, only when the finished document really ends with a `.` line; no line in the
/// middle is ever dropped. While the document is still arriving, lines show as they came.
public struct TextDocument: Sendable {
    /// Lines end at LF, CRLF, or a CR alone (old Mac text).
    var store = LineStore(endsLinesAtLoneCR: true)
    /// Set by `finish()` when the document ended with a `.` line.
    public private(set) var isDotTerminated = false

    public init() {}

    public var isFinished: Bool { store.isFinished }
    public var byteCount: Int { store.byteCount }

    /// Lines so far, without the terminator once the document is known to have one.
    public var count: Int { isDotTerminated ? store.count - 1 : store.count }

    @discardableResult
    public mutating func append(_ chunk: some Collection<UInt8>) -> Range<Int> {
        store.append(chunk)
    }

    /// Ends the document (EOF) and decides whether it was dot-terminated.
    public mutating func finish() {
        store.finish()
        let last = store.count - 1
        isDotTerminated = last >= 0 && store.line(last).elementsEqual([UInt8(ascii: ".")])
    }

    /// Bytes of line `index` as the document means them (unstuffed when dot-terminated).
    public func lineBytes(_ index: Int) -> ArraySlice<UInt8> {
        let line = store.line(index)
        if isDotTerminated, line.starts(with: [UInt8(ascii: "."), UInt8(ascii: ".")]) {
            return line.dropFirst()
        }
        return line
    }

    /// Line `index`, decoded and sanitised: safe to print.
    public func line(_ index: Int) -> String {
        Sanitizer.clean(TextDecoder.decode(lineBytes(index)))
    }
}
