import Testing
import VaporTesting
@testable import TreEmServer
@Test func placeholder2() { #expect(true) }
