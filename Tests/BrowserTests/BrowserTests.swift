import Testing
@testable import Browser
import WarrenTestSupport
@Test func placeholder() { #expect(true) }
