#if canImport(Glibc)
import Glibc
#endif

/// Bytes that arrive in chunks, split into lines as they come, kept compactly.
///
/// Storage is a list of blocks of about `blockSize` bytes; a line never spans two blocks (a line
/// that would cross a block's end moves to the next block), so a line is always one contiguous
/// slice, and growing never copies what is already stored. Each block indexes its own lines in
/// 4 bytes a line (where it starts; it ends where the next starts, less its line ending), and
/// keeps a tag byte a line for its owner (what a menu line is). Lines end at LF; trailing CRs
/// (CRLF, `\r\r\n`) are not part of the line. With `endsLinesAtLoneCR` (text documents: old
/// Mac files use CR alone), a CR that no LF follows ends a line too, one line per CR; a CR at
/// the end of a chunk waits for the next byte.
///
/// With a `spool`, only the newest `residentBlocks` blocks stay in memory: older full blocks,
/// with their index and tags, are written to it and read back when a line in them is asked for,
/// so a page of any size holds a few MiB and about 40 bytes a block.
public struct LineStore: Sendable {
    public static let blockSize = 1 << 20

    private struct Block: Sendable {
        /// The bytes, while the block is in memory (empty once spooled).
        var bytes: [UInt8]
        /// Where each of its lines starts (empty once spooled).
        var starts: [UInt32] = []
        /// The owner's tag for each of its lines (empty once spooled).
        var tags: [UInt8] = []
        /// Where the block is in the spool, once written there: its bytes, then its starts, then
        /// its tags.
        var spooled: SpooledBlock?
        /// The index of its first line, and how many it has.
        var firstLine: Int
        var lineCount = 0
        /// Where its complete lines end (a block's unfinished line moves to the next block).
        var linesEnd = 0

        init(bytes: [UInt8], firstLine: Int) {
            self.bytes = bytes
            self.firstLine = firstLine
        }
    }

    private var blocks: [Block] = []
    /// Complete lines so far.
    public private(set) var count = 0
    /// Where the unfinished line starts in the last block.
    private var pendingStart = 0
    public private(set) var byteCount = 0
    public private(set) var isFinished = false
    public let endsLinesAtLoneCR: Bool
    /// CRs at the very end of the input so far (lone-CR mode): line ends, unless an LF follows.
    private var pendingCRs = 0
    private let spool: (any BlockSpool)?
    /// With a spool, how many blocks stay in memory (the newest, the one being filled among them).
    public let residentBlocks: Int
    /// Why the spool could not take a block (a full disk), once that has happened; the blocks
    /// then stay in memory.
    public private(set) var spoolFailure: String?

    public init(endsLinesAtLoneCR: Bool = false, spool: (any BlockSpool)? = nil, residentBlocks: Int = 2) {
        self.endsLinesAtLoneCR = endsLinesAtLoneCR
        self.spool = spool
        self.residentBlocks = max(1, residentBlocks)
    }

    /// Whether the input so far ends in the middle of a line.
    public var hasPendingBytes: Bool { !blocks.isEmpty && blocks[blocks.count - 1].bytes.count > pendingStart }

    /// Memory the store holds: blocks in memory with their index (not what is in the spool).
    public var residentByteCount: Int {
        blocks.reduce(0) { $0 + $1.bytes.capacity + $1.starts.capacity * 4 + $1.tags.capacity }
            + blocks.capacity * MemoryLayout<Block>.stride
    }

    /// Blocks in memory (what spooling and `discardLines` free).
    public var heldBlockCount: Int { blocks.count { $0.spooled == nil } }

    /// Bytes of line `index`, without its line ending.
    public func line(_ index: Int) -> ArraySlice<UInt8> { line(index, withEnding: false) }

    /// How line `index` ended: `\n`, `\r\n` (or more CRs), a lone CR's, or nothing (the end).
    public func lineEnding(_ index: Int) -> ArraySlice<UInt8> {
        // One read: the line without its ending is worked out from the same bytes.
        let whole = line(index, withEnding: true)
        var end = whole.endIndex
        if end > whole.startIndex, whole[end - 1] == 0x0A { end -= 1 }
        while end > whole.startIndex, whole[end - 1] == 0x0D { end -= 1 }
        return whole[end...]
    }

    private func line(_ index: Int, withEnding: Bool) -> ArraySlice<UInt8> {
        let block = blocks[blockIndex(ofLine: index)]
        let local = index - block.firstLine
        let bytes: [UInt8]
        let start: Int
        var end: Int
        if let spooled = block.spooled {
            // A spool that cannot read back (the file gone bad) loses the line, never the app.
            guard let blob = spool?.read(spooled), blob.count == Self.spooledSize(of: block) else { return [] }
            bytes = blob
            start = Self.start(local, in: blob, after: block.linesEnd)
            end = local + 1 < block.lineCount ? Self.start(local + 1, in: blob, after: block.linesEnd) : block.linesEnd
        } else {
            bytes = block.bytes
            start = Int(block.starts[local])
            end = local + 1 < block.lineCount ? Int(block.starts[local + 1]) : block.linesEnd
        }
        if withEnding { return bytes[start..<end] }
        // The line ending: one LF, and the CRs before it (or a lone-CR line's CRs).
        if end > start, bytes[end - 1] == 0x0A { end -= 1 }
        while end > start, bytes[end - 1] == 0x0D { end -= 1 }
        return bytes[start..<end]
    }

    /// The owner's tag of line `index` (0 until set).
    public func tag(ofLine index: Int) -> UInt8 {
        let block = blocks[blockIndex(ofLine: index)]
        let local = index - block.firstLine
        guard let spooled = block.spooled else { return local < block.tags.count ? block.tags[local] : 0 }
        guard let blob = spool?.read(spooled), blob.count == Self.spooledSize(of: block) else { return 0 }
        return blob[block.linesEnd + 4 * block.lineCount + local]
    }

    /// Tags line `index`; lines are tagged as they complete, while their block is in memory.
    public mutating func setTag(_ tag: UInt8, ofLine index: Int) {
        let last = blockIndex(ofLine: index)
        let local = index - blocks[last].firstLine
        guard blocks[last].spooled == nil else { return }
        while blocks[last].tags.count <= local { blocks[last].tags.append(0) }
        blocks[last].tags[local] = tag
    }

    /// The block holding line `index`: the last whose first line is at or before it.
    private func blockIndex(ofLine index: Int) -> Int {
        var low = 0
        var high = blocks.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if blocks[middle].firstLine <= index { low = middle } else { high = middle - 1 }
        }
        return low
    }

    private static func spooledSize(of block: Block) -> Int { block.linesEnd + 5 * block.lineCount }

    /// Line `local`'s start, from a spooled block's index (little-endian, after its bytes).
    private static func start(_ local: Int, in blob: [UInt8], after bytes: Int) -> Int {
        let at = bytes + 4 * local
        return Int(blob[at]) | Int(blob[at + 1]) << 8 | Int(blob[at + 2]) << 16 | Int(blob[at + 3]) << 24
    }

    /// Adds bytes; returns the range of line indices completed by them.
    @discardableResult
    public mutating func append(_ chunk: some Collection<UInt8>) -> Range<Int> {
        precondition(!isFinished, "append after finish")
        // Here, not as a block fills: the lines of the last append have been tagged by now.
        spoolOldBlocks()
        let firstNew = count
        byteCount += chunk.count
        let done: Void? = chunk.withContiguousStorageIfAvailable { appendContiguous($0) }
        if done == nil { Array(chunk).withUnsafeBufferPointer { appendContiguous($0) } }
        return firstNew..<count
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
        let end = blocks[last].bytes.count
        addLine(startingAt: pendingStart, endingAt: end, in: last)
        for _ in 1..<pendingCRs { addLine(startingAt: end, endingAt: end, in: last) }
        pendingStart = end
        pendingCRs = 0
    }

    private mutating func addLine(startingAt start: Int, endingAt end: Int, in block: Int) {
        blocks[block].starts.append(UInt32(start))
        blocks[block].lineCount += 1
        blocks[block].linesEnd = end
        count += 1
    }

    /// For consumers that stream (`--dump`): forgets every complete line but the last `kept`,
    /// and every block that no kept line and no unfinished line is in, so memory stays at about
    /// a block whatever the size. Line indices start again at 0 (the kept lines are 0..<kept).
    public mutating func discardLines(keepingLast kept: Int = 0) {
        let keptCount = min(kept, count)
        let firstKept = count - keptCount
        let firstBlock = keptCount > 0 ? blockIndex(ofLine: firstKept) : max(0, blocks.count - 1)
        if firstBlock > 0 { blocks.removeFirst(firstBlock) }
        for index in blocks.indices {
            // Lines of this block that are forgotten: those before `firstKept`.
            let dropped = max(0, min(blocks[index].lineCount, firstKept - blocks[index].firstLine))
            if dropped > 0, blocks[index].spooled == nil {
                blocks[index].starts.removeFirst(dropped)
                blocks[index].tags.removeFirst(min(dropped, blocks[index].tags.count))
                blocks[index].lineCount -= dropped
            }
            blocks[index].firstLine = max(0, blocks[index].firstLine + dropped - firstKept)
        }
        count = keptCount
    }

    /// Bytes of the unfinished line so far.
    public var pendingByteCount: Int {
        blocks.isEmpty ? 0 : blocks[blocks.count - 1].bytes.count - pendingStart - pendingCRs
    }

    /// Ends the unfinished line here, as if a line feed had come (streaming consumers cut an
    /// endless line this way). Returns the new line, if any.
    @discardableResult
    public mutating func endPendingLine() -> Range<Int> {
        let firstNew = count
        if pendingCRs > 0 { endLinesAtPendingCRs() }
        if hasPendingBytes {
            let last = blocks.count - 1
            addLine(startingAt: pendingStart, endingAt: blocks[last].bytes.count, in: last)
            pendingStart = blocks[last].bytes.count
        }
        return firstNew..<count
    }

    /// Ends the input: an unterminated last line becomes a line. Returns the new line, if any.
    @discardableResult
    public mutating func finish() -> Range<Int> {
        let firstNew = count
        if !isFinished { endPendingLine() }
        isFinished = true
        return firstNew..<count
    }

    private mutating func appendToPending(_ bytes: some Collection<UInt8>, isLineEnd: Bool) {
        if blocks.isEmpty || blocks[blocks.count - 1].bytes.count + bytes.count > Self.blockSize {
            startNewBlock(reserving: bytes.count)
        }
        let last = blocks.count - 1
        blocks[last].bytes.append(contentsOf: bytes)
        if isLineEnd {
            let end = blocks[last].bytes.count
            addLine(startingAt: pendingStart, endingAt: end, in: last)
            pendingStart = end
        }
    }

    /// Moves the unfinished line (if any) to a fresh block so that lines never span blocks.
    private mutating func startNewBlock(reserving extra: Int) {
        var block: [UInt8] = []
        if let last = blocks.indices.last {
            let carried = blocks[last].bytes.count - pendingStart
            if carried == blocks[last].bytes.count, carried > 0 {
                // The whole block is one unfinished line: let it grow in place (appending
                // amortises; reserving here on every chunk would copy the line each time).
                return
            }
            block.reserveCapacity(max(Self.blockSize, carried + extra))
            block.append(contentsOf: blocks[last].bytes[pendingStart...])
            blocks[last].bytes.removeSubrange(pendingStart...)
        } else {
            block.reserveCapacity(max(min(Self.blockSize, 64 * 1024), extra))
        }
        blocks.append(Block(bytes: block, firstLine: count))
        pendingStart = 0
    }

    /// Writes full blocks (bytes, then index, then tags) to the spool, oldest first, until
    /// `residentBlocks` are in memory.
    private mutating func spoolOldBlocks() {
        guard let spool, spoolFailure == nil else { return }
        var inMemory = heldBlockCount
        var index = 0
        while inMemory > residentBlocks, index < blocks.count - 1 {
            defer { index += 1 }
            guard blocks[index].spooled == nil else { continue }
            var blob = Array(blocks[index].bytes[..<blocks[index].linesEnd])
            blob.reserveCapacity(blob.count + 5 * blocks[index].lineCount)
            for start in blocks[index].starts {
                blob += [UInt8(start & 0xFF), UInt8((start >> 8) & 0xFF), UInt8((start >> 16) & 0xFF), UInt8(start >> 24)]
            }
            blob += blocks[index].tags + [UInt8](repeating: 0, count: blocks[index].lineCount - blocks[index].tags.count)
            switch spool.write(blob) {
            case .success(let place):
                blocks[index].spooled = place
                blocks[index].bytes = []
                blocks[index].starts = []
                blocks[index].tags = []
                inMemory -= 1
            case .failure(let reason):
                spoolFailure = reason.description
                return
            }
        }
    }
}

/// Where full blocks of a large page go: an append-only store (the app's is an unlinked file on
/// disk) that reads a block back when asked. Append-only, so copies of a `LineStore` that share
/// it each keep their own blocks.
public protocol BlockSpool: AnyObject, Sendable {
    /// Writes one block; where it now is, or why it could not be written (a full disk).
    func write(_ bytes: [UInt8]) -> Result<SpooledBlock, SpoolError>
    /// The bytes of a block written earlier, or nil if they cannot be read back.
    func read(_ block: SpooledBlock) -> [UInt8]?
}

/// A block's place in a spool.
public struct SpooledBlock: Sendable, Equatable {
    public let offset: Int64
    public let count: Int

    public init(offset: Int64, count: Int) {
        self.offset = offset
        self.count = count
    }
}

/// Why a spool could not take a block, in words (`No space left on device`).
public struct SpoolError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
