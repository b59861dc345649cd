/// Finds the `.` line that ends a menu while the bytes are still arriving, so a server that sends
/// it and then keeps the connection open does not hold the page hostage: the fetch ends there.
/// (Only menus: in text, a lone `.` line may be content.)
public struct MenuTerminatorScanner: Sendable {
    private enum State { case lineStart, dot, dotCR, other }
    private var state = State.lineStart

    public init() {}

    /// The offset just past the terminator line in `chunk`, if it ends there.
    public mutating func scan(_ chunk: some Collection<UInt8>) -> Int? {
        var offset = 0
        for byte in chunk {
            offset += 1
            switch (state, byte) {
            case (_, 0x0A):
                if state == .dot || state == .dotCR { return offset }
                state = .lineStart
            case (.lineStart, UInt8(ascii: ".")): state = .dot
            case (.dot, 0x0D), (.dotCR, 0x0D): state = .dotCR
            default: state = .other
            }
        }
        return nil
    }
}
