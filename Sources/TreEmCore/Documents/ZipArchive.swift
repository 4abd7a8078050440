/// A minimal ZIP writer (stored entries, no compression) — all a DOCX/XLSX package needs, and
/// deterministic: the same input gives the same bytes. APPNOTE.TXT 6.3, sections 4.3–4.4.
public struct ZipArchive: Sendable {
    private var entries: [(name: [UInt8], data: [UInt8], crc: UInt32, offset: Int)] = []
    private var bytes: [UInt8] = []

    public init() {}

    public mutating func add(_ name: String, _ text: String) {
        add(name, Array(text.utf8))
    }

    public mutating func add(_ name: String, _ data: [UInt8]) {
        let nameBytes = Array(name.utf8)
        let crc = Self.crc32(data)
        let offset = bytes.count
        append32(0x04034b50)  // local file header
        append16(20)  // version needed
        append16(0x0800)  // UTF-8 names
        append16(0)  // stored
        append16(0); append16(0x21)  // 1980-01-01 00:00
        append32(crc)
        append32(UInt32(data.count)); append32(UInt32(data.count))
        append16(UInt16(nameBytes.count)); append16(0)
        bytes += nameBytes
        bytes += data
        entries.append((nameBytes, data, crc, offset))
    }

    public func finished() -> [UInt8] {
        var archive = self
        let directoryStart = archive.bytes.count
        for entry in entries {
            archive.append32(0x02014b50)
            archive.append16(20); archive.append16(20)
            archive.append16(0x0800); archive.append16(0)
            archive.append16(0); archive.append16(0x21)
            archive.append32(entry.crc)
            archive.append32(UInt32(entry.data.count)); archive.append32(UInt32(entry.data.count))
            archive.append16(UInt16(entry.name.count))
            archive.append16(0); archive.append16(0); archive.append16(0); archive.append16(0)
            archive.append32(0)
            archive.append32(UInt32(entry.offset))
            archive.bytes += entry.name
        }
        let directorySize = archive.bytes.count - directoryStart
        archive.append32(0x06054b50)
        archive.append16(0); archive.append16(0)
        archive.append16(UInt16(entries.count)); archive.append16(UInt16(entries.count))
        archive.append32(UInt32(directorySize)); archive.append32(UInt32(directoryStart))
        archive.append16(0)
        return archive.bytes
    }

    private mutating func append16(_ value: UInt16) {
        bytes.append(UInt8(value & 0xff)); bytes.append(UInt8(value >> 8))
    }

    private mutating func append32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xff)) }
    }

    private static let crcTable: [UInt32] = (0..<256).map { n -> UInt32 in
        var c = UInt32(n)
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xffff_ffff
        for byte in data { crc = crcTable[Int((crc ^ UInt32(byte)) & 0xff)] ^ (crc >> 8) }
        return crc ^ 0xffff_ffff
    }
}
