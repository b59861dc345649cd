#if canImport(Glibc)
import Glibc
#endif

/// Bytes that arrive in chunks, split into lines as they come, kept compactly.
///
/// Storage is a list of blocks of about `blockSize` bytes; a line never spans two blocks (a line
/// that would cross a block's end moves to the next block), so a line is always one contiguous
/// slice, and growing never copies what is already stored. Each line costs 12 bytes of index.
/// Lines end at LF; trailing CRs (CRLF, `\r\r\n`) are not part of the line.
public struct LineStore: Sendable {
    public static let blockSize = 1 << 20

    private struct LineRef: Sendable {
        var block: UInt32
        var start: UInt32
        var end: UInt32
    }

    private var blocks: [[UInt8]] = []
    private var lines: [LineRef] = []
    /// Where the unfinished line starts in the last block.
    private var pendingStart = 0
    public private(set) var byteCount = 0
    public private(set) var isFinished = false

    public init() {}

    /// Complete lines so far (plus the last, unterminated one once `finish()` is called).
    public var count: Int { lines.count }

    /// Whether the input so far ends in the middle of a line.
    public var hasPendingBytes: Bool { !blocks.isEmpty && blocks[blocks.count - 1].count > pendingStart }

    /// Bytes of line `index`, without its line ending.
    public func line(_ index: Int) -> ArraySlice<UInt8> {
        let ref = lines[index]
        var end = Int(ref.end)
        let block = blocks[Int(ref.block)]
        while end > Int(ref.start), block[end - 1] == 0x0D { end -= 1 }
        return block[Int(ref.start)..<end]
    }

    /// Adds bytes; returns the range of line indices completed by them.
    @discardableResult
    public mutating func append(_ chunk: some Collection<UInt8>) -> Range<Int> {
        precondition(!isFinished, "append after finish")
        let firstNew = lines.count
        byteCount += chunk.count
        let done: Void? = chunk.withContiguousStorageIfAvailable { appendContiguous($0) }
        if done == nil { Array(chunk).withUnsafeBufferPointer { appendContiguous($0) } }
        return firstNew..<lines.count
    }

    /// Splits at line feeds with `memchr`: this runs over every byte of every page.
    private mutating func appendContiguous(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            if let found = memchr(base + offset, 0x0A, buffer.count - offset) {
                let end = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                appendToPending(UnsafeBufferPointer(rebasing: buffer[offset..<end]), isLineEnd: true)
                offset = end
            } else {
                appendToPending(UnsafeBufferPointer(rebasing: buffer[offset...]), isLineEnd: false)
                return
            }
        }
    }

    /// Ends the input: an unterminated last line becomes a line. Returns the new line, if any.
    @discardableResult
    public mutating func finish() -> Range<Int> {
        let firstNew = lines.count
        if !isFinished, hasPendingBytes {
            let last = blocks.count - 1
            lines.append(LineRef(block: UInt32(last), start: UInt32(pendingStart), end: UInt32(blocks[last].count)))
            pendingStart = blocks[last].count
        }
        isFinished = true
        return firstNew..<lines.count
    }

    private mutating func appendToPending(_ bytes: some Collection<UInt8>, isLineEnd: Bool) {
        if blocks.isEmpty || blocks[blocks.count - 1].count + bytes.count > Self.blockSize {
            startNewBlock(reserving: bytes.count)
        }
        let last = blocks.count - 1
        blocks[last].append(contentsOf: bytes)
        if isLineEnd {
            // The reference ends before the LF; `line(_:)` trims CRs.
            let end = blocks[last].count - 1
            lines.append(LineRef(block: UInt32(last), start: UInt32(pendingStart), end: UInt32(end)))
            pendingStart = blocks[last].count
        }
    }

    /// Moves the unfinished line (if any) to a fresh block so that lines never span blocks.
    private mutating func startNewBlock(reserving extra: Int) {
        var block: [UInt8] = []
        var carried = 0
        if let last = blocks.indices.last {
            carried = blocks[last].count - pendingStart
            if carried == blocks[last].count, carried > 0 {
                // The whole block is one unfinished line: let it grow in place (appending
                // amortises; reserving here on every chunk would copy the line each time).
                return
            }
            block.reserveCapacity(max(Self.blockSize, carried + extra))
            block.append(contentsOf: blocks[last][pendingStart...])
            blocks[last].removeSubrange(pendingStart...)
        } else {
            block.reserveCapacity(max(min(Self.blockSize, 64 * 1024), extra))
        }
        blocks.append(block)
        pendingStart = 0
    }
}
