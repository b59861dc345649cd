import SystemPackage

extension Terminal {
    /// Puts `text` on the clipboard with OSC 52, which xterm, tmux (with `set-clipboard`),
    /// kitty, foot and others honour; elsewhere it is ignored. The text goes base64-encoded, so
    /// nothing in it can act on the terminal.
    public func copyToClipboard(_ text: String) {
        let sequence = Array("\u{1B}]52;c;\(Self.base64(Array(text.utf8)))\u{07}".utf8)
        _ = try? FileDescriptor.standardOutput.writeAll(sequence)  // a terminal gone is nothing to say
    }

    nonisolated static func base64(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let a = bytes[index]
            let b = index + 1 < bytes.count ? bytes[index + 1] : 0
            let c = index + 2 < bytes.count ? bytes[index + 2] : 0
            out.append(alphabet[Int(a >> 2)])
            out.append(alphabet[Int((a & 0x03) << 4 | b >> 4)])
            out.append(index + 1 < bytes.count ? alphabet[Int((b & 0x0F) << 2 | c >> 6)] : UInt8(ascii: "="))
            out.append(index + 2 < bytes.count ? alphabet[Int(c & 0x3F)] : UInt8(ascii: "="))
            index += 3
        }
        return String(decoding: out, as: UTF8.self)
    }
}
