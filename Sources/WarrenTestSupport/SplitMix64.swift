/// A small deterministic random generator (SplitMix64), so that a failing randomised test can be
/// replayed from its seed.
public struct SplitMix64: Sendable {
    public var state: UInt64
    public init(state: UInt64) { self.state = state }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

/// Feeds `bytes` to `append` in chunks of at most `size` bytes, as a socket would deliver them.
public func feedInChunks(_ bytes: [UInt8], size: Int, to append: (ArraySlice<UInt8>) -> Void) {
    var start = 0
    while start < bytes.count {
        let end = min(start + size, bytes.count)
        append(bytes[start..<end])
        start = end
    }
}
