/// Writes menu lines, for the files Warren keeps as gophermaps (bookmarks) and the menus it
/// builds (history).
public enum GophermapLine {
    /// `<type><display>TAB<selector>TAB<host>TAB<port>CRLF`. TAB, CR and LF in the display
    /// string become spaces, so one item stays one line.
    public static func make(for url: GopherURL, display: String) -> [UInt8] {
        let cleanDisplay = display.unicodeScalars.map { scalar -> String in
            scalar.value == 0x09 || scalar.value == 0x0A || scalar.value == 0x0D ? " " : String(scalar)
        }.joined()
        var line: [UInt8] = [url.isSecure ? ItemType.html.byte : url.type.byte]
        line += Array(Sanitizer.clean(cleanDisplay).utf8)
        line.append(0x09)
        if url.isSecure {
            // A menu line has no field for TLS: a gophers:// place is kept as a URL: link, which
            // Warren follows over TLS (and other clients show as an address).
            var plain = url
            plain.search = nil
            line += Array("URL:\(plain)".utf8)
        } else {
            line += url.requestLine.prefix { $0 != 0x09 }  // the selector; a search is not kept
        }
        line.append(0x09)
        line += Array(url.host.utf8)
        line.append(0x09)
        line += Array(String(url.port).utf8)
        line += [0x0D, 0x0A]
        return line
    }

    public static func info(_ text: String) -> [UInt8] {
        Array("i\(Sanitizer.clean(text))\t\tnull.host\t1\r\n".utf8)
    }
}
