extension GopherURL: CustomStringConvertible {
    /// The RFC 4266 form. Parsing it gives back the same URL.
    public var description: String {
        var text = (isSecure ? "gophers://" : "gopher://") + Self.bracketed(host)
        if port != Self.standardPort { text += ":\(port)" }
        text += "/"
        text += Self.percentEncode([type.byte])
        text += Self.percentEncode(selector)
        if let search { text += "%09" + Self.percentEncode(search) }
        return text
    }

    /// Bytes that stand for themselves in a URL path; everything else is `%XX`.
    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return "-._~/!$&'()*+,;=:@".utf8.contains(byte)
        }
    }

    static func percentEncode(_ bytes: [UInt8]) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for byte in bytes {
            if isUnreserved(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
