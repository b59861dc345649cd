import Testing
import WarrenTestSupport

@testable import GopherCore

@Test func printableASCIIIsFoundExactlyWhereverTheOddByteIs() {
    for odd: UInt8 in [0x00, 0x09, 0x0D, 0x1B, 0x1F, 0x7F, 0x80, 0x9B, 0xC3, 0xFF] {
        for length in [1, 7, 8, 9, 16, 23] {
            for position in 0..<length {
                var bytes = [UInt8](repeating: 0x61, count: length)
                bytes[position] = odd
                #expect(!ByteScan.isPrintableASCII(bytes), "0x\(String(odd, radix: 16)) at \(position) of \(length)")
            }
        }
    }
    #expect(ByteScan.isPrintableASCII(Array(0x20...0x7E) + Array(0x20...0x7E)))
    #expect(ByteScan.isPrintableASCII([UInt8]()))
}

@Test func printableASCIIAgreesWithTheSimpleRuleOnRandomBytes() {
    var random = SplitMix64(state: 7)
    for _ in 0..<2000 {
        let length = Int(random.next() % 40)
        let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: random.next() % 3 == 0 ? random.next() : 0x20 + random.next() % 0x5F) }
        #expect(ByteScan.isPrintableASCII(bytes) == bytes.allSatisfy { $0 >= 0x20 && $0 <= 0x7E })
    }
}
