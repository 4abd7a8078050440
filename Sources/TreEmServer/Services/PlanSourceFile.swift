import Foundation
import TreEmCore

/// Gets the text out of a plan file: UTF-8 text and Markdown as they are, Word through its
/// XML, PDF through Debian's `pdftotext`. Refuses what is not a plan document, saying why.
enum PlanSourceFile {
    struct Failure: Error {
        var message: Bilingual
    }

    static let maximumBytes = 10 * 1024 * 1024
    /// Reading one file may take this long; past it the reading stops and the file is refused.
    static let secondsAllowed = 5.0

    static func text(ofFile path: String) throws -> String {
        guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int,
            let data = FileManager.default.contents(atPath: path)
        else {
            throw Failure(message: Bilingual(vi: "Không đọc được tệp \(path).", en: "Cannot read \(path)."))
        }
        guard size <= maximumBytes else { throw tooLarge(size) }
        return try text(of: [UInt8](data), fileName: path)
    }

    /// Reads an upload on the upload pool — off the event loops, a few at a time, within
    /// `secondsAllowed` — and recognises the plan's parts there too.
    static func read(
        _ bytes: [UInt8], fileName: String, on work: BoundedWork
    ) async throws -> (text: String, reading: PlanReader.Reading) {
        try await work.run {
            let text = try text(of: bytes, fileName: fileName)
            return (text, PlanReader.readDetailed(text))
        }
    }

    static func tooLarge(_ count: Int) -> Failure {
        Failure(
            message: Bilingual(
                vi: "Tệp quá lớn (\(count / 1_048_576) MB; tối đa 10 MB).",
                en: "The file is too large (\(count / 1_048_576) MB; at most 10 MB)."))
    }

    /// No paragraph of a real plan comes near this (the seeds' longest is 1,835 characters);
    /// refusing longer ones keeps the reader's per-line patterns fast.
    static let maximumLineLength = 10_000

    static func text(
        of bytes: [UInt8], fileName: String, budget: ReadingBudget = ReadingBudget(seconds: secondsAllowed)
    ) throws -> String {
        let text = try extractText(of: bytes, fileName: fileName, budget: budget)
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.utf8.count > maximumLineLength, line.count > maximumLineLength {
                throw Failure(
                    message: Bilingual(
                        vi:
                            "Dòng \(lineNumber) dài \(line.count) ký tự, quá \(maximumLineLength) ký tự: không giống một đoạn của văn bản kế hoạch.",
                        en:
                            "Line \(lineNumber) is \(line.count) characters long, over \(maximumLineLength): not like a paragraph of a plan."
                    ))
            }
        }
        return text
    }

    private static func extractText(of bytes: [UInt8], fileName: String, budget: ReadingBudget) throws -> String {
        guard !bytes.isEmpty else {
            throw Failure(message: Bilingual(vi: "Tệp trống.", en: "The file is empty."))
        }
        guard bytes.count <= maximumBytes else { throw tooLarge(bytes.count) }
        let lower = fileName.lowercased()
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            guard lower.hasSuffix(".docx") || !lower.contains(".") else {
                throw Failure(
                    message: Bilingual(
                        vi: "Tệp nén (ZIP, XLSX…) không phải văn bản kế hoạch; hãy dùng .docx, .pdf, .txt hoặc .md.",
                        en: "A ZIP (or XLSX…) file is not a plan document; use .docx, .pdf, .txt or .md."))
            }
            do {
                return try DOCXText.text(of: bytes, budget: budget)
            } catch {
                throw Failure(
                    message: Bilingual(
                        vi: "Không đọc được tệp Word: \(error).", en: "Cannot read the Word file: \(error)."))
            }
        }
        if bytes.starts(with: Array("%PDF".utf8)) {
            return try pdfText(bytes, seconds: secondsAllowed)
        }
        let text: String
        do {
            text = try UTF8Text.decode(bytes)
        } catch {
            throw Failure(message: error.message)
        }
        if text.unicodeScalars.contains(where: { $0.value == 0 }) {
            throw Failure(message: Bilingual(vi: "Tệp nhị phân, không phải văn bản.", en: "A binary file, not text."))
        }
        let folded = VietnameseText.fold(String(text.prefix(4000)))
        guard folded.contains("ke hoach") else {
            throw Failure(
                message: Bilingual(
                    vi: "Không thấy đây là một kế hoạch: không có chữ \"KẾ HOẠCH\" ở đầu văn bản.",
                    en: "This does not look like a plan: no \"KẾ HOẠCH\" near the start."))
        }
        return text
    }

    /// The text of a PDF through Debian's `pdftotext`, which is killed when it runs past
    /// `seconds` (a crafted PDF can keep it busy) and whose output is read only up to 20 MB.
    static func pdfText(
        _ bytes: [UInt8], seconds: Double,
        tool: String? = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    )
        throws -> String
    {
        guard let tool else {
            throw Failure(
                message: Bilingual(
                    vi: "Cần cài pdftotext (gói Debian poppler-utils) để đọc tệp PDF.",
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
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let limit = VietnameseNumber.format(seconds, fractionDigits: 1)
            throw Failure(
                message: Bilingual(
                    vi: "Đọc tệp PDF quá \(limit) giây nên đã dừng; tệp có thể bị hỏng hoặc quá phức tạp.",
                    en:
                        "Reading the PDF took over \(VietnameseNumber.plain(seconds)) seconds and was stopped; the file may be damaged or too complex."
                ))
        }
        process.waitUntilExit()
        let size = (try? FileManager.default.attributesOfItem(atPath: output.path))?[.size] as? Int ?? 0
        guard process.terminationStatus == 0, size <= 20 * 1024 * 1024,
            let data = FileManager.default.contents(atPath: output.path),
            let text = String(data: data, encoding: .utf8)
        else {
            throw Failure(
                message: Bilingual(
                    vi: "Không đọc được tệp PDF (có thể là ảnh quét).",
                    en: "Cannot read the PDF (it may be a scanned image)."))
        }
        return text
    }
}

/// A few lines for a person: what was recognised.
enum PlanImportSummary {
    static func text(_ plan: ImportedPlan) -> String {
        var lines = [
            "Kế hoạch: \(plan.title ?? "(không rõ trích yếu)")",
            "Cơ quan ban hành: \(plan.issuer ?? "(không rõ)")",
            "Số: \(plan.number ?? "(chưa có)")",
        ]
        if let theme = plan.theme { lines.append("Chủ đề: \(theme)") }
        if let period = plan.period { lines.append("Thời gian: \(period.start) → \(period.end)") }
        lines.append("Căn cứ: \(plan.bases.count), mục tiêu: \(plan.targets.count), khẩu hiệu: \(plan.slogans.count)")
        lines.append(
            "Tổ chức thực hiện: \(plan.assignments.count) cơ quan, \(plan.assignments.flatMap(\.tasks).count) nhiệm vụ")
        for assignment in plan.assignments {
            lines.append(
                "  - \(assignment.mode == "request" ? "Đề nghị " : "")\(assignment.agency): \(assignment.tasks.count) nhiệm vụ"
            )
        }
        if let reporting = plan.reporting {
            lines.append("Hạn báo cáo: \(reporting.deadline) về \(reporting.to ?? "?")")
        }
        if let signature = plan.signature {
            lines.append("Người ký: \(signature.name ?? "?") (\(signature.position ?? ""))")
        }
        return lines.joined(separator: "\n")
    }
}
