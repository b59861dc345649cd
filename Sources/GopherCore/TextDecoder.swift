import Glibc

/// Turns a line of bytes from the network into text.
///
/// Gopher has no charset header. UTF-8 is used where a line is valid UTF-8, line by line, so a
/// stray byte never garbles a document. Other lines are read in a legacy charset: a document
/// decides it from its whole text (`LegacyCharsetGuess`); a lone line (a menu item) from its own
/// bytes, as Latin-1 (RFC 1436's charset) or CP437 where it looks like DOS text. Legacy
/// charsets other than Latin-1 go through glibc's `iconv`.
public enum TextDecoder {
    public enum Encoding: Sendable, Equatable { case utf8, latin1, cp437 }

    public static func decode(_ bytes: some Collection<UInt8>) -> String {
        decodeWithEncoding(bytes).text
    }

    /// `bytes` as UTF-8 if they are, else in `legacy`.
    public static func decode(_ bytes: some Collection<UInt8>, legacy: LegacyCharset) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        return convert(bytes, from: legacy)
    }

    public static func decodeWithEncoding(_ bytes: some Collection<UInt8>) -> (text: String, encoding: Encoding) {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return (String(decoding: bytes, as: UTF8.self), .utf8)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return (text, .utf8)
        }
        if looksLikeCP437(bytes) { return (convert(bytes, from: .cp437), .cp437) }
        return (convert(bytes, from: .latin1), .latin1)
    }

    /// Latin-1 text never holds 0x80–0x9F (they are controls there) and rarely repeats a letter
    /// of 0xB0–0xDF three times; DOS art and tables do both.
    static func looksLikeCP437(_ bytes: some Collection<UInt8>) -> Bool {
        var previous: UInt8 = 0
        var run = 0
        for byte in bytes {
            if (0x80...0x9F).contains(byte) { return true }
            if (0xB0...0xDF).contains(byte) {
                run = byte == previous ? run + 1 : 1
                if run >= 3 { return true }
            } else {
                run = 0
            }
            previous = byte
        }
        return false
    }

    /// Every byte means one character in these charsets, so a conversion never fails; should
    /// `iconv` be missing its module, Latin-1 is the fallback.
    static func convert(_ bytes: some Collection<UInt8>, from charset: LegacyCharset) -> String {
        if charset == .latin1 { return String(String.UnicodeScalarView(bytes.lazy.map { Unicode.Scalar($0) })) }
        guard let converted = iconvToUTF8(Array(bytes), from: charset.iconvName) else {
            return convert(bytes, from: .latin1)
        }
        return converted
    }

    /// Through `iconv`, with each byte it cannot read (an invalid or cut-off sequence) turned
    /// into U+FFFD and the conversion resumed after it. Without the converter, Latin-1.
    static func convertReplacingInvalid(_ input: [UInt8], from name: String) -> String {
        let converter = iconv_open("UTF-8", name)
        guard converter != iconv_t(bitPattern: -1) else { return convert(input, from: .latin1) }
        defer { iconv_close(converter) }
        var result: [UInt8] = []
        result.reserveCapacity(input.count * 2)
        var output = [UInt8](repeating: 0, count: input.count * 4 + 8)
        var source = input
        source.withUnsafeMutableBytes { inRaw in
            var inPointer = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
            var inLeft = inRaw.count
            while inLeft > 0 {
                output.withUnsafeMutableBytes { outRaw in
                    var outPointer = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                    var outLeft = outRaw.count
                    let status = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    result += outRaw[..<(outRaw.count - outLeft)]
                    if status == -1, inLeft > 0 {
                        // EILSEQ or EINVAL: one byte that reads as nothing; the room is ample.
                        result += [0xEF, 0xBF, 0xBD]
                        inPointer = inPointer.map { $0 + 1 }
                        inLeft -= 1
                        iconv(converter, nil, nil, nil, nil)  // back to the initial shift state
                    }
                }
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static func iconvToUTF8(_ input: [UInt8], from name: String) -> String? {
        let converter = iconv_open("UTF-8", name)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var source = input
        var output = [UInt8](repeating: 0, count: input.count * 4 + 4)  // 3 bytes a char at most here
        let written: Int? = source.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw in
                var inPointer = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count
                var outPointer = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outRaw.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return outRaw.count - outLeft
            }
        }
        guard let written else { return nil }
        return String(decoding: output[..<written], as: UTF8.self)
    }
}

/// The single-byte charsets older gopher text comes in.
public enum LegacyCharset: Sendable, Equatable {
    /// ISO 8859-1, RFC 1436's charset.
    case latin1
    /// IBM PC code page 437: DOS text, box drawing.
    case cp437

    var iconvName: String {
        switch self {
        case .latin1: return "ISO-8859-1"
        case .cp437: return "IBM437"
        }
    }

    public var name: String {
        switch self {
        case .latin1: return "Latin-1"
        case .cp437: return "CP437"
        }
    }
}

/// Decides a document's legacy charset from all of its lines that are not UTF-8. Box-drawing
/// bytes (0xB0–0xDF) between spaces, other such bytes or line ends are DOS tables and art;
/// bytes next to ASCII letters are accented letters of words, Latin-1. Bytes 0x80–0x9F are
/// controls in Latin-1 and letters in CP437.
public struct LegacyCharsetGuess: Sendable, Equatable {
    private var cp437Evidence = 0
    private var latin1Evidence = 0
    /// Some line was neither ASCII nor UTF-8.
    public private(set) var sawLegacyText = false

    public init() {}

    public var charset: LegacyCharset { cp437Evidence > latin1Evidence ? .cp437 : .latin1 }

    public mutating func consider(_ line: some Collection<UInt8>) {
        guard line.contains(where: { $0 >= 0x80 }), String(validating: line, as: UTF8.self) == nil else { return }
        sawLegacyText = true
        let bytes = Array(line)
        func isLetter(_ index: Int) -> Bool {
            guard bytes.indices.contains(index) else { return false }
            let byte = bytes[index] | 0x20
            return byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")
        }
        for (index, byte) in bytes.enumerated() where byte >= 0x80 {
            let besideALetter = isLetter(index - 1) || isLetter(index + 1)
            switch byte {
            case 0x80...0x9F:
                cp437Evidence += 2
            case 0xB0...0xDF:
                if besideALetter { latin1Evidence += 1 } else { cp437Evidence += 2 }
            case 0xE0...0xFF:
                if besideALetter { latin1Evidence += 1 }
            default:
                break
            }
        }
    }
}
