// libFuzzer target: `TextDocument`, `SafeFileName` and `ServerErrorDetector` on arbitrary bytes.
// Invariants: chunked and whole documents have the same lines; no line holds a terminal control
// or a line feed; the lines are those ending at LF, CRLF or a lone CR (a final unterminated line
// counts, a final `.` line does not); a suggested file name never holds `/` or NUL, is never `.`
// or `..` (nor empty, hidden, an option, too long, or unclean); the error detector passes every
// byte through in order unless it reports an error, and reports the same whole or chunked.
import FuzzSupport
import GopherCore

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let chunks = Chunker.chunks(of: bytes)
    checkDocument(bytes, chunks)
    checkFileName(bytes)
    checkErrorDetector(bytes, chunks)
    return 0
}

func checkDocument(_ bytes: [UInt8], _ chunks: [ArraySlice<UInt8>]) {
    var whole = TextDocument()
    whole.append(bytes)
    whole.finish()
    var chunked = TextDocument()
    for chunk in chunks { chunked.append(chunk) }
    chunked.finish()

    guard whole.count == chunked.count, whole.isDotTerminated == chunked.isDotTerminated else {
        fatalError("FuzzText: chunked document differs")
    }
    let expected = Reference.textLines(bytes)
    guard whole.isDotTerminated == expected.dotTerminated else { fatalError("FuzzText: dot terminator misjudged") }
    guard whole.count == expected.lines.count else {
        fatalError("FuzzText: \(whole.count) lines for \(expected.lines.count)")
    }
    for index in 0..<whole.count {
        guard whole.lineBytes(index).elementsEqual(expected.lines[index]) else {
            fatalError("FuzzText: line \(index) bytes differ from the input")
        }
        let line = whole.line(index)
        guard line == chunked.line(index) else { fatalError("FuzzText: chunked line \(index) differs") }
        if let bad = Reference.firstUnsafeScalar(line) {
            fatalError("FuzzText: line holds U+\(String(bad, radix: 16))")
        }
    }
}

func checkFileName(_ bytes: [UInt8]) {
    let type = ItemType(bytes.first ?? UInt8(ascii: "9"))
    check(SafeFileName.suggested(forSelector: bytes, type: type), "suggested")
    check(SafeFileName.clean(String(decoding: bytes, as: UTF8.self)), "clean")

    func check(_ name: String, _ what: String) {
        guard !name.utf8.contains(UInt8(ascii: "/")) else { fatalError("FuzzText: \(what) name holds /") }
        guard !name.utf8.contains(0) else { fatalError("FuzzText: \(what) name holds NUL") }
        guard name != ".", name != ".." else { fatalError("FuzzText: \(what) name is . or ..") }
        guard !name.isEmpty else { fatalError("FuzzText: \(what) name is empty") }
        guard name.utf8.count <= SafeFileName.maximumBytes else { fatalError("FuzzText: \(what) name too long") }
        guard let first = name.unicodeScalars.first, first != ".", first != "-" else {
            fatalError("FuzzText: \(what) name starts with . or -")
        }
        if let bad = Reference.firstUnsafeScalar(name) {
            fatalError("FuzzText: \(what) name holds U+\(String(bad, radix: 16))")
        }
        guard SafeFileName.isSafe(name) else { fatalError("FuzzText: \(what) name is not clean (clean is not idempotent)") }
    }
}

func checkErrorDetector(_ bytes: [UInt8], _ chunks: [ArraySlice<UInt8>]) {
    var chunked = ServerErrorDetector()
    var passed: [UInt8] = []
    for chunk in chunks { passed += chunked.consume(chunk) }
    let chunkedResult = chunked.finish()

    var whole = ServerErrorDetector()
    var wholePassed = whole.consume(bytes)
    let wholeResult = whole.finish()

    switch (chunkedResult, wholeResult) {
    case (.success(let rest), .success(let wholeRest)):
        passed += rest
        wholePassed += wholeRest
        guard passed == bytes else { fatalError("FuzzText: error detector lost or reordered bytes (chunked)") }
        guard wholePassed == bytes else { fatalError("FuzzText: error detector lost or reordered bytes (whole)") }
    case (.failure(let message), .failure(let wholeMessage)):
        guard message == wholeMessage else { fatalError("FuzzText: error message differs chunked") }
        if let bad = Reference.firstUnsafeScalar(message.text) {
            fatalError("FuzzText: error message holds U+\(String(bad, radix: 16))")
        }
    default:
        fatalError("FuzzText: error detector decides differently chunked")
    }
}
