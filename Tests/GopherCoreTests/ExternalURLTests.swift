import Testing
import WarrenTestSupport
@testable import GopherCore


@Suite struct ExternalURLTests {
    @Test func urlSelectorGivesTheAddressAfterThePrefix() {
        #expect(ExternalURL.target(of: bytes("URL:https://example.org/page?q=1#top")) == "https://example.org/page?q=1#top")
        #expect(ExternalURL.target(of: bytes("URL:mailto:someone@example.org")) == "mailto:someone@example.org")
        // Some maps write it with a leading slash.
        #expect(ExternalURL.target(of: bytes("/URL:https://example.org/")) == "https://example.org/")
    }

    @Test func selectorWithoutThePrefixIsNotExternal() {
        #expect(ExternalURL.target(of: bytes("/index.html")) == nil)
        #expect(ExternalURL.target(of: bytes("URL")) == nil)
        #expect(ExternalURL.target(of: [UInt8]()) == nil)
    }

    @Test func barePrefixGivesAnEmptyAddress() {
        #expect(ExternalURL.target(of: bytes("URL:")) == "")
    }

    @Test func addressIsDecodedLikeOtherText() {
        #expect(ExternalURL.target(of: bytes("URL:https://example.org/caf") + [0xE9]) == "https://example.org/café")
        #expect(ExternalURL.target(of: bytes("URL:https://example.org/ü")) == "https://example.org/ü")
    }

    @Test func acceptsASliceOfALine() {
        let line = bytes("xURL:gopher://example.org/")
        #expect(ExternalURL.target(of: line[1...]) == "gopher://example.org/")
    }
}
