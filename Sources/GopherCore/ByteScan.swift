/// Scans over every byte of a page that must stay cheap, even in a debug build.
enum ByteScan {
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
}
