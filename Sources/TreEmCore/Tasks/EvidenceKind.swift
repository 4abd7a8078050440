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
        // A ZIP is judged by its entry names alone: nothing is inflated, and damaged or crafted
        // directories are refused by ZipReader, never trapped on.
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]), let names = try? ZipReader.names(bytes) {
            if names.contains("word/document.xml") { return .docx }
            if names.contains("xl/workbook.xml") { return .xlsx }
        }
        return nil
    }
}
