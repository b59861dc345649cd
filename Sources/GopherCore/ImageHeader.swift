/// What a picture says of itself in its first bytes: its format and pixel size, read without
/// decoding it (so a picture claiming 60000×60000 pixels is known for one before anything tries).
public struct ImageHeader: Sendable, Equatable {
    public var format: String
    public var width: Int
    public var height: Int

    public init(format: String, width: Int, height: Int) {
        self.format = format
        self.width = width
        self.height = height
    }

    /// PNG, GIF, JPEG (its first frame header) and BMP; nil for anything else.
    public static func read(_ bytes: [UInt8]) -> ImageHeader? {
        func big16(_ at: Int) -> Int { Int(bytes[at]) << 8 | Int(bytes[at + 1]) }
        func big32(_ at: Int) -> Int { big16(at) << 16 | big16(at + 2) }
        func little16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func little32(_ at: Int) -> Int { little16(at) | little16(at + 2) << 16 }
        if bytes.count >= 24, bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            bytes[12..<16].elementsEqual(Array("IHDR".utf8))
        {
            return ImageHeader(format: "PNG", width: big32(16), height: big32(20))
        }
        if bytes.count >= 10, bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) {
            return ImageHeader(format: "GIF", width: little16(6), height: little16(8))
        }
        if bytes.count >= 26, bytes.starts(with: Array("BM".utf8)) {
            return ImageHeader(format: "BMP", width: abs(Int(Int32(truncatingIfNeeded: little32(18)))),
                               height: abs(Int(Int32(truncatingIfNeeded: little32(22)))))
        }
        if bytes.count >= 4, bytes.starts(with: [0xFF, 0xD8]) {
            var index = 2
            while index + 9 < bytes.count {
                guard bytes[index] == 0xFF else { return nil }
                let marker = bytes[index + 1]
                if marker == 0xFF { index += 1; continue }  // fill bytes
                let length = big16(index + 2)
                // SOF0–SOF15 but for DHT (C4), JPG (C8) and DAC (CC): the frame's size.
                if (0xC0...0xCF).contains(marker), ![0xC4, 0xC8, 0xCC].contains(marker) {
                    return ImageHeader(format: "JPEG", width: big16(index + 7), height: big16(index + 5))
                }
                guard length >= 2 else { return nil }
                index += 2 + length
            }
        }
        return nil
    }

    /// More pixels than this are not drawn: decoding them could take gigabytes.
    public static let pixelLimit = 64 * 1024 * 1024
    public var isDrawable: Bool {
        // 32-bit sizes from a hostile file: the product must not overflow.
        let (pixels, overflow) = width.multipliedReportingOverflow(by: height)
        return width > 0 && height > 0 && !overflow && pixels <= Self.pixelLimit
    }
    public var description: String { "\(format), \(width)×\(height) pixels" }
}
