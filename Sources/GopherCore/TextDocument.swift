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
    /// The charset for lines that are not UTF-8, decided from the whole text so far.
    public private(set) var charsetGuess = LegacyCharsetGuess()
    /// `auto`: UTF-8 where a line is valid, else `charsetGuess`; or the charset the reader
    /// chose with `E`, for every line.
    public var encoding = PageEncoding.auto
    /// The unfinished line may hold bytes above ASCII (it is looked at when it completes).
    private var pendingMayBeLegacy = false

    public init() {}

    /// A document whose older blocks go to `spool` (see `LineStore`), for pages of any size.
    public init(spool: (any BlockSpool)?) {
        store = LineStore(endsLinesAtLoneCR: true, spool: spool)
    }

    /// Memory the document holds (what is spooled to disk is not counted).
    public var residentByteCount: Int { store.residentByteCount }
    /// Why the spool could not take more of the document (a full disk), if that has happened.
    public var spoolFailure: String? { store.spoolFailure }

    public var isFinished: Bool { store.isFinished }
    public var byteCount: Int { store.byteCount }

    /// Lines so far, without the terminator once the document is known to have one.
    public var count: Int { isDotTerminated ? store.count - 1 : store.count }

    @discardableResult
    public mutating func append(_ chunk: some Collection<UInt8>) -> Range<Int> {
        let lines = store.append(chunk)
        // Only bytes above ASCII can be evidence: plain text costs one scan of each chunk.
        let chunkHasHighBytes = ByteScan.containsNonASCII(chunk)
        if chunkHasHighBytes || pendingMayBeLegacy {
            for index in lines { charsetGuess.consider(store.line(index)) }
        }
        pendingMayBeLegacy = store.hasPendingBytes && (chunkHasHighBytes || (pendingMayBeLegacy && lines.isEmpty))
        return lines
    }

    /// For consumers that stream (`--dump`): forgets every line but the last `kept` (see
    /// `LineStore.discardLines`); the charset evidence so far stays. Indices start again at 0.
    public mutating func forgetLines(keepingLast kept: Int) {
        store.discardLines(keepingLast: kept)
    }

    /// Bytes of the line still arriving.
    public var pendingByteCount: Int { store.pendingByteCount }

    /// Ends the line still arriving here (a streaming consumer's cut of an endless line).
    public mutating func endPendingLine() {
        for index in store.endPendingLine() { charsetGuess.consider(store.line(index)) }
        pendingMayBeLegacy = false
    }

    /// Ends the document (EOF) and decides whether it was dot-terminated.
    public mutating func finish() {
        for index in store.finish() { charsetGuess.consider(store.line(index)) }
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

    /// Whether line `index` can hold an address (`://` in its bytes): most lines do not, and
    /// are not decoded to look.
    public func mayHoldAddress(_ index: Int) -> Bool {
        let bytes = lineBytes(index)
        var colon = bytes.startIndex
        while let found = bytes[colon...].firstIndex(of: UInt8(ascii: ":")) {
            let after = bytes.index(after: found)
            if bytes[after...].starts(with: [UInt8(ascii: "/"), UInt8(ascii: "/")]) { return true }
            colon = after
        }
        return false
    }

    /// Line `index`, decoded and sanitised: safe to print.
    public func line(_ index: Int) -> String {
        Sanitizer.clean(decoded(lineBytes(index)))
    }

    /// Bytes of this document as text, in its encoding (sanitising is the caller's).
    public func decoded(_ bytes: some Collection<UInt8>) -> String {
        encoding == .auto
            ? TextDecoder.decode(bytes, legacy: charsetGuess.charset) : TextDecoder.decode(bytes, as: encoding)
    }
}
