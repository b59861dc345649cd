extension GopherURL {
    /// Where a telnet or tn3270 item leads, as lynx writes it: `telnet://user@host:port`. For
    /// these types the selector is the name to log in as (RFC 1436); a CSO item is `cso://`.
    /// nil for other types.
    public var sessionAddress: String? {
        let scheme: String
        switch type {
        case .telnet: scheme = "telnet"
        case .tn3270: scheme = "tn3270"
        case .ccso: scheme = "cso"
        default: return nil
        }
        // Many maps put `/` where no login is meant.
        let login = selector == [UInt8(ascii: "/")] ? [] : selector
        let user = type == .ccso ? "" : Self.percentEncodedUser(login)
        return "\(scheme)://\(user.isEmpty ? "" : user + "@")\(endpoint)"
    }

    /// The login name as a URL's user part: unreserved characters as they are, the rest
    /// percent-encoded, so `@`, `:` or `/` in a name cannot change where the URL points.
    static func percentEncodedUser(_ bytes: [UInt8]) -> String {
        var text = ""
        for byte in bytes {
            let isUnreserved = (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte)
                || (0x61...0x7A).contains(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
            if isUnreserved {
                text.unicodeScalars.append(Unicode.Scalar(byte))
            } else {
                text += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return text
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
