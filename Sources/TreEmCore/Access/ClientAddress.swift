#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An IPv4 or IPv6 address as its bytes (4 or 16), so that ranges can be compared.
public struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]
    public let description: String

    /// Parses "203.0.113.7", "2001:db8::1" or "[2001:db8::1]"; an IPv4-mapped IPv6 address
    /// (::ffff:203.0.113.7, as a dual-stack socket reports IPv4 peers) is read as IPv4.
    public init?(_ text: some StringProtocol) {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        var text = String(String(text.drop(while: isBlank).reversed()).drop(while: isBlank).reversed())
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        guard !text.isEmpty, text.utf8.count <= 64 else { return nil }
        var v4 = in_addr()
        if inet_pton(AF_INET, text, &v4) == 1 {
            bytes = withUnsafeBytes(of: &v4) { Array($0) }
            description = text
            return
        }
        var v6 = in6_addr()
        guard inet_pton(AF_INET6, text, &v6) == 1 else { return nil }
        let raw = withUnsafeBytes(of: &v6) { Array($0) }
        if raw.prefix(12) == [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF] {
            bytes = Array(raw.suffix(4))
            description = bytes.map(String.init).joined(separator: ".")
        } else {
            bytes = raw
            description = text.lowercased()
        }
    }
}

/// A range of addresses written as CIDR ("127.0.0.0/8", "::1/128") or as one address.
public struct AddressRange: Hashable, Sendable {
    public let network: IPAddress
    public let prefixLength: Int

    public init?(_ text: some StringProtocol) {
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPAddress(parts[0]) else { return nil }
        let bits = address.bytes.count * 8
        if parts.count == 2 {
            guard let length = Int(parts[1]), (0...bits).contains(length) else { return nil }
            prefixLength = length
        } else {
            prefixLength = bits
        }
        network = address
    }

    public func contains(_ address: IPAddress) -> Bool {
        guard address.bytes.count == network.bytes.count else { return false }
        var remaining = prefixLength
        for (a, b) in zip(address.bytes, network.bytes) where remaining > 0 {
            let take = min(8, remaining)
            let mask: UInt8 = take == 8 ? 0xFF : ~(0xFF >> UInt8(take))
            if a & mask != b & mask { return false }
            remaining -= take
        }
        return true
    }
}

/// Who is really on the other end of a request. Behind a reverse proxy the socket's peer is the
/// proxy, and `X-Forwarded-For` lists the hops, each proxy appending the address it saw. Only
/// entries added by proxies we trust can be believed: the client writes whatever it likes on
/// the left, so the answer is the rightmost entry that is not one of our own proxies.
public enum ClientAddress {
    /// Loopback, where nginx runs on the same machine (`TREEM_TRUSTED_PROXIES` overrides it).
    public static let defaultTrustedProxies = ["127.0.0.0/8", "::1/128"].compactMap(AddressRange.init)

    /// - Parameters:
    ///   - peer: the socket's remote address.
    ///   - forwardedFor: every `X-Forwarded-For` header value, in the order received.
    ///   - trusted: the proxies' addresses; ignored unless TreEm runs behind a proxy.
    public static func resolve(
        peer: String?, forwardedFor: [String], behindProxy: Bool,
        trusted: [AddressRange] = defaultTrustedProxies
    ) -> String {
        guard let peerText = peer, let peerAddress = IPAddress(peerText) else { return peer ?? "unknown" }
        guard behindProxy, trusted.contains(where: { $0.contains(peerAddress) }) else { return peerAddress.description }
        // At most 32 hops are considered: a header is no place to make the server do unbounded work.
        let hops = forwardedFor.flatMap { $0.split(separator: ",").suffix(32) }.suffix(32)
        var client = peerAddress
        for hop in hops.reversed() {
            guard let address = IPAddress(hop) else {
                // Garbage where a trusted proxy should have written an address: the hop before it cannot be known.
                return client.description
            }
            client = address
            if !trusted.contains(where: { $0.contains(address) }) { break }
        }
        return client.description
    }
}
