import Foundation
import ZIPFoundation

/// Reads ZIP archives that users upload (APPNOTE.TXT 4.3). The directory is parsed here, each
/// offset and size checked against the bytes before use; entries are inflated by zlib through
/// ZIPFoundation, within a budget of inflated bytes and of time.
///
/// ZIPFoundation's own `Archive` reader is not used on uploads: in 0.9.20 on Linux its entry
/// iterator traps on a ZIP64 header offset past `Int64.max` (a 97-byte file), and `extract`
/// loops forever, never calling its consumer, on a deflate stream that runs past the end of the
/// file (a 149-byte file), after handing zlib uninitialised memory as input.
public enum ZipReader {
    /// A DOCX has a dozen entries, an XLSX with pictures a few hundred.
    public static let maximumEntries = 10_000
    /// However small the archive, this much may be inflated (a short document and its numbering).
    static let minimumInflatedAllowance = 4 << 20
    /// Otherwise at most this many times the archive's size: Word's XML deflates about 10:1.
    static let maximumRatio = 100
    static let chunkSize = 64 << 10

    struct Entry {
        var name: String
        var method: Int
        var flags: Int
        var crc: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    /// The entry names, from the central directory alone: nothing is inflated.
    public static func names(_ bytes: [UInt8]) throws(DOCXText.Failure) -> Set<String> {
        Set(try directory(bytes).map(\.name))
    }

    /// Every entry, inflated within the budget.
    public static func entries(
        _ bytes: [UInt8], budget: ReadingBudget = ReadingBudget()
    ) throws(DOCXText.Failure) -> [String: [UInt8]] {
        try read(bytes, budget: budget) { _ in true }
    }

    /// Only the entries with these names (the first entry of each name), inflated within the budget.
    public static func entries(
        _ bytes: [UInt8], named wanted: Set<String>, budget: ReadingBudget = ReadingBudget()
    ) throws(DOCXText.Failure) -> [String: [UInt8]] {
        try read(bytes, budget: budget) { wanted.contains($0) }
    }

    static func read(
        _ bytes: [UInt8], budget: ReadingBudget, wanted: (String) -> Bool
    ) throws(DOCXText.Failure) -> [String: [UInt8]] {
        guard bytes.starts(with: [0x50, 0x4B]) else { throw .notAZip }
        try budget.check()
        // One cap for all entries together, so many modest entries cannot add up to a bomb.
        let (ratioCap, overflow) = bytes.count.multipliedReportingOverflow(by: maximumRatio)
        let cap = min(budget.maximumInflatedBytes, max(overflow ? Int.max : ratioCap, minimumInflatedAllowance))
        var spent = 0
        var result: [String: [UInt8]] = [:]
        for entry in try directory(bytes) where wanted(entry.name) && result[entry.name] == nil {
            result[entry.name] = try extract(entry, from: bytes, cap: cap, spent: &spent, budget: budget)
        }
        return result
    }

    // MARK: - Directory

    /// The central directory's entries with their sizes as declared (not yet believed).
    static func directory(_ bytes: [UInt8]) throws(DOCXText.Failure) -> [Entry] {
        let reader = LittleEndian(bytes: bytes)
        guard bytes.count >= 22 else { throw .notAZip }
        // The end-of-central-directory record lies in the last 65,535 + 22 bytes (after it
        // comes only its comment); the last signature found counts.
        var end = -1
        var i = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while i >= lowest {
            if try reader.u32(i) == 0x0605_4b50 { end = i; break }
            i -= 1
        }
        guard end >= 0 else { throw .notAZip }
        var count = try reader.u16(end + 10)
        var offset = try reader.u32(end + 16)
        if count == 0xFFFF || offset == 0xFFFF_FFFF, end >= 20, try reader.u32(end - 20) == 0x0706_4b50 {
            // ZIP64: a locator just before the record points at the ZIP64 end record.
            let record = try reader.u64(end - 20 + 8)
            guard record <= bytes.count, try reader.u32(record) == 0x0606_4b50 else {
                throw .corrupt("ZIP64 end of central directory")
            }
            count = try reader.u64(record + 32)
            offset = try reader.u64(record + 48)
        }
        guard count <= maximumEntries else { throw .tooManyEntries(maximumEntries) }
        guard offset <= bytes.count else { throw .corrupt("central directory") }

        // Every offset below stays within bytes.count + 65,535, so no sum can overflow; each
        // read checks its own bounds.
        var entries: [Entry] = []
        entries.reserveCapacity(count)
        for _ in 0..<count {
            guard try reader.u32(offset) == 0x0201_4b50 else { throw .corrupt("central directory") }
            let nameLength = try reader.u16(offset + 28)
            let extraLength = try reader.u16(offset + 30)
            let commentLength = try reader.u16(offset + 32)
            let nameStart = offset + 46
            guard nameStart + nameLength <= bytes.count else { throw .corrupt("entry name") }
            let name = String(decoding: bytes[nameStart..<(nameStart + nameLength)], as: UTF8.self)
            var entry = Entry(
                name: name, method: try reader.u16(offset + 10), flags: try reader.u16(offset + 8),
                crc: UInt32(truncatingIfNeeded: try reader.u32(offset + 16)),
                compressedSize: try reader.u32(offset + 20), uncompressedSize: try reader.u32(offset + 24),
                localHeaderOffset: try reader.u32(offset + 42))
            let extraStart = nameStart + nameLength
            guard extraStart + extraLength <= bytes.count else { throw .corrupt("extra field of \(name)") }
            try readZIP64Fields(&entry, reader: reader, extra: extraStart..<(extraStart + extraLength))
            entries.append(entry)
            offset = extraStart + extraLength + commentLength
        }
        return entries
    }

    /// Sizes and offset of 0xFFFFFFFF stand for 64-bit values in the ZIP64 extra field (id 1),
    /// present in this order and only for the fields so marked (APPNOTE 4.5.3).
    static func readZIP64Fields(_ entry: inout Entry, reader: LittleEndian, extra: Range<Int>) throws(DOCXText.Failure)
    {
        let marked = [entry.uncompressedSize, entry.compressedSize, entry.localHeaderOffset].map { $0 == 0xFFFF_FFFF }
        guard marked.contains(true) else { return }
        var at = extra.lowerBound
        while at + 4 <= extra.upperBound {
            let id = try reader.u16(at)
            let size = try reader.u16(at + 2)
            let body = at + 4
            guard body + size <= extra.upperBound else { throw .corrupt("extra field of \(entry.name)") }
            if id == 1 {
                var field = body
                var values: [Int] = []
                for isMarked in marked {
                    guard isMarked else { values.append(-1); continue }
                    guard field + 8 <= body + size else { throw .corrupt("ZIP64 field of \(entry.name)") }
                    values.append(try reader.u64(field))
                    field += 8
                }
                if marked[0] { entry.uncompressedSize = values[0] }
                if marked[1] { entry.compressedSize = values[1] }
                if marked[2] { entry.localHeaderOffset = values[2] }
                return
            }
            at = body + size
        }
    }

    // MARK: - Entries

    static func extract(
        _ entry: Entry, from bytes: [UInt8], cap: Int, spent: inout Int, budget: ReadingBudget
    ) throws(DOCXText.Failure) -> [UInt8] {
        let reader = LittleEndian(bytes: bytes)
        let name = entry.name
        guard entry.flags & 1 == 0 else { throw .corrupt("\(name) is encrypted") }
        let local = entry.localHeaderOffset
        guard local <= bytes.count, try reader.u32(local) == 0x0403_4b50 else {
            throw .corrupt("local header of \(name)")
        }
        let dataStart = local + 30 + (try reader.u16(local + 26)) + (try reader.u16(local + 28))
        let size = entry.compressedSize
        guard dataStart <= bytes.count, size <= bytes.count - dataStart else { throw .corrupt("size of \(name)") }
        // The declared size may only refuse early; what is inflated is counted as it comes.
        guard entry.uncompressedSize <= cap - spent else { throw .tooLarge(megabytes: megabytes(cap)) }

        switch entry.method {
        case 0:
            guard entry.uncompressedSize == size else { throw .corrupt("size of \(name)") }
            let data = Data(bytes[dataStart..<(dataStart + size)])
            guard data.crc32(checksum: 0) == entry.crc else { throw .corrupt("checksum of \(name)") }
            spent += size
            return [UInt8](data)
        case 8:
            return try inflate(entry, bytes[dataStart..<(dataStart + size)], cap: cap, spent: &spent, budget: budget)
        default:
            throw .unsupportedCompression(entry.method)
        }
    }

    static func inflate(
        _ entry: Entry, _ input: ArraySlice<UInt8>, cap: Int, spent: inout Int, budget: ReadingBudget
    ) throws(DOCXText.Failure) -> [UInt8] {
        let name = entry.name
        var output: [UInt8] = []
        output.reserveCapacity(min(entry.uncompressedSize, cap - spent, 1 << 20))
        var cursor = input.startIndex
        var total = spent
        let checksum: CRC32
        do {
            checksum = try Data.decompress(
                size: Int64(input.count), bufferSize: chunkSize, skipCRC32: false,
                provider: { _, wanted in
                    guard wanted > 0 else { return Data() }
                    // Past the entry's own bytes the stream is cut short: stop, rather than read
                    // on into the rest of the file (or, as ZIPFoundation does at its end, forever).
                    guard cursor < input.endIndex else {
                        throw DOCXText.Failure.corrupt("\(name): deflate data cut short")
                    }
                    let take = min(wanted, input.endIndex - cursor)
                    var chunk = Data(input[cursor..<(cursor + take)])
                    cursor += take
                    // ZIPFoundation tells zlib on Linux that `wanted` bytes are there: never fewer.
                    if take < wanted { chunk.append(Data(count: wanted - take)) }
                    return chunk
                },
                consumer: { chunk in
                    guard chunk.count <= cap - total else { throw DOCXText.Failure.tooLarge(megabytes: megabytes(cap)) }
                    guard chunk.count <= entry.uncompressedSize - output.count else {
                        throw DOCXText.Failure.corrupt("size of \(name)")
                    }
                    try budget.check()
                    total += chunk.count
                    output.append(contentsOf: chunk)
                })
        } catch let failure as DOCXText.Failure {
            throw failure
        } catch {
            throw .corrupt("\(name): deflate data")
        }
        guard output.count == entry.uncompressedSize else { throw .corrupt("size of \(name)") }
        guard checksum == entry.crc else { throw .corrupt("checksum of \(name)") }
        spent = total
        return output
    }

    /// A limit in whole megabytes, rounded up, for messages.
    static func megabytes(_ bytes: Int) -> Int {
        bytes / 1_048_576 + (bytes % 1_048_576 == 0 ? 0 : 1)
    }
}

/// Little-endian fields of a byte array; every read checks its bounds and throws instead of trapping.
struct LittleEndian {
    let bytes: [UInt8]

    func u16(_ at: Int) throws(DOCXText.Failure) -> Int {
        guard at >= 0, at <= bytes.count - 2 else { throw .corrupt("offset \(at) out of the file") }
        return Int(bytes[at]) | Int(bytes[at + 1]) << 8
    }

    func u32(_ at: Int) throws(DOCXText.Failure) -> Int {
        guard at >= 0, at <= bytes.count - 4 else { throw .corrupt("offset \(at) out of the file") }
        return Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
    }

    /// A 64-bit field; one past `Int.max` cannot describe anything in this file.
    func u64(_ at: Int) throws(DOCXText.Failure) -> Int {
        guard at >= 0, at <= bytes.count - 8 else { throw .corrupt("offset \(at) out of the file") }
        var value: UInt64 = 0
        for k in (0..<8).reversed() { value = value << 8 | UInt64(bytes[at + k]) }
        guard let result = Int(exactly: value) else { throw .corrupt("64-bit field at \(at)") }
        return result
    }
}
