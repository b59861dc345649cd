import Testing
import WarrenTestSupport

@testable import GopherCore

@Suite struct ImageHeaderTests {
    @Test func pngGifAndJpegSayTheirFormatAndSize() {
        #expect(ImageHeader.read(TestImages.png) == ImageHeader(format: "PNG", width: 64, height: 48))
        #expect(ImageHeader.read(TestImages.gif) == ImageHeader(format: "GIF", width: 64, height: 48))
        #expect(ImageHeader.read(TestImages.jpg) == ImageHeader(format: "JPEG", width: 64, height: 48))
        #expect(ImageHeader.read(TestImages.png)?.description == "PNG, 64×48 pixels")
    }

    @Test func aBombIsKnownBeforeAnythingDecodesItAndNonsenseIsNoPicture() {
        let bomb = ImageHeader.read(TestImages.bomb)
        #expect(bomb == ImageHeader(format: "PNG", width: 60000, height: 60000))
        #expect(bomb?.isDrawable == false)
        #expect(ImageHeader.read(TestImages.png)?.isDrawable == true)
        #expect(ImageHeader.read(TestImages.corrupt) == nil)
        #expect(ImageHeader.read(Array("GIF8".utf8)) == nil)
        #expect(ImageHeader.read([0xFF, 0xD8, 0xFF, 0xE0, 0x00]) == nil)
    }
}
