import Foundation
import Testing

@testable import TreEmCore

@Suite("Proxy addresses: the rightmost untrusted X-Forwarded-For entry")
struct ClientAddressTests {
    @Test("Behind a trusted proxy, the address the proxy added counts, not what the client wrote")
    func rightmostUntrusted() {
        // nginx on loopback appends the address it saw after whatever the client sent.
        #expect(
            ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: ["6.6.6.6, 203.0.113.9"], behindProxy: true)
                == "203.0.113.9")
        #expect(
            ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: ["1.1.1.1", "203.0.113.9"], behindProxy: true)
                == "203.0.113.9")
        // A chain of trusted proxies is walked through.
        let trusted = ["127.0.0.0/8", "10.0.0.0/8"].compactMap(AddressRange.init)
        #expect(
            ClientAddress.resolve(
                peer: "127.0.0.1", forwardedFor: ["9.9.9.9, 198.51.100.4, 10.1.2.3"], behindProxy: true,
                trusted: trusted) == "198.51.100.4")
        #expect(ClientAddress.resolve(peer: "::1", forwardedFor: ["2001:db8::7"], behindProxy: true) == "2001:db8::7")
    }

    @Test("Without a proxy, or from an untrusted peer, the header is ignored")
    func headerIgnored() {
        #expect(
            ClientAddress.resolve(peer: "203.0.113.9", forwardedFor: ["1.2.3.4"], behindProxy: false) == "203.0.113.9")
        #expect(
            ClientAddress.resolve(peer: "203.0.113.9", forwardedFor: ["1.2.3.4"], behindProxy: true) == "203.0.113.9")
        #expect(ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: [], behindProxy: true) == "127.0.0.1")
        #expect(
            ClientAddress.resolve(peer: "::ffff:127.0.0.1", forwardedFor: ["198.51.100.4"], behindProxy: true)
                == "198.51.100.4")
    }

    @Test("Garbage and huge headers give an address, never a crash or a forged value")
    func garbage() {
        #expect(
            ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: ["<script>, 203.0.113.9"], behindProxy: true)
                == "203.0.113.9")
        #expect(
            ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: ["203.0.113.9, not-an-ip"], behindProxy: true)
                == "127.0.0.1")
        let huge = Array(repeating: "8.8.8.8", count: 10_000).joined(separator: ",")
        #expect(
            ClientAddress.resolve(peer: "127.0.0.1", forwardedFor: [huge + ", 203.0.113.9"], behindProxy: true)
                == "203.0.113.9")
    }

    @Test("CIDR ranges contain what they should")
    func ranges() throws {
        let loopback = try #require(AddressRange("127.0.0.0/8"))
        #expect(loopback.contains(try #require(IPAddress("127.200.1.1"))))
        #expect(!loopback.contains(try #require(IPAddress("128.0.0.1"))))
        let v6 = try #require(AddressRange("2001:db8::/32"))
        #expect(v6.contains(try #require(IPAddress("2001:db8:ffff::1"))))
        #expect(!v6.contains(try #require(IPAddress("2001:db9::1"))))
        #expect(AddressRange("10.0.0.0/33") == nil)
        #expect(AddressRange("nonsense") == nil)
    }
}
