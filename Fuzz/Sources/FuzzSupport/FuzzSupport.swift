// Helpers shared by the fuzz targets: a deterministic chunking of the input, and reference
// implementations of the line rules, written the obvious way to check the real ones against.

public enum Chunker {
    /// `bytes` cut into chunks whose sizes (0 to 1 + first byte % 64, empty chunks included)
    /// follow from the first byte, so that libFuzzer explores split points by mutating it.
    public static func chunks(of bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        guard let first = bytes.first else { return [bytes[...]] }
        let largest = 1 + Int(first % 64)
        var state = UInt32(first) &* 2_654_435_761 &+ 1
        var chunks: [ArraySlice<UInt8>] = []
        var offset = 0
        var emptyInARow = 0
        while offset < bytes.count {
            state = state &* 1_103_515_245 &+ 12_345
            var size = Int(state >> 16) % (largest + 1)
            if size == 0 {
                emptyInARow += 1
                if emptyInARow > 1 { size = 1 }
            }
            if size > 0 { emptyInARow = 0 }
            let end = min(bytes.count, offset + size)
            chunks.append(bytes[offset..<end])
            offset = end
        }
        return chunks
    }
}

public enum Reference {
    /// Lines split at LF, trailing CRs removed; a final line without LF counts if it has bytes.
    public static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.map { line in
            var line = line
            while line.last == 0x0D { line = line.dropLast() }
            return line
        }
    }

    /// Lines of a text document: they end at LF, at CRs followed by LF (one end), and at each
    /// lone CR; a final line without a line end counts if it has bytes.
    public static func documentLines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        var index = 0
        while index < bytes.count {
            if bytes[index] == 0x0A {
                lines.append(bytes[start..<index])
                index += 1
                start = index
            } else if bytes[index] == 0x0D {
                var run = index
                while run < bytes.count, bytes[run] == 0x0D { run += 1 }
                lines.append(bytes[start..<index])
                if run < bytes.count, bytes[run] == 0x0A {
                    index = run + 1
                } else {
                    lines += Array(repeating: bytes[run..<run], count: run - index - 1)
                    index = run
                }
                start = index
            } else {
                index += 1
            }
        }
        if start < bytes.count { lines.append(bytes[start...]) }
        return lines
    }

    static func isDot(_ line: ArraySlice<UInt8>) -> Bool { line.elementsEqual([UInt8(ascii: ".")]) }

    /// A menu: the items are the lines before the first `.` line.
    public static func menuLines(_ bytes: [UInt8]) -> (items: Int, terminator: Bool) {
        let all = lines(bytes)
        if let dot = all.firstIndex(where: isDot) { return (dot, true) }
        return (all.count, false)
    }

    /// A text document: dot-terminated only when the last line is `.`, and then `..` is unstuffed.
    public static func textLines(_ bytes: [UInt8]) -> (lines: [ArraySlice<UInt8>], dotTerminated: Bool) {
        var all = documentLines(bytes)
        guard let last = all.last, isDot(last) else { return (all, false) }
        all.removeLast()
        let unstuffed = all.map { $0.starts(with: [0x2E, 0x2E]) ? $0.dropFirst() : $0 }
        return (unstuffed, true)
    }

    /// The first scalar that must not reach a terminal: C0 (ESC included), DEL, C1, a bidi
    /// embedding/override/isolate. TAB and LF are C0, so neither may appear either.
    public static func firstUnsafeScalar(_ text: String) -> UInt32? {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
                || (0x2066...0x2069).contains(value)
            {
                return value
            }
        }
        return nil
    }
}
