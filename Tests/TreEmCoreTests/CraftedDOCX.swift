import Foundation
import Testing
import ZIPFoundation

@testable import TreEmCore

/// Word documents made by the tests: stored through TreEm's own `ZipArchive` (as `PlanDOCX`
/// writes them) or deflated by zlib through ZIPFoundation (as Word and LibreOffice do).
enum CraftedDOCX {
    static func document(_ body: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#
            + body + "<w:sectPr/></w:body></w:document>"
    }

    /// A numbering part with one abstract list (its `<w:lvl>` elements given) under numIds 1…`count`.
    static func numbering(_ levels: String, numIDs: ClosedRange<Int> = 1...1) -> String {
        #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#
            + #"<w:abstractNum w:abstractNumId="0">"# + levels + "</w:abstractNum>"
            + numIDs.map { #"<w:num w:numId="\#($0)"><w:abstractNumId w:val="0"/></w:num>"# }.joined()
            + "</w:numbering>"
    }

    static func level(_ ilvl: String, format: String, text: String, start: String? = nil) -> String {
        #"<w:lvl w:ilvl="\#(ilvl)">"# + (start.map { #"<w:start w:val="\#($0)"/>"# } ?? "")
            + #"<w:numFmt w:val="\#(format)"/><w:lvlText w:val="\#(text)"/><w:lvlJc w:val="left"/></w:lvl>"#
    }

    static func paragraph(_ text: String, numID: String? = nil, level: String? = nil) -> String {
        var properties = ""
        if let numID {
            properties =
                "<w:pPr><w:numPr>" + (level.map { #"<w:ilvl w:val="\#($0)"/>"# } ?? "")
                + #"<w:numId w:val="\#(numID)"/></w:numPr></w:pPr>"#
        }
        return #"<w:p w:rsidR="00A1">"# + properties + #"<w:r><w:t xml:space="preserve">"# + text + "</w:t></w:r></w:p>"
    }

    static func parts(document: String, numbering: String?) -> [(String, [UInt8])] {
        var parts: [(String, [UInt8])] = [
            ("[Content_Types].xml", Array(#"<?xml version="1.0"?><Types/>"#.utf8)),
            ("word/document.xml", Array(document.utf8)),
        ]
        if let numbering { parts.append(("word/numbering.xml", Array(numbering.utf8))) }
        return parts
    }

    static func stored(_ parts: [(String, [UInt8])]) -> [UInt8] {
        var zip = ZipArchive()
        for (name, data) in parts { zip.add(name, data) }
        return zip.finished()
    }

    static func deflated(_ parts: [(String, [UInt8])]) throws -> [UInt8] {
        let archive = try Archive(data: Data(), accessMode: .create)
        for (name, data) in parts {
            try archive.addEntry(
                with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate
            ) { position, size in
                Data(data[Int(position)..<(Int(position) + size)])
            }
        }
        return [UInt8](try #require(archive.data))
    }

    static func docx(document: String, numbering: String? = nil, deflated: Bool) throws -> [UInt8] {
        let parts = parts(document: document, numbering: numbering)
        return deflated ? try Self.deflated(parts) : stored(parts)
    }

    /// Raw deflate data (as in a ZIP entry) for `count` bytes from `chunk`, made in pieces so a
    /// test never holds the inflated bytes; with their CRC-32.
    static func deflate(count: Int, chunk: (Int, Int) -> Data) throws -> (bytes: [UInt8], crc: UInt32) {
        var output: [UInt8] = []
        let crc = try Data.compress(
            size: Int64(count), bufferSize: 1 << 20,
            provider: { position, size in
                chunk(Int(position), size)
            }, consumer: { output.append(contentsOf: $0) })
        return (output, crc)
    }

    /// Raw deflate data for `count` zero bytes, written directly (zlib takes seconds over
    /// 200 MB): one fixed-Huffman block of a literal 0, then copies of 258 bytes at distance 1
    /// (13 bits each, RFC 1951 3.2.6), the rest as literals. With the CRC-32 of the zeros, or
    /// 0 where a test never gets that far (ZIPFoundation's CRC runs at about 100 MB/s here).
    static func zeros(count: Int, checksum: Bool = true) -> (bytes: [UInt8], crc: UInt32) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count / 150 + 16)
        var accumulator: UInt64 = 0
        var pending = 0
        func write(_ value: UInt64, bits: Int) {
            accumulator |= value << UInt64(pending)
            pending += bits
            while pending >= 8 { bytes.append(UInt8(accumulator & 0xFF)); accumulator >>= 8; pending -= 8 }
        }
        // Huffman codes go most significant bit first: literal 0 is 00110000, length 258
        // (symbol 285) 11000101, distance 1 00000, end of block 0000000; bit-reversed here.
        write(0b011, bits: 3)  // BFINAL, BTYPE = fixed Huffman
        if count > 0 { write(0x0C, bits: 8) }
        for _ in 0..<(max(count - 1, 0) / 258) { write(0xA3, bits: 13) }
        for _ in 0..<(max(count - 1, 0) % 258) { write(0x0C, bits: 8) }
        write(0, bits: 7)
        if pending > 0 { write(0, bits: 8 - pending) }
        var crc: UInt32 = 0
        guard checksum else { return (bytes, crc) }
        let megabyte = Data(count: 1 << 20)
        for _ in 0..<(count >> 20) { crc = megabyte.crc32(checksum: crc) }
        crc = Data(count: count & ((1 << 20) - 1)).crc32(checksum: crc)
        return (bytes, crc)
    }
}

/// A ZIP written field by field, so a test can make any field lie.
struct RawZip {
    struct Entry {
        var name: String
        var method: UInt16 = 0
        /// The bytes as they lie in the file (deflated or not).
        var data: [UInt8]
        var crc: UInt32
        var uncompressedSize: UInt32
        var compressedSize: UInt32?
        var centralExtra: [UInt8] = []
        var localHeaderOffset: UInt32?
    }

    var entries: [Entry]

    var bytes: [UInt8] {
        var out: [UInt8] = []
        var offsets: [UInt32] = []
        func u16(_ v: UInt16, _ into: inout [UInt8]) { into += [UInt8(v & 0xFF), UInt8(v >> 8)] }
        func u32(_ v: UInt32, _ into: inout [UInt8]) {
            for s in stride(from: 0, to: 32, by: 8) { into.append(UInt8((v >> UInt32(s)) & 0xFF)) }
        }
        for e in entries {
            offsets.append(UInt32(out.count))
            u32(0x0403_4b50, &out); u16(20, &out); u16(0x0800, &out); u16(e.method, &out); u16(0, &out); u16(0x21, &out)
            u32(e.crc, &out); u32(e.compressedSize ?? UInt32(e.data.count), &out); u32(e.uncompressedSize, &out)
            u16(UInt16(e.name.utf8.count), &out); u16(0, &out)
            out += Array(e.name.utf8)
            out += e.data
        }
        let directoryStart = out.count
        for (e, offset) in zip(entries, offsets) {
            u32(0x0201_4b50, &out); u16(20, &out); u16(20, &out); u16(0x0800, &out); u16(e.method, &out); u16(0, &out);
            u16(0x21, &out)
            u32(e.crc, &out); u32(e.compressedSize ?? UInt32(e.data.count), &out); u32(e.uncompressedSize, &out)
            u16(UInt16(e.name.utf8.count), &out); u16(UInt16(e.centralExtra.count), &out); u16(0, &out); u16(0, &out);
            u16(0, &out)
            u32(0, &out); u32(e.localHeaderOffset ?? offset, &out)
            out += Array(e.name.utf8)
            out += e.centralExtra
        }
        let directorySize = out.count - directoryStart
        u32(0x0605_4b50, &out); u16(0, &out); u16(0, &out)
        u16(UInt16(entries.count), &out); u16(UInt16(entries.count), &out)
        u32(UInt32(directorySize), &out); u32(UInt32(directoryStart), &out); u16(0, &out)
        return out
    }
}

/// Reads with a stopwatch: whatever the file, the answer (text or a refusal) comes quickly. The
/// bound only catches runaways (seconds, not the minutes the old reader took), with room for a
/// debug build on a loaded machine; the benchmark and `Tests/attack/test_uploads.py` measure speed.
func timedRead(
    _ bytes: [UInt8], budget: ReadingBudget = ReadingBudget(), within limit: Double = runawaySeconds,
    sourceLocation: SourceLocation = #_sourceLocation
) -> Result<String, DOCXText.Failure> {
    let start = Date()
    let result: Result<String, DOCXText.Failure>
    do { result = .success(try DOCXText.text(of: bytes, budget: budget)) } catch { result = .failure(error) }
    let elapsed = Date().timeIntervalSince(start)
    #expect(elapsed < limit, "took \(elapsed) s", sourceLocation: sourceLocation)
    return result
}
