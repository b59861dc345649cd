#if canImport(Glibc)
import Glibc
#endif

/// Bytes that arrive in chunks, split into lines as they come, kept compactly.
///
/// Storage is a list of blocks of about `blockSize` bytes; a line never spans two blocks (a line
/// that would cross a block's end moves to the next block), so a line is always one contiguous
/// slice, and growing never copies what is already stored. Each line costs 12 bytes of index.
/// Lines end at LF; trailing CRs (CRLF, `\r\r\n`) are not part of the line. With
/// `endsLinesAtLoneCR` (text documents: old Mac files use CR alone), a CR that no LF follows
/// ends a line too, one line per CR; a CR at the end of a chunk waits for the next byte.
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
    public let endsLinesAtLoneCR: Bool
    /// CRs at the very end of the input so far (lone-CR mode): line ends, unless an LF follows.
    private var pendingCRs = 0

    public init(endsLinesAtLoneCR: Bool = false) { self.endsLinesAtLoneCR = endsLinesAtLoneCR }

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

    /// Splits at line feeds with `memchr`: this runs over every byte of every page. Lone CRs
    /// are looked for only where a chunk holds a CR at all.
    private mutating func appendContiguous(_ buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        if endsLinesAtLoneCR, pendingCRs > 0 || memchr(base, 0x0D, buffer.count) != nil {
            appendSplittingAtLoneCRs(buffer)
            return
        }
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

    /// The slow path of lone-CR mode: each run of CRs either belongs to a CRLF (an LF follows)
    /// or ends one line per CR.
    private mutating func appendSplittingAtLoneCRs(_ buffer: UnsafeBufferPointer<UInt8>) {
        var offset = 0
        while offset < buffer.count {
            let byte = buffer[offset]
            if byte == 0x0D {
                var run = offset
                while run < buffer.count, buffer[run] == 0x0D { run += 1 }
                appendToPending(UnsafeBufferPointer(rebasing: buffer[offset..<run]), isLineEnd: false)
                pendingCRs += run - offset
                offset = run
                if offset < buffer.count, buffer[offset] != 0x0A { endLinesAtPendingCRs() }
                continue
            }
            if byte == 0x0A {
                // CRs and an LF: one line end, the CRs trimmed by `line(_:)`.
                pendingCRs = 0
                appendToPending(UnsafeBufferPointer(rebasing: buffer[offset...offset]), isLineEnd: true)
                offset += 1
                continue
            }
            if pendingCRs > 0 { endLinesAtPendingCRs() }
            // Up to the next CR or LF, whichever comes first (memchr: this is most of the bytes).
            let end = min(Self.index(of: 0x0D, in: buffer, from: offset), Self.index(of: 0x0A, in: buffer, from: offset))
            appendToPending(UnsafeBufferPointer(rebasing: buffer[offset..<end]), isLineEnd: false)
            offset = end
        }
    }

    /// Where `byte` next occurs in `buffer` from `start`, or the buffer's end.
    private static func index(of byte: UInt8, in buffer: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = buffer.baseAddress, start < buffer.count,
            let found = memchr(base + start, Int32(byte), buffer.count - start)
        else { return buffer.count }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// The pending CRs end the pending line, and each further CR an empty line.
    private mutating func endLinesAtPendingCRs() {
        guard pendingCRs > 0, let last = blocks.indices.last else { return }
        let count = blocks[last].count
        let firstCR = count - pendingCRs
        lines.append(LineRef(block: UInt32(last), start: UInt32(pendingStart), end: UInt32(firstCR)))
        for _ in 1..<pendingCRs {
            lines.append(LineRef(block: UInt32(last), start: UInt32(count), end: UInt32(count)))
        }
        pendingStart = count
        pendingCRs = 0
    }

    /// For consumers that stream (`--dump`): forgets every complete line but the last `kept`,
    /// and every block that no kept line and no unfinished line is in, so memory stays at about
    /// a block whatever the size. Line indices start again at 0 (the kept lines are 0..<kept).
    public mutating func discardLines(keepingLast kept: Int = 0) {
        let keptLines = lines.suffix(kept)
        let firstBlock = keptLines.first.map { Int($0.block) } ?? max(0, blocks.count - 1)
        lines = keptLines.map { LineRef(block: $0.block - UInt32(firstBlock), start: $0.start, end: $0.end) }
        if firstBlock > 0 { blocks.removeFirst(firstBlock) }
    }

    /// Blocks in memory (what `discardLines` frees).
    public var heldBlockCount: Int { blocks.count }

    /// Bytes of the unfinished line so far.
    public var pendingByteCount: Int { blocks.isEmpty ? 0 : blocks[blocks.count - 1].count - pendingStart - pendingCRs }

    /// Ends the unfinished line here, as if a line feed had come (streaming consumers cut an
    /// endless line this way). Returns the new line, if any.
    @discardableResult
    public mutating func endPendingLine() -> Range<Int> {
        let firstNew = lines.count
        if pendingCRs > 0 { endLinesAtPendingCRs() }
        if hasPendingBytes {
            let last = blocks.count - 1
            lines.append(LineRef(block: UInt32(last), start: UInt32(pendingStart), end: UInt32(blocks[last].count)))
            pendingStart = blocks[last].count
        }
        return firstNew..<lines.count
    }

    /// Ends the input: an unterminated last line becomes a line. Returns the new line, if any.
    @discardableResult
    public mutating func finish() -> Range<Int> {
        let firstNew = lines.count
        if !isFinished { endPendingLine() }
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
