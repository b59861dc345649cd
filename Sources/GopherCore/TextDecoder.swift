/// Turns a line of bytes from the network into text.
///
/// Gopher has no charset header. UTF-8 is used where the line is valid UTF-8; otherwise the line
/// is read as Latin-1 (RFC 1436's charset), or as CP437 where it looks like DOS text (bytes that
/// are controls in Latin-1, or runs of box-drawing bytes). Deciding per line keeps one stray
/// byte from garbling a whole document.
public enum TextDecoder {
    public enum Encoding: Sendable, Equatable { case utf8, latin1, cp437 }

    public static func decode(_ bytes: some Collection<UInt8>) -> String {
        decodeWithEncoding(bytes).text
    }

    public static func decodeWithEncoding(_ bytes: some Collection<UInt8>) -> (text: String, encoding: Encoding) {
        if bytes.allSatisfy({ $0 < 0x80 }) {
            return (String(decoding: bytes, as: UTF8.self), .utf8)
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return (text, .utf8)
        }
        if looksLikeCP437(bytes) {
            var scalars = String.UnicodeScalarView()
            for byte in bytes {
                scalars.append(byte < 0x80 ? Unicode.Scalar(byte) : cp437High[Int(byte - 0x80)])
            }
            return (String(scalars), .cp437)
        }
        return (String(String.UnicodeScalarView(bytes.lazy.map { Unicode.Scalar($0) })), .latin1)
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

    /// Code page 437, bytes 0x80–0xFF.
    static let cp437High: [Unicode.Scalar] = Array(
        "ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u{00A0}"
            .unicodeScalars)
}
