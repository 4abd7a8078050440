/// Where to go after signing in or switching language. Only a path on this site is accepted:
/// browsers strip tabs and newlines and treat "\" as "/", so "/\t/evil.example" or
/// "/\evil.example" would leave the site (CWE-601). Anything doubtful becomes "/".
public enum LocalRedirect {
    public static func target(_ next: String?) -> String {
        guard let next, isLocalPath(next) else { return "/" }
        return next
    }

    public static func isLocalPath(_ path: String) -> Bool {
        let bytes = Array(path.utf8)
        guard bytes.count <= 2048, bytes.first == UInt8(ascii: "/") else { return false }
        // Printable ASCII only, no backslash anywhere: no control, space or non-ASCII character
        // that a browser might drop or reinterpret.
        guard bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }) else { return false }
        // A second "/" would make it protocol-relative ("//evil.example").
        if bytes.count > 1, bytes[1] == UInt8(ascii: "/") { return false }
        // Percent-encoded forms of the same characters are refused too; decoding repeatedly
        // catches double encoding ("%2509").
        var decoded = bytes
        for _ in 0..<3 {
            guard let once = percentDecoded(decoded) else { return false }
            if once.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }) { return false }
            if once.count > 1, once[1] == UInt8(ascii: "/") { return false }
            if once == decoded { break }
            decoded = once
        }
        return true
    }

    /// Decodes %XX sequences; nil when a "%" is not followed by two hex digits.
    static func percentDecoded(_ bytes: [UInt8]) -> [UInt8]? {
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            default: nil
            }
        }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%") {
                guard index + 2 < bytes.count, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) else {
                    return nil
                }
                result.append(high << 4 | low)
                index += 3
            } else {
                result.append(bytes[index])
                index += 1
            }
        }
        return result
    }
}
