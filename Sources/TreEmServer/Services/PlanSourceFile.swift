import Foundation
import TreEmCore

/// Gets the text out of a plan file: UTF-8 text and Markdown as they are, Word through its
/// XML, PDF through Debian's `pdftotext`. Refuses what is not a plan document, saying why.
enum PlanSourceFile {
    struct Failure: Error {
        var message: Bilingual
    }

    static let maximumBytes = 10 * 1024 * 1024

    static func text(ofFile path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Failure(message: Bilingual(vi: "Không đọc được tệp \(path).", en: "Cannot read \(path)."))
        }
        return try text(of: [UInt8](data), fileName: path)
    }

    static func text(of bytes: [UInt8], fileName: String) throws -> String {
        guard !bytes.isEmpty else {
            throw Failure(message: Bilingual(vi: "Tệp trống.", en: "The file is empty."))
        }
        guard bytes.count <= maximumBytes else {
            throw Failure(message: Bilingual(vi: "Tệp quá lớn (\(bytes.count / 1_048_576) MB; tối đa 10 MB).",
                                             en: "The file is too large (\(bytes.count / 1_048_576) MB; at most 10 MB)."))
        }
        let lower = fileName.lowercased()
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            guard lower.hasSuffix(".docx") || !lower.contains(".") else {
                throw Failure(message: Bilingual(vi: "Tệp nén (ZIP, XLSX…) không phải văn bản kế hoạch; hãy dùng .docx, .pdf, .txt hoặc .md.",
                                                 en: "A ZIP (or XLSX…) file is not a plan document; use .docx, .pdf, .txt or .md."))
            }
            do {
                return try DOCXText.text(of: bytes)
            } catch {
                throw Failure(message: Bilingual(vi: "Không đọc được tệp Word: \(error).", en: "Cannot read the Word file: \(error)."))
            }
        }
        if bytes.starts(with: Array("%PDF".utf8)) {
            return try pdfText(bytes)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let offset = firstInvalidUTF8(bytes)
            let line = bytes[..<offset].filter { $0 == 0x0A }.count + 1
            throw Failure(message: Bilingual(vi: "Tệp không phải văn bản UTF-8 (byte sai ở dòng \(line)).",
                                             en: "The file is not UTF-8 text (invalid byte on line \(line))."))
        }
        if text.unicodeScalars.contains(where: { $0.value == 0 }) {
            throw Failure(message: Bilingual(vi: "Tệp nhị phân, không phải văn bản.", en: "A binary file, not text."))
        }
        let folded = VietnameseText.fold(String(text.prefix(4000)))
        guard folded.contains("ke hoach") else {
            throw Failure(message: Bilingual(vi: "Không thấy đây là một kế hoạch: không có chữ \"KẾ HOẠCH\" ở đầu văn bản.",
                                             en: "This does not look like a plan: no \"KẾ HOẠCH\" near the start."))
        }
        return text
    }

    /// Offset of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }

    static func pdfText(_ bytes: [UInt8]) throws -> String {
        let tool = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let tool else {
            throw Failure(message: Bilingual(vi: "Cần cài pdftotext (gói Debian poppler-utils) để đọc tệp PDF.",
                                             en: "Reading a PDF needs pdftotext (Debian package poppler-utils)."))
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("treem-pdf-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in.pdf")
        let output = directory.appendingPathComponent("out.txt")
        try Data(bytes).write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-enc", "UTF-8", input.path, output.path]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: output.path),
              let text = String(data: data, encoding: .utf8) else {
            throw Failure(message: Bilingual(vi: "Không đọc được tệp PDF (có thể là ảnh quét).", en: "Cannot read the PDF (it may be a scanned image)."))
        }
        return text
    }
}

/// A few lines for a person: what was recognised.
enum PlanImportSummary {
    static func text(_ plan: ImportedPlan) -> String {
        var lines = ["Kế hoạch: \(plan.title ?? "(không rõ trích yếu)")",
                     "Cơ quan ban hành: \(plan.issuer ?? "(không rõ)")",
                     "Số: \(plan.number ?? "(chưa có)")"]
        if let theme = plan.theme { lines.append("Chủ đề: \(theme)") }
        if let period = plan.period { lines.append("Thời gian: \(period.start) → \(period.end)") }
        lines.append("Căn cứ: \(plan.bases.count), mục tiêu: \(plan.targets.count), khẩu hiệu: \(plan.slogans.count)")
        lines.append("Tổ chức thực hiện: \(plan.assignments.count) cơ quan, \(plan.assignments.flatMap(\.tasks).count) nhiệm vụ")
        for assignment in plan.assignments {
            lines.append("  - \(assignment.mode == "request" ? "Đề nghị " : "")\(assignment.agency): \(assignment.tasks.count) nhiệm vụ")
        }
        if let reporting = plan.reporting { lines.append("Hạn báo cáo: \(reporting.deadline) về \(reporting.to ?? "?")") }
        if let signature = plan.signature { lines.append("Người ký: \(signature.name ?? "?") (\(signature.position ?? ""))") }
        return lines.joined(separator: "\n")
    }
}
