#if canImport(Glibc)
import Glibc
#endif

/// Finds the `.` line that ends a menu while the bytes are still arriving, so a server that sends
/// it and then keeps the connection open does not hold the page hostage: the fetch ends there.
/// (Only menus: in text, a lone `.` line may be content.)
public struct MenuTerminatorScanner: Sendable {
    private enum State { case lineStart, dot, dotCR, other }
    private var state = State.lineStart

    public init() {}

    /// The offset just past the terminator line in `chunk`, if it ends there.
    public mutating func scan(_ chunk: some Collection<UInt8>) -> Int? {
        if let found = chunk.withContiguousStorageIfAvailable({ scan(buffer: $0) }) { return found }
        return Array(chunk).withUnsafeBufferPointer { scan(buffer: $0) }
    }

    /// Runs over every byte of every menu: only line starts are looked at byte by byte; the rest
    /// of each line is skipped with `memchr`.
    private mutating func scan(buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = buffer.baseAddress else { return nil }
        var offset = 0
        while offset < buffer.count {
            if state == .other {
                guard let newline = memchr(base + offset, 0x0A, buffer.count - offset) else { return nil }
                offset = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
                state = .lineStart
                continue
            }
            let byte = base[offset]
            offset += 1
            switch (state, byte) {
            case (.dot, 0x0A), (.dotCR, 0x0A): return offset
            case (_, 0x0A): state = .lineStart
            case (.lineStart, UInt8(ascii: ".")): state = .dot
            case (.dot, 0x0D), (.dotCR, 0x0D): state = .dotCR
            default: state = .other
            }
        }
        return nil
    }
}
