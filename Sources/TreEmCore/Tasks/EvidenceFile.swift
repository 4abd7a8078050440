/// What an uploaded evidence file is, judged by its bytes — never by the name or the type the
/// browser claims. Only images, PDF and Office documents are accepted; HTML and anything else
/// that a browser could run are refused.
public enum EvidenceKind: String, Codable, Sendable, CaseIterable {
    case png, jpeg, pdf, docx, xlsx

    public var contentType: String {
        switch self {
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .pdf: "application/pdf"
        case .docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        }
    }

    public var fileExtension: String { rawValue == "jpeg" ? "jpg" : rawValue }

    /// 10 MB: a scanned signed list or a few photos.
    public static let maximumBytes = 10 * 1024 * 1024

    public static func detect(_ bytes: [UInt8]) -> EvidenceKind? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return .jpeg }
        if bytes.starts(with: Array("%PDF-".utf8)) { return .pdf }
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), let names = try? ZipReader.names(bytes) {
            if names.contains("word/document.xml") { return .docx }
            if names.contains("xl/workbook.xml") { return .xlsx }
        }
        return nil
    }
}

extension ZipReader {
    /// The entry names of a ZIP archive, from its central directory, without reading the entries.
    public static func names(_ bytes: [UInt8]) throws(DOCXText.Failure) -> Set<String> {
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }
        guard bytes.count >= 22 else { throw .notAZip }
        var end = -1
        var i = bytes.count - 22
        while i >= max(0, bytes.count - 65_557) {
            if u32(i) == 0x06054b50 { end = i; break }
            i -= 1
        }
        guard end >= 0 else { throw .notAZip }
        var offset = u32(end + 16)
        var names: Set<String> = []
        for _ in 0..<u16(end + 10) {
            guard offset + 46 <= bytes.count, u32(offset) == 0x02014b50 else { throw .corrupt("central directory") }
            let nameLength = u16(offset + 28)
            guard offset + 46 + nameLength <= bytes.count else { throw .corrupt("entry name") }
            names.insert(String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self))
            offset += 46 + nameLength + u16(offset + 30) + u16(offset + 32)
        }
        return names
    }
}
