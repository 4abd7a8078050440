import Foundation

/// Reads the stored (uncompressed) entries of a ZIP written by `ZipArchive`.
enum StoredZip {
    static func entries(_ bytes: [UInt8]) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        var offset = 0
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        while offset + 30 <= bytes.count, u32(offset) == 0x04034b50 {
            let size = u32(offset + 18)
            let nameLength = u16(offset + 26)
            let extra = u16(offset + 28)
            let name = String(decoding: bytes[(offset + 30)..<(offset + 30 + nameLength)], as: UTF8.self)
            let start = offset + 30 + nameLength + extra
            result[name] = Array(bytes[start..<(start + size)])
            offset = start + size
        }
        return result
    }

    /// The visible text of a WordprocessingML part: the contents of its <w:t> elements.
    static func text(ofWordXML xml: String) -> String {
        xml.matches(of: /<w:t[^>]*>([^<]*)<\/w:t>/).map { String($0.1) }.joined(separator: "\n")
            .replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
    }
}
