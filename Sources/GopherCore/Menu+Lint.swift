/// What is out of spec in a menu, line by line, for the people who write gophermaps: the same
/// lines and the same classification the parser used (`Menu.classification`), with the reason
/// each line needed lenience or could not be used. RFC 1436 is the spec; "some clients" are
/// the ones that cut or refuse what the lenient rules repair.
extension Menu {
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        /// The line's number in the menu as sent, from 1; nil for the menu as a whole.
        public let line: Int?
        public let reason: String

        public init(line: Int?, _ reason: String) {
            self.line = line
            self.reason = reason
        }

        public var description: String { line.map { "line \($0): \(reason)" } ?? reason }
    }

    /// The longest display string RFC 1436 suggests (it asks for fewer than 70 characters).
    public static let longestDisplay = 69

    /// Every finding, in line order, then those about the whole menu. `bytesAfterTerminator`:
    /// what the fetch saw after the `.` line (it passes nothing after it on).
    public func lint(bytesAfterTerminator: Int = 0) -> [Finding] {
        var findings: [Finding] = []
        var endings = (lf: 0, crlf: 0, firstLF: 0, firstCRLF: 0)
        var previousLinkType: ItemType?
        for index in 0..<count {
            let number = index + 1
            let raw = store.line(index)
            let ending = store.lineEnding(index)
            if ending.first == 0x0D {
                endings.crlf += 1
                if endings.firstCRLF == 0 { endings.firstCRLF = number }
            } else if ending.first == 0x0A {
                endings.lf += 1
                if endings.firstLF == 0 { endings.firstLF = number }
            }
            findings += Self.findings(in: Self.unstuffed(raw), number: number, kind: kind(at: index),
                                      previousLinkType: previousLinkType, hasOrigin: origin != nil)
            if kind(at: index) == .link || kind(at: index) == .invalidLink, raw.first != UInt8(ascii: "+") {
                previousLinkType = ItemType(raw.first ?? 0)
            }
        }
        if endings.lf > 0, endings.crlf > 0 {
            let first = max(endings.firstLF, endings.firstCRLF)
            findings.append(Finding(line: first, "mixed line endings: \(endings.crlf) end in CRLF, \(endings.lf) in LF alone (RFC 1436 asks for CRLF)"))
        }
        if isFinished, !sawTerminator {
            findings.append(Finding(line: nil, "no \".\" line at the end"))
        } else if sawTerminator, bytesAfterTerminator > 0 || store.count > count + 1 || store.hasPendingBytes {
            findings.append(Finding(line: count + 1, "bytes after the \".\" line"))
        }
        return findings
    }

    /// The reasons one line is out of spec.
    static func findings(
        in line: ArraySlice<UInt8>, number: Int, kind: MenuItem.Kind, previousLinkType: ItemType?, hasOrigin: Bool
    ) -> [Finding] {
        var found: [Finding] = []
        func say(_ reason: String) { found.append(Finding(line: number, reason)) }
        if let control = line.first(where: { ($0 < 0x20 && $0 != 0x09) || $0 == 0x7F }) {
            say("a control byte (0x\(String(control, radix: 16, uppercase: true)))")
        }
        guard let typeByte = line.first, !line.allSatisfy({ $0 == 0x09 || $0 == 0x20 }) else { return found }
        let fields = line.dropFirst().split(separator: 0x09, maxSplits: 4, omittingEmptySubsequences: false)
        let type = ItemType(typeByte)
        switch type.handling {
        case .notALink:
            if fields.count < 4 {
                say("\(type == .info ? "an i" : "a 3") line with \(fields.count) field\(fields.count == 1 ? "" : "s") (4 are expected, the host and port may be fake)")
            }
            return found
        case .unknown:
            if kind == .plain {
                say("not a menu line: no item type and fields (\(fields.count) field\(fields.count == 1 ? "" : "s"))")
            } else {
                say("unknown item type \"\(Sanitizer.clean(String(decoding: [typeByte], as: UTF8.self)))\"")
            }
            return found
        default:
            break
        }
        if typeByte == UInt8(ascii: "+") {
            if isGopherPlusHeader(line) {
                say("a Gopher+ header or attribute line in a menu")
                return found
            }
            if previousLinkType == nil { say("a + line with no link before it") }
        }
        guard fields.count >= 3 else {
            say("missing fields: \(fields.count) of 4 (display, selector, host, port)")
            return found
        }
        if fields[0].count > longestDisplay {
            say("display string of \(fields[0].count) bytes: some clients cut it at \(longestDisplay + 1)")
        }
        if fields[1].count > GopherURL.maximumSelectorLength {
            say("selector of \(fields[1].count) bytes (255 at most)")
        }
        // A web link carries its address in the selector: its host and port are not used.
        if type.handling == .externalURL, ExternalURL.target(of: fields[1]) != nil { return found }
        let host = fields[2]
        if host.isEmpty {
            say(hasOrigin ? "empty host (this server is assumed)" : "empty host")
        } else if placeholderHosts.contains(String(decoding: host, as: UTF8.self).lowercased()) {
            say("placeholder host \"\(String(decoding: host, as: UTF8.self))\" on a link")
        }
        if fields.count < 4 || fields[3].allSatisfy({ $0 == 0x20 }) {
            say("missing port (70 is assumed)")
        } else if MenuItem.port(bytes: fields[3]) == nil {
            say("port \"\(Sanitizer.clean(String(decoding: fields[3], as: UTF8.self)))\" is not 1–65535")
        }
        return found
    }
}
