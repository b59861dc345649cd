/// Scans over every byte of a page that must stay cheap, even in a debug build.
public enum ByteScan {
    /// Whether any byte is 0x80 or above: eight bytes at a time.
    static func containsNonASCII(_ bytes: some Collection<UInt8>) -> Bool {
        let found: Bool? = bytes.withContiguousStorageIfAvailable { buffer in
            let raw = UnsafeRawBufferPointer(buffer)
            var offset = 0
            while offset + 8 <= raw.count {
                if raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                    return true
                }
                offset += 8
            }
            while offset < raw.count {
                if raw[offset] >= 0x80 { return true }
                offset += 1
            }
            return false
        }
        return found ?? bytes.contains { $0 >= 0x80 }
    }

    /// Whether every byte is printable ASCII (0x20–0x7E): such text is already what decoding
    /// and sanitising would make of it. Eight bytes at a time.
    public static func isPrintableASCII(_ bytes: some Collection<UInt8>) -> Bool {
        let found: Bool? = bytes.withContiguousStorageIfAvailable { buffer in
            let raw = UnsafeRawBufferPointer(buffer)
            var offset = 0
            while offset + 8 <= raw.count {
                let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                // Per byte, as bit 7: 0x80 or above; below 0x20 (subtracting 0x20 borrows); or
                // 0x7F (adding 1 reaches 0x80). The first two are exact for "any byte".
                let high = word & 0x8080_8080_8080_8080
                let below = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
                let deleteOrAbove = (word &+ 0x0101_0101_0101_0101) & 0x8080_8080_8080_8080
                if high | below | deleteOrAbove != 0 { return false }
                offset += 8
            }
            while offset < raw.count {
                if raw[offset] < 0x20 || raw[offset] > 0x7E { return false }
                offset += 1
            }
            return true
        }
        return found ?? bytes.allSatisfy { $0 >= 0x20 && $0 <= 0x7E }
    }
}
