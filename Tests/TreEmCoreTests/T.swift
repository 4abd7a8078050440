import Testing
@testable import TreEmCore
@Test func placeholder() { #expect(true) }
